"""NAV job-vacancy feed (pam-stilling-feed): walk the event log, fetch changed ads, emit landing records.

    scrapy crawl nav -a url=BASE [-a state=STATE.json] [-a since_days=190] [-a page_size=1000]

The feed is an append-only log of ad changes served as pages that overlap by one item (shared
NOTES.md §1). The spider walks it page by page from a saved cursor (or, on the first run, from
`since_days` ago via `If-Modified-Since` on that one request), fetches the feed entry of each
ACTIVE ad whose version it has not seen, and emits INACTIVE ads at once so the pipeline can drop
them and their contacts (NAV's terms). It ends with a `cursor` record (where to resume) and a
`stats` record. The state file, written by the ingest, is
`{"cursor": "<page id or null>", "known": {"<uuid>": "<sistEndret>"}}`. A record's `version_key` is the
sistEndret of the newest feed line its entry is known to cover (a line's sistEndret is when NAV wrote
the line; the entry's own sistEndret is the ad's `updated`, an earlier time that no line carries), so
the next crawl can tell a line it has already loaded from a new one.

The public token is fetched once and put on each request by `NavTokenMiddleware` as it leaves;
on 401 the spider fetches a new token once (other 401'd requests wait for that refresh) and
retries. The token is never logged.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.extract_nav import (
    FeedEvent,
    NavShapeError,
    ad_url,
    entry_fields,
    entry_is_active,
    feed_events,
    next_page_id,
    page_id,
    token_from_text,
)
from spiders.failures import describe, note_failure, stats_fields

DEFAULT_BASE_URL = "https://pam-stilling-feed.nav.no"
SOURCE = "nav"
ENTRY_CONCURRENCY = 8  # NAV documents no rate limit; a few parallel entry calls is the polite norm
ANSWER_MARGIN = timedelta(seconds=3)


class NavTokenMiddleware:
    """Put the spider's current bearer token on NAV API requests as they are sent.

    Setting it at send time (not when the request is made) means queued requests pick up a
    refreshed token instead of each earning a 401 with the stale one.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NavTokenMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        if request.meta.get("nav_auth") and isinstance(spider, NavSpider) and spider.token:
            request.headers["Authorization"] = f"Bearer {spider.token}"
            request.meta["nav_token_generation"] = spider.token_generation


