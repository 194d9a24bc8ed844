"""Skilled-worker permit rules (UDI) as dated data, and the salary check against them.

The salary thresholds live in ONE dated table, THRESHOLDS, so a new year's figures are a one-line
change. The rules a later ``offer-check`` command walks through are data too (RULES). Sources are
secondary where noted; see the shared reference NOTES.md §5.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

#: The position must be full time or at least this share of it (UDI).
MIN_EXTENT_PCT = 80

PermitSalaryStatus = Literal["ok", "below", "unknown"]


@dataclass(frozen=True)
class Threshold:
    """Minimum annual salary before tax by the education the position requires, from valid_from on."""

    valid_from: date | None  # None: the date it took effect is not established; never used for look-ups
    master_nok: int
    bachelor_nok: int
    source: str


THRESHOLDS: tuple[Threshold, ...] = (
    # Older level; the date it took effect is not established, so no look-up can land on it.
    Threshold(None, 416_600, 386_700, "https://www.udi.no/nn/ord-og-omgrep/lonns--og-arbeidsvilkar-i-noreg/"),
    # Reported in force in October 2023; its real start date is earlier but not established, so it
    # counts from the article's date (10 Oct 2023) and dates before that are "unknown".
    Threshold(
        date(2023, 10, 10),
        480_900,
        448_900,
        "https://www.thelocal.no/20231010/what-are-the-salary-requirements-for-norways-work-permits",
    ),
    # The Local (thelocal.no), 2 May 2025; figures as reported there.
    Threshold(date(2025, 4, 11), 513_100, 469_366, "The Local (thelocal.no), 2 May 2025"),
    # Current. As reported by latestworlds.com and expressglobalemployment.com.
    Threshold(
        date(2025, 9, 1),
        599_200,
        522_600,
        "https://www.udi.no/en/important-messages/new-salary-levels-from-1-september-2025/",
    ),
)

_DEGREES = ("master", "bachelor")


def threshold_row(on: date) -> Threshold | None:
    """The dated row in force on a day, or None before the first dated row."""
    dated = [t for t in THRESHOLDS if t.valid_from is not None and t.valid_from <= on]
    return max(dated, key=lambda t: t.valid_from or date.min) if dated else None


def threshold_for(education: str | None, on: date) -> int | None:
    """Minimum annual NOK for a position requiring `education` ("master" or "bachelor") on a day.

    None for any other education (none, vocational, unknown): the caller falls back to the
    applicant profile's degree rather than guessing a threshold here.
    """
    level = (education or "").strip().lower()
    row = threshold_row(on)
    if level not in _DEGREES or row is None:
        return None
    return row.master_nok if level == "master" else row.bachelor_nok


def permit_salary_status(salary_min: int | None, education: str | None, on: date) -> PermitSalaryStatus:
    """Whether the lower bound of the offered salary meets the threshold for the education on a day.

    The lower bound decides because an employer may pay it; with no salary or no threshold the
    answer is "unknown", never "ok".
    """
    threshold = threshold_for(education, on)
    if salary_min is None or threshold is None:
        return "unknown"
    return "ok" if salary_min >= threshold else "below"


@dataclass(frozen=True)
class SalaryVerdict:
    """The salary check as a person reasons it: which threshold could apply, and why the answer."""

    status: PermitSalaryStatus
    threshold_nok: int | None  # the threshold the verdict was taken against (None: unknown)
    education: str | None  # the degree that threshold is for ("master"/"bachelor"), None if both
    reason: str  # one phrase a user reads: why ok, below or unknown


def salary_verdict(salary_min: int | None, education: str | None, on: date) -> SalaryVerdict:
    """Whether the lower salary bound meets the threshold that could apply on a day.

    `education` is the degree that applies (the ad's requirement, else the applicant's); when it is
    neither master nor bachelor the answer still follows where the figure stands: at or above both
    thresholds it is ok whatever the degree, under both it is below, between them it is unknown.
    The lower bound decides because an employer may pay it.
    """
    row = threshold_row(on)
    if row is None:
        return SalaryVerdict("unknown", None, None, "no permit threshold is known for this date")
    if salary_min is None:
        return SalaryVerdict("unknown", None, None, "no salary stated")
    level = (education or "").strip().lower()
    if level in _DEGREES:
        threshold = row.master_nok if level == "master" else row.bachelor_nok
        status: PermitSalaryStatus = "ok" if salary_min >= threshold else "below"
        word = "meets" if status == "ok" else "is below"
        return SalaryVerdict(
            status, threshold, level, f"NOK {salary_min:,} {word} the {level}'s threshold (NOK {threshold:,})"
        )
    high, low = max(row.master_nok, row.bachelor_nok), min(row.master_nok, row.bachelor_nok)
    if salary_min >= high:
        return SalaryVerdict(
            "ok", high, None, f"NOK {salary_min:,} meets both thresholds, whatever the degree"
        )
    if salary_min < low:
        return SalaryVerdict("below", low, None, f"NOK {salary_min:,} is below both thresholds (NOK {low:,})")
    return SalaryVerdict(
        "unknown",
        None,
        None,
        f"NOK {salary_min:,} is between the bachelor's (NOK {low:,}) and master's (NOK {high:,}) thresholds "
        "and the degree is unknown",
    )


@dataclass(frozen=True)
class PermitRule:
    """One condition of the skilled-worker permit, worded for a user checking an offer."""

    id: str
    text: str
    source: str
    valid_from: date


# The salary rule quotes the newest row, so a new year's figures change it too.
_CURRENT = THRESHOLDS[-1]
_UDI_TERMS = "https://www.udi.no/nn/ord-og-omgrep/lonns--og-arbeidsvilkar-i-noreg/"

RULES: list[PermitRule] = [
    PermitRule(
        "salary_by_degree",
        f"Annual salary before tax at least NOK {_CURRENT.master_nok:,} where the position requires a "
        f"master's degree, NOK {_CURRENT.bachelor_nok:,} where it requires a bachelor's; a "
        "collective-agreement rate applies instead where one exists.",
        _CURRENT.source,
        _CURRENT.valid_from or date.min,
    ),
    PermitRule(
        "extent",
        f"The position is full time, or at least {MIN_EXTENT_PCT} % of full time.",
        _UDI_TERMS,
        date(2025, 9, 1),
    ),
    PermitRule(
        "concrete_employer",
        "A concrete offer from one specific employer; a staffing agency brings extra conditions.",
        _UDI_TERMS,
        date(2025, 9, 1),
    ),
    PermitRule(
        "written_contract",
        "A written employment contract or binding offer stating salary, extent and duties.",
        _UDI_TERMS,
        date(2025, 9, 1),
    ),
]
