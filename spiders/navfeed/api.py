"""The requests the NAV spider makes, and how many of them NAV gets at once.

NAV documents no rate limit; a few parallel entry calls is the polite norm, so feed entries get at most
`ENTRY_CONCURRENCY` (8) requests at a time whatever `CONCURRENT_REQUESTS_PER_DOMAIN` says (a lower
setting still wins). The project's per-host middleware (`spiders/politeness.py`) enforces it through
`DOWNLOAD_SLOTS`, Scrapy's own per-host setting; the spider keeps no queue of its own.

The page walk is one request at a time, and it must run ahead of the entries it spawns: a reply's version
is the newest line seen for its ad when it comes back, and a walk that lags writes older versions, which
the next crawl fetches again (tests/test_nav_heldout.py counts those fetches). So the walk and the token go
in their own download slot (`WALK_SLOT`), out of the entries' 8 places: NAV sees at most 8 entry requests
plus the walk's one. Their higher `priority` makes Scrapy's scheduler hand them out before queued entries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from typing import Any

from scrapy import Request
from scrapy.settings import BaseSettings
from scrapy.utils.httpobj import urlparse_cached

from spiders.extract_nav import FeedEvent

DEFAULT_BASE_URL = "https://pam-stilling-feed.nav.no"
ENTRY_CONCURRENCY = 8
TOKEN_PRIORITY = 100
PAGE_PRIORITY = 10
ENTRY_PRIORITY = 0

Callback = Callable[..., Any]


def walk_slot(base_url: str) -> str:
    """The download slot of the feed walk and the token: the host's name, marked apart from the entries'."""
    return f"{urlparse_cached(Request(base_url)).hostname or ''} feed walk"


def cap_entry_concurrency(settings: BaseSettings, base_url: str) -> None:
    """Give feed entries (the host's own slot) at most ENTRY_CONCURRENCY requests in flight; called from
    `from_crawler`, before Scrapy freezes the settings."""
    host = urlparse_cached(Request(base_url)).hostname or ""
    slots = settings.getdict("DOWNLOAD_SLOTS")
    slot = dict(slots.get(host) or {})
    wanted = min(ENTRY_CONCURRENCY, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", ENTRY_CONCURRENCY))
    slot["concurrency"] = min(int(slot.get("concurrency", wanted)), wanted)
    settings.set("DOWNLOAD_SLOTS", {**slots, host: slot}, priority="spider")


def token_request(base_url: str, callback: Callback, errback: Callback) -> Request:
    return Request(
        f"{base_url}/api/publicToken",
        callback=callback,
        errback=errback,
        meta={"download_slot": walk_slot(base_url)},
        dont_filter=True,
        priority=TOKEN_PRIORITY,
    )


def bootstrap_request(
    base_url: str, page_size: int, since: datetime, callback: Callback, errback: Callback
) -> Request:
    """The first page of a first crawl: the only request with a conditional header (later pages'
    timestamps are not monotonic, so If-Modified-Since there could skip events)."""
    return Request(
        f"{base_url}/api/v1/feed?pageSize={page_size}",
        headers={"If-Modified-Since": format_datetime(since, usegmt=True)},
        callback=callback,
        errback=errback,
        meta={
            "nav_auth": True,
            "handle_httpstatus_list": [304, 401, 404],
            "nav_page": None,
            "download_slot": walk_slot(base_url),
        },
        priority=PAGE_PRIORITY,
        dont_filter=True,
    )


def page_request(base_url: str, page_size: int, page: str, callback: Callback, errback: Callback) -> Request:
    return Request(
        f"{base_url}/api/v1/feed/{page}?pageSize={page_size}",
        callback=callback,
        errback=errback,
        meta={
            "nav_auth": True,
            "handle_httpstatus_list": [401, 404],
            "nav_page": page,
            "download_slot": walk_slot(base_url),
        },
        priority=PAGE_PRIORITY,
        dont_filter=True,
    )


def entry_request(
    base_url: str, event: FeedEvent, page_index: int, callback: Callback, errback: Callback
) -> Request:
    """The feed entry of `event`'s ad; `page_index` is where the walk must resume if it fails."""
    return Request(
        f"{base_url}/api/v1/feedentry/{event.uuid}",
        callback=callback,
        errback=errback,
        meta={
            "nav_auth": True,
            "handle_httpstatus_list": [401, 404],
            "nav_event": event,
            "nav_page_index": page_index,
        },
        priority=ENTRY_PRIORITY,
        dont_filter=True,
    )
