"""`run_match`: rank today's active listings against a CV and a profile, explain, flag, store, return.

The CLI (`fjordjobs match`) only parses options, calls `run_match` and prints `render(run, fmt)`.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from matching.analyzer import Analyzer, default_analyzer
from matching.bands import band
from matching.cv import read_cv
from matching.cv_facts import ranking_text, read_degree, read_years
from matching.explain import explain
from matching.flags import Flags, flags_for
from matching.index import Analysed, analyse
from matching.index_cache import cached_analysis
from matching.model import MatchRun
from matching.profile import Profile, load_profile
from matching.rank import cv_query_weights
from matching.searches import effective_filters, filtered_ids
from matching.store import candidates, expired_count, load_run, save_run
from pipeline.listing import Listing
from pipeline.search_filter import SearchFilter
from warehouse.db import set_today

# Bump when the analyzer, its data files or the weights change: stored scores of different versions
# are not comparable.
SCORING_VERSION = "2026.12-bilingual-sections-unambiguous-4"
# With places_mode = "boost", an ad in a place the profile names ranks as if it matched this much better.
PLACE_BOOST = 1.15


def today(on: date | None = None) -> date:
    """The day flags are computed for: `on`, else $FJORDJOBS_TODAY, else the calendar date."""
    if on is not None:
        return on
    pinned = os.environ.get("FJORDJOBS_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


@dataclass(frozen=True)
class Scored:
    listing: Listing
    score: float
    analysed: Analysed
    row: int  # the listing's row in `analysed`

    @property
    def weights(self) -> dict[str, float]:
        """The listing's term weights, made only for the rows a report shows (a dict per listing for
        all 50,000 would cost more than the rest of the ranking)."""
        return self.analysed.row_weights(self.row)


def select_and_score(
    listings: list[Listing],
    cv_text: str,
    profile: Profile,
    analyzer: Analyzer,
    analysed: Analysed | None = None,
) -> tuple[list[Scored], np.ndarray, Any]:
    """Filter by the profile, then score the rest; returns (scored in rank order, query, index).

    `analysed` is the listings' analysis when the caller has it (run_match reads it from the index
    cache); without it the listings are analysed here. Either way the scores are the same.
    """
    if analysed is None:
        analysed = analyse([(x.title, x.description) for x in listings])
    index = analysed.index()
    q = index.query(cv_query_weights(cv_text))
    raw = index.scores(q) if listings else np.zeros(0)
    # What the profile's words rule out, over all listings at once: must_have and exclude_text on the
    # whole ad (matched like the ranking: "developer" also finds "utvikler").
    allowed = np.ones(len(listings), dtype=bool)
    for term in profile.exclude_text:
        terms = set(analyzer.tokens(term))
        if terms:
            allowed &= ~analysed.holding_all(terms)
    for term in profile.must_have:
        terms = set(analyzer.tokens(term))
        if terms:
            allowed &= analysed.holding_all(terms)
    exclude = [_phrase(term) for term in profile.exclude]
    places = {p.casefold() for p in profile.places}
    kept: list[Scored] = []
    for row, (listing, score) in enumerate(zip(listings, raw, strict=True)):
        if not allowed[row] or not _passes(listing, profile, exclude):
            continue
        inside = not places or bool(places & _where(listing))
        if not inside and profile.places_mode == "filter" and _where(listing):
            continue
        boost = PLACE_BOOST if places and inside and profile.places_mode == "boost" else 1.0
        kept.append(Scored(listing, round(float(score) * boost, 4), analysed, row))
    kept.sort(key=lambda s: (-s.score, s.listing.listing_id))
    return kept, q, index


def _where(listing: Listing) -> set[str]:
    return {p.casefold() for p in (listing.city, listing.municipality, listing.county) if p}


def _phrase(term: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for an `exclude` phrase ("java" is not "javascript")."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)", re.IGNORECASE)


def _passes(listing: Listing, profile: Profile, exclude: list[re.Pattern[str]]) -> bool:
    """The profile's per-listing filters: English only, exclude (title and employer, whole words),
    minimum salary in filter mode. (must_have, exclude_text and places are applied by the caller.)"""
    if profile.english_only and listing.english_ok is not True:
        return False
    head = f"{listing.title or ''}\n{listing.employer or ''}"
    if any(p.search(head) for p in exclude):
        return False
    if profile.min_salary_mode != "filter":
        return True
    best_pay = listing.salary_max_nok or listing.salary_min_nok
    return not (profile.min_salary_nok and best_pay is not None and best_pay < profile.min_salary_nok)


def why_text(top: list[tuple[str, float]], missing: list[str], flags: Flags) -> str:
    """One sentence a user can act on: what matched, what the ad wants that the CV lacks, the permit."""
    parts = [f"shares {', '.join(t for t, _ in top[:4])}" if top else "shares few terms with the CV"]
    if missing:
        parts.append(f"ad also stresses {', '.join(missing[:3])}")
    parts.append(f"permit salary {flags.permit_salary}: {flags.permit_reason}")
    if flags.extent_ok is False:
        parts.append("under 80 % of full time")
    if flags.years_asked is not None:
        parts.append(f"asks for {flags.years_asked}+ years of experience")
    if flags.relocation and flags.relocation_evidence:
        parts.append(f"relocation help {flags.relocation_evidence}")
    return "; ".join(parts)


def fill_from_cv(profile: Profile, cv_text: str, on: date) -> tuple[Profile, dict[str, str]]:
    """The profile with its degree and years of experience read from the CV where it gives none, and
    where each came from ("profile", "CV: <the line>", or "unknown"), for the report to say."""
    used: dict[str, str] = {}
    values = profile.to_dict()
    for key, reader in (("degree", read_degree), ("years_experience", lambda t: read_years(t, on))):
        if values[key] is not None:
            used[key] = "profile"
            continue
        found = reader(cv_text)
        if found is None:
            used[key] = "unknown"
        else:
            values[key] = found.value
            used[key] = f"CV: “{found.evidence}”"
    return replace(profile, degree=values["degree"], years_experience=values["years_experience"]), used


def applicant_degree(cv_path: Path | str | None, profile_path: Path | str | None, on: date) -> str | None:
    """The applicant's degree as `run_match` takes it: the profile's, else the CV's, else None (a saved
    search's digest filters with it, so its permit filter keeps what `match` with that CV keeps)."""
    profile = load_profile(profile_path)
    if profile.degree is None and cv_path is not None:
        profile, _used = fill_from_cv(profile, read_cv(Path(cv_path)), on)
    return profile.degree


