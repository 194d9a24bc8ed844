"""Per-listing flags a permit applicant needs before applying: salary against the permit threshold,
extent, English, staffing agency, temporary, deadline close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.listing import Listing
from pipeline.permit import MIN_EXTENT_PCT, salary_verdict, threshold_for

DEADLINE_SOON_DAYS = 3


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

    def labels(self) -> list[str]:
        """Short tags for the report and the `flags` column; only what needs the user's attention."""
        out = [f"permit_salary_{self.permit_salary}"]
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
        return out


def flags_for(listing: Listing, profile_degree: str | None, on: date) -> Flags:
    """Flags of one `listings` row; the threshold is for the ad's education, else the profile's degree,
    and a figure above both thresholds (or under both) decides without a degree."""
    education = listing.education
    if threshold_for(education, on) is None:
        education = profile_degree
    verdict = salary_verdict(listing.salary_min_nok, education, on)
    extent = listing.extent_pct
    deadline = listing.application_deadline
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
    )
