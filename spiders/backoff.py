"""Exponential backoff for Scrapy's retries.

Scrapy 2.19's RetryMiddleware re-schedules a failed request (5xx, 429, timeouts) at once: it has
no delay setting. Hammering a struggling server makes things worse, so this downloader middleware
waits before sending a retried request: RETRY_BACKOFF_BASE seconds times 2**(retry - 1), capped at
RETRY_BACKOFF_MAX, with up to 25 % jitter so parallel retries do not arrive together. It sleeps in
`process_request`, before the request takes a download slot, so other requests keep flowing.

Enable it next to RetryMiddleware (priority 550), e.g. `{"spiders.backoff.RetryBackoffMiddleware": 540}`.
"""

from __future__ import annotations

import random

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import sleep


class RetryBackoffMiddleware:
    """Delay each retried request; first attempts pass straight through."""

    def __init__(self, base: float = 1.0, cap: float = 30.0) -> None:
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        settings = crawler.settings
        return cls(
            base=settings.getfloat("RETRY_BACKOFF_BASE", 1.0),
            cap=settings.getfloat("RETRY_BACKOFF_MAX", 30.0),
        )

    def delay(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (1 for the first retry)."""
        if retry <= 0 or self.base <= 0:
            return 0.0
        wait: float = min(self.cap, self.base * 2 ** (retry - 1))
        return wait * (1 + random.uniform(0, 0.25))

    async def process_request(self, request: Request) -> None:
        wait = self.delay(int(request.meta.get("retry_times", 0)))
        if wait:
            await sleep(wait)