def run_match(
    con: duckdb.DuckDBPyConnection,
    cv_path: Path | str,
    profile_path: Path | str | None = None,
    *,
    top: int | None = None,
    english_only: bool = False,
    include_expired: bool = False,
    show_all: bool = False,
    on: date | None = None,
    filters: SearchFilter | None = None,
    only_ids: set[str] | None = None,
) -> MatchRun:
    """Rank the listings active today against the CV, store the run and return it as stored.

    The shortlist holds the strong and partial matches (matching/bands.py); `show_all` keeps the weak
    ones too, else the run records how many it left out. `top` keeps the N best of those; expired
    listings are left out unless `include_expired`; `english_only` overrides the profile's setting to
    True. Only listings the profile's `[filters]` with `filters` over them keep are ranked (never
    blocked or dismissed ones); `only_ids` narrows further (a digest ranks only what is new).
    Raises CvReadError / ProfileError with a one-line message.
    """
    day = today(on)
    cv_path = Path(cv_path)
    cv_raw = read_cv(cv_path)
    profile = load_profile(profile_path)
    if english_only and not profile.english_only:
        profile = replace(profile, english_only=True)
    analyzer = default_analyzer()
    cv_text = ranking_text(cv_raw)
    profile, used = fill_from_cv(profile, cv_raw, day)
    set_today(con, day)
    keep = set(
        filtered_ids(
            con,
            effective_filters(profile.filters, filters),
            day,
            include_expired=include_expired,
            degree=profile.degree,
        )
    )
    if only_ids is not None:
        keep &= only_ids
    listings = [x for x in candidates(con, day, include_expired=include_expired) if x.listing_id in keep]
    docs = [(x.title, x.description) for x in listings]
    analysed = cached_analysis(con, docs, SCORING_VERSION).analysed
    kept, q, index = select_and_score(listings, cv_text, profile, analyzer, analysed)
    shortlist = kept if show_all else [s for s in kept if band(s.score) != "weak"]
    shown = shortlist if top is None else shortlist[: max(top, 0)]
    places = {p.casefold() for p in profile.places}
    rows = []
    for rank, s in enumerate(shown, start=1):
        outside = bool(places) and bool(_where(s.listing)) and not places & _where(s.listing)
        flags = flags_for(
            s.listing,
            profile.degree,
            day,
            years=profile.years_experience,
            min_salary=profile.min_salary_nok,
            outside_places=outside,
        )
        exp = explain(index, q, s.weights, analyzer, s.listing)
        rows.append(
            {
                "listing_id": s.listing.listing_id,
                "rank": rank,
                "score": s.score,
                "band": band(s.score),
                "top_terms": exp.top_terms,
                "missing_terms": exp.missing_terms,
                "flags": flags.labels(),
                "permit_salary": flags.permit_salary,
                "permit_threshold_nok": flags.permit_threshold_nok,
                "permit_reason": flags.permit_reason,
                "extent_ok": flags.extent_ok,
                "why": why_text(exp.top_terms, exp.missing_terms, flags),
            }
        )
    run_id = uuid.uuid4().hex[:16]
    run: dict[str, Any] = {
        "run_id": run_id,
        "created_at": datetime.now().replace(microsecond=0),
        "on_date": day,
        "cv_file": cv_path.name,
        "cv_sha256": hashlib.sha256(cv_path.read_bytes()).hexdigest(),
        "profile": {**profile.to_dict(), "used": used},
        "scoring_version": SCORING_VERSION,
        "candidates": len(listings),
        "filtered": len(listings) - len(kept),
        "weak_left_out": len(kept) - len(shortlist),
        "expired_left_out": 0 if include_expired else expired_count(con, day),
    }
    save_run(con, run, rows)
    return load_run(con, run_id)
