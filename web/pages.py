"""What each page shows: plain functions from a warehouse connection to the values its template needs.

No SQL of its own: hunt/ and warehouse/sql/ hold it, as for the command line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from hunt import applications, contacts, followups, weekly
from hunt.applications import STATUSES
from matching.digest import pending_listings
from matching.searches import list_searches
from warehouse.db import fetch_dicts, sql
from web.highlight import highlight, phrases_of

# The board's columns: the statuses a user moves an application through, then the ones that end it.
# "ghosted" is not a status anyone sets: an application with no answer for three weeks shows there.
BOARD_COLUMNS: tuple[str, ...] = (
    "saved",
    "applied",
    "interview",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "ghosted",
)
DEADLINE_DAYS = 3


@dataclass(frozen=True)
class Card:
    """One application on the board."""

    application_id: str
    title: str | None
    employer: str | None
    url: str | None
    status: str
    column: str
    days_since: int
    listing_status: str | None


def today_page(con: duckdb.DuckDBPyConnection, today: date) -> dict[str, Any]:
    """What is new for each saved search, follow-ups due, deadlines soon, the week, the last runs.

    Needs a writable connection: the saved searches read the search view refreshed for today.
    """
    return {
        "followups": followups.due(con, today),
        "deadlines": fetch_dicts(con, sql("web_deadlines_soon"), {"today": today, "days": DEADLINE_DAYS}),
        "week": weekly.week(con, today),
        "runs": fetch_dicts(con, sql("status_runs"), {"per_source": 1}),
        "reconnect": contacts.to_reconnect(con, today)[:5],
        "searches": [(search, pending_listings(con, search, today)) for search in list_searches(con)],
    }


def board(con: duckdb.DuckDBPyConnection, today: date) -> dict[str, list[Card]]:
    """Applications by board column, most recently changed first within a column."""
    ghosted = {f.application_id for f in followups.due(con, today) if f.kind == "ghosted"}
    columns: dict[str, list[Card]] = defaultdict(list)
    for row in applications.list_applications(con):
        column = "ghosted" if row["application_id"] in ghosted else row["status"]
        columns[column].append(
            Card(
                application_id=row["application_id"],
                title=row.get("title"),
                employer=row.get("employer"),
                url=row.get("url"),
                status=row["status"],
                column=column,
                days_since=(today - row["status_date"]).days,
                listing_status=row.get("listing_status"),
            )
        )
    return {name: columns.get(name, []) for name in BOARD_COLUMNS}


def listing(con: duckdb.DuckDBPyConnection, listing_id: str) -> dict[str, Any] | None:
    """The listing with its duplicates, the user's application to it, and contacts at its employer."""
    rows = fetch_dicts(con, sql("web_listing"), [listing_id])
    if not rows:
        return None
    row = rows[0]
    application = applications.get(con, listing_id)
    evidence = [row.get(column) for column in row if column.endswith("_evidence") or column == "salary_text"]
    return {
        "listing": row,
        "text": highlight(row.get("description"), phrases_of(evidence)),
        "application": application,
        "history": applications.history(con, listing_id) if application else [],
        "contacts": contacts.list_contacts(con, row.get("employer")) if row.get("employer") else [],
        "statuses": STATUSES,
    }
