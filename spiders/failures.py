"""Every page a crawl could not fetch or read is counted and named, never dropped in silence.

Scrapy drops a request that fails after its retries (a 500, a timeout, a redirect loop, a page that
drips slower than the download timeout) with one log line, unless the request has an errback; and an
exception in a spider callback loses that page the same way. A crawl that fetched 4 of 9 ads then
looked like a crawl of 4 ads. This spider middleware gives every request a spider makes an errback
that notes the URL and the reason, and notes callback errors from Scrapy's `spider_error` signal; the
spider's closing `stats` record carries the list (`failed_pages`) into the landing file, and from
there into `crawl_runs` and the printed summary.

Requests a spider chose not to make are not failures: robots.txt refusals, off-site filtering and
duplicates; a redirect dropped as a duplicate is one (the page redirects in a loop).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

MAX_NAMED = 50
"""Failed pages named in the stats record; the count is always complete."""


def failed_pages(spider: Spider) -> list[dict[str, str]]:
    """The spider's list of failed pages (created on first use)."""
    found: list[dict[str, str]] | None = getattr(spider, "_failed_pages", None)
    if found is None:
        found = []
        spider._failed_pages = found  # type: ignore[attr-defined]
    return found


def note_failure(spider: Spider, url: str, reason: str) -> None:
    """Count one failed page, once per URL."""
    pages = failed_pages(spider)
    if all(page["url"] != url for page in pages):
        pages.append({"url": url, "reason": reason[:200]})


def describe(failure: Failure) -> str | None:
    """Why a request failed, in a few words; None when it was not a failure but a choice."""
    error = failure.value
    if isinstance(error, HttpError):
        return f"HTTP {error.response.status}"
    if isinstance(error, IgnoreRequest):
        text = str(error)
        if "robots.txt" in text or "offsite" in text.lower():
            return None
        return f"redirect loop or too many redirects ({text})" if "redirect" in text.lower() else text
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def stats_fields(spider: Spider) -> dict[str, Any]:
    """What the closing stats record says about failures."""
    pages = failed_pages(spider)
    return {"failed": len(pages), "failed_pages": pages[:MAX_NAMED]}


class PageFailureMiddleware:
    """Spider middleware: an errback for every request without one, and callback errors noted."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)

    @classmethod
    def from_crawler(cls, crawler: Any) -> PageFailureMiddleware:
        return cls(crawler)

    def spider_error(self, failure: Failure, response: Response, spider: Spider) -> None:
        note_failure(spider, response.url, f"could not read the page: {describe(failure)}")

    def request_dropped(self, request: Request, spider: Spider) -> None:
        """A redirect the scheduler refused as already seen: the page redirects in a loop."""
        chain = request.meta.get("redirect_urls")
        if chain:
            note_failure(spider, chain[0], f"redirect loop (back to {request.url}, already fetched)")

    def _with_errback(self, item: Any, spider: Spider) -> Any:
        if isinstance(item, Request) and item.errback is None and not item.url.startswith("data:"):
            return item.replace(errback=_Errback(spider))
        return item

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Spider
    ) -> Iterator[Any]:
        for item in result:
            yield self._with_errback(item, spider)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Spider
    ) -> AsyncIterator[Any]:
        async for item in result:
            yield self._with_errback(item, spider)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in start:
            yield self._with_errback(item, self.crawler.spider)


class _Errback:
    """The errback given to a request: note the failure, make no new request."""

    def __init__(self, spider: Spider) -> None:
        self.spider = spider

    def __call__(self, failure: Failure) -> None:
        reason = describe(failure)
        request = getattr(failure, "request", None)
        if reason is not None and request is not None:
            self.spider.logger.warning("page failed: %s (%s)", request.url, reason)
            note_failure(self.spider, request.url, reason)
