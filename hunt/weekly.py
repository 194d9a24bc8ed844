"""The weekly plan: targets per ISO week and how far this week has come.

What counts:
- `applications`: targeted applications (to a listing) whose first 'applied' event falls in the week;
- `open_applications`: the same for open applications (to an employer with no listing);
- `recruiter_messages`: touches (`contacts touch`, or the last-contact date given to `contacts add`) of
  contacts added with `--recruiter`. A message to a recruiter is logged as a touch of that recruiter, so
  the network log and the weekly count never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from hunt.clock import iso_week
from hunt.errors import HuntError
from warehouse.db import sql

DEFAULT_TARGETS: dict[str, int] = {"applications": 10, "open_applications": 5, "recruiter_messages": 3}
LABELS: dict[str, str] = {
    "applications": "targeted applications",
    "open_applications": "open applications",
    "recruiter_messages": "recruiter messages",
}


@dataclass(frozen=True)
class Progress:
    """One target's count against its goal in one week."""

    target: str
    done: int
    goal: int

    @property
    def left(self) -> int:
        """How many more this week needs (0 once reached)."""
        return max(self.goal - self.done, 0)


@dataclass(frozen=True)
class Week:
    """Progress for the ISO week from `monday` to `sunday`."""

    monday: date
    sunday: date
    progress: list[Progress]

    @property
    def label(self) -> str:
        """'2026-W47'."""
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"


def targets(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The weekly targets: the defaults, overridden by what the user stored."""
    stored = {str(t): int(n) for t, n in con.execute(sql("hunt_targets_get")).fetchall()}
    return {key: stored.get(key, default) for key, default in DEFAULT_TARGETS.items()}


def parse_assignment(text: str) -> tuple[str, int]:
    """'applications=12' -> ('applications', 12); a HuntError names the known targets."""
    key, sep, value = text.partition("=")
    key = key.strip().replace("-", "_")
    if not sep or key not in DEFAULT_TARGETS:
        raise HuntError(f"--set takes TARGET=N with TARGET one of {', '.join(DEFAULT_TARGETS)}, not {text!r}")
    try:
        number = int(value)
    except ValueError:
        raise HuntError(f"--set {key}= needs a whole number, not {value.strip()!r}") from None
    if number < 0:
        raise HuntError(f"--set {key}= cannot be negative")
    return key, number


def set_target(con: duckdb.DuckDBPyConnection, target: str, per_week: int) -> None:
    """Store a new weekly target (kept across runs and migrations)."""
    if target not in DEFAULT_TARGETS:
        raise HuntError(f"unknown target {target!r}; use one of {', '.join(DEFAULT_TARGETS)}")
    con.execute(sql("hunt_target_set"), [target, per_week])


def week(con: duckdb.DuckDBPyConnection, day: date) -> Week:
    """Progress against the targets in the ISO week holding `day`."""
    monday, sunday = iso_week(day)
    by_kind = {
        str(k): int(n) for k, n in con.execute(sql("hunt_week_applications"), [monday, sunday]).fetchall()
    }
    row = con.execute(sql("hunt_week_recruiter_messages"), [monday, sunday]).fetchone()
    done = {
        "applications": by_kind.get("listing", 0),
        "open_applications": by_kind.get("open", 0),
        "recruiter_messages": int(row[0]) if row else 0,
    }
    goals = targets(con)
    return Week(monday, sunday, [Progress(key, done[key], goals[key]) for key in DEFAULT_TARGETS])
