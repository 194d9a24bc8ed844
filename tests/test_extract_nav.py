"""The NAV extractors on NAV's own samples (docs templates, test ad) and on edge cases of the feed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from spiders.extract_nav import (
    NavShapeError,
    ad_fields,
    ad_url,
    entry_fields,
    entry_is_active,
    feed_events,
    next_page_id,
    page_id,
    token_from_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "nav"
UUID = "10584075-1e5c-4a83-bf49-c80bcab83018"


def _docs_json_blocks() -> list[Any]:
    """The JSON templates on NAV's documentation page that parse as JSON (feed item, feed entry)."""
    text = (FIXTURES / "stilling_feed_docs_index.markdown").read_text(encoding="utf-8")
    blocks = []
    for block in re.findall(r"```json\n(.*?)```", text, flags=re.S):
        try:
            blocks.append(json.loads(block))
        except json.JSONDecodeError:
            continue  # the feed-page template has `[ FeedItem ]`, not JSON
    return blocks


@pytest.fixture(scope="module")
def leka_entry() -> dict[str, Any]:
    return json.loads((FIXTURES / "feedentry_from_ad_dto.json").read_text(encoding="utf-8"))


def test_token_is_the_jwt_on_the_last_line() -> None:
    body = "Current public token for Nav Job Vacancy Feed:\neyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJmZWVkLWFwaS12MiJ9.c2ln\n"
    assert token_from_text(body) == "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJmZWVkLWFwaS12MiJ9.c2ln"


def test_token_falls_back_to_last_non_empty_line() -> None:
    assert token_from_text("Current public token:\n\nopaque-token_123\n\n") == "opaque-token_123"


def test_token_missing_says_what_to_check() -> None:
    with pytest.raises(ValueError, match="no token"):
        token_from_text("Current public token for Nav Job Vacancy Feed:\n")


def test_docs_feed_item_template_reads_as_one_event() -> None:
    item = next(block for block in _docs_json_blocks() if "_feed_entry" in block)
    (event,) = feed_events({"id": "p1", "next_id": None, "items": [item]})
    assert event.uuid.startswith("string")
    assert event.sist_endret == "2023-05-25T07:47:08.935Z - ISO formatted time for last change to the ad"
    assert event.item is item


def test_docs_feed_entry_template_uses_json_key_and_still_extracts() -> None:
    entry = next(block for block in _docs_json_blocks() if "sistEndret" in block and "json" in block)
    fields = entry_fields(entry)
    assert fields["title"] == "string"
    assert fields["locations"] == [
        {
            "address": "string",
            "postal_code": "string",
            "city": "string",
            "municipality": "string",
            "county": "string",
            "country": "string",
        }
    ]
    assert fields["occupation"] == ["string"]  # level1, level2 and names are all "string": kept once


def test_leka_entry_fields(leka_entry: dict[str, Any]) -> None:
    fields = entry_fields(leka_entry)
    assert fields == {
        "title": "Vi søker pedagogisk leder til",
        "employer": "Leka kommune",
        "description": "adtext here",
        "employer_description": "employerdescription here",
        "locations": [
            {
                "address": None,
                "postal_code": "7994",
                "city": "LEKA",
                "municipality": "LEKA",
                "county": "TRØNDELAG",
                "country": "NORGE",
            }
        ],
        "published": "2021-03-23T00:00:00+01:00",
        "expires": "2021-04-23T00:00:00+02:00",
        "application_due": "2021-04-23",
        "extent": "Heltid",
        "engagement": "Fast",
        "employment_types": [],
        "work_language": None,
        "base_salary": None,
        "sector": "Offentlig",
        "occupation": ["Utdanning", "Barnehagelærer", "Pedagogisk leder (førskolelærer)"],
        "apply_url": None,
        "position_count": "1",
        "start": "2021-06-01",
        "employer_orgnr": "123456789",
        "remote": None,
        "styrk_codes": ["2342.07"],
        "occupation_levels": [{"level1": "Utdanning", "level2": "Barnehagelærer"}],
    }


def test_contact_persons_never_reach_fields(leka_entry: dict[str, Any]) -> None:
    flat = json.dumps(entry_fields(leka_entry), ensure_ascii=False)
    assert "abc@abc.no" not in flat and '"1234567"' not in flat  # the phone, not the orgnr 123456789


def test_entry_without_ad_content_is_inactive(leka_entry: dict[str, Any]) -> None:
    withdrawn = {key: value for key, value in leka_entry.items() if key != "ad_content"}
    assert entry_is_active(leka_entry)
    assert not entry_is_active(withdrawn)
    assert entry_fields(withdrawn) == {}


def test_title_falls_back_to_jobtitle_and_apply_url_to_sourceurl(leka_entry: dict[str, Any]) -> None:
    ad = dict(leka_entry["ad_content"], title="", sourceurl="https://jobs.example.no/123")
    fields = entry_fields({**leka_entry, "ad_content": ad})
    assert fields["title"] == "Pedagogisk leder (barnehage/førskole)"
    assert fields["apply_url"] == "https://jobs.example.no/123"


def _item(ad_uuid: str, status: str, stamp: str) -> dict[str, Any]:
    return {"id": ad_uuid, "_feed_entry": {"uuid": ad_uuid, "status": status, "sistEndret": stamp}}


