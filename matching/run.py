"""`run_match`: rank today's active listings against a CV and a profile, explain, flag, store, return.

The CLI (`fjordjobs match`) only parses options, calls `run_match` and prints `render(run, fmt)`.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from matching.analyzer import Analyzer, default_analyzer
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
from matching.store import candidates, load_run, save_run
from pipeline.listing import Listing
from pipeline.search_filter import SearchFilter

# Bump when the analyzer, its data files or the weights change: stored scores of different versions
# are not comparable.
SCORING_VERSION = "2026.12-bilingual-sections-unambiguous-4"
# An ad in a place the profile names ranks as if it matched this much better.
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
    # What the profile's words rule out, over all listings at once.
    allowed = np.ones(len(listings), dtype=bool)
    for term in profile.exclude:
        terms = set(analyzer.tokens(term))
        if terms:
            allowed &= ~analysed.holding_all(terms)
    for term in profile.must_have:
        terms = set(analyzer.tokens(term))
        if terms:
            allowed &= analysed.holding_all(terms)
    places = {p.casefold() for p in profile.places}
    kept: list[Scored] = []
    for row, (listing, score) in enumerate(zip(listings, raw, strict=True)):
        if not allowed[row] or not _passes(listing, profile):
            continue
        where = {(p or "").casefold() for p in (listing.city, listing.municipality, listing.county)}
        boost = PLACE_BOOST if places & where else 1.0
        kept.append(Scored(listing, round(float(score) * boost, 4), analysed, row))
    kept.sort(key=lambda s: (-s.score, s.listing.listing_id))
    return kept, q, index


def _passes(listing: Listing, profile: Profile) -> bool:
    if profile.english_only and listing.english_ok is not True:
        return False
    best_pay = listing.salary_max_nok or listing.salary_min_nok
    return not (profile.min_salary_nok and best_pay is not None and best_pay < profile.min_salary_nok)


def why_text(top: list[tuple[str, float]], missing: list[str], flags: Flags, salary_min: int | None) -> str:
    """One sentence a user can act on: what matched, what the ad wants that the CV lacks, the permit."""
    parts = [f"shares {', '.join(t for t, _ in top[:4])}" if top else "shares few terms with the CV"]
    if missing:
        parts.append(f"ad also stresses {', '.join(missing[:3])}")
    parts.append(f"permit salary {flags.permit_salary}: {flags.permit_reason}")
    if flags.extent_ok is False:
        parts.append("under 80 % of full time")
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


def run_match(
    con: duckdb.DuckDBPyConnection,
    cv_path: Path | str,
    profile_path: Path | str | None = None,
    *,
    top: int | None = None,
    english_only: bool = False,
    on: date | None = None,
    filters: SearchFilter | None = None,
    only_ids: set[str] | None = None,
) -> MatchRun:
    """Rank the active, non-duplicate listings against the CV, store the run and return it as stored.

    `top` keeps the N best (default: all); `english_only` overrides the profile's setting to True.
    Only listings the profile's `[filters]` with `filters` over them keep are ranked (never blocked or
    dismissed ones); `only_ids` narrows further (a digest ranks only what is new).
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
    keep = set(filtered_ids(con, effective_filters(profile.filters, filters), day))
    if only_ids is not None:
        keep &= only_ids
    listings = [x for x in candidates(con) if x.listing_id in keep]
    docs = [(x.title, x.description) for x in listings]
    analysed = cached_analysis(con, docs, SCORING_VERSION).analysed
    kept, q, index = select_and_score(listings, cv_text, profile, analyzer, analysed)
    shown = kept if top is None else kept[: max(top, 0)]
    rows = []
    for rank, s in enumerate(shown, start=1):
        flags = flags_for(s.listing, profile.degree, day)
        exp = explain(index, q, s.weights, analyzer)
        rows.append(
            {
                "listing_id": s.listing.listing_id,
                "rank": rank,
                "score": s.score,
                "top_terms": exp.top_terms,
                "missing_terms": exp.missing_terms,
                "flags": flags.labels(),
                "permit_salary": flags.permit_salary,
                "permit_threshold_nok": flags.permit_threshold_nok,
                "extent_ok": flags.extent_ok,
                "why": why_text(exp.top_terms, exp.missing_terms, flags, s.listing.salary_min_nok),
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
    }
    save_run(con, run, rows)
    return load_run(con, run_id)
