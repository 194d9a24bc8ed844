"""The real-ad evaluation set is well-formed, and `make eval` reports it beside our own sets.

These tests say nothing about how well the normalisers do on the set (that is `make eval`'s figure and
moves as they improve); they check that every ad can be traced to its public source and licence, carries
a label for every core field with a value the listings table can hold, and reaches the normaliser as a
record the ingest can read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline import evaluate
from tests.eval_labels import LICENCES, assert_ingest_reads, assert_labelled, read_items

REAL = Path(__file__).parent / "eval" / "real"


ITEMS = read_items(REAL)


def test_the_set_holds_real_ads_with_unique_ids() -> None:
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 150  # a floor: the set may grow, never shrink unnoticed


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_has_provenance_and_a_licence_that_allows_keeping_it(item: dict) -> None:
    prov = item["provenance"]
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", prov["repo"])
    assert prov["path"]
    assert re.fullmatch(r"[0-9a-f]{40}", prov["commit"])
    assert prov["licence"] in LICENCES
    assert prov["repo"] in (REAL / "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_is_labelled_for_every_core_field(item: dict) -> None:
    assert_labelled(item)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_every_ad_is_a_record_the_ingest_reads(item: dict) -> None:
    assert_ingest_reads(item)


def test_make_eval_reports_our_sets_and_the_real_set_apart(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(["--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"own", "real", "holdout", "blind", "titles"}
    real = {row["field"]: row for row in report["real"]}
    assert real["education"]["items"] == len(ITEMS)
    assert evaluate.main([]) == 0
    text = capsys.readouterr().out
    assert "== own: tests/eval/normalise" in text and f"== real: tests/eval/real ({len(ITEMS)} items)" in text


def test_a_label_the_normaliser_does_not_produce_is_reported_as_such(tmp_path: Path) -> None:
    item = {
        "id": "x1",
        "fields": {"title": "Kokk", "description": "Vi har ledig et vikariat som kokk."},
        "expected": {"no_such_column": "x", "temporary": True},
    }
    (tmp_path / "set.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    scores = {s.field: s for s in evaluate.evaluate(tmp_path)}
    assert not scores["no_such_column"].produced and scores["no_such_column"].misses == []
    assert scores["temporary"].produced and scores["temporary"].correct == 1


def test_a_miss_that_says_nothing_is_counted_apart_from_a_wrong_value(tmp_path: Path) -> None:
    """A snippet the code leaves unknown (None) against a labelled "not temporary" is a miss of another kind
    than a wrong value: the report says how many misses were "not stated"."""
    items = [
        {"id": "u1", "fields": {"title": "Selger", "description": "Vi søker en blid medarbeider."},
         "expected": {"temporary": False}},
        {"id": "w1", "fields": {"title": "Kokk", "description": "Vi har ledig et vikariat som kokk."},
         "expected": {"temporary": False}},
    ]  # fmt: skip
    (tmp_path / "set.jsonl").write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    (score,) = evaluate.evaluate(tmp_path)
    assert (score.items, score.correct, score.unknown) == (2, 0, 1)
    assert "unknown" in evaluate._table([score]).splitlines()[0]


def test_occupation_is_scored_on_the_first_category_of_a_listing() -> None:
    assert evaluate._comparable("occupation_level1", ["IT", "Kontor og økonomi"]) == "IT"
    assert evaluate._comparable("occupation_level1", []) is None
    assert evaluate._comparable("occupation_level1", "IT") == "IT"
    row = {"occupation_categories": [{"level1": "Helse og sosial", "level2": "Sykepleier", "basis": "title"}]}
    assert evaluate._produces(row, "occupation_level1")
    assert (
        evaluate._comparable("occupation_level1", evaluate._value(row, "occupation_level1"))
        == "Helse og sosial"
    )
