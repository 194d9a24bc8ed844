"""Follow-ups as an iCalendar file (RFC 5545), one all-day event per follow-up, through `icalendar`.

The library does the format's fiddly parts (line folding at 75 octets without splitting a character,
escaping of commas, semicolons and line breaks, CRLF line ends), which fjordjobs once wrote by hand.
Each event's UID is built from the application, the kind and the status date, so importing a newer
export updates the same events in a calendar instead of adding copies. Overdue follow-ups are put on
today, since a reminder in the past is never seen; the description keeps the original due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from hunt.followups import Followup

PRODID = "-//fjordjobs//job hunt follow-ups//EN"


def calendar(followups: Iterable[Followup], today: date, stamp: datetime) -> str:
    """The text of a VCALENDAR holding one VEVENT per follow-up; `stamp` is the DTSTAMP (UTC)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for item in followups:
        cal.add_component(_event(item, today, stamp))
    return cal.to_ical().decode("utf-8")


def write(path: Path, followups: Iterable[Followup], today: date, stamp: datetime) -> int:
    """Write the calendar to `path` (bytes, CRLF as the RFC wants); return the number of events."""
    items = list(followups)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(calendar(items, today, stamp).encode("utf-8"))
    return len(items)


def _event(item: Followup, today: date, stamp: datetime) -> Event:
    day = max(item.due, today)
    what = " at ".join(part for part in (item.title, item.employer) if part) or item.application_id
    description = (
        f"{item.action.capitalize()}. Application {item.application_id}, "
        f"status since {item.anchor_date.isoformat()}."
    )
    if item.due < today:
        description += f" Due since {item.due.isoformat()}."
    event = Event()
    event.add("uid", f"{item.application_id}-{item.kind}-{item.anchor_date:%Y%m%d}@fjordjobs")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", f"{item.kind.replace('_', ' ').capitalize()}: {what}")
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event
