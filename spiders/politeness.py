"""Hold every spider to its per-host concurrency limit, which Scrapy 2.19 under asyncio does not.

Scrapy's downloader pops queued requests while `concurrency - len(transferring) > 0`, but a request
only enters `transferring` once its download coroutine starts, on a later turn of the asyncio loop.
With no download delay the whole queue is popped at once: against a test server, 14 requests were in
flight with `CONCURRENT_REQUESTS_PER_DOMAIN = 8`, and 8 with a limit of 2. Only the global
`CONCURRENT_REQUESTS` held. For a live career site that is the difference between polite and rude.

`HostConcurrencyMiddleware` counts requests between its `process_request` and the matching
`process_response`/`process_exception` per host, and makes the next one wait while the host has
`CONCURRENT_REQUESTS_PER_DOMAIN` in flight (or `DOWNLOAD_SLOTS[host]["concurrency"]`). Like Scrapy's
downloader, it counts by download slot: the host, unless the request names a `download_slot` in its meta
(NAV's feed walk does, so the walk never waits for a place among its own entry requests). A freed place
goes to the waiting request of highest `Request.priority`, the longest-waiting among equals, as
Scrapy's scheduler would choose: a spider that marks a sequential walk (NAV's feed pages) above the
many fetches it spawns keeps the walk moving instead of queueing it behind them (measured on the NAV
spider: tests/test_nav_spider.py). It sits late in the chain (950), so cached responses and robots.txt
refusals never take a place.

`PolitenessAddon` installs it for every spider. An add-on is applied after a spider's
`custom_settings`, so a spider that sets its own `DOWNLOADER_MIDDLEWARES` (as `nav` does) keeps the
cap too. `HOST_CONCURRENCY_ENABLED = False` switches it off.
"""

from __future__ import annotations

import heapq
import itertools
import weakref
from collections import defaultdict

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

MIDDLEWARE_PRIORITY = 950


class HostConcurrencyMiddleware:
    """Let at most `limit_for(host)` requests per host past this point at a time; the rest wait their turn."""

    def __init__(self, limit: int, per_host: dict[str, int] | None = None) -> None:
        if limit < 1:
            raise NotConfigured("CONCURRENT_REQUESTS_PER_DOMAIN must be at least 1 for a per-host cap")
        self.limit = limit
        self.per_host = dict(per_host or {})
        self.in_flight: dict[str, int] = defaultdict(int)
        self.max_in_flight: dict[str, int] = defaultdict(int)
        # Per host, a heap of (-priority, arrival number, turn): the next place goes to its head.
        self._waiting: dict[str, list[tuple[int, int, Deferred[None]]]] = defaultdict(list)
        self._arrivals = itertools.count()
        # Weak keys: a request dropped without a response or error (spider closing) leaves no entry behind.
        self._holders: weakref.WeakKeyDictionary[Request, str] = weakref.WeakKeyDictionary()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostConcurrencyMiddleware:
        settings = crawler.settings
        if not settings.getbool("HOST_CONCURRENCY_ENABLED", True):
            raise NotConfigured("HOST_CONCURRENCY_ENABLED is off")
        per_host = {
            host: int(slot["concurrency"])
            for host, slot in settings.getdict("DOWNLOAD_SLOTS").items()
            if isinstance(slot, dict) and "concurrency" in slot
        }
        return cls(settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 8), per_host)

    def limit_for(self, host: str) -> int:
        return max(1, self.per_host.get(host, self.limit))

    async def process_request(self, request: Request) -> None:
        """Wait until the request's host (or named `download_slot`) has a free place, then take it."""
        if request in self._holders:
            return
        host = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
        if self.in_flight[host] < self.limit_for(host) and not self._waiting[host]:
            self.in_flight[host] += 1
        else:
            turn: Deferred[None] = Deferred()
            place = (-request.priority, next(self._arrivals), turn)
            heapq.heappush(self._waiting[host], place)
            try:
                await maybe_deferred_to_future(turn)
            except BaseException:
                # Cancelled while waiting (spider closing): give back a place handed over meanwhile.
                if place in self._waiting[host]:
                    self._waiting[host].remove(place)
                    heapq.heapify(self._waiting[host])
                else:
                    self._release(host)
                raise
        self._holders[request] = host
        self.max_in_flight[host] = max(self.max_in_flight[host], self.in_flight[host])

    def process_response(self, request: Request, response: Response) -> Response:
        self._done(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._done(request)

    def _done(self, request: Request) -> None:
        host = self._holders.pop(request, None)
        if host is not None:
            self._release(host)

    def _release(self, host: str) -> None:
        """Hand the place to the first waiting request for `host` (priority, then arrival), or free it."""
        if self._waiting[host]:
            heapq.heappop(self._waiting[host])[2].callback(None)
        else:
            self.in_flight[host] -= 1


class PolitenessAddon:
    """Scrapy add-on that installs `HostConcurrencyMiddleware` for every spider of the project."""

    def update_settings(self, settings: BaseSettings) -> None:
        settings.setdefault_in_component_priority_dict(
            "DOWNLOADER_MIDDLEWARES", HostConcurrencyMiddleware, MIDDLEWARE_PRIORITY
        )
