"""Follow-ups: what to do next about each application, and when.

Three rules, each counted in days from the date of the application's current status:
- a thank-you the day after an interview (`thank_you_days`, default 1);
- a status call when an application has had no answer for a week (`status_call_days`, default 7);
- an application with no answer for three weeks counts as ghosted (`ghosted_days`, default 21).
Any new status (an answer) ends them. A follow-up marked done stays done; it is tied to the date of the
status that caused it, so a second interview brings a new thank-you.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from hunt.errors import HuntError
from warehouse.db import fetch_dicts, sql

KINDS: dict[str, str] = {
    "thank_you": "send a thank-you after the interview",
    "status_call": "call or write to ask about the status",
    "ghosted": "no answer in weeks: count it as ghosted and move on",
}


@dataclass(frozen=True)
class FollowupRules:
    """How many days after the status date each follow-up falls due."""

    thank_you_days: int = 1
    status_call_days: int = 7
    ghosted_days: int = 21

    def __post_init__(self) -> None:
        if min(self.thank_you_days, self.status_call_days, self.ghosted_days) < 0:
            raise HuntError("follow-up days cannot be negative")
        if self.ghosted_days <= self.status_call_days:
            raise HuntError("ghosted days must be more than status-call days")


@dataclass(frozen=True)
class Followup:
    """One thing to do about one application on a given day."""

    application_id: str
    kind: str
    anchor_date: date  # the date of the status that caused it
    due: date
    title: str | None
    employer: str | None

    @property
    def action(self) -> str:
        """What to do, in words."""
        return KINDS[self.kind]

    def days_overdue(self, today: date) -> int:
        """0 when due today, positive when late, negative when still ahead."""
        return (today - self.due).days


def scheduled(con: duckdb.DuckDBPyConnection, rules: FollowupRules | None = None) -> list[Followup]:
    """Every follow-up not yet done, past or future, by due date (a calendar holds all of them)."""
    rules = rules or FollowupRules()
    done = {
        (r["application_id"], r["kind"], r["anchor_date"])
        for r in fetch_dicts(con, sql("hunt_followups_done"))
    }
    found = []
    for row in fetch_dicts(con, sql("hunt_followup_candidates")):
        offsets = (
            {"thank_you": rules.thank_you_days}
            if row["status"] == "interview"
            else {"status_call": rules.status_call_days, "ghosted": rules.ghosted_days}
        )
        for kind, days in offsets.items():
            if (row["application_id"], kind, row["status_date"]) in done:
                continue
            found.append(
                Followup(
                    application_id=row["application_id"],
                    kind=kind,
                    anchor_date=row["status_date"],
                    due=row["status_date"] + timedelta(days=days),
                    title=row["title"],
                    employer=row["employer"],
                )
            )
    return sorted(found, key=lambda f: (f.due, f.application_id, f.kind))


def due(con: duckdb.DuckDBPyConnection, today: date, rules: FollowupRules | None = None) -> list[Followup]:
    """Follow-ups due today or overdue, most overdue first; once ghosted, the status call is dropped."""
    items = [f for f in scheduled(con, rules) if f.due <= today]
    ghosted = {f.application_id for f in items if f.kind == "ghosted"}
    return [f for f in items if not (f.kind == "status_call" and f.application_id in ghosted)]


def mark_done(
    con: duckdb.DuckDBPyConnection, application_id: str, today: date, rules: FollowupRules | None = None
) -> list[Followup]:
    """Mark the follow-ups of one application that are due now as done; return them.

    A status call that ghosting superseded is marked too, so it does not come back.
    """
    items = [f for f in scheduled(con, rules) if f.application_id == application_id and f.due <= today]
    if not items:
        raise HuntError(f"no follow-up of {application_id!r} is due on {today.isoformat()}")
    for item in items:
        con.execute(
            sql("hunt_followup_done_insert"), [item.application_id, item.kind, item.anchor_date, today]
        )
    return items
