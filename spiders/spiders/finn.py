"""`finn` spider: Finn-style search result pages, their paging, and the ads they list.

Finn's terms forbid regular, systematic collection without FINN's written permission, so this
spider is off unless the user says they have it (`-a i_have_permission=yes` or the setting
`FINN_ENABLED=True`); robots.txt is obeyed through the shared settings. Ads are keyed by their
numeric code and fetched once whatever URL form led to them (`/job/ad/N`, `ad.html?finnkode=N`).

    scrapy crawl finn -a url="https://www.finn.no/job/search?q=python" -a i_have_permission=yes
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.exceptions import UsageError
from scrapy.http import Response, TextResponse

from spiders.crawl_stats import StatsRecordMixin, now_iso
from spiders.extract_finn import ad_url, extract_ad, extract_search, finn_code

NOT_ENABLED = (
    "the finn spider is off: Finn's terms forbid systematic collection without FINN's written permission. "
    "If you have it, run with -a i_have_permission=yes or set FINN_ENABLED=True."
)


class FinnSpider(StatsRecordMixin):
    """Walk search pages to ad pages; one listing record per Finn code."""

    name = "finn"

    def __init__(
        self,
        url: str | None = None,
        urls: str | None = None,
        i_have_permission: str = "no",
        max_pages: str | int = 50,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.start_list = [u.strip() for u in f"{url or ''},{urls or ''}".split(",") if u.strip()]
        self.permission = i_have_permission.strip().lower() in ("yes", "true", "1", "ja")
        self.max_pages = int(max_pages)
        self.search_pages = 0
        # Search pages queued so far (the page budget counts them; ads are bounded by the pages).
        self.search_urls: set[str] = set(self.start_list)
        self.codes: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> FinnSpider:
        spider: FinnSpider = super().from_crawler(crawler, *args, **kwargs)
        if not (spider.permission or crawler.settings.getbool("FINN_ENABLED")):
            spider.logger.error(NOT_ENABLED)
            raise UsageError(NOT_ENABLED)
        if not spider.start_list:
            raise UsageError("the finn spider needs a search URL: -a url=SEARCH_URL")
        return spider

    def no_ads_hint(self) -> str:
        return f"the search pages {', '.join(self.start_list)} listed no ads, or the page template changed"

    async def start(self) -> AsyncIterator[Any]:
        for start_url in self.start_list:
            code = finn_code(start_url)
            if code:
                self.codes.add(code)
                yield scrapy.Request(ad_url(start_url, code), callback=self.parse_ad, meta={"code": code})
            else:
                yield scrapy.Request(start_url, callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A search page: queue its ads (by code) and its other result pages (within the budget)."""
        if not isinstance(response, TextResponse):
            return
        self.pages += 1
        self.search_pages += 1
        search = extract_search(response.text, response.url)
        if not search.ad_urls:
            self.logger.warning("finn: no ads on search page %s", response.url)
        for url in search.ad_urls:
            code = finn_code(url)
            if code and code not in self.codes:
                self.codes.add(code)
                yield scrapy.Request(url, callback=self.parse_ad, meta={"code": code}, priority=10)
        for url in search.page_urls:
            if url not in self.search_urls and len(self.search_urls) < self.max_pages:
                self.search_urls.add(url)
                yield scrapy.Request(url, callback=self.parse)

    def parse_ad(self, response: Response) -> Iterator[dict[str, Any]]:
        """An ad page: one listing record, or a quarantine record when nothing on it is recognisable."""
        if not isinstance(response, TextResponse):
            return
        self.pages += 1
        ad = extract_ad(response.text, response.url)
        code = ad.code or response.meta.get("code")
        if ad.empty or not code:
            self.quarantined_count += 1
            self.logger.error(
                "finn: %s has no ad content the extractor knows (template change?)", response.url
            )
            yield {
                "kind": "quarantine",
                "source": "finn",
                "url": response.url,
                "reason": "no initial state, JSON-LD or labelled fact rows found",
                "payload": response.text,
                "fetched_at": now_iso(),
            }
            return
        self.ads += 1
        yield {
            "kind": "listing",
            "source": "finn",
            "source_id": code,
            "url": ad_url(response.url, code),
            "fetched_at": now_iso(),
            "status": "ACTIVE",
            "version_key": None,
            "payload": ad.payload,
            "fields": ad.fields,
        }
