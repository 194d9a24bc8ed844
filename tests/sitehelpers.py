"""Serve a small in-memory web site on 127.0.0.1 so tests can crawl it over real HTTP.

A site is a mapping from path (with or without query string) to a `Page`; a request whose exact
path-and-query is not in the map falls back to it without `utm_*` parameters, then to the
bare path, the way real servers ignore parameters they do not know. The server records every path it was asked for, so tests can assert what a
spider fetched (and what robots.txt kept it from fetching).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit


@dataclass(frozen=True)
class Page:
    """One response: body, content type and status."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


Site = dict[str, Page]


@dataclass
class SiteServer:
    """A running site: its base URL (no trailing slash) and the request paths it has served."""

    base_url: str
    site: Site
    hits: list[str] = field(default_factory=list)


def html_page(text: str, status: int = 200) -> Page:
    return Page(text.encode("utf-8"), status=status)


def _handler(server: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.hits.append(self.path)
            parts = urlsplit(unquote(self.path))
            kept = [
                (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.startswith("utm_")
            ]
            bare = parts.path + (f"?{urlencode(kept)}" if kept else "")
            page = server.site.get(unquote(self.path)) or server.site.get(bare) or server.site.get(parts.path)
            if page is None:
                page = Page(b"<html><body><h1>Ikke funnet</h1></body></html>", status=404)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            for name, value in page.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep test output quiet; `hits` records what was asked for."""

    return Handler


@contextmanager
def serve(build: Callable[[str], Site]) -> Iterator[SiteServer]:
    """Bind a free loopback port, build the site for that base URL, serve it until the block ends."""
    state = SiteServer(base_url="", site={})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    state.site.update(build(state.base_url))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def crawl_records(spider: str, output: Path, **args: str) -> list[dict[str, Any]]:
    """Run the real spider (a `scrapy crawl` process) with loopback settings; return its records."""
    from spiders.run import LOOPBACK_SETTINGS, run_spider

    result = run_spider(spider, output, args=args, settings=LOOPBACK_SETTINGS, timeout=120)
    assert result.returncode == 0, result.log[-2000:]
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
