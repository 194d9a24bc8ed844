"""The shortlist page: the newest stored ranking, narrowed by the filter sidebar and sorted as asked.

The ranking is `matching.run.run_match`, the same as `fjordjobs match`; the page reads the run that
command (or `fjordjobs run`, or `fjordjobs web --cv`) stored. The sidebar is the filter vocabulary of
`pipeline.search_filter` read from the URL, so a view can be bookmarked, and the listings it keeps and
its facet counts come from `matching.searches`, as for `fjordjobs facets` and saved searches.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
from starlette.datastructures import QueryParams

from matching.flags import FLAG_WORDS
from matching.model import MatchResult, MatchRun
from matching.reports.common import FLAG_SHORT, legend, match_label
from matching.searches import prepare
from matching.store import load_run
from pipeline.permit import threshold_for
from pipeline.search_filter import FilterError, SearchFilter, filter_from_mapping
from warehouse import search
from warehouse.db import sql

SORTS: dict[str, str] = {"match": "best match", "deadline": "deadline", "salary": "salary"}
# Filter keys that take several values (checkboxes), the rest take one.
MULTI = ("place", "occupation", "sector", "remote")
# Sidebar groups: (facet from matching.searches.facet_counts, the filter key a tick sets, heading).
FACET_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("county", "place", "County"),
    ("occupation_level1", "occupation", "Occupation"),
    ("remote", "remote", "Remote work"),
    ("sector", "sector", "Sector"),
)
FACET_VALUES_SHOWN = 12
SHOWN = 100  # rows on the page; the rest are counted


def latest_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """The newest stored run, or None before the first `fjordjobs match`."""
    row = con.execute(sql("match_latest_run")).fetchone()
    return str(row[0]) if row else None


def page_of(
    con: duckdb.DuckDBPyConnection, run_id: str, sort: str
) -> tuple[MatchRun, list[MatchResult], int]:
    """(the run, the first SHOWN of its rows among the listings `search.keep` kept, in the asked order,
    how many of its rows are kept).

    Only the rows shown are read in full (`load_run` with ids): a run over 50,000 listings stays cheap.
    """
    order = search.ranked_page(con, run_id, sort, SHOWN)
    run = load_run(con, run_id, order)
    by_id = {r.listing_id: r for r in run.results}
    return run, [by_id[i] for i in order if i in by_id], search.ranked_count(con, run_id)


def filter_from_query(params: QueryParams) -> SearchFilter:
    """The sidebar's filter from the URL; empty fields are no restriction. FilterError names a bad value."""
    data: dict[str, Any] = {}
    for key in params:
        if key in ("sort",):
            continue
        values = [v for v in params.getlist(key) if v.strip()]
        if values:
            data[key] = values if key in MULTI else values[-1]
    return filter_from_mapping(data, "the page's filters")


def shortlist_page(con: duckdb.DuckDBPyConnection, params: QueryParams, day: date) -> dict[str, Any]:
    """The values the shortlist template needs for these query parameters (a writable connection)."""
    sort = params.get("sort", "match")
    sort = sort if sort in SORTS else "match"
    problem = None
    try:
        filters = filter_from_query(params)
    except FilterError as exc:
        filters, problem = SearchFilter(), str(exc)
    prepare(con, day)  # the search view with the permit thresholds in force on `day`
    run_id = latest_run_id(con)
    # The permit filter holds an ad that names no degree to the applicant's threshold, as `match` does:
    # the degree the stored run used (its profile's, else the one read from the CV).
    degree = load_run(con, run_id, []).profile.get("degree") if run_id else None
    threshold = threshold_for(degree, day) if degree else None
    kept = search.keep(con, filters.to_dict(), day, threshold)  # read once; facets, page and counts use it
    counts = search.kept_facets(con)
    run, results, ranked = page_of(con, run_id, sort) if run_id else (None, [], 0)
    return {
        "run": run,
        "results": results,
        "ranked": ranked,
        "sort": sort,
        "sorts": SORTS,
        "filters": filters,
        "chosen": filters.to_dict(),
        "problem": problem,
        "groups": [
            (key, heading, counts.get(facet, [])[:FACET_VALUES_SHOWN]) for facet, key, heading in FACET_GROUPS
        ],
        "kept": kept,
        "flag_short": FLAG_SHORT,
        "flag_meaning": FLAG_WORDS,
        "match_label": match_label,
        "legend": legend(),
    }
