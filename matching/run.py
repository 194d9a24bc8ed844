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
from matching.candidates import Candidates, built_index, listings_by_id, read_candidates
from matching.cv import read_cv
from matching.cv_facts import ranking_text, read_degree, read_years
from matching.explain import explain
from matching.flags import Flags, flags_for
from matching.index_file import Built
from matching.model import MatchRun
from matching.profile import Profile, load_profile
from matching.rank import cv_query_weights
from matching.searches import effective_filters, filtered_ids
from matching.store import expired_count, load_run, save_run
from pipeline.listing import Listing
from pipeline.search_filter import SearchFilter

# Bump when the analyzer, its data files or the weights change: stored scores of different versions
# are not comparable.
SCORING_VERSION = "2026.12-bilingual-sections-unambiguous-phrases-6"
# With places_mode = "boost", an ad in a place the profile names ranks as if it matched this much better.
PLACE_BOOST = 1.15


def today(on: date | None = None) -> date:
    """The day flags are computed for: `on`, else $FJORDJOBS_TODAY, else the calendar date."""
    if on is not None:
        return on
    pinned = os.environ.get("FJORDJOBS_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


@dataclass(frozen=True)
class Ranked:
    """The candidates a run keeps, best first: their rows in `Candidates` and their scores."""

    rows: np.ndarray  # candidate rows, in rank order
    scores: list[float]  # the score of each, rounded as stored
    q: np.ndarray  # the CV's query vector
    filtered: int  # candidates the profile's filters left out


def select_and_score(
    found: Candidates,
    built: Built,
    cv_text: str,
    profile: Profile,
    analyzer: Analyzer,
    allowed: np.ndarray,
) -> Ranked:
    """Score every candidate, then keep those `allowed` (the search filters) and the profile's filters
    pass, best first (equal scores by id).

    Vectorised over the candidates' few columns: with a Python object per candidate this step took 1.8 s
    of CPU on 50,000 listings (benchmarks/bench_match_cli.py), now 0.03 s. The idf is that of all candidates, so a filter changes which
    listings are shown, never their scores.
    """
    index, analysed = built.index, built.analysed
    q = index.query(cv_query_weights(cv_text))
    raw = index.scores(q) if found.size else np.zeros(0)
    keep = allowed.copy()
    # What the profile's words rule out, over all listings at once: must_have and exclude_text on the
    # whole ad (matched like the ranking: "developer" also finds "utvikler").
    for term in profile.exclude_text:
        terms = set(analyzer.tokens(term))
        if terms:
            keep &= ~analysed.holding_all(terms)
    for term in profile.must_have:
        terms = set(analyzer.tokens(term))
        if terms:
            keep &= analysed.holding_all(terms)
    if profile.english_only:
        keep &= np.asarray(found.table["english_ok"], dtype=bool)
    if profile.exclude:
        exclude = [_phrase(term) for term in profile.exclude]
        heads = zip(found.column("title"), found.column("employer"), strict=True)
        keep &= np.asarray([not any(p.search(f"{t}\n{e}") for p in exclude) for t, e in heads], dtype=bool)
    if profile.min_salary_mode == "filter" and profile.min_salary_nok:
        best = np.asarray(found.table["best_salary_nok"])
        keep &= (best < 0) | (best >= profile.min_salary_nok)  # -1: no salary stated, kept
    boost = np.ones(found.size)
    places = {p.casefold() for p in profile.places}
    if places:
        for row, spots in enumerate(_places(found)):
            inside = bool(places & spots)
            if not inside and profile.places_mode == "filter" and spots:
                keep[row] = False
            elif inside and profile.places_mode == "boost":
                boost[row] = PLACE_BOOST
    rows = np.flatnonzero(keep)
    # Rounded as stored (4 decimals), so equal stored scores rank by id: np.round gives the double nearest
    # to the 4-decimal figure, as Python's round does (they may differ only on an exact tie).
    scores = np.round(raw[rows].astype(np.float64) * boost[rows], 4)
    order = np.argsort(-scores, kind="stable")  # ties stay in id order
    return Ranked(
        rows=rows[order], scores=scores[order].tolist(), q=q, filtered=int(allowed.sum()) - len(rows)
    )


def _places(found: Candidates) -> list[set[str]]:
    """Each candidate's places (city, municipality, county), casefolded."""
    cols = [found.column(c) for c in ("city", "municipality", "county")]
    return [{p.casefold() for p in spots if p} for spots in zip(*cols, strict=True)]


def _where(listing: Listing) -> set[str]:
    return {p.casefold() for p in (listing.city, listing.municipality, listing.county) if p}


def _phrase(term: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for an `exclude` phrase ("java" is not "javascript")."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)", re.IGNORECASE)


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
    found = read_candidates(con, day, include_expired=include_expired)
    kept = filtered_ids(
        con, effective_filters(profile.filters, filters), day, include_expired=include_expired,
        degree=profile.degree,
    )  # fmt: skip
    if only_ids is None and kept == found.ids:  # both in id order: no filter, nothing blocked or dismissed
        allowed = np.ones(found.size, dtype=bool)
    else:
        keep = set(kept) if only_ids is None else set(kept) & only_ids
        allowed = np.fromiter((x in keep for x in found.ids), dtype=bool, count=found.size)
    built = built_index(con, found, SCORING_VERSION)
    ranked = select_and_score(found, built, cv_text, profile, analyzer, allowed)
    # Scores descend: the strong and partial matches are the rows before the first weak one.
    strong_or_partial = next(
        (i for i, x in enumerate(ranked.scores) if band(x) == "weak"), len(ranked.scores)
    )
    shortlisted = len(ranked.scores) if show_all else strong_or_partial
    shown = shortlisted if top is None else min(shortlisted, max(top, 0))
    shown_rows = ranked.rows[:shown].tolist()  # scores descend, so the weak ones are last
    listings = listings_by_id(con, [found.ids[r] for r in shown_rows])
    places = {p.casefold() for p in profile.places}
    rows = []
    for rank, (row, score) in enumerate(zip(shown_rows, ranked.scores, strict=False), start=1):
        listing = listings[found.ids[row]]
        outside = bool(places) and bool(_where(listing)) and not places & _where(listing)
        flags = flags_for(
            listing,
            profile.degree,
            day,
            years=profile.years_experience,
            min_salary=profile.min_salary_nok,
            outside_places=outside,
        )
        built.teach_surfaces(analyzer, row)
        exp = explain(built.index, ranked.q, built.analysed.row_weights(row), analyzer, listing)
        rows.append(
            {
                "listing_id": listing.listing_id,
                "rank": rank,
                "score": score,
                "band": band(score),
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
        "candidates": int(allowed.sum()),
        "filtered": ranked.filtered,
        "weak_left_out": len(ranked.scores) - shortlisted,
        "top_left_out": shortlisted - shown,
        "expired_left_out": 0 if include_expired else expired_count(con, day),
    }
    save_run(con, run, rows)
    return load_run(con, run_id)
