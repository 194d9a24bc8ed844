"""The shortlist page: the newest stored match run, sorted as the user asks.

The ranking itself is `matching.run.run_match`, the same as `fjordjobs match`; the page reads the run
that command (or `fjordjobs run`, or `fjordjobs web --cv`) stored, so the page and a report agree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from matching.model import MatchResult, MatchRun
from matching.store import load_run
from warehouse.db import sql

SORTS: dict[str, str] = {"match": "best match", "deadline": "deadline", "salary": "salary"}


def latest_run(con: duckdb.DuckDBPyConnection) -> MatchRun | None:
    """The newest stored run, or None before the first `fjordjobs match`."""
    row = con.execute(sql("match_latest_run")).fetchone()
    return load_run(con, str(row[0])) if row else None


def sorted_results(results: list[MatchResult], sort: str) -> list[MatchResult]:
    """Rank order, or soonest deadline first, or highest salary first (not stated last, rank breaks ties)."""
    if sort == "deadline":
        return sorted(
            results,
            key=lambda r: (r.application_deadline is None, r.application_deadline or date.max, r.rank),
        )
    if sort == "salary":
        return sorted(results, key=lambda r: (-(r.salary_min_nok or r.salary_max_nok or -1), r.rank))
    return sorted(results, key=lambda r: r.rank)


def shortlist_page(con: duckdb.DuckDBPyConnection, params: dict[str, str]) -> dict[str, Any]:
    """The values the shortlist template needs for these query parameters."""
    sort = params.get("sort", "match")
    sort = sort if sort in SORTS else "match"
    run = latest_run(con)
    return {
        "run": run,
        "results": sorted_results(run.results, sort) if run else [],
        "sort": sort,
        "sorts": SORTS,
    }
