"""NAV job-vacancy feed (pam-stilling-feed): walk the event log, fetch changed ads, emit landing records.

    scrapy crawl nav -a url=BASE [-a state=STATE.json] [-a since_days=190] [-a page_size=1000]

The feed is an append-only log of ad changes served as pages that overlap by one item (shared
NOTES.md §1). The spider walks it page by page from a saved cursor (or, on the first run, from
`since_days` ago via `If-Modified-Since` on that one request), fetches the feed entry of each
ACTIVE ad whose version it has not seen, and emits INACTIVE ads at once so the pipeline can drop
them and their contacts (NAV's terms). It ends with a `cursor` record (where to resume) and a
`stats` record. The state file, written by the ingest, is
`{"cursor": "<page id or null>", "known": {"<uuid>": "<sistEndret>"}}`.

This module only routes: requests are built in `spiders/navfeed/api.py` (which also caps feed entries at 8
at once through the project's per-host middleware), the token in `auth.py`, which versions
to fetch and write in `versions.py`, where to resume in `cursor.py`, record shapes in `records.py`,
and fields come from `spiders/extract_nav.py`.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
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
    entry_fields,
    entry_is_active,
    feed_events,
    next_page_id,
    page_id,
    token_from_text,
)
from spiders.failures import describe, note_failure, stats_fields
from spiders.navfeed import api
from spiders.navfeed.auth import NavToken
from spiders.navfeed.cursor import CursorTrail
from spiders.navfeed.records import SOURCE, answered_at, cursor_record, listing, load_state, now, quarantine
from spiders.navfeed.versions import VersionBook

Output = Iterator[Request | dict[str, Any]]


class NavSpider(scrapy.Spider):
    """Incremental crawl of NAV's job-vacancy feed into `listing`, `cursor` and `stats` records."""

    name = "nav"
    custom_settings = {  # noqa: RUF012 (Scrapy reads it as a class attribute)
        "DOWNLOADER_MIDDLEWARES": {
            "spiders.backoff.RetryBackoffMiddleware": 540,
            "spiders.navfeed.auth.NavTokenMiddleware": 545,
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
        self.base_url = (url or api.DEFAULT_BASE_URL).rstrip("/")
        self.since_days = int(since_days)
        self.page_size = int(page_size)
        saved = load_state(Path(state)) if state else {}
        self.nav_token = NavToken()
        self.trail = CursorTrail(saved=saved.get("cursor") or None)
        self.book = VersionBook(known=dict(saved.get("known") or {}))
        self._finished = False
        self.counts = {"pages": 0, "entries": 0, "active": 0, "inactive": 0, "failed": 0}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NavSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        api.cap_entry_concurrency(crawler.settings, spider.base_url)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        yield self._token_request()

    # -- token ------------------------------------------------------------------------------------

    def _token_request(self) -> Request:
        return api.token_request(self.base_url, self.parse_token, self.token_failed)

    def parse_token(self, response: Response) -> Iterator[Request]:
        try:
            token = token_from_text(response.text)
        except ValueError as exc:
            raise CloseSpider(f"nav_token_missing: {exc}") from exc
        waiting = self.nav_token.renewed(token)
        if self.nav_token.generation == 1:
            yield self._first_page_request()
        yield from waiting

    def token_failed(self, failure: Failure) -> None:
        self.logger.error("Could not get NAV's public token (%s); is the feed URL right?", failure.value)
        raise CloseSpider("nav_token_unavailable")

    def _unauthorized(self, response: Response) -> Iterator[Request]:
        """Retry with a fresh token once per request; one burst of 401s costs one token call."""
        request = response.request
        assert request is not None
        if request.meta.get("nav_auth_retried"):
            self.logger.error("NAV refused a fresh token for %s", request.url)
            self._request_failed(request)
            return
        retry, fetch_token = self.nav_token.refused(request)
        if retry is not None:
            yield retry  # a newer token arrived after this request left
        if fetch_token:
            self.logger.info("NAV token refused (401): fetching a new public token")
            yield self._token_request()

    # -- feed pages -------------------------------------------------------------------------------

    def _first_page_request(self) -> Request:
        if self.trail.saved:
            return self._page_request(self.trail.saved)
        since = datetime.now(UTC) - timedelta(days=self.since_days)
        return api.bootstrap_request(
            self.base_url, self.page_size, since, self.parse_page, self.request_failed
        )

    def _page_request(self, page: str) -> Request:
        return api.page_request(self.base_url, self.page_size, page, self.parse_page, self.request_failed)

    def parse_page(self, response: Response) -> Output:
        if response.status == 401:
            yield from self._unauthorized(response)
            return
        requested = response.meta.get("nav_page")
        if response.status == 304:
            self.logger.info("NAV feed: nothing changed in the last %d days", self.since_days)
            return
        if response.status == 404:
            if self.trail.saved_page_lost(requested):
                self.logger.warning("NAV no longer knows cursor page %s: bootstrapping again", requested)
                yield self._first_page_request()
            else:
                self.logger.error("NAV feed page not found: %s", response.url)
                self.trail.page_failed(requested)
            return
        try:
            page = json.loads(response.body)
        except ValueError:
            self.trail.page_failed(requested)
            yield quarantine(response, "feed page is not JSON")
            return
        this_page = page_id(page) or requested
        if this_page is None:
            return  # an empty feed: nothing to resume from yet
        index = self.trail.walked(this_page)
        self.counts["pages"] += 1
        # Every line is noted before anything is sent, and the next page goes out first: the walk must
        # run ahead of the entries it spawns (spiders/navfeed/api.py says why).
        outputs = list(self._read_events(page, index))
        following = next_page_id(page)
        if following and not self.trail.knows(following):
            yield self._page_request(following)
        yield from outputs

    def _read_events(self, page: dict[str, Any], index: int) -> Output:
        """Records for the INACTIVE lines of a page and entry requests for its ACTIVE ones."""
        for event in feed_events(page):
            if event.status == "INACTIVE":
                if self.book.inactive_line(event):
                    yield from self._emit(listing(event.uuid, "INACTIVE", event.sist_endret, event.item, {}))
            elif event.status == "ACTIVE":
                wanted = self.book.want(event)
                if wanted is not None:
                    yield self._entry_request(wanted, index)
            else:
                self.logger.warning("NAV feed item %s has unknown status %r", event.uuid, event.status)

    def _emit(self, record: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Write a listing record unless this crawl already wrote the same (ad, status, payload)."""
        if self.book.first_time(record):
            self.counts["active" if record["status"] == "ACTIVE" else "inactive"] += 1
            yield record

    # -- feed entries -----------------------------------------------------------------------------

    def _entry_request(self, event: FeedEvent, page_index: int) -> Request:
        return api.entry_request(self.base_url, event, page_index, self.parse_entry, self.request_failed)

    def parse_entry(self, response: Response) -> Output:
        if response.status == 401:
            yield from self._unauthorized(response)
            return
        event: FeedEvent = response.meta["nav_event"]
        self.book.settled(event.uuid)
        self.counts["entries"] += 1
        if response.status == 404:
            # Final: an unknown id or an ad NAV does not share. Retrying will not help.
            record = listing(event.uuid, "INACTIVE", event.sist_endret, event.item, {})
            record["reason"] = "feed entry not found (404): withdrawn, or not shared by NAV"
            yield from self._emit(record)
            return
        try:
            entry = json.loads(response.body)
        except ValueError:
            self._entry_failed(response.meta)
            yield quarantine(response, "feed entry is not JSON")
            return
        reply = self.book.reply(event, answered_at(response))
        if reply.ask_again is not None:
            yield self._entry_request(reply.ask_again, response.meta["nav_page_index"])
            return
        version = reply.covers.sist_endret
        if entry_is_active(entry):
            if reply.withdrawn:
                return  # a stale reply: a newer line withdrew the ad after this version
            try:
                fields = entry_fields(entry)
            except NavShapeError as err:
                yield quarantine(response, str(err))
                return
            yield from self._emit(listing(event.uuid, "ACTIVE", version, entry, fields))
        else:
            # Withdrawn between the feed line and our call: no content, and no contacts kept.
            payload = {key: value for key, value in entry.items() if key not in ("ad_content", "json")}
            yield from self._emit(listing(event.uuid, "INACTIVE", version, payload, {}))

    # -- failures and the end of the crawl --------------------------------------------------------

    def request_failed(self, failure: Failure) -> None:
        """A request gave up after its retries (5xx, timeouts): resume before it next time."""
        request = getattr(failure, "request", None)
        self.logger.warning("NAV request failed: %s", failure.value)
        reason = describe(failure)
        if request is not None and reason is not None:
            note_failure(self, request.url, reason)
        if request is not None:
            self._request_failed(request)

    def _request_failed(self, request: Request) -> None:
        self.counts["failed"] += 1
        if "nav_event" in request.meta:
            self._entry_failed(request.meta)
        else:
            self.trail.page_failed(request.meta.get("nav_page") or self.trail.saved)

    def _entry_failed(self, meta: dict[str, Any]) -> None:
        event: FeedEvent = meta["nav_event"]
        self.book.settled(event.uuid)
        self.trail.entry_failed(int(meta["nav_page_index"]))

    def resume_cursor(self) -> str | None:
        """Where the next crawl starts: the first page with a failure, else the last page walked."""
        return self.trail.resume()

    def _on_idle(self) -> None:
        """Once all requests are done, emit the cursor and stats through one last local request."""
        if self._finished:
            return
        assert self.crawler.engine is not None
        self._finished = True
        self.crawler.engine.crawl(Request("data:,", callback=self._finish, dont_filter=True))
        raise DontCloseSpider

    def _finish(self, response: Response) -> Iterator[dict[str, Any]]:
        cursor = self.resume_cursor()
        if cursor is not None:
            yield cursor_record(cursor)
        assert self.crawler.stats is not None
        # The data: request that brought us here is no HTTP request: leave it out.
        sent = int(self.crawler.stats.get_value("downloader/request_count", 0)) - 1
        yield {
            "kind": "stats",
            "source": SOURCE,
            "requests": sent,
            **self.counts,
            **stats_fields(self),
            "fetched_at": now(),
        }
