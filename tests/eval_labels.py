"""What every labelled real-ad set must hold, shared by tests/test_eval_real.py, test_eval_holdout.py and
test_eval_blind.py: a label for every core field with a value the listings table can hold, and a record the
ingest reads."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from pipeline import evaluate
from pipeline.normalise import normalise_record

CORE: dict[str, set[object]] = {
    "english_ok": {True, False},
    "language_requirement": {"english_ok", "norwegian_required", "scandinavian_required"},
    "education": {"master", "bachelor", "vocational", "none", None},
    "staffing_agency": {True, False},
    "temporary": {True, False},
    "remote": {"onsite", "hybrid", "remote"},
}
LEVEL1 = {
    "Bygg og anlegg",
    "Helse og sosial",
    "Håndverkere",
    "IT",
    "Industri og produksjon",
    "Kontor og økonomi",
    "Kultur og kreative yrker",
    "Natur og miljø",
    "Reiseliv og mat",
    "Salg og service",
    "Sikkerhet og beredskap",
    "Transport og lager",
    "Utdanning",
    "Uoppgitt/ ikke identifiserbare",
}  # NAV's level-1 names (pam-styrk-yrkeskategori-mapper, trimmed)
LICENCES = {"MIT", "Apache-2.0"}


def read_items(folder: Path) -> list[dict[str, Any]]:
    """Every labelled ad in the folder's JSON-lines files."""
    return [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def assert_labelled(item: dict[str, Any]) -> None:
    """The ad carries a label for every core field, each a value the listings table can hold."""
    expected = item["expected"]
    for key, allowed in CORE.items():
        assert expected[key] in allowed, key
    assert expected["english_ok"] == (expected["language_requirement"] == "english_ok")
    assert expected["occupation_level1"] in LEVEL1
    assert expected["extent_pct"] is None or 1 <= expected["extent_pct"] <= 100
    low, high = expected["salary_min_nok"], expected["salary_max_nok"]
    assert (low is None) == (high is None)
    assert low is None or 100_000 <= low <= high
    if "application_deadline" in expected:
        date.fromisoformat(expected["application_deadline"])
    assert expected.get("status", "expired") in {"active", "expired", "inactive"}
    assert item["lang"] in {"nb", "nn", "en"}


def assert_ingest_reads(item: dict[str, Any]) -> None:
    """The ad reaches the normaliser as a record the ingest reads, with its title intact."""
    fields = item["fields"]
    assert fields["title"].strip() and fields["description"].strip()
    row = normalise_record(evaluate.to_record(item), on=evaluate.EVAL_DAY)
    assert row.title == fields["title"].strip()


def plain_text(html: str) -> str:
    """An ad's text without tags and with single spaces: what two sets are compared on."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def assert_traceable(item: dict[str, Any], folder: Path) -> None:
    """The ad names its public source (repository, path, commit) under a licence that lets us keep it, and
    the set's SOURCES.md lists that repository and commit."""
    prov = item["provenance"]
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", prov["repo"])
    assert prov["path"] and prov["source_shape"]
    assert re.fullmatch(r"[0-9a-f]{40}", prov["commit"])
    assert prov["licence"] in LICENCES
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    assert prov["repo"] in sources and prov["commit"] in sources
