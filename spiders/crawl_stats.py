"""The closing `stats` record every HTML spider writes, for the ingest's crawl-health gate.

Scrapy gives a spider no way to yield an item from `closed()`. So when the crawl runs dry
(`spider_idle`), the mixin schedules one `data:` request whose callback yields the record; the
spider then idles again and closes. The record counts requests, pages parsed and ads written, and
the spider logs a warning when it found no ads at all, so an empty run is visible in the log too.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response

from spiders.failures import stats_fields


def now_iso() -> str:
    """The timestamp written into `fetched_at`: UTC, seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class StatsRecordMixin(scrapy.Spider):
    """Counts pages and ads; writes `{"kind": "stats", ...}` as the crawl's last record."""

    pages: int = 0
    ads: int = 0
    quarantined_count: int = 0
    _stats_sent: bool = False

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    def no_ads_hint(self) -> str:
        """What to tell the user when the crawl found nothing; spiders override it."""
        return "check the start URLs"

    def _on_idle(self, spider: scrapy.Spider) -> None:
        if self._stats_sent:
            return
        self._stats_sent = True
        request = scrapy.Request(
            "data:,", callback=self._emit_stats, dont_filter=True, meta={"dont_obey_robotstxt": True}
        )
        self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _emit_stats(self, response: Response) -> Iterator[dict[str, Any]]:
        stats = self.crawler.stats
        # The data: request that brought us here is not a request to the site.
        requests = int(stats.get_value("downloader/request_count", 0) or 0) - 1 if stats else 0
        if self.ads == 0:
            self.logger.warning("%s: found no ads on %d pages; %s", self.name, self.pages, self.no_ads_hint())
        else:
            self.logger.info("%s: %d ads from %d pages", self.name, self.ads, self.pages)
        yield {
            "kind": "stats",
            "source": self.name,
            "requests": max(requests, 0),
            "pages": self.pages,
            "ads": self.ads,
            "quarantined": self.quarantined_count,
            **stats_fields(self),
            "fetched_at": now_iso(),
        }
