"""Applying a `SearchFilter`, and the saved searches that keep one under a name (with a CV and profile).

`filtered_ids` is the one way every search finds its listings: it refreshes the `listing_search` view
with today's permit thresholds (`pipeline/permit.py`, the one place they live) and runs the filter's SQL
(`warehouse/search.py`). `fjordjobs match`, saved searches, digests, facets and the web page call it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from pipeline.permit import threshold_for
from pipeline.search_filter import FilterError, SearchFilter, filter_from_mapping
from warehouse import search
from warehouse.db import fetch_dicts, run_script, sql

# Before the first dated threshold (never in practice) the view still needs numbers: no salary passes.
_NO_THRESHOLD = 2**31 - 1


class SearchError(ValueError):
    """A saved search that does not exist, or a name that cannot be used; one line for the CLI."""


@dataclass(frozen=True)
class SavedSearch:
    """A named filter, optionally ranked against a CV (and a profile)."""

    name: str
    filters: SearchFilter
    cv_path: str | None
    profile_path: str | None
    created_at: datetime | None = None
    last_digest_at: datetime | None = None


def prepare(con: duckdb.DuckDBPyConnection, day: date, *, temporary: bool = False) -> None:
    """Refresh `listing_search` with the permit thresholds in force on `day` (stored in the warehouse, or
    with `temporary` only for this connection, which a read-only connection may do)."""
    search.refresh_view(
        con,
        threshold_for("master", day) or _NO_THRESHOLD,
        threshold_for("bachelor", day) or _NO_THRESHOLD,
        temporary=temporary,
    )


def filtered_ids(
    con: duckdb.DuckDBPyConnection,
    filters: SearchFilter,
    day: date,
    *,
    include_expired: bool = False,
    degree: str | None = None,
) -> list[str]:
    """The ids of the listings a search with these filters shows on `day` (blocked and dismissed never;
    expired ones only when asked). `degree` is the applicant's (profile or CV), when known: the permit
    filter holds an ad that names no degree to that degree's threshold, as the `match` permit flag does."""
    prepare(con, day)
    return search.matching_ids(
        con,
        filters.to_dict(),
        day,
        include_expired=include_expired,
        permit_threshold=threshold_for(degree, day),
    )


def facet_counts(
    con: duckdb.DuckDBPyConnection, filters: SearchFilter, day: date
) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values with their counts among the listings the filters keep."""
    prepare(con, day)
    return search.facets(con, filters.to_dict(), day)


def _check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 80 or any(c in cleaned for c in "/\\\n"):
        raise SearchError(f"a saved search needs a short name without slashes, not {name!r}")
    return cleaned


def save_search(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: SearchFilter,
    cv_path: Path | None = None,
    profile_path: Path | None = None,
    now: datetime | None = None,
) -> SavedSearch:
    """Store (or replace) a search; the CV and profile are kept as absolute paths and must exist now."""
    for what, path in (("CV", cv_path), ("profile", profile_path)):
        if path is not None and not Path(path).is_file():
            raise SearchError(f"{what} not found: {path}")
    run_script(
        con,
        "search_upsert",
        {
            "name": _check_name(name),
            "filters": json.dumps(filters.to_dict(), ensure_ascii=False, sort_keys=True),
            "cv_path": str(Path(cv_path).resolve()) if cv_path else None,
            "profile_path": str(Path(profile_path).resolve()) if profile_path else None,
            "created_at": now or datetime.now().replace(microsecond=0),
        },
    )
    return get_search(con, name)


def _from_row(row: dict[str, Any]) -> SavedSearch:
    try:
        filters = filter_from_mapping(json.loads(row["filters"]), source=f"saved search {row['name']}")
    except (FilterError, json.JSONDecodeError) as exc:
        raise SearchError(str(exc)) from exc
    return SavedSearch(
        row["name"], filters, row["cv_path"], row["profile_path"], row["created_at"], row["last_digest_at"]
    )


def list_searches(con: duckdb.DuckDBPyConnection) -> list[SavedSearch]:
    """Every saved search, by name."""
    return [_from_row(row) for row in fetch_dicts(con, sql("search_list"))]


def get_search(con: duckdb.DuckDBPyConnection, name: str) -> SavedSearch:
    """One saved search; SearchError names the searches there are when it is unknown."""
    rows = fetch_dicts(con, sql("search_get"), {"name": name.strip()})
    if not rows:
        names = ", ".join(s.name for s in list_searches(con)) or "none saved yet"
        raise SearchError(f"no saved search {name!r} (saved: {names})")
    return _from_row(rows[0])


def delete_search(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Forget a saved search and what its digests delivered."""
    get_search(con, name)
    run_script(con, "search_delete", {"name": name.strip()})


def effective_filters(profile_filters: SearchFilter, flags: SearchFilter | None) -> SearchFilter:
    """The profile's `[filters]` with every key the flags set replaced by the flags' value."""
    return profile_filters if flags is None else profile_filters.merged(flags)
