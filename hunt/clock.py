"""Which day it is, and dates as the user types them.

`$FJORDJOBS_TODAY` pins "today" (DESIGN.md) so that follow-ups and the weekly plan can be tested and
re-run for a given day.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from hunt.errors import HuntError


def today() -> date:
    """`$FJORDJOBS_TODAY` (YYYY-MM-DD) when set, else the local calendar day."""
    pinned = os.environ.get("FJORDJOBS_TODAY")
    if pinned:
        return parse_date(pinned, "FJORDJOBS_TODAY")
    return date.today()


def parse_date(text: str, what: str = "date") -> date:
    """An ISO date (YYYY-MM-DD); anything else is a HuntError naming the option it came from."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise HuntError(f"{what} must be a date as YYYY-MM-DD, not {text!r}") from None


def iso_week(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier, clamped to the month's end (31 May -> 28/29 Feb)."""
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")