class NavSpider(scrapy.Spider):
    """Incremental crawl of NAV's job-vacancy feed into `listing`, `cursor` and `stats` records."""

    name = "nav"
    custom_settings = {  # noqa: RUF012 (Scrapy reads it as a class attribute)
        "DOWNLOADER_MIDDLEWARES": {
            "spiders.backoff.RetryBackoffMiddleware": 540,
            "spiders.spiders.nav.NavTokenMiddleware": 545,
        },
    }

    def __init__(
        self,
        url: str | None = None,
        state: str | None = None,
        since_days: str | int = 190,
        page_size: str | int = 1000,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.base_url = (url or DEFAULT_BASE_URL).rstrip("/")
        self.since_days = int(since_days)
        self.page_size = int(page_size)
        saved = _load_state(Path(state)) if state else {}
        self.saved_cursor: str | None = saved.get("cursor") or None
        self.known: dict[str, str] = dict(saved.get("known") or {})
        self.token: str | None = None
        self.token_generation = 0
        self._refreshing = False
        self._waiting: list[Request] = []
        self._pages: list[str] = []  # page ids walked, in order
        self._rewind_to: int | None = None  # index in _pages of the first page with a failed entry
        self._failed_page: str | None = None  # a page that could not be read: resume there
        # Times below are a feed line's sistEndret (when NAV wrote the line) or a reply's Date (when
        # NAV answered), both the server's clock. An entry's own sistEndret is the ad's `updated`, an
        # earlier clock (pam-stilling-feed FeedService), so it is never compared with either.
        self._wanted: dict[str, datetime] = {}  # newest ACTIVE line per ad whose content we want
        self._newest: dict[str, FeedEvent] = {}  # that line itself, to ask again for it
        self._pending: set[str] = set()  # ads with an entry request under way
        # Entry requests beyond ENTRY_CONCURRENCY wait here. Scrapy 2.19's per-slot concurrency
        # does not hold under the asyncio reactor (measured: 20 at once with a limit of 8).
        self._entry_queue: deque[Request] = deque()
        self._entries_out = 0
        self._fetched: dict[str, datetime] = {}  # newest ACTIVE line an entry reply is known to cover
        self._inactive_at: dict[str, datetime] = {}  # newest INACTIVE line per ad
        # When NAV answered the newest entry reply per ad: every line written before then is in it.
        self._answered_at: dict[str, datetime] = {}
        # (uuid, status, version) of every listing record written: pages overlap by one item, and
        # an ad's INACTIVE line and its entry say the same thing, so each is written once.
        self._emitted: set[tuple[str, str, str]] = set()
        self._finished = False
        self.counts = {"pages": 0, "entries": 0, "active": 0, "inactive": 0, "failed": 0}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NavSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        yield self._token_request()

    # -- token ------------------------------------------------------------------------------------

    def _token_request(self) -> Request:
        return Request(
            f"{self.base_url}/api/publicToken",
            callback=self.parse_token,
            errback=self.token_failed,
            dont_filter=True,
            priority=100,
        )

    def parse_token(self, response: Response) -> Iterator[Request]:
        try:
            self.token = token_from_text(response.text)
        except ValueError as exc:
            raise CloseSpider(f"nav_token_missing: {exc}") from exc
        self.token_generation += 1
        self._refreshing = False
        if self.token_generation == 1:
            yield self._first_page_request()
        waiting, self._waiting = self._waiting, []
        yield from waiting

    def token_failed(self, failure: Failure) -> None:
        self.logger.error("Could not get NAV's public token (%s); is the feed URL right?", failure.value)
        raise CloseSpider("nav_token_unavailable")

    def _unauthorized(self, response: Response) -> Iterator[Request]:
        """Refresh the token once per request; requests refused meanwhile wait for the same refresh."""
        request = response.request
        assert request is not None
        if request.meta.get("nav_auth_retried"):
            self.logger.error("NAV refused a fresh token for %s", request.url)
            yield from self._request_failed(request)
            return
        retry = request.replace(dont_filter=True, meta={**request.meta, "nav_auth_retried": True})
        if request.meta.get("nav_token_generation", 0) < self.token_generation:
            yield retry  # a newer token arrived after this request left
            return
        self._waiting.append(retry)
        if not self._refreshing:
            self._refreshing = True
            self.logger.info("NAV token refused (401): fetching a new public token")
            yield self._token_request()

    # -- feed pages -------------------------------------------------------------------------------

    def _first_page_request(self) -> Request:
        if self.saved_cursor:
            return self._page_request(self.saved_cursor)
        # Bootstrap: the only request with a conditional header (later pages' timestamps are not
        # monotonic, so If-Modified-Since there could skip events).
        since = datetime.now(UTC) - timedelta(days=self.since_days)
        return Request(
            f"{self.base_url}/api/v1/feed?pageSize={self.page_size}",
            headers={"If-Modified-Since": format_datetime(since, usegmt=True)},
            callback=self.parse_page,
            errback=self.request_failed,
            meta={"nav_auth": True, "handle_httpstatus_list": [304, 401, 404], "nav_page": None},
            dont_filter=True,
        )

    def _page_request(self, page: str) -> Request:
        return Request(
            f"{self.base_url}/api/v1/feed/{page}?pageSize={self.page_size}",
            callback=self.parse_page,
            errback=self.request_failed,
            meta={"nav_auth": True, "handle_httpstatus_list": [401, 404], "nav_page": page},
            priority=10,  # keep the walk moving while entry requests queue up
            dont_filter=True,
        )

    def parse_page(self, response: Response) -> Iterator[Request | dict[str, Any]]:
        if response.status == 401:
            yield from self._unauthorized(response)
            return
        requested = response.meta.get("nav_page")
        if response.status == 304:
            self.logger.info("NAV feed: nothing changed in the last %d days", self.since_days)
            return
        if response.status == 404:
            if requested and requested == self.saved_cursor and not self._pages:
                self.logger.warning("NAV no longer knows cursor page %s: bootstrapping again", requested)
                self.saved_cursor = None
                yield self._first_page_request()
            else:
                self.logger.error("NAV feed page not found: %s", response.url)
                self._failed_page = self._failed_page or requested
            return
        try:
            page = json.loads(response.body)
        except ValueError:
            self._failed_page = self._failed_page or requested
            yield _quarantine(response, "feed page is not JSON")
            return
        this_page = page_id(page) or requested
        if this_page is None:
            return  # an empty feed: nothing to resume from yet
        self._pages.append(this_page)
        self.counts["pages"] += 1
        index = len(self._pages) - 1
        for event in feed_events(page):
            if event.status == "INACTIVE":
                yield from self._inactive_event(event)
            elif event.status == "ACTIVE":
                request = self._want_entry(event, index)
                if request is not None:
                    yield from self._submit_entry(request)
            else:
                self.logger.warning("NAV feed item %s has unknown status %r", event.uuid, event.status)
        following = next_page_id(page)
        if following and following not in self._pages:
            yield self._page_request(following)

    def _inactive_event(self, event: FeedEvent) -> Iterator[dict[str, Any]]:
        when = _when(event.sist_endret)
        if when is not None:
            self._inactive_at[event.uuid] = max(when, self._inactive_at.get(event.uuid, when))
        if self.known.get(event.uuid) == event.sist_endret:
            return  # already delivered in an earlier crawl
        if self._answered_after(event.uuid, when):
            return  # an entry reply made after this line already told the ad's state
        yield from self._emit(_listing(event.uuid, "INACTIVE", event.sist_endret, event.item, {}))

    def _answered_after(self, ad_uuid: str, when: datetime | None) -> bool:
        answered = self._answered_at.get(ad_uuid)
        return answered is not None and when is not None and when < answered

    def _emit(self, record: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Write a listing record unless this crawl already wrote the same (ad, status, payload).

        Pages overlap by one item, and an ad can be fetched twice when a second line for it turns up,
        so the same content can come again; the warehouse keeps one raw row per content, and two
        identical rows in one landing file would clash there.
        """
        digest = hashlib.sha256(json.dumps(record["payload"], sort_keys=True).encode()).hexdigest()
        key = (record["source_id"], record["status"], digest)
        if key in self._emitted:
            return
        self._emitted.add(key)
        self.counts["active" if record["status"] == "ACTIVE" else "inactive"] += 1
        yield record

    # -- feed entries -----------------------------------------------------------------------------

    def _want_entry(self, event: FeedEvent, page_index: int) -> Request | None:
        if self.known.get(event.uuid) == event.sist_endret:
            return None
        when = _when(event.sist_endret)
        if self._answered_after(event.uuid, when):
            return None  # an entry reply made after this line was written is already in hand
        have = self._fetched.get(event.uuid)
        if have is not None and when is not None and when <= have:
            return None  # the entry we already hold is as new as this event
        if when is not None and (event.uuid not in self._wanted or when > self._wanted[event.uuid]):
            self._wanted[event.uuid] = when
            self._newest[event.uuid] = event
        if event.uuid in self._pending:
            return None  # its reply is checked against _wanted and fetched again if too old
        self._pending.add(event.uuid)
        return self._entry_request(self._newest.get(event.uuid, event), page_index)

    def _entry_request(self, event: FeedEvent, page_index: int) -> Request:
        return Request(
            f"{self.base_url}/api/v1/feedentry/{event.uuid}",
            callback=self.parse_entry,
            errback=self.request_failed,
            meta={
                "nav_auth": True,
                "handle_httpstatus_list": [401, 404],
                "nav_event": event,
                "nav_page_index": page_index,
            },
            dont_filter=True,
        )

    def _submit_entry(self, request: Request) -> Iterator[Request]:
        """Send now if fewer than ENTRY_CONCURRENCY entry requests are out, else queue it."""
        if self._entries_out < ENTRY_CONCURRENCY:
            self._entries_out += 1
            yield request
        else:
            self._entry_queue.append(request)

    def _release_entry(self) -> Iterator[Request]:
        """An entry request is done: its place goes to the next queued one."""
        self._entries_out -= 1
        if self._entry_queue:
            self._entries_out += 1
            yield self._entry_queue.popleft()

    def parse_entry(self, response: Response) -> Iterator[Request | dict[str, Any]]:
        if response.status == 401:
            yield from self._unauthorized(response)  # the retry keeps this request's place
            return
        asked_again = False
        for output in self._read_entry(response):
            asked_again = asked_again or isinstance(output, Request)
            yield output
        if not asked_again:
            yield from self._release_entry()

    def _read_entry(self, response: Response) -> Iterator[Request | dict[str, Any]]:
        event: FeedEvent = response.meta["nav_event"]
        self._pending.discard(event.uuid)
        self.counts["entries"] += 1
        if response.status == 404:
            # Final: an unknown id or an ad NAV does not share. Retrying will not help.
            record = _listing(event.uuid, "INACTIVE", event.sist_endret, event.item, {})
            record["reason"] = "feed entry not found (404): withdrawn, or not shared by NAV"
            yield from self._emit(record)
            return
        try:
            entry = json.loads(response.body)
        except ValueError:
            self._entry_failed(response.meta)
            yield _quarantine(response, "feed entry is not JSON")
            return
        answered = _answered_at(response)
        wanted = self._wanted.get(event.uuid)
        if answered is not None and wanted is not None and wanted < answered:
            event = self._newest.get(event.uuid, event)  # the reply covers every line seen so far
        asked = _when(event.sist_endret)
        if asked is not None and wanted is not None and asked < wanted:
            # A newer line came in after this request was made and the reply may predate it: ask
            # once more, for that line (so each line costs at most one extra call).
            self._pending.add(event.uuid)
            yield self._entry_request(self._newest[event.uuid], response.meta["nav_page_index"])
            return
        if asked is not None:
            self._fetched[event.uuid] = max(asked, self._fetched.get(event.uuid, asked))
        if answered is not None:
            self._answered_at[event.uuid] = max(answered, self._answered_at.get(event.uuid, answered))
        # The version of what we hold is the newest line it is known to cover: the next crawl
        # compares feed lines with it.
        version = event.sist_endret
        if entry_is_active(entry):
            if self._withdrawn_since(event.uuid, asked, answered):
                return  # a stale reply: a newer line withdrew the ad after this version
            try:
                fields = entry_fields(entry)
            except NavShapeError as err:
                yield _quarantine(response, str(err))
                return
            yield from self._emit(_listing(event.uuid, "ACTIVE", version, entry, fields))
        else:
            # Withdrawn between the feed line and our call: no content, and no contacts kept.
            payload = {key: value for key, value in entry.items() if key not in ("ad_content", "json")}
            yield from self._emit(_listing(event.uuid, "INACTIVE", version, payload, {}))

    def _withdrawn_since(self, ad_uuid: str, asked: datetime | None, answered: datetime | None) -> bool:
        """An INACTIVE line newer than the line this ACTIVE reply covers, and not older than the reply."""
        inactive_at = self._inactive_at.get(ad_uuid)
        if inactive_at is None or asked is None or asked >= inactive_at:
            return False
        return answered is None or answered <= inactive_at

    # -- failures and the end of the crawl --------------------------------------------------------

    def request_failed(self, failure: Failure) -> Iterator[Request]:
        """A request gave up after its retries (5xx, timeouts): resume before it next time."""
        request = getattr(failure, "request", None)
        self.logger.warning("NAV request failed: %s", failure.value)
        reason = describe(failure)
        if request is not None and reason is not None:
            note_failure(self, request.url, reason)
        if request is not None:
            yield from self._request_failed(request)

    def _request_failed(self, request: Request) -> Iterator[Request]:
        self.counts["failed"] += 1
        if "nav_event" in request.meta:
            self._entry_failed(request.meta)
            yield from self._release_entry()
        else:
            self._failed_page = self._failed_page or request.meta.get("nav_page") or self.saved_cursor

    def _entry_failed(self, meta: dict[str, Any]) -> None:
        event: FeedEvent = meta["nav_event"]
        self._pending.discard(event.uuid)
        index = int(meta["nav_page_index"])
        self._rewind_to = index if self._rewind_to is None else min(self._rewind_to, index)

    def resume_cursor(self) -> str | None:
        """Where the next crawl starts: the first page with a failure, else the last page walked."""
        if self._rewind_to is not None:
            return self._pages[self._rewind_to]
        if self._failed_page is not None:
            return self._failed_page
        return self._pages[-1] if self._pages else self.saved_cursor

    def _on_idle(self) -> None:
        """Once all requests are done, emit the cursor and stats through one last local request."""
        if self._finished:
            return
        assert self.crawler.engine is not None
        if self._entry_queue:  # only if a bug lost a release: never leave wanted ads behind
            self._entries_out = 0
            while self._entry_queue and self._entries_out < ENTRY_CONCURRENCY:
                self._entries_out += 1
                self.crawler.engine.crawl(self._entry_queue.popleft())
            raise DontCloseSpider
        self._finished = True
        self.crawler.engine.crawl(Request("data:,", callback=self._finish, dont_filter=True))
        raise DontCloseSpider

    def _finish(self, response: Response) -> Iterator[dict[str, Any]]:
        cursor = self.resume_cursor()
        if cursor is not None:
            yield {
                "kind": "cursor",
                "source": SOURCE,
                "key": "feed_cursor",
                "value": cursor,
                "fetched_at": _now(),
            }
        assert self.crawler.stats is not None
        # The data: request that brought us here is no HTTP request: leave it out.
        sent = int(self.crawler.stats.get_value("downloader/request_count", 0)) - 1
        yield {
            "kind": "stats",
            "source": SOURCE,
            "requests": sent,
            **self.counts,
            **stats_fields(self),
            "fetched_at": _now(),
        }


def _load_state(path: Path) -> dict[str, Any]:
    """The saved cursor and known versions; a missing file means a first crawl."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _listing(
    ad_uuid: str, status: str, version: str, payload: dict[str, Any], fields: dict[str, Any]
) -> dict[str, Any]:
    return {
        "kind": "listing",
        "source": SOURCE,
        "source_id": ad_uuid,
        "url": ad_url(ad_uuid),
        "fetched_at": _now(),
        "status": status,
        "version_key": version,
        "payload": payload,
        "fields": fields,
    }


def _quarantine(response: Response, reason: str) -> dict[str, Any]:
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


def _answered_at(response: Response) -> datetime | None:
    """When the server answered, from its Date header, less a margin for the second it rounds to
    and for clock skew between NAV's database (which stamps lines) and its web servers."""
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


def _when(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
