"""The bundled demo data: reproducible, complete in NAV's shape, varied, and labelled truthfully."""

from __future__ import annotations

import gzip
import html
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from demo.adgen.lonnstabell import ANNUAL_NOK_BY_STEP
from demo.generate_ads import DEMO_TODAY, generate, generate_ads, group_quotas, main

DATA = Path(__file__).resolve().parents[1] / "demo" / "data"
AD_KEYS = {
    "uuid", "title", "jobtitle", "description", "published", "expires", "updated", "employer", "workLocations", "contactList",
    "engagementtype", "extent", "sector", "applicationDue", "occupationCategories", "categoryList", "source", "sourceurl",
    "applicationUrl", "link", "positioncount",
}  # fmt: skip
LABEL_KEYS = {
    "uuid", "english_ok", "language_requirement", "salary_min_nok", "salary_max_nok", "extent_pct", "temporary",
    "staffing_agency", "education", "deadline",
}  # fmt: skip
NAV_LEVEL1 = {
    "Bygg og anlegg", "Helse og sosial", "Håndverkere", "IT", "Industri og produksjon", "Kontor og økonomi",
    "Kultur og kreative yrker", "Natur og miljø", "Reiseliv og mat", "Salg og service", "Sikkerhet og beredskap",
    "Transport og lager", "Utdanning", "Uoppgitt/ ikke identifiserbare",
}  # fmt: skip
ENGAGEMENTS = {
    "Fast",
    "Vikariat",
    "Engasjement",
    "Prosjekt",
    "Sesong",
    "Åremål",
    "Trainee",
    "Lærling",
    "Feriejobb",
}
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+0[12]:00$")


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    with gzip.open(DATA / "nav_ads.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def ads(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [entry["ad_content"] for entry in entries]


@pytest.fixture(scope="module")
def labels() -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (DATA / "nav_ads_labels.jsonl").read_text(encoding="utf-8").splitlines()
    ]


def test_generator_is_deterministic_for_a_seed() -> None:
    first = generate_ads(40, 3, date(2026, 3, 1))
    assert first == generate_ads(40, 3, date(2026, 3, 1))
    assert [ad["uuid"] for ad in first] != [ad["uuid"] for ad in generate_ads(40, 4, date(2026, 3, 1))]


def test_committed_data_is_exactly_what_the_generator_makes(
    manifest: dict[str, Any], ads: list[dict[str, Any]], labels: list[dict[str, Any]]
) -> None:
    assert manifest["today"] == DEMO_TODAY.isoformat()
    composed = generate(manifest["count"], manifest["seed"], date.fromisoformat(manifest["today"]))
    assert len(ads) == manifest["count"] >= 300
    assert [ad["uuid"] for ad in ads[:5]] == manifest["first_uuids"]
    assert ads == [item.ad for item in composed]
    assert labels == [item.label for item in composed]


