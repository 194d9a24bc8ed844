"""NAV's public token: fetched once, refreshed once per 401 burst, put on each request as it leaves.

`GET /api/publicToken` returns a JWT that NAV rotates. Setting the header at send time (not when the
request is made) means queued requests pick up a refreshed token instead of each earning a 401 with
the stale one. The token is never logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapy import Request
from scrapy.crawler import Crawler


@dataclass
class NavToken:
    """The current bearer token, its generation, and the requests refused while a refresh is under way."""

    value: str | None = None
    generation: int = 0
    refreshing: bool = False
    waiting: list[Request] = field(default_factory=list)

    def renewed(self, value: str) -> list[Request]:
        """Take a new token; return the requests that waited for it (to send again)."""
        self.value = value
        self.generation += 1
        self.refreshing = False
        waiting, self.waiting = self.waiting, []
        return waiting

    def refused(self, request: Request) -> tuple[Request | None, bool]:
        """A 401 for `request`: return the retry to send now (if a newer token already arrived after
        it left) and whether a new token must be fetched. Otherwise the retry waits for the refresh
        under way, so one burst of 401s costs one token call."""
        retry = request.replace(dont_filter=True, meta={**request.meta, "nav_auth_retried": True})
        if request.meta.get("nav_token_generation", 0) < self.generation:
            return retry, False
        self.waiting.append(retry)
        if self.refreshing:
            return None, False
        self.refreshing = True
        return None, True


class NavTokenMiddleware:
    """Put the spider's current bearer token on NAV API requests (`meta["nav_auth"]`) as they are sent."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NavTokenMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        token = getattr(self.crawler.spider, "nav_token", None)
        if request.meta.get("nav_auth") and isinstance(token, NavToken) and token.value:
            request.headers["Authorization"] = f"Bearer {token.value}"
            request.meta["nav_token_generation"] = token.generation
