"""Deadlines, timestamps, "today" and the lifecycle status of a listing.

Sources write dates every which way: NAV's `applicationDue` is free text ("24.02.2019", "2021-04-23",
"Snarest"), Finn writes "15. desember 2026", JSON-LD writes ISO with an offset. Everything here finds the
date span with a regular expression first and only then builds a `date`, so surrounding words never
confuse the parse, and words that mean "no fixed date" ("Snarest", "fortløpende") give None.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pipeline.cues import finditer_at, fold, has_any, start_words, word_starts

# Bokmål, nynorsk and English month names and their usual abbreviations (nynorsk spells them like bokmål).
_MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1, "january": 1,
    "februar": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "desember": 12, "des": 12, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ZONED = re.compile(r"\d[T ]\d{1,2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$")
_ISO = re.compile(
    r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
)
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./]\s?(\d{4}|\d{2})(?![\d])")
_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?({_MONTH_ALT})\b\.?(?:,?\s*(\d{{4}}))?",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b,?(?:\s*(\d{{4}}))?", re.IGNORECASE
)

# Labels that introduce the application deadline in an ad body (nb, nn, en).
_DEADLINE_LABEL = re.compile(
    r"(?:søknadsfrist(?:en)?|søknadsfristen\s+er|søknadsfrist\s+er|frist\s+for\s+søknad|"
    r"søk\s+(?:senest\s+)?innen|søknad\s+sendes\s+(?:senest\s+)?innen|"
    r"application\s+deadline|deadline\s+for\s+applications?|apply\s+(?:no\s+later\s+than|by|before)|"
    r"closing\s+date|applications?\s+close[sd]?(?:\s+on)?|\bdeadline|\bfrist)\s*(?:er|is|:|-|–)?\s*",
    re.IGNORECASE,
)

# Cues (pipeline/cues.py), read off the pattern and the month table: every _DEADLINE_LABEL match begins with
# one of DEADLINE_CUES; every month name begins with one of _MONTH_CUES; an ISO date needs "-", a numeric
# one "." or "/".
DEADLINE_CUES = start_words(_DEADLINE_LABEL)
_MONTH_CUES = tuple(sorted({name[:3].lower() for name in _MONTHS}))


def today() -> date:
    """The day expiry and year-less dates are judged against: `$FJORDJOBS_TODAY` pins it for reproducible runs."""
    pinned = os.environ.get("FJORDJOBS_TODAY", "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise ValueError(f"FJORDJOBS_TODAY={pinned!r} is not a date; use YYYY-MM-DD or unset it") from None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(year: int) -> int:
    return year + 2000 if year < 100 else year


def _year_for(month: int, day: int, reference: date) -> date | None:
    """A year-less deadline is the next such day on or after a month before `reference` (ads are recent)."""
    for year in (reference.year, reference.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate and candidate >= reference - timedelta(days=31):
            return candidate
    return None


def parse_deadline(text: str | None, reference: date | None = None) -> date | None:
    """The first date written in `text`, or None for "Snarest", "fortløpende", "Etter avtale" and the like.

    Year-less dates ("15. desember") take the year that puts them near `reference` (default: `today()`).
    """
    if not text:
        return None
    candidates: list[tuple[int, date]] = []
    months = has_any(text, _MONTH_CUES)
    for m in _ISO.finditer(text) if "-" in text else ():
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d and _ZONED.search(m.group()):
            # "2018-12-01T23:00:00Z" is midnight of 2 December in Norway (HR-XML pushes, JSON-LD).
            moment = parse_timestamp(m.group())
            d = oslo_date(moment) if moment else d
        if d:
            candidates.append((m.start(), d))
    for m in _NUMERIC.finditer(text) if "." in text or "/" in text else ():
        d = _safe_date(_full_year(int(m[3])), int(m[2]), int(m[1]))
        if d:
            candidates.append((m.start(), d))
    for m in _DAY_MONTH.finditer(text) if months else ():
        month = _MONTHS[m[2].lower()]
        if m[3]:
            d = _safe_date(int(m[3]), month, int(m[1]))
        else:
            d = _year_for(month, int(m[1]), reference or today())
        if d:
            candidates.append((m.start(), d))
    for m in _MONTH_DAY.finditer(text) if months else ():
        month = _MONTHS[m[1].lower()]
        d = (
            _safe_date(int(m[3]), month, int(m[2]))
            if m[3]
            else _year_for(month, int(m[2]), reference or today())
        )
        if d:
            candidates.append((m.start(), d))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2}\b")


def with_stated_year(deadline: date | None, field: str | None, text: str) -> date | None:
    """A year-less deadline field ("3.november") takes the year the ad's text gives the same day
    ("søknad senest den 3.november 2017"); without one, the year `parse_deadline` chose stays."""
    if deadline is None or not field or _HAS_YEAR.search(field) or not text:
        return deadline
    months = has_any(text, _MONTH_CUES)
    for m in _DAY_MONTH.finditer(text) if months else ():
        if m[3] and _MONTHS[m[2].lower()] == deadline.month and int(m[1]) == deadline.day:
            return _safe_date(int(m[3]), deadline.month, deadline.day) or deadline
    for m in _NUMERIC.finditer(text) if "." in text or "/" in text else ():
        if int(m[2]) == deadline.month and int(m[1]) == deadline.day:
            return _safe_date(_full_year(int(m[3])), deadline.month, deadline.day) or deadline
    return deadline


def _deadline_labels(text: str) -> Iterator[re.Match[str]]:
    """`_DEADLINE_LABEL.finditer(text)`, trying the pattern only where a label word begins."""
    low = fold(text)
    if low is None or len(low) != len(text):
        return _DEADLINE_LABEL.finditer(text)
    return finditer_at(_DEADLINE_LABEL, text, word_starts(low, DEADLINE_CUES))


def find_deadline_in_text(text: str, reference: date | None = None) -> date | None:
    """The date after a "Søknadsfrist:" / "Application deadline:" label in an ad body, if it is a date.

    Only the words right after the label are read (up to the end of the line, at most 60 characters), so
    a start date or publication date elsewhere in the ad is never taken for the deadline.
    """
    if not text or not has_any(text, DEADLINE_CUES):
        return None
    for m in _deadline_labels(text):
        window = text[m.end() : m.end() + 60].split("\n", 1)[0]
        if not window.strip():
            # "Søknadsfrist" on its own line, the value on the next (a fact list rendered as text).
            window = text[m.end() : m.end() + 80].lstrip().split("\n", 1)[0]
        found = parse_deadline(window, reference)
        if found:
            return found
    return None


def parse_timestamp(value: str | None) -> datetime | None:
    """ISO timestamp → naive UTC datetime (offset applied); a bare date → its midnight; otherwise None."""
    if not value:
        return None
    raw = value.strip()
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError:
        # Norwegian day-first forms ("15.12.2026") reach here; a year-less or non-date value gives None.
        only_date = parse_deadline(raw, reference=date(2000, 1, 1)) if re.search(r"\d{4}", raw) else None
        return datetime.combine(only_date, time.min) if only_date else None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def oslo_date(moment: datetime) -> date:
    """The calendar day in Norway of a naive-UTC moment (CET/CEST; a fixed +1 h if no zone data exists)."""
    try:
        return moment.replace(tzinfo=UTC).astimezone(ZoneInfo("Europe/Oslo")).date()
    except ZoneInfoNotFoundError:
        return (moment + timedelta(hours=1)).date()


# A career page that still answers but says the ad is closed: "This position is no longer active",
# "Stillingen er ikke lenger aktiv". ("Fristen er utløpt" is left to the deadline date, as for every source.)
_CLOSED_NOTICE = re.compile(
    r"\b(?:this|the)\s+(?:position|job|role|vacancy|posting|ad)\s+is\s+no\s+longer\s+(?:active|available|open)|"
    r"\bno\s+longer\s+accepting\s+applications|"
    r"\b(?:stillingen|annonsen|jobben)\s+er\s+ikke\s+lenger\s+(?:aktiv|tilgjengelig|ledig|åpen)|"
    r"\b(?:stillinga|annonsen)\s+er\s+ikkje\s+lenger\s+(?:aktiv|tilgjengeleg|ledig|open)",
    re.IGNORECASE,
)


def closed_notice(text: str | None) -> str | None:
    """The page's own words saying the ad is closed, or None."""
    if not text or ("longer" not in text.lower() and "lenger" not in text.lower()):
        return None
    found = _CLOSED_NOTICE.search(text)
    return found.group() if found else None


def lifecycle_status(source_status: str, deadline: date | None, expires: datetime | None, on: date) -> str:
    """ "inactive" when the source says so, "expired" once the deadline or expiry has passed, else "active".

    The deadline day itself is still open. `expires` is naive UTC; it is read as a day in Norway, and the
    ad stays open through that day: NAV's "2026-12-15T00:00:00+01:00" (midnight Oslo, 23:00 UTC the day
    before) is active on the 15th and expired on the 16th, and so is a validThrough of
    "2026-12-15T12:00:00+01:00" or "2026-12-15T23:59:00+01:00".
    """
    if (source_status or "").strip().upper() == "INACTIVE":
        return "inactive"
    if deadline is not None and deadline < on:
        return "expired"
    if expires is not None and oslo_date(expires) < on:
        return "expired"
    return "active"
