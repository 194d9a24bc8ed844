"""Skilled-worker permit thresholds: the right figure for the day and the degree, and the salary check."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.permit import (
    MIN_EXTENT_PCT,
    RULES,
    THRESHOLDS,
    permit_salary_status,
    threshold_for,
)


@pytest.mark.parametrize(
    ("education", "on", "expected"),
    [
        ("master", date(2025, 9, 1), 599_200),
        ("bachelor", date(2025, 9, 1), 522_600),
        ("master", date(2026, 11, 21), 599_200),
        ("Bachelor", date(2026, 1, 1), 522_600),
        ("master", date(2025, 8, 31), 513_100),
        ("bachelor", date(2025, 4, 11), 469_366),
        ("master", date(2024, 6, 1), 480_900),
        ("bachelor", date(2023, 10, 10), 448_900),
    ],
)
def test_threshold_is_the_row_in_force_on_the_day(education: str, on: date, expected: int) -> None:
    assert threshold_for(education, on) == expected


@pytest.mark.parametrize("education", [None, "none", "vocational", "phd", "", "fagbrev"])
def test_no_threshold_for_other_education_so_the_caller_falls_back(education: str | None) -> None:
    assert threshold_for(education, date(2026, 1, 1)) is None


def test_before_the_first_dated_row_the_threshold_is_unknown() -> None:
    # The oldest figures (416,600 / 386,700) have no established start date, so no day maps to them.
    assert threshold_for("master", date(2023, 1, 1)) is None
    assert permit_salary_status(900_000, "master", date(2023, 1, 1)) == "unknown"


@pytest.mark.parametrize(
    ("salary_min", "education", "on", "expected"),
    [
        (599_200, "master", date(2026, 1, 1), "ok"),
        (599_199, "master", date(2026, 1, 1), "below"),
        (550_000, "bachelor", date(2026, 1, 1), "ok"),
        (550_000, "master", date(2026, 1, 1), "below"),
        (550_000, "master", date(2025, 5, 1), "ok"),
        (None, "master", date(2026, 1, 1), "unknown"),
        (800_000, None, date(2026, 1, 1), "unknown"),
        (800_000, "vocational", date(2026, 1, 1), "unknown"),
    ],
)
def test_permit_salary_status_compares_the_lower_bound(
    salary_min: int | None, education: str | None, on: date, expected: str
) -> None:
    assert permit_salary_status(salary_min, education, on) == expected


def test_thresholds_are_dated_and_sourced_and_rise_over_time() -> None:
    days = [t.valid_from for t in THRESHOLDS if t.valid_from is not None]
    assert days == sorted(days)
    assert [t.master_nok for t in THRESHOLDS] == sorted(t.master_nok for t in THRESHOLDS)
    assert all(t.source for t in THRESHOLDS)
    assert all(t.master_nok > t.bachelor_nok for t in THRESHOLDS)


def test_rules_cover_what_an_offer_check_walks_through() -> None:
    assert MIN_EXTENT_PCT == 80
    by_id = {rule.id: rule for rule in RULES}
    assert set(by_id) == {"salary_by_degree", "extent", "concrete_employer", "written_contract"}
    assert "599,200" in by_id["salary_by_degree"].text and "522,600" in by_id["salary_by_degree"].text
    assert "80 %" in by_id["extent"].text
    assert "staffing agency" in by_id["concrete_employer"].text
    assert all(rule.source and rule.valid_from == date(2025, 9, 1) for rule in RULES)


def test_salary_verdict_reasons_like_a_person() -> None:
    from pipeline.permit import salary_verdict

    on = date(2026, 12, 3)
    # Issue 10: 800,000-880,000 with no degree named anywhere is above both thresholds: ok.
    assert salary_verdict(800_000, None, on).status == "ok"
    assert "whatever the degree" in salary_verdict(600_000, None, on).reason
    assert salary_verdict(500_000, None, on).status == "below"
    between = salary_verdict(550_000, None, on)
    assert between.status == "unknown" and "degree is unknown" in between.reason
    assert salary_verdict(None, "master", on).reason == "no salary stated"
    assert salary_verdict(550_000, "bachelor", on).status == "ok"
    assert salary_verdict(550_000, "master", on).status == "below"
    assert salary_verdict(550_000, "vocational", on).status == "unknown"
