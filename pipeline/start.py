"""When the job starts.

NAV's `starttime` and Finn's "Tiltredelse" are free text: a date ("01.03.2027", "1. mars"), or words
("Snarest", "Etter avtale", "Q1 2027"). The date, when there is one, is kept for filtering and sorting;
the words are kept as written, so "Snarest" is not lost.
"""

from __future__ import annotations

from datetime import date

from pipeline.dates import parse_deadline


def parse_start(text: str | None, reference: date | None = None) -> tuple[date | None, str | None]:
    """(start date or None, the start as written or None); year-less dates are read near `reference`."""
    if not text or not text.strip():
        return None, None
    written = " ".join(text.split())
    return parse_deadline(written, reference), written
