"""The application log: the current status of each application and the history of every change.

An application is keyed by the listing it answers (its listing_id), or by `open:<slug>` for an open
application to an employer with no listing. It copies title, employer and URL from the listing when it
is first tracked, and never points at `listings` with a foreign key, because ingest rewrites and expires
listings while this log is the user's own work and must outlive them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from hunt.errors import HuntError
from warehouse.db import fetch_dicts, sql, transaction

STATUSES: tuple[str, ...] = ("saved", "applied", "interview", "offer", "accepted", "rejected", "withdrawn")
OPEN_PREFIX = "open:"

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


@dataclass(frozen=True)
class Application:
    """One application as it stands now."""

    application_id: str
    listing_id: str | None
    kind: str  # 'listing' (targeted) or 'open'
    title: str | None
    employer: str | None
    url: str | None
    status: str
    status_date: date


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-', with æ/ø/å spelt out: 'Statens vegvesen' -> 'statens-vegvesen'."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def open_application_id(employer: str, title: str | None = None) -> str:
    """`open:<employer>[-<title>]`: the same employer and title always give the same application."""
    slug = slugify(employer if not title else f"{employer} {title}")
    if not slug:
        raise HuntError(f"cannot make an id from employer {employer!r}: give a name with letters or digits")
    return OPEN_PREFIX + slug


def get(con: duckdb.DuckDBPyConnection, application_id: str) -> Application | None:
    """The application with this id, or None."""
    rows = fetch_dicts(con, sql("hunt_application_get"), [application_id])
    return Application(**rows[0]) if rows else None


def track(
    con: duckdb.DuckDBPyConnection,
    listing_id: str | None,
    status: str,
    on: date,
    note: str | None = None,
    *,
    open_employer: str | None = None,
    open_title: str | None = None,
) -> Application:
    """Record a status change, creating the application on first sight.

    An id that is already tracked is always accepted, even when its listing has since expired or
    been deleted. A new id must be a listing in the warehouse, unless `open_employer` is given: then
    it is an open application, keyed `open:<slug>` (or by `listing_id` if that already starts with
    `open:`).
    """
    if status not in STATUSES:
        raise HuntError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    application_id = _application_id(listing_id, open_employer, open_title)
    with transaction(con):
        if get(con, application_id) is None:
            _create(con, application_id, status, on, open_employer, open_title)
        con.execute(sql("hunt_event_insert"), [application_id, status, on, note])
        con.execute(sql("hunt_application_refresh"), [application_id])
    current = get(con, application_id)
    assert current is not None
    return current


def history(con: duckdb.DuckDBPyConnection, application_id: str) -> list[dict[str, Any]]:
    """Every status change of one application, oldest first; a HuntError if it was never tracked."""
    if get(con, application_id) is None:
        raise HuntError(f"no application {application_id!r}: track it first with `fjordjobs track`")
    return fetch_dicts(con, sql("hunt_application_events"), [application_id])


def list_applications(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """All applications, latest change first, with `listing_status` ('gone' once ingest dropped it)."""
    return fetch_dicts(con, sql("hunt_applications_list"))


def applied_listing_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Listing ids the user has applied to, and their cross-source duplicates, for the shortlist."""
    return {row[0] for row in con.execute(sql("hunt_applied_listing_ids")).fetchall()}


def _application_id(listing_id: str | None, open_employer: str | None, open_title: str | None) -> str:
    if open_employer is not None:
        if listing_id and listing_id.startswith(OPEN_PREFIX):
            return listing_id
        if listing_id:
            raise HuntError(
                f"--open makes an application with no listing; leave out {listing_id!r} or give an open: id"
            )
        return open_application_id(open_employer, open_title)
    if not listing_id:
        raise HuntError("give a LISTING_ID, or --open --employer NAME for an open application")
    return listing_id


def _create(
    con: duckdb.DuckDBPyConnection,
    application_id: str,
    status: str,
    on: date,
    open_employer: str | None,
    open_title: str | None,
) -> None:
    if open_employer is not None:
        values = [application_id, None, "open", open_title, open_employer, None, status, on]
    else:
        found = fetch_dicts(con, sql("hunt_listing_snapshot"), [application_id])
        if not found and application_id.startswith(OPEN_PREFIX):
            raise HuntError(
                f"no open application {application_id!r} yet: start one with --open --employer NAME"
            )
        if not found:
            raise HuntError(
                f"no listing {application_id!r} in the warehouse; "
                "check the id with `fjordjobs sql`, or use --open --employer NAME"
            )
        listing = found[0]
        values = [
            application_id,
            application_id,
            "listing",
            listing["title"],
            listing["employer"],
            listing["url"],
            status,
            on,
        ]
    con.execute(sql("hunt_application_insert"), values)
