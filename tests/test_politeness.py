"""Per-host concurrency: a crawl never has more requests at one site than CONCURRENT_REQUESTS_PER_DOMAIN.

Scrapy 2.19 under asyncio does not enforce that limit on its own (spiders/politeness.py says why);
these tests count what a slow local server actually sees at once.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

import spiders.settings as project_settings
from spiders.politeness import HostConcurrencyMiddleware
from spiders.run import LOOPBACK_SETTINGS, run_spider
from spiders.spiders.jsonld import JsonLdSpider
from spiders.spiders.nav import NavSpider

ADS = 24
RESPONSE_SECONDS = 0.15


@dataclass
class SlowSite:
    base_url: str
    now: int = 0
    most: int = 0


def _body(path: str) -> bytes:
    if path == "/robots.txt":
        return b"User-agent: *\nAllow: /\n"
    if path == "/jobs/":
        links = "".join(f'<a href="/stilling/{n}">Stilling {n}</a>' for n in range(ADS))
        return f"<html><body><main>{links}</main></body></html>".encode()
    number = path.rsplit("/", 1)[-1]
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": f"Stilling {number}",
        "hiringOrganization": {"@type": "Organization", "name": "Treg Server AS"},
    }
    script = f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    return f"<html><head>{script}</head><body><main>Stilling {number}</main></body></html>".encode()


@pytest.fixture
def slow_site() -> Iterator[SlowSite]:
    """A site that takes RESPONSE_SECONDS per response and records the most requests it had at once."""
    lock = threading.Lock()
    site = SlowSite(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with lock:
                site.now += 1
                site.most = max(site.most, site.now)
            try:
                time.sleep(RESPONSE_SECONDS)
                body = _body(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            finally:
                with lock:
                    site.now -= 1

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.mark.slow
def test_a_crawl_keeps_to_the_per_host_limit(slow_site: SlowSite, tmp_path: Path) -> None:
    output = tmp_path / "jsonld.jsonl"
    settings = {**LOOPBACK_SETTINGS, "CONCURRENT_REQUESTS": "16", "CONCURRENT_REQUESTS_PER_DOMAIN": "3"}
    result = run_spider(
        "jsonld", output, args={"url": slow_site.base_url + "/jobs/"}, settings=settings, timeout=120
    )
    assert result.returncode == 0, result.log[-2000:]
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len([r for r in records if r["kind"] == "listing"]) == ADS
    # At most three at once, and still three in parallel (not one by one).
    assert slow_site.most == 3


def _installed(spider: type[Any]) -> bool:
    crawler = get_crawler(
        spider, {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    )
    return any(
        key is HostConcurrencyMiddleware or key == "spiders.politeness.HostConcurrencyMiddleware"
        for key in crawler.settings.getdict("DOWNLOADER_MIDDLEWARES")
    )


def test_every_spider_gets_the_cap_even_with_its_own_middleware_list() -> None:
    assert NavSpider.custom_settings["DOWNLOADER_MIDDLEWARES"]  # nav replaces the project's list...
    assert _installed(NavSpider)  # ...and the add-on still puts the cap in
    assert _installed(JsonLdSpider)


async def _settle() -> None:
    """Let woken tasks run (a Deferred's result reaches its awaiting task a few loop turns later)."""
    for _ in range(5):
        await asyncio.sleep(0)


def test_requests_past_the_limit_wait_their_turn_in_order() -> None:
    async def scenario() -> None:
        middleware = HostConcurrencyMiddleware(limit=2, per_host={"slow.example": 1})
        first, second, third, fourth = (Request(f"https://karriere.example/{n}") for n in range(4))
        await middleware.process_request(first)
        await middleware.process_request(second)
        waiting_third = asyncio.ensure_future(middleware.process_request(third))
        waiting_fourth = asyncio.ensure_future(middleware.process_request(fourth))
        await _settle()
        assert not waiting_third.done() and not waiting_fourth.done()
        middleware.process_response(first, Response(first.url))
        await _settle()
        assert waiting_third.done() and not waiting_fourth.done()  # the first to wait goes first
        middleware.process_exception(second, TimeoutError())
        await _settle()
        assert waiting_fourth.done()
        assert middleware.in_flight["karriere.example"] == 2
        # A response the middleware never let through (a cache hit before it) frees nothing.
        middleware.process_response(
            Request("https://karriere.example/c"), Response("https://karriere.example/")
        )
        assert middleware.in_flight["karriere.example"] == 2
        # DOWNLOAD_SLOTS can give a host its own limit; a request cancelled while waiting leaves no trace.
        holder = Request("https://slow.example/a")
        await middleware.process_request(holder)
        blocked = asyncio.ensure_future(middleware.process_request(Request("https://slow.example/b")))
        await _settle()
        assert not blocked.done()
        blocked.cancel()
        await _settle()
        assert middleware.in_flight["slow.example"] == 1 and not middleware._waiting["slow.example"]

    asyncio.run(scenario())


def test_a_freed_place_goes_to_the_highest_priority_request_waiting() -> None:
    """A spider's sequential walk (NAV's feed pages, priority 10) must not queue behind the fetches it
    spawned (priority 0): the next free place is the walk's, then the rest in arrival order."""

    async def scenario() -> None:
        middleware = HostConcurrencyMiddleware(limit=1)
        holder = Request("https://feed.example/entry/0")
        await middleware.process_request(holder)
        entries = [
            asyncio.ensure_future(middleware.process_request(Request(f"https://feed.example/entry/{n}")))
            for n in (1, 2)
        ]
        page = asyncio.ensure_future(
            middleware.process_request(Request("https://feed.example/page", priority=10))
        )
        await _settle()
        middleware.process_response(holder, Response(holder.url))
        await _settle()
        assert page.done() and not any(entry.done() for entry in entries)
        middleware.process_exception(Request("https://feed.example/page"), TimeoutError())  # not its holder
        assert not any(entry.done() for entry in entries)

    asyncio.run(scenario())