def test_feed_events_keep_the_last_line_per_ad_in_log_order() -> None:
    page = {
        "id": "e1",
        "next_id": "e4",
        "items": [
            _item("a", "ACTIVE", "2026-11-01T10:00:00+01:00"),
            _item("b", "ACTIVE", "2026-11-01T11:00:00+01:00"),
            _item("a", "INACTIVE", "2026-11-01T12:00:00+01:00"),
            _item("c", "ACTIVE", "2026-11-01T13:00:00+01:00"),
        ],
    }
    events = feed_events(page)
    assert [(e.uuid, e.status, e.sist_endret) for e in events] == [
        ("b", "ACTIVE", "2026-11-01T11:00:00+01:00"),
        ("a", "INACTIVE", "2026-11-01T12:00:00+01:00"),
        ("c", "ACTIVE", "2026-11-01T13:00:00+01:00"),
    ]
    assert page_id(page) == "e1" and next_page_id(page) == "e4"


def test_tip_page_has_no_next_id() -> None:
    assert next_page_id({"id": "e9", "next_id": None, "next_url": None, "items": []}) is None


def test_ad_url_points_at_arbeidsplassen() -> None:
    assert ad_url(UUID) == f"https://arbeidsplassen.nav.no/stillinger/stilling/{UUID}"


def test_derived_entry_agrees_with_nav_test_ad(leka_entry: dict[str, Any]) -> None:
    """The hand-derived feed entry keeps the values of NAV's own test ad (see SOURCES.md)."""
    dto = json.loads((FIXTURES / "stilling_feed_test_ad_dto.json").read_text(encoding="utf-8"))
    fields = entry_fields(leka_entry)
    props = dto["properties"]
    assert leka_entry["uuid"] == dto["uuid"]
    assert fields["title"] == dto["title"]
    assert fields["description"] == props["adtext"]
    assert fields["application_due"] == props["applicationdue"]
    assert fields["engagement"] == props["engagementtype"]
    assert fields["sector"] == props["sector"]
    assert fields["locations"][0]["municipality"] == dto["locationList"][0]["municipal"]
    assert dto["categoryList"][0]["name"] in fields["occupation"]


NAV_FIXTURES = Path(__file__).parent / "fixtures" / "nav"


def test_search_api_hits_are_read_in_full() -> None:
    """Issue 13: NAV's other public shapes silently lost text, extent, engagement, sector, deadline, places."""
    hits = json.loads((NAV_FIXTURES / "public_feed_test_search_result.json").read_text())["hits"]["hits"]
    fields = [ad_fields(hit) for hit in hits]
    first = fields[0]
    assert first["title"] == "Erfaren frontendutvikler"
    assert first["employer"] == "BREDVID AS"
    assert first["description"].startswith("<p>Bredvid er et konsulentselskap")
    assert first["extent"] == "Heltid_og_deltid"
    assert first["locations"][0]["city"] == "OSLO"
    assert first["occupation"] == ["IT", "Utvikling", "Programmerer (data)"]
    assert fields[2]["application_due"] == "2019-04-12T01:00"


def test_import_api_ads_are_read_in_full() -> None:
    ads = json.loads((NAV_FIXTURES / "import_api_test_transfer_ads.json").read_text())
    kindergarten = ad_fields(ads[0])
    assert kindergarten["employer"] == "Sørumsand barnehage"
    assert kindergarten["description"].startswith("<p>Nå har du en unik mulighet")
    assert (kindergarten["extent"], kindergarten["engagement"], kindergarten["sector"]) == (
        "Heltid",
        "Fast",
        "Privat",
    )
    assert kindergarten["application_due"] == "24.02.2019"
    assert kindergarten["locations"][0]["city"] == "SØRUMSAND"
    assert kindergarten["position_count"] == "2"
    assert ad_fields(ads[1])["engagement"] == "Sesong"


def test_internal_ad_imported_from_another_board_is_read_not_quarantined() -> None:
    """A pam-ad AdDTO that NAV imported from FINN carries `reference` (FINN's id) beside
    `properties.adtext`; it was taken for an import-API ad and quarantined as having no text."""
    ad = {
        "uuid": "df7146c9-bf11-4016-8d62-30074ab3fa75",
        "title": "Ungdomsarbeider",
        "source": "FINN",
        "reference": "102185822",
        "employer": None,
        "businessName": None,
        "locationList": [{"city": "OSLO", "postalCode": "0959", "country": "NORGE"}],
        "properties": {
            "adtext": "<p>Bydel Grorud har fire kommunale fritidsklubber.</p>",
            "employer": "Aktivitetsenheten",
            "extent": "Heltid",
            "engagementtype": "Fast",
            "applicationdue": "28.08.2017",
        },
    }
    fields = ad_fields(ad)
    assert fields["description"].startswith("<p>Bydel Grorud")
    assert (fields["employer"], fields["engagement"], fields["application_due"]) == (
        "Aktivitetsenheten",
        "Fast",
        "28.08.2017",
    )


def test_a_shape_we_cannot_read_is_refused_with_its_reason() -> None:
    with pytest.raises(NavShapeError, match="not a NAV ad shape"):
        ad_fields({"foo": 1, "bar": 2})
    with pytest.raises(NavShapeError, match="without description"):
        ad_fields({"_source": {"title": "Lærer", "properties": {}}})
    with pytest.raises(NavShapeError, match="feed entry without description"):
        entry_fields({"uuid": "u", "status": "ACTIVE", "ad_content": {"title": "Lærer", "description": ""}})
