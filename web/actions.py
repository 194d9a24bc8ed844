"""What each button on the page does to the warehouse: one applier per click kind, all through `hunt/`.

Each applier takes the click's arguments as the form sent them (strings) and calls the same function the
command line calls, so a click and a `fjordjobs track` leave the same rows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from hunt import applications, blocks, contacts, followups
from matching.digest import build_digest, mark_sent
from matching.searches import get_search
from web.journal import Applier


def _day(args: dict[str, Any]) -> date:
    return date.fromisoformat(str(args["on"]))


def track(con: duckdb.DuckDBPyConnection, args: dict[str, Any]) -> None:
    """Save, apply, move on the board, or add a note (a note keeps the current status)."""
    applications.track(con, args["listing_id"], args["status"], _day(args), args.get("note") or None)


def contact_touch(con: duckdb.DuckDBPyConnection, args: dict[str, Any]) -> None:
    """Log that the user was in touch with a contact."""
    contacts.touch(con, str(args["contact"]), _day(args), args.get("note") or None)


def contact_add(con: duckdb.DuckDBPyConnection, args: dict[str, Any]) -> None:
    """Add a contact at an employer."""
    contacts.add(
        con,
        str(args["name"]),
        employer=args.get("employer") or None,
        relation=str(args["relation"]),
        channel=args.get("channel") or None,
        recruiter=bool(args.get("recruiter")),
    )


def followup_done(con: duckdb.DuckDBPyConnection, args: dict[str, Any]) -> None:
    """Mark an application's due follow-ups as done."""
    followups.mark_done(con, str(args["application_id"]), _day(args))


def dismiss(con: duckdb.DuckDBPyConnection, args: dict[str, Any]) -> None:
    """Hide one listing for good, with the user's reason (as `fjordjobs dismiss`)."""
    blocks.dismiss(con, str(args["listing_id"]), args.get("reason") or None)


def block(con: duckdb.DuckDBPyConnection, args: dict[str, Any]) -> None:
    """Hide every listing of an employer (as `fjordjobs block`), or of all staffing agencies."""
    rule = blocks.block_rule(args.get("employer"), staffing_agencies=bool(args.get("staffing_agencies")))
    blocks.block(con, rule)


def digest_seen(con: duckdb.DuckDBPyConnection, args: dict[str, Any]) -> None:
    """Count what a saved search shows as new as seen, as a delivered digest does (its cursor moves)."""
    mark_sent(con, build_digest(con, get_search(con, str(args["name"])), _day(args)))


APPLIERS: dict[str, Applier] = {
    "digest_seen": digest_seen,
    "dismiss": dismiss,
    "block": block,
    "track": track,
    "contact_touch": contact_touch,
    "contact_add": contact_add,
    "followup_done": followup_done,
}
