"""The digest of a saved search: only the listings that are new to it, or whose title, deadline, salary or
language tag changed since its last digest, ranked against the search's CV when it has one.

A digest is built (`build_digest`), delivered by the caller (files, e-mail), and only then marked as sent
(`mark_sent`, one transaction with the search's cursor). A delivery that fails leaves everything as it
was, so the next digest holds the same listings again; a digest with nothing in it is not delivered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from matching.run import applicant_degree, run_match
from matching.searches import SavedSearch, filtered_ids
from warehouse.db import fetch_dicts, run_script, sql, transaction


@dataclass(frozen=True)
class DigestItem:
    """One listing of a digest with the evidence columns of the shortlist."""

    listing: dict[str, Any]  # a `digest_listings` row
    changed: bool  # seen by an earlier digest of this search, and changed since
    rank: int | None = None
    score: float | None = None
    why: str | None = None
    permit_salary: str | None = None


@dataclass(frozen=True)
class Digest:
    """What one saved search's digest holds, and the fingerprints to remember once it is delivered."""

    search: SavedSearch
    day: date
    items: list[DigestItem]
    fingerprints: dict[str, str]

    @property
    def empty(self) -> bool:
        return not self.items


def _ranked(
    con: duckdb.DuckDBPyConnection, search: SavedSearch, ids: set[str], day: date
) -> dict[str, dict[str, Any]]:
    """listing id -> rank, score, why and permit verdict, from a match run over these ids only."""
    assert search.cv_path is not None
    run = run_match(
        con,
        Path(search.cv_path),
        search.profile_path,
        on=day,
        filters=search.filters,
        only_ids=ids,
        show_all=True,  # a digest delivers every new listing of its search, weak matches too, in rank order
    )
    return {
        r.listing_id: {"rank": r.rank, "score": r.score, "why": r.why, "permit_salary": r.permit_salary}
        for r in run.results
    }


def _degree(search: SavedSearch, day: date) -> str | None:
    """The applicant's degree for the search's permit filter, when the search has a profile or CV."""
    if not (search.filters.permit_salary and (search.cv_path or search.profile_path)):
        return None
    return applicant_degree(search.cv_path, search.profile_path, day)


def build_digest(con: duckdb.DuckDBPyConnection, search: SavedSearch, day: date) -> Digest:
    """The digest the search would deliver now; nothing is marked as sent."""
    ids = filtered_ids(con, search.filters, day, degree=_degree(search, day))
    pending = fetch_dicts(con, sql("digest_candidates"), {"ids": ids, "name": search.name})
    if not pending:
        return Digest(search, day, [], {})
    changed = {row["listing_id"]: bool(row["changed"]) for row in pending}
    fingerprints = {row["listing_id"]: row["fingerprint"] for row in pending}
    rows = {
        row["listing_id"]: row for row in fetch_dicts(con, sql("digest_listings"), {"ids": list(changed)})
    }
    if search.cv_path:
        ranked = _ranked(con, search, set(changed), day)
        order = sorted(ranked, key=lambda lid: ranked[lid]["rank"])
        items = [DigestItem(rows[lid], changed[lid], **ranked[lid]) for lid in order if lid in rows]
        # What the profile leaves out is not delivered, and not marked: it never shows in this search.
        fingerprints = {lid: fingerprints[lid] for lid in order}
    else:
        items = [DigestItem(rows[lid], changed[lid]) for lid in sorted(rows)]
    return Digest(search, day, items, fingerprints)


def mark_sent(con: duckdb.DuckDBPyConnection, digest: Digest, now: datetime | None = None) -> None:
    """Remember the delivered listings in their present form and move the search's cursor, atomically."""
    sent_at = now or datetime.now().replace(microsecond=0)
    ids = list(digest.fingerprints)
    with transaction(con):
        if ids:
            run_script(
                con,
                "digest_mark_sent",
                {
                    "name": digest.search.name,
                    "ids": ids,
                    "fingerprints": [digest.fingerprints[i] for i in ids],
                    "sent_at": sent_at,
                },
            )
        run_script(con, "digest_cursor", {"name": digest.search.name, "sent_at": sent_at})


def pending_listings(con: duckdb.DuckDBPyConnection, search: SavedSearch, day: date) -> list[dict[str, Any]]:
    """What the search's next digest would hold, unranked and unmarked: for a glance (the page's Today)."""
    ids = filtered_ids(con, search.filters, day, degree=_degree(search, day))
    pending = fetch_dicts(con, sql("digest_candidates"), {"ids": ids, "name": search.name})
    if not pending:
        return []
    return fetch_dicts(con, sql("digest_listings"), {"ids": [row["listing_id"] for row in pending]})