def test_entries_have_the_feed_entry_shape(entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        assert entry["status"] == "ACTIVE"
        assert entry["uuid"] == entry["ad_content"]["uuid"]
        assert entry["sistEndret"] == entry["ad_content"]["updated"]


def test_every_ad_has_nav_fields_with_nav_values(ads: list[dict[str, Any]]) -> None:
    assert len({ad["uuid"] for ad in ads}) == len(ads)
    for ad in ads:
        assert ad.keys() >= AD_KEYS, ad["uuid"]
        assert set(ad["employer"]) == {"name", "orgnr", "description", "homepage"}
        assert ad["employer"]["orgnr"] is None or re.fullmatch(r"\d{9}", ad["employer"]["orgnr"])
        for key in ("published", "updated", "expires"):
            assert ISO_WITH_OFFSET.match(ad[key]), ad[key]
        assert ad["extent"] in {"Heltid", "Deltid"}
        assert ad["sector"] in {"Offentlig", "Privat"}
        assert ad["engagementtype"] in ENGAGEMENTS
        assert {category["level1"] for category in ad["occupationCategories"]} <= NAV_LEVEL1
        assert ad["categoryList"][0]["categoryType"] == "STYRK08"
        assert ad["link"].endswith(ad["uuid"])
        for place in ad["workLocations"]:
            assert place["country"] == "NORGE"
            for key in ("city", "county", "municipal"):
                assert place[key] == place[key].upper() and place[key]
            assert re.fullmatch(r"\d{4}", place["postalCode"])
        for person in ad["contactList"]:
            assert person["email"].rsplit("@", 1)[1] in {"example.com", "example.org", "example.net"}
        for tag in ("<p>", "<ul>", "<li>"):
            assert tag in ad["description"]


def test_real_places_keep_norwegian_letters_and_differ_from_municipality(ads: list[dict[str, Any]]) -> None:
    places = {(p["city"], p["municipal"], p["county"]) for ad in ads for p in ad["workLocations"]}
    assert ("OSLO", "OSLO", "OSLO") in places
    assert any(county == "MØRE OG ROMSDAL" for _, _, county in places)
    assert any(city != municipal for city, municipal, _ in places)  # e.g. LYSAKER in BÆRUM


def test_mix_of_occupations_and_languages_is_as_documented(
    labels: list[dict[str, Any]], ads: list[dict[str, Any]]
) -> None:
    groups = Counter(label["group"] for label in labels)
    assert groups == Counter(group_quotas(len(labels)))
    assert 0.33 <= groups["it"] / len(labels) <= 0.37
    assert len(groups) >= 12 and min(groups.values()) >= 10
    languages = Counter(label["ad_language"] for label in labels)
    assert 0.15 <= languages["en"] / len(labels) <= 0.25
    assert languages["nn"] >= 10
    english_groups = Counter(label["group"] for label in labels if label["ad_language"] == "en")
    assert (english_groups["it"] + english_groups["research"]) / languages["en"] >= 0.7
    it_level1 = Counter(
        ad["occupationCategories"][0]["level1"]
        for ad, label in zip(ads, labels, strict=True)
        if label["group"] == "it"
    )
    assert set(it_level1) == {"IT"}


def test_phrasings_vary(ads: list[dict[str, Any]], labels: list[dict[str, Any]]) -> None:
    first_sentences = {re.split(r"(?<=[.!?])\s", _plain(ad["description"]).strip())[0] for ad in ads}
    assert len(first_sentences) > 200
    assert len({ad["title"] for ad in ads}) > 150
    assert len({label["salary_text"] for label in labels if label["salary_text"]}) > 120
    assert len({label["language_statement"] for label in labels if label["language_statement"]}) >= 25
    assert len({ad["applicationDue"] for ad in ads}) > 100


def test_labelled_phrases_are_in_the_ad_text(ads: list[dict[str, Any]], labels: list[dict[str, Any]]) -> None:
    for ad, label in zip(ads, labels, strict=True):
        text = html.unescape(ad["description"])
        for key in ("salary_text", "language_statement"):
            if label[key]:
                assert html.unescape(label[key]) in text, (ad["uuid"], key)


def test_salary_labels_follow_the_annual_rules(labels: list[dict[str, Any]]) -> None:
    kinds = Counter(label["salary_kind"] for label in labels)
    for kind in (
        "annual_range",
        "annual_single",
        "from",
        "monthly",
        "hourly",
        "steps",
        "code_range",
        "agreement",
        "tariff",
        "none",
    ):
        assert kinds[kind] >= 1, kind
    step_values = set(ANNUAL_NOK_BY_STEP.values())
    for label in labels:
        low, high, kind = label["salary_min_nok"], label["salary_max_nok"], label["salary_kind"]
        if kind in {"agreement", "tariff", "none"}:
            assert low is None and high is None
            continue
        assert low is not None and 300_000 <= low <= 1_300_000, label
        if high is not None:
            assert low <= high
        if kind.startswith("hourly"):
            assert low % 1950 in {0, 975}
        if kind.startswith("monthly"):
            assert low % 12 == 0
        if kind == "steps":
            assert {low, high} <= step_values
        if kind in {"from", "monthly_from", "hourly_from"}:
            assert high is None


def test_hourly_and_step_salaries_convert_as_notes_say(labels: list[dict[str, Any]]) -> None:
    hourly = next(label for label in labels if label["salary_kind"] == "hourly")
    rate = int(re.search(r"\d{3}", hourly["salary_text"]).group())  # type: ignore[union-attr]
    assert hourly["salary_min_nok"] == rate * 1950
    steps = next(label for label in labels if label["salary_kind"] == "steps")
    first, last = map(int, re.search(r"(\d{2,3})\s*[–-]\s*(\d{2,3})", steps["salary_text"]).groups())  # type: ignore[union-attr]
    assert (steps["salary_min_nok"], steps["salary_max_nok"]) == (
        ANNUAL_NOK_BY_STEP[first],
        ANNUAL_NOK_BY_STEP[last],
    )


def test_decoy_numbers_sit_beside_ads_without_salary(
    ads: list[dict[str, Any]], labels: list[dict[str, Any]]
) -> None:
    decoyed = [
        ad for ad, label in zip(ads, labels, strict=True)
        if label["salary_min_nok"] is None and re.search(r"treningstilskudd|fitness allowance|relocation|Flyttegodtgjørelse", ad["description"])
    ]  # fmt: skip
    assert len(decoyed) >= 5


def test_labels_agree_with_structured_fields(ads: list[dict[str, Any]], labels: list[dict[str, Any]]) -> None:
    for ad, label in zip(ads, labels, strict=True):
        assert label.keys() >= LABEL_KEYS
        assert label["uuid"] == ad["uuid"]
        assert label["temporary"] == (
            ad["engagementtype"] in {"Vikariat", "Engasjement", "Prosjekt", "Sesong", "Feriejobb", "Åremål"}
        )
        assert label["english_ok"] == (label["language_requirement"] == "english_ok")
        if ad["extent"] == "Heltid":
            assert label["extent_pct"] == 100
        else:
            assert label["extent_pct"] is None or label["extent_pct"] < 100
        if label["deadline"] is None:
            assert not re.search(r"\d", ad["applicationDue"])
        else:
            assert ad["expires"].startswith(label["deadline"])
        if label["staffing_agency"]:
            assert re.search(r"kunde|client", ad["description"])
    assert sum(label["staffing_agency"] for label in labels) >= 15
    assert sum(label["temporary"] for label in labels) >= 30
    assert Counter(label["language_requirement"] for label in labels).keys() == {
        "english_ok",
        "norwegian_required",
        "scandinavian_required",
    }
    assert {label["education"] for label in labels} == {"master", "bachelor", "vocational", "none", None}


def test_deadlines_fall_both_before_and_after_today(
    ads: list[dict[str, Any]], labels: list[dict[str, Any]]
) -> None:
    deadlines = [date.fromisoformat(label["deadline"]) for label in labels if label["deadline"]]
    assert sum(day < DEMO_TODAY for day in deadlines) >= 20
    assert sum(day >= DEMO_TODAY for day in deadlines) >= 150
    dues = {ad["applicationDue"] for ad in ads}
    assert {"Snarest", "Fortløpende"} <= dues
    assert any(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", due) for due in dues)
    assert any(re.fullmatch(r"\d{1,2}\. [a-z]+ \d{4}", due) for due in dues)


def test_events_deactivate_ten_and_retitle_five_open_ads(labels: list[dict[str, Any]]) -> None:
    events = json.loads((DATA / "nav_events.json").read_text(encoding="utf-8"))
    by_uuid = {label["uuid"]: label for label in labels}
    deactivated = [event["uuid"] for event in events["deactivate"]]
    retitled = [event["uuid"] for event in events["retitle"]]
    assert len(set(deactivated)) == 10 and len(set(retitled)) == 5
    assert not set(deactivated) & set(retitled)
    assert all(not by_uuid[uuid]["expired"] for uuid in deactivated + retitled)
    for event in events["retitle"]:
        assert event["title"] != event["previous_title"] and event["title"].startswith(
            event["previous_title"]
        )


def test_committed_archive_is_small() -> None:
    assert (DATA / "nav_ads.jsonl.gz").stat().st_size < 1_500_000


def test_command_line_writes_reproducible_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ads.jsonl.gz"
    assert main(["--count", "25", "--seed", "11", "--today", "2026-06-01", "--out", str(out)]) == 0
    first = out.read_bytes()
    assert "wrote 25 ads" in capsys.readouterr().out
    with gzip.open(out, "rt", encoding="utf-8") as lines:
        assert [json.loads(line)["ad_content"] for line in lines] == generate_ads(25, 11, date(2026, 6, 1))
    main(["--count", "25", "--seed", "11", "--today", "2026-06-01", "--out", str(out)])
    assert out.read_bytes() == first
    assert {path.name for path in tmp_path.iterdir()} == {
        "ads.jsonl.gz",
        "nav_ads_labels.jsonl",
        "nav_events.json",
        "manifest.json",
    }


def test_command_line_rejects_a_count_below_one() -> None:
    with pytest.raises(SystemExit):
        main(["--count", "0", "--out", "/nonexistent/never-written.gz"])
