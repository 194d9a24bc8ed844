"""Small pure pieces of the job hunt: calendar text, date arithmetic, employer names, ids."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from hunt import ics
from hunt.applications import open_application_id, slugify
from hunt.clock import iso_week, months_before, parse_date
from hunt.contacts import employer_key
from hunt.errors import HuntError
from hunt.followups import Followup, FollowupRules
from hunt.offer import looks_like_staffing_agency


def test_ics_folds_long_lines_without_splitting_characters() -> None:
    title = "Søknad på stilling i Bodø, Tromsø og Ålesund; " * 4
    item = Followup("nav:x", "thank_you", date(2026, 11, 19), date(2026, 11, 20), title, "Kartverket")
    text = ics.calendar([item], date(2026, 11, 20), datetime(2026, 11, 20, 7, 30, tzinfo=UTC))
    lines = text.split("\r\n")
    assert any(line.startswith(" ") for line in lines)  # folded
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    text.encode("utf-8").decode("utf-8")  # no character split across a fold


def test_ics_escapes_text_values_and_reads_back() -> None:
    """Commas, semicolons, backslashes and line breaks survive a round trip through a calendar reader."""
    title = "a, b; c\\d\nnext"
    item = Followup("nav:x", "thank_you", date(2026, 11, 19), date(2026, 11, 20), title, None)
    text = ics.calendar([item], date(2026, 11, 20), datetime(2026, 11, 20, 7, 30, tzinfo=UTC))
    assert "a\\, b\\; c\\\\d\\nnext" in text.replace("\r\n ", "")
    (event,) = Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"Thank you: {title}"


def test_ics_puts_overdue_followups_on_today_with_stable_uid() -> None:
    item = Followup("nav:x", "status_call", date(2026, 11, 1), date(2026, 11, 8), "Dev", "Kartverket")
    text = ics.calendar([item], date(2026, 11, 20), datetime(2026, 11, 20, 7, 30, tzinfo=UTC))
    assert "DTSTART;VALUE=DATE:20261120\r\n" in text and "DTEND;VALUE=DATE:20261121\r\n" in text
    assert "UID:nav:x-status_call-20261101@fjordjobs\r\n" in text
    assert "DTSTAMP:20261120T073000Z\r\n" in text
    assert "Due since 2026-11-08." in text.replace("\r\n ", "")
    assert "SUMMARY:Status call: Dev at Kartverket\r\n" in text


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 20), 3, date(2026, 8, 20)),
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
        (date(2028, 5, 31), 3, date(2028, 2, 29)),
        (date(2026, 2, 15), 3, date(2025, 11, 15)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def test_iso_week_and_date_errors() -> None:
    assert iso_week(date(2026, 11, 22)) == (date(2026, 11, 16), date(2026, 11, 22))
    with pytest.raises(HuntError, match=r"--date must be a date as YYYY-MM-DD, not '21\.11\.2026'"):
        parse_date("21.11.2026", "--date")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("EQUINOR ASA", "equinor"),
        ("Equinor", "equinor"),
        ("Bølgen & Moi AS", "bølgen moi"),
        ("  ", None),
        (None, None),
    ],
)
def test_employer_key(name: str | None, key: str | None) -> None:
    assert employer_key(name) == key


def test_open_application_ids() -> None:
    assert slugify("Bølgen & Moi Ålesund") == "bolgen-moi-alesund"
    assert open_application_id("Statens vegvesen", "Data engineer") == "open:statens-vegvesen-data-engineer"
    with pytest.raises(HuntError, match="cannot make an id"):
        open_application_id("!!!")


def test_followup_rules_must_make_sense() -> None:
    with pytest.raises(HuntError, match="ghosted days must be more than status-call days"):
        FollowupRules(status_call_days=21, ghosted_days=14)


@pytest.mark.parametrize(
    ("employer", "agency"),
    [
        ("Adecco Norge AS", True),
        ("Manpower", True),
        ("XYZ Bemanning AS", True),
        ("Kartverket", False),
        ("Equinor ASA", False),
    ],
)
def test_staffing_agency_names(employer: str, agency: bool) -> None:
    assert looks_like_staffing_agency(employer) is agency
