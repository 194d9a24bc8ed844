"""What a matcher run produces, as reports and the CLI see it (read back from the warehouse)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class MatchResult:
    """One ranked listing with its score, explanation and flags."""

    rank: int
    listing_id: str
    url: str | None
    title: str | None
    employer: str | None
    place: str | None
    score: float
    english_ok: bool | None
    salary_min_nok: int | None
    salary_max_nok: int | None
    permit_salary: str
    permit_threshold_nok: int | None
    extent_ok: bool | None
    flags: list[str]
    why: str
    top_terms: list[tuple[str, float]] = field(default_factory=list)
    missing_terms: list[str] = field(default_factory=list)
    application_deadline: date | None = None
    band: str = "weak"  # strong | partial | weak (matching/bands.py)
    points: int = 0  # 0-100, the band's scale
    published: date | None = None
    salary_text: str | None = None  # the ad's words the salary figure was read from
    permit_reason: str = ""
    language_requirement: str | None = None
    language_evidence: str | None = None
    status: str | None = None  # active | expired | inactive, as of the run's day


@dataclass(frozen=True)
class MatchRun:
    """One run: its inputs, counts and the shortlist in rank order."""

    run_id: str
    created_at: datetime
    on_date: date
    cv_file: str
    cv_sha256: str
    profile: dict[str, Any]
    scoring_version: str
    candidates: int
    filtered: int
    ranked: int
    results: list[MatchResult]
    weak_left_out: int = 0  # weak matches not in the shortlist (shown with --all)
    expired_left_out: int = 0  # expired listings not ranked (ranked with --include-expired)
    top_left_out: int = 0  # strong and partial matches beyond `--top N`
