"""The yardstick for the NAV spider: the same requests, no extraction, no records.

It fetches the token, walks the feed pages by `next_id` and fetches every ad's feed entry, reading
only what it needs to route. `bench_crawl` compares the real spider's ads/s with this one's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response


class MinimalNavSpider(scrapy.Spider):
    name = "minimal_nav"

    def __init__(self, url: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base = url.rstrip("/")
        self.token = ""
        self.entries = 0

    async def start(self) -> Any:
        yield scrapy.Request(f"{self.base}/api/publicToken", callback=self.on_token)

    def on_token(self, response: Response) -> Iterator[scrapy.Request]:
        self.token = [line for line in response.text.splitlines() if line.strip()][-1].strip()
        yield self._get(f"{self.base}/api/v1/feed", self.on_page)

    def _get(self, url: str, callback: Any) -> scrapy.Request:
        return scrapy.Request(
            url, callback=callback, headers={"Authorization": f"Bearer {self.token}"}, dont_filter=True
        )

    def on_page(self, response: Response) -> Iterator[scrapy.Request]:
        page = json.loads(response.text)
        for item in page.get("items", []):
            if item["_feed_entry"]["status"] == "ACTIVE":
                yield self._get(f"{self.base}/api/v1/feedentry/{item['id']}", self.on_entry)
        next_id = page.get("next_id")
        if next_id and next_id != page.get("id"):
            yield self._get(f"{self.base}/api/v1/feed/{next_id}", self.on_page)

    def on_entry(self, response: Response) -> None:
        self.entries += 1
