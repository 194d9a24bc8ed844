"""The landing records the NAV spider writes, the saved state it reads, and NAV's time values.

Record shapes are the landing contract (docs/records.md): `listing` (the raw entry as received plus the
extracted fields), `quarantine` (a reply we could not read, with its reason), `cursor` and `stats`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from scrapy.http import Response

from spiders.extract_nav import ad_url

SOURCE = "nav"
# NAV's Date header is rounded to the second, and NAV's database (which stamps lines) and its web servers
# need not share a clock: a reply is taken to cover only lines written this long before it was dated.
ANSWER_MARGIN = timedelta(seconds=3)


def load_state(path: Path) -> dict[str, Any]:
    """The saved cursor and known versions; a missing file means a first crawl."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def listing(
    ad_uuid: str, status: str, version: str, payload: dict[str, Any], fields: dict[str, Any]
) -> dict[str, Any]:
    return {
        "kind": "listing",
        "source": SOURCE,
        "source_id": ad_uuid,
        "url": ad_url(ad_uuid),
        "fetched_at": now(),
        "status": status,
        "version_key": version,
        "payload": payload,
        "fields": fields,
    }


def quarantine(response: Response, reason: str) -> dict[str, Any]:
    """A page we could not read. Its body is decoded whatever its content type says (a binary
    content type gives a Response without `.text`, and the page would vanish with an error)."""
    content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or "no content type"
    return {
        "kind": "quarantine",
        "source": SOURCE,
        "url": response.url,
        "reason": f"{reason} (HTTP {response.status}, {content_type})",
        "payload": response.body.decode("utf-8", "replace"),
    }


def cursor_record(cursor: str) -> dict[str, Any]:
    return {"kind": "cursor", "source": SOURCE, "key": "feed_cursor", "value": cursor, "fetched_at": now()}


def answered_at(response: Response) -> datetime | None:
    """When the server answered, from its Date header, less ANSWER_MARGIN."""
    header = response.headers.get("Date")
    if not header:
        return None
    try:
        moment = parsedate_to_datetime(header.decode("latin-1"))
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    return moment - ANSWER_MARGIN


def when(value: str) -> datetime | None:
    """A feed line's sistEndret as an aware time (one without a zone is taken as UTC); None if unreadable."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
