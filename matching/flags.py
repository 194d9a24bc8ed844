"""Per-listing flags a job seeker needs before applying: salary against the permit threshold, extent,
English, staffing agency, temporary, deadline close or passed, seniority, the user's minimum salary and
relocation help. `FLAG_WORDS` says each in words a person understands; every report uses it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.listing import Listing
from pipeline.permit import MIN_EXTENT_PCT, salary_verdict, threshold_for

DEADLINE_SOON_DAYS = 3

# Flag code -> what it means, for the table's flag column, the CSV/JSON `flags_text` and the legends.
FLAG_WORDS: dict[str, str] = {
    "permit_salary_ok": "the lower salary bound meets the skilled-worker permit threshold that applies",
    "permit_salary_below": "the lower salary bound is under the skilled-worker permit threshold",
    "permit_salary_unknown": "cannot tell whether the salary meets the permit threshold (reason given)",
    "part_time": f"under {MIN_EXTENT_PCT} % of full time: too little for a skilled-worker permit",
    "norwegian_required": "Norwegian (or a Scandinavian language) required, or the ad is in Norwegian and "
    "says nothing about English",
    "staffing_agency": "a staffing agency hires you out: the permit brings extra conditions",
    "temporary": "a temporary or fixed-term position",
    "deadline_soon": f"the application deadline is within {DEADLINE_SOON_DAYS} days",
    "expired": "the application deadline or the ad's expiry has passed",
    "seniority_gap": "the ad asks for more years of experience than you have",
    "below_min_salary": "the stated salary is under the minimum in your profile",
    "relocation_help": "the employer offers help to relocate (moving, housing, visa or permit)",
    "outside_places": "not in one of the places your profile names",
}

# "minst 8 års erfaring", "8+ years of experience", "at least 5 years' experience"
_ASKS_YEARS = re.compile(
    r"\b(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs|års?|åra?)['’]?\s+(?:(?:of|med|relevant|professional|"
    r"work|industry|hands-on|commercial|solid|proven)\s+){0,3}(?:arbeids|yrkes)?(?:experience|erfaring|røynsle)",
    re.IGNORECASE,
)


def required_years(text: str | None) -> int | None:
    """The most years of experience an ad asks for, where it says a number ("minst 8 års erfaring")."""
    found = [int(m.group(1)) for m in _ASKS_YEARS.finditer(text or "")]
    found = [n for n in found if 0 < n <= 30]
    return max(found) if found else None


@dataclass(frozen=True)
class Flags:
    permit_salary: str  # ok | below | unknown
    permit_threshold_nok: int | None
    permit_education: str | None  # the education the threshold was taken for
    permit_reason: str  # why ok, below or unknown, in words
    extent_ok: bool | None
    english_ok: bool | None
    staffing_agency: bool
    temporary: bool
    deadline_soon: bool
    expired: bool = False
    years_asked: int | None = None  # set only when it exceeds the applicant's years
    below_min_salary: bool = False
    relocation: bool | None = None
    relocation_evidence: str | None = None
    outside_places: bool = False

    def labels(self) -> list[str]:
        """Short codes for the report and the `flags` column; only what needs the user's attention."""
        out = [f"permit_salary_{self.permit_salary}"]
        if self.expired:
            out.append("expired")
        if self.extent_ok is False:
            out.append("part_time")
        if self.english_ok is False:
            out.append("norwegian_required")
        if self.staffing_agency:
            out.append("staffing_agency")
        if self.temporary:
            out.append("temporary")
        if self.deadline_soon:
            out.append("deadline_soon")
        if self.years_asked is not None:
            out.append("seniority_gap")
        if self.below_min_salary:
            out.append("below_min_salary")
        if self.outside_places:
            out.append("outside_places")
        if self.relocation:
            out.append("relocation_help")
        return out


def flags_for(
    listing: Listing,
    profile_degree: str | None,
    on: date,
    *,
    years: int | None = None,
    min_salary: int | None = None,
    outside_places: bool = False,
) -> Flags:
    """Flags of one listing (its `status` as of `on`); the threshold is for the ad's education, else the
    profile's degree, and a figure above both thresholds (or under both) decides without a degree."""
    education = listing.education
    if threshold_for(education, on) is None:
        education = profile_degree
    verdict = salary_verdict(listing.salary_min_nok, education, on)
    extent = listing.extent_pct
    deadline = listing.application_deadline
    asked = required_years(listing.description)
    best_pay = listing.salary_max_nok or listing.salary_min_nok
    return Flags(
        permit_salary=verdict.status,
        permit_threshold_nok=verdict.threshold_nok,
        permit_education=verdict.education,
        permit_reason=verdict.reason,
        extent_ok=None if extent is None else extent >= MIN_EXTENT_PCT,
        english_ok=listing.english_ok,
        staffing_agency=listing.staffing_agency,
        temporary=bool(listing.temporary),
        deadline_soon=deadline is not None and 0 <= (deadline - on).days <= DEADLINE_SOON_DAYS,
        expired=listing.status == "expired",
        years_asked=asked if asked is not None and years is not None and asked > years else None,
        below_min_salary=bool(min_salary and best_pay is not None and best_pay < min_salary),
        relocation=listing.relocation,  # read at load (pipeline/relocation.py), as the filter reads it
        relocation_evidence=listing.relocation_evidence,
        outside_places=outside_places,
    )
