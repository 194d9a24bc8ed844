"""Listing fields that say where a figure came from (issue 13): extent source, currency, an older pay table."""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline.normalise import normalise_record

ON = date(2026, 11, 21)


def _record(source: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "source": source,
        "source_id": "n1",
        "status": "ACTIVE",
        "fields": {"title": "Rådgiver", **fields},
    }


def test_navs_bare_heltid_is_kept_apart_from_a_stated_share() -> None:
    """NAV writes "Heltid" when its source had no value: the permit's 80 % rule must be able to see that."""
    bare = normalise_record(_record("nav", {"extent": "Heltid", "description": "Vi søker en rådgiver."}), ON)
    assert (bare.extent_pct, bare.extent_source) == (100, "nav_heltid")
    stated = normalise_record(
        _record("nav", {"extent": "Heltid", "description": "Stillingen er en 100 % fast stilling."}), ON
    )
    assert (stated.extent_pct, stated.extent_source) == (100, "stated")
    finn = normalise_record(_record("finn", {"extent": "Heltid", "description": "Vi søker en rådgiver."}), ON)
    assert finn.extent_source == "full_time_word"


def test_pay_in_another_currency_is_stored_with_it_and_not_as_nok() -> None:
    row = normalise_record(_record("jsonld", {"description": "<p>Salary: $120k – $150k per year.</p>"}), ON)
    assert (row.salary_min_nok, row.salary_max_nok) == (None, None)
    assert (row.salary_currency, row.salary_min, row.salary_max) == ("USD", 120_000, 150_000)
    nok = normalise_record(_record("jsonld", {"description": "Lønn: 650 000 – 750 000 kr."}), ON)
    assert (nok.salary_currency, nok.salary_min, nok.salary_min_nok) == ("NOK", 650_000, 650_000)


def test_steps_priced_with_an_older_table_say_so_in_the_listing() -> None:
    row = normalise_record(
        _record(
            "nav",
            {
                "description": "Stillingen lønnes i lønnstrinn 60–65.",
                "published": "2026-10-01T08:00:00+02:00",
            },
        ),
        ON,
    )
    assert row.salary_min_nok is not None
    assert row.salary_basis == "pay_scale:2022-05-01"
    assert row.salary_note is not None and "state pay table of 01 May 2022" in row.salary_note
    assert "higher today" in row.salary_note
    recent = normalise_record(
        _record(
            "nav",
            {
                "description": "Stillingen lønnes i lønnstrinn 60–65.",
                "published": "2022-09-01T08:00:00+02:00",
            },
        ),
        ON,
    )
    assert recent.salary_note is None
