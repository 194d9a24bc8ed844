"""Deadlines, timestamps, the pinned day and lifecycle status."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.dates import find_deadline_in_text, lifecycle_status, parse_deadline, parse_timestamp, today

REF = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Søknadsfrist: 15.12.2026", date(2026, 12, 15)),
        ("15. desember 2026", date(2026, 12, 15)),
        ("15. des. 2026", date(2026, 12, 15)),
        ("2026-12-15", date(2026, 12, 15)),
        ("2026-12-15T00:00:00+01:00", date(2026, 12, 15)),
        ("24.02.2019", date(2019, 2, 24)),
        ("1.2.27", date(2027, 2, 1)),
        ("December 15, 2026", date(2026, 12, 15)),
        ("15th of January 2027", date(2027, 1, 15)),
        ("3. mars 2027", date(2027, 3, 3)),
        ("Snarest", None),
        ("fortløpende", None),
        ("løpende", None),
        ("ASAP", None),
        ("Etter avtale", None),
        ("", None),
        (None, None),
        ("31.02.2027", None),
    ],
)
def test_parse_deadline(text: str | None, expected: date | None) -> None:
    assert parse_deadline(text, REF) == expected


def test_year_less_date_takes_the_next_occurrence() -> None:
    assert parse_deadline("15. januar", REF) == date(2027, 1, 15)
    assert parse_deadline("1. desember", REF) == date(2026, 12, 1)


def test_first_date_wins_when_snarest_and_a_date_are_both_written() -> None:
    assert parse_deadline("Snarest, men senest 10.01.2027", REF) == date(2027, 1, 10)


def test_deadline_in_text_ignores_start_dates() -> None:
    text = "Tiltredelse 1. mars 2027.\nSøknadsfrist: 10. januar 2027\nPublisert 01.11.2026"
    assert find_deadline_in_text(text, REF) == date(2027, 1, 10)


def test_deadline_label_on_its_own_line() -> None:
    assert find_deadline_in_text("Application deadline\n20 December 2026", REF) == date(2026, 12, 20)


def test_deadline_in_text_snarest_and_no_label() -> None:
    assert find_deadline_in_text("Søknadsfrist: snarest", REF) is None
    assert find_deadline_in_text("Oppstart 01.02.2027", REF) is None


def test_parse_timestamp_converts_to_naive_utc() -> None:
    assert parse_timestamp("2026-12-15T00:00:00+01:00") == datetime(2026, 12, 14, 23, 0)
    assert parse_timestamp("2026-06-01T08:00:00Z") == datetime(2026, 6, 1, 8, 0)
    assert parse_timestamp("2026-12-15") == datetime(2026, 12, 15)
    assert parse_timestamp("15.12.2026") == datetime(2026, 12, 15)
    assert parse_timestamp("Snarest") is None
    assert parse_timestamp(None) is None


def test_today_is_pinned_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FJORDJOBS_TODAY", "2026-11-21")
    assert today() == date(2026, 11, 21)
    monkeypatch.setenv("FJORDJOBS_TODAY", "21.11.2026")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        today()
    monkeypatch.delenv("FJORDJOBS_TODAY")
    assert today() == date.today()


def test_lifecycle_status() -> None:
    assert lifecycle_status("INACTIVE", date(2027, 1, 1), None, REF) == "inactive"
    assert lifecycle_status("ACTIVE", date(2026, 11, 21), None, REF) == "active"
    assert lifecycle_status("ACTIVE", date(2026, 11, 20), None, REF) == "expired"
    assert lifecycle_status("ACTIVE", None, None, REF) == "active"
    # NAV expires at Oslo midnight of the deadline day: still open that day, expired the next.
    expires = parse_timestamp("2026-11-21T00:00:00+01:00")
    assert lifecycle_status("ACTIVE", None, expires, REF) == "active"
    assert lifecycle_status("ACTIVE", None, expires, date(2026, 11, 22)) == "expired"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_written_form_of_a_date_parses_back(d: date) -> None:
    months = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ]
    for text in (
        d.isoformat(),
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day}. {months[d.month - 1]} {d.year}",
    ):
        assert parse_deadline(f"Søknadsfrist: {text}", REF) == d


def test_expiry_is_judged_by_the_day_in_norway() -> None:
    noon = parse_timestamp("2026-11-20T12:00:00+01:00")
    assert lifecycle_status("ACTIVE", None, noon, date(2026, 11, 20)) == "active"
    assert lifecycle_status("ACTIVE", None, noon, date(2026, 11, 21)) == "expired"
    late = parse_timestamp("2026-06-30T23:30:00+02:00")
    assert lifecycle_status("ACTIVE", None, late, date(2026, 6, 30)) == "active"
    assert lifecycle_status("ACTIVE", None, late, date(2026, 7, 1)) == "expired"


def test_bare_deadline_and_closing_date_labels() -> None:
    assert find_deadline_in_text("Deadline: 2026-12-03\nStart: January") == date(2026, 12, 3)
    assert find_deadline_in_text("Closing date: 4 January 2027.") == date(2027, 1, 4)


def _nav_record(fields: dict[str, object], payload: dict[str, object] | None = None) -> dict[str, object]:
    return {
        "source": "jsonld",
        "source_id": "d1",
        "status": "ACTIVE",
        "payload": payload or {},
        "fields": fields,
    }


def test_year_less_deadline_takes_the_year_of_publication_not_of_today() -> None:
    from pipeline.normalise import normalise_record

    row = normalise_record(
        _nav_record(
            {"title": "Konsulent", "published": "2017-12-20T09:00:00+01:00", "application_due": "11. januar"}
        ),
        on=date(2026, 11, 21),
    )
    assert row.application_deadline == date(2018, 1, 11)
    assert row.status == "expired"
    in_text = normalise_record(
        _nav_record(
            {"title": "Konsulent", "published": "2018-01-02", "description": "Søknadsfrist: 26. januar"}
        ),
        on=date(2026, 11, 21),
    )
    assert in_text.application_deadline == date(2018, 1, 26)


def test_a_deadline_given_as_a_utc_moment_is_the_day_in_norway() -> None:
    assert parse_deadline("2018-12-01T23:00:00Z") == date(2018, 12, 2)
    assert parse_deadline("2018-12-01T23:00:00+01:00") == date(2018, 12, 1)
    assert parse_deadline("2018-12-01") == date(2018, 12, 1)


@pytest.mark.parametrize(
    "notice",
    [
        "This position is no longer active",
        "Stillingen er ikke lenger aktiv.",
        "Stillinga er ikkje lenger open",
    ],
)
def test_a_page_that_says_the_ad_is_closed_is_not_active(notice: str) -> None:
    from pipeline.normalise import normalise_record

    row = normalise_record(
        _nav_record({"title": "Intern"}, {"text": f"Intern. {notice}. Apply today"}), on=date(2026, 11, 21)
    )
    assert row.status == "inactive"
    open_ad = normalise_record(
        _nav_record({"title": "Intern"}, {"text": "We are hiring."}), on=date(2026, 11, 21)
    )
    assert open_ad.status == "active"


def test_a_career_page_ad_takes_its_deadline_from_valid_through() -> None:
    from pipeline.normalise import normalise_record

    career = _nav_record({"title": "Utvikler", "expires": "2026-12-15T00:00:00+01:00"})
    assert normalise_record(career, on=date(2026, 11, 21)).application_deadline == date(2026, 12, 15)
    nav = {**career, "source": "nav"}  # NAV's expiry is not a deadline: a "Snarest" ad keeps none
    assert normalise_record(nav, on=date(2026, 11, 21)).application_deadline is None


def test_a_year_less_deadline_field_takes_the_year_the_text_gives() -> None:
    """Issue 13 (held out): NAV's field '3.november' beside 'senest den 3.november 2017' in the text."""
    from pipeline.dates import with_stated_year

    text = "Vi vil ha inn din søknad senest den 3.november 2017."
    assert with_stated_year(parse_deadline("3.november", date(2026, 11, 21)), "3.november", text) == date(
        2017, 11, 3
    )
    assert with_stated_year(date(2026, 11, 3), "3.11", "Søknadsfrist 03.11.17") == date(2017, 11, 3)
    # A field with its year, or a text without this day, keeps what the field said.
    assert with_stated_year(date(2018, 11, 3), "03.11.2018", text) == date(2018, 11, 3)
    assert with_stated_year(date(2026, 11, 3), "3.november", "Tiltredelse 1. januar 2018.") == date(
        2026, 11, 3
    )


def test_the_listing_deadline_uses_the_year_in_the_text() -> None:
    from pipeline.normalise import normalise_record

    record = {
        "kind": "listing",
        "source": "nav",
        "source_id": "annfeed-x",
        "status": "ACTIVE",
        "fields": {
            "title": "Key Account Manager",
            "description": "<p>Vi vil ha inn din søknad senest den 3.november 2017.</p>",
            "application_due": "3.november",
        },
    }
    assert normalise_record(record, on=date(2026, 11, 21)).application_deadline == date(2017, 11, 3)
