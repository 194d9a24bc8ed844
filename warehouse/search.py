"""The filter vocabulary in SQL: one WHERE clause over the `listing_search` view, and facet counts.

Every way of searching (profile, `match` flags, saved searches, digests, facets, the web page) goes through
`where_clause`, so a filter means one thing. User values are always bound parameters; only the fixed
fragments below are SQL text. This module takes the filter as a plain mapping (the `to_dict()` of
`pipeline.search_filter.SearchFilter`) so that `warehouse/` imports nothing above it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import duckdb

from warehouse import db

NOT_STATED = "not stated"

# key -> SQL fragment over listing_search; `?` marks are bound in order by `_params`.
_FRAGMENTS: dict[str, str] = {
    "place": "list_has_any(list_transform(list_concat(list_concat(counties, municipalities), cities), "
    "lambda x: lower(x)), ?)",
    "occupation": "list_has_any(list_transform(list_concat(occupation_level1, occupation_level2), "
    "lambda x: lower(x)), ?)",
    "sector": "list_contains(?, sector)",
    "extent": "extent = ?",
    "min_extent_pct": "extent_pct >= ?",
    "engagement": "engagement = ?",
    "remote": "list_contains(?, remote)",
    "english": "english_ok IS TRUE",
    "permit_salary": "permit_salary_ok IS TRUE",
    "min_salary_nok": "(coalesce(salary_max_nok, salary_min_nok) IS NULL "
    "OR coalesce(salary_max_nok, salary_min_nok) >= ?)",
    "published_within_days": "coalesce(published_at, first_seen_at) >= ?",
    "deadline_open": "(application_deadline IS NULL OR application_deadline >= ?)",
    "relocation": "relocation IS TRUE",
}
_AGENCIES = {"hide": "staffing_agency IS NOT TRUE", "only": "staffing_agency IS TRUE"}


def refresh_view(
    con: duckdb.DuckDBPyConnection, permit_master: int, permit_bachelor: int, *, temporary: bool = False
) -> None:
    """(Re)create `listing_search` with today's permit thresholds (ints from `pipeline/permit.py`)."""
    text = db.sql("listing_search_view").format(
        permit_master=int(permit_master), permit_bachelor=int(permit_bachelor), listings=db.listings_now_sql()
    )
    if temporary:
        text = text.replace("CREATE OR REPLACE VIEW", "CREATE OR REPLACE TEMP VIEW")  # both views
    elif _stored_version(con) == _version(text):
        return  # already there with these thresholds: recreating it is a catalog write per search
    con.execute(text)
    if not temporary:
        con.execute(f"COMMENT ON VIEW listing_search IS '{_version(text)}'")


def _version(text: str) -> str:
    """A fingerprint of one version of the view's text (thresholds included)."""
    return "fjordjobs:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def _stored_version(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute(
        "SELECT comment FROM duckdb_views() WHERE view_name = 'listing_search' AND NOT temporary"
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def _params(key: str, value: Any, today: date) -> list[Any]:
    if key in ("place", "occupation"):
        return [[str(v).lower() for v in value]]
    if key in ("sector", "remote"):
        return [list(value)]
    if key == "published_within_days":
        return [datetime.combine(today - timedelta(days=int(value)), time.min)]
    if key == "deadline_open":
        return [today]
    if key in ("english", "permit_salary", "relocation"):
        return []
    return [value]


# permit_salary when the applicant's degree is known: an ad whose own degree leaves it open (NULL in the
# view: no degree named, salary between the two thresholds) is held to the applicant's threshold.
_PERMIT_WITH_DEGREE = "(permit_salary_ok IS TRUE OR (permit_salary_ok IS NULL AND salary_min_nok >= ?))"


def where_clause(
    filters: Mapping[str, Any], today: date, permit_threshold: int | None = None
) -> tuple[str, list[Any]]:
    """(`cond AND cond ...`, parameters) for the keys that restrict; `TRUE` for an empty filter.

    `permit_threshold` is the permit salary threshold for the applicant's degree (profile or CV), when
    known: `permit_salary` then keeps an ad that names no degree when its salary meets that threshold."""
    parts: list[str] = []
    params: list[Any] = []
    for key, value in filters.items():
        if key == "agencies":
            if value in _AGENCIES:
                parts.append(_AGENCIES[value])
            continue
        if key not in _FRAGMENTS:
            raise KeyError(f"unknown filter {key!r}")
        if value in (None, False, (), []):
            continue
        if key == "permit_salary" and permit_threshold is not None:
            parts.append(_PERMIT_WITH_DEGREE)
            params.append(int(permit_threshold))
            continue
        parts.append(_FRAGMENTS[key])
        params += _params(key, value, today)
    return (" AND ".join(parts) or "TRUE"), params


def matching_ids(
    con: duckdb.DuckDBPyConnection,
    filters: Mapping[str, Any],
    today: date,
    *,
    include_expired: bool = False,
    permit_threshold: int | None = None,
) -> list[str]:
    """The listing ids the filter keeps, in id order: active ones, and expired ones too when asked
    (`permit_threshold`: see `where_clause`)."""
    where, params = where_clause(filters, today, permit_threshold)
    status = "status IN ('active', 'expired')" if include_expired else "status = 'active'"
    rows = con.execute(
        f"SELECT listing_id FROM listing_search_all WHERE {status} AND {where} ORDER BY listing_id", params
    )
    ids: list[str] = rows.fetchnumpy()["listing_id"].tolist()  # a third of fetchall's CPU on 50,000 rows
    return ids


