"""Follow-ups as an iCalendar file (RFC 5545), written by hand: one all-day event per follow-up.

Each event's UID is built from the application, the kind and the status date, so importing a newer
export updates the same events in a calendar instead of adding copies. Overdue follow-ups are put on
today, since a reminder in the past is never seen; the description keeps the original due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from hunt.followups import Followup

PRODID = "-//fjordjobs//job hunt follow-ups//EN"
_MAX_OCTETS = 75


def calendar(followups: Iterable[Followup], today: date, stamp: datetime) -> str:
    """The text of a VCALENDAR holding one VEVENT per follow-up; `stamp` is the DTSTAMP (UTC)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for item in followups:
        lines.extend(_event(item, today, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write(path: Path, followups: Iterable[Followup], today: date, stamp: datetime) -> int:
    """Write the calendar to `path` (bytes, CRLF as the RFC wants); return the number of events."""
    items = list(followups)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(calendar(items, today, stamp).encode("utf-8"))
    return len(items)


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, never inside a UTF-8 character."""
    parts: list[str] = []
    current = ""
    limit = _MAX_OCTETS
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = ""
            limit = _MAX_OCTETS - 1  # continuation lines start with one space
        current += char
    parts.append(current)
    return "\r\n ".join(parts)


def _event(item: Followup, today: date, stamp: datetime) -> list[str]:
    day = max(item.due, today)
    what = " at ".join(part for part in (item.title, item.employer) if part) or item.application_id
    summary = f"{item.kind.replace('_', ' ').capitalize()}: {what}"
    description = f"{item.action.capitalize()}. Application {item.application_id}, status since {item.anchor_date.isoformat()}."
    if item.due < today:
        description += f" Due since {item.due.isoformat()}."
    uid = f"{item.application_id}-{item.kind}-{item.anchor_date:%Y%m%d}@fjordjobs"
    return [
        "BEGIN:VEVENT",
        f"UID:{escape(uid)}",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