# How a ranked page may be ordered: rank, soonest deadline (none last), highest salary (none last).
_RANKED_ORDER = {
    "match": "m.rank",
    "deadline": "s.application_deadline ASC NULLS LAST, m.rank",
    "salary": "coalesce(s.salary_min_nok, s.salary_max_nok) DESC NULLS LAST, m.rank",
}


def ranked_page(
    con: duckdb.DuckDBPyConnection, run_id: str, sort: str = "match", limit: int = 100
) -> list[str]:
    """The first `limit` listing ids of a stored match run among the listings `keep` last kept, in `sort`
    order: the web shortlist's page without reading the whole run or the view again."""
    rows = con.execute(
        f"""
        SELECT m.listing_id FROM matches AS m JOIN kept AS s USING (listing_id)
        WHERE m.run_id = ? ORDER BY {_RANKED_ORDER[sort]} LIMIT ?
        """,
        [run_id, limit],
    ).fetchall()
    return [row[0] for row in rows]


def ranked_count(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """How many of a stored run's rows are among the listings `keep` last kept."""
    row = con.execute(
        "SELECT count(*) FROM matches AS m JOIN kept AS s USING (listing_id) WHERE m.run_id = ?", [run_id]
    ).fetchone()
    return int(row[0]) if row else 0


def count(con: duckdb.DuckDBPyConnection, filters: Mapping[str, Any], today: date) -> int:
    """How many listings the filter keeps."""
    where, params = where_clause(filters, today)
    row = con.execute(f"SELECT count(*) FROM listing_search WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


# facet name -> SQL expression giving each listing's values as a list (an empty list is "not stated").
_FACETS: dict[str, str] = {
    "county": "counties",
    "municipality": "municipalities",
    "occupation_level1": "occupation_level1",
    "occupation_level2": "occupation_level2",
    "sector": "list_filter([sector], lambda x: x IS NOT NULL)",
    "extent": "list_filter([extent], lambda x: x IS NOT NULL)",
    "engagement": "list_filter([engagement], lambda x: x IS NOT NULL)",
    "remote": "list_filter([remote], lambda x: x IS NOT NULL)",
    "english": "list_filter([CAST(english_ok AS VARCHAR)], lambda x: x IS NOT NULL)",
    "permit_salary": "list_filter([CAST(permit_salary_ok AS VARCHAR)], lambda x: x IS NOT NULL)",
    "staffing_agency": "list_filter([CAST(staffing_agency AS VARCHAR)], lambda x: x IS NOT NULL)",
    "relocation": "list_filter([CAST(relocation AS VARCHAR)], lambda x: x IS NOT NULL)",
}


def keep(
    con: duckdb.DuckDBPyConnection,
    filters: Mapping[str, Any],
    today: date,
    permit_threshold: int | None = None,
) -> int:
    """Read the listings the filter keeps into this connection's temporary table `kept` (their facet
    values and sort keys), once, and return how many there are.

    `kept_facets`, `ranked_page` and `ranked_count` then read the table instead of the view (places,
    dismissals, blocks, read-time expiry): on 50,000 listings the web shortlist read the view three
    times, 781 ms of CPU unfiltered, and reads it once this way (benchmarks/bench_web.py). The facets
    alone took 617 ms per 2,000 listings when each facet read the view. `permit_threshold`: see
    `where_clause`.
    """
    where, params = where_clause(filters, today, permit_threshold)
    columns = ", ".join(f"{expr} AS {name}" for name, expr in _FACETS.items())
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE kept AS
        SELECT listing_id, application_deadline, salary_min_nok, salary_max_nok, {columns}
        FROM listing_search WHERE {where}
        """,
        params,
    )
    row = con.execute("SELECT count(*) FROM kept").fetchone()
    return int(row[0]) if row else 0


def kept_facets(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values with how many of the listings `keep` last kept have each, "not stated" last.

    A listing in two counties counts once under each; a listing with no value counts under "not stated".
    """
    out: dict[str, list[tuple[str, int]]] = {}
    for name in _FACETS:
        rows = con.execute(
            f"""
            SELECT v, count(*) AS n FROM (SELECT unnest({name}) AS v FROM kept) GROUP BY v
            UNION ALL
            SELECT '{NOT_STATED}', count(*) FROM kept WHERE len({name}) = 0 HAVING count(*) > 0
            """
        ).fetchall()
        stated = sorted(((str(v), int(n)) for v, n in rows if v != NOT_STATED), key=lambda r: (-r[1], r[0]))
        out[name] = stated + [(str(v), int(n)) for v, n in rows if v == NOT_STATED]
    return out


def facets(
    con: duckdb.DuckDBPyConnection, filters: Mapping[str, Any], today: date
) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values with how many of the filtered listings have each (`keep`, then `kept_facets`)."""
    keep(con, filters, today)
    return kept_facets(con)
