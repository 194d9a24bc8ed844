"""A crawl names every page it could not fetch or read, in the run record and in what it prints.

A career site lists 9 ad pages; 5 answer and 4 fail in the ways real sites fail: a 500, a page that
never answers, a redirect loop and a slow drip that outlasts the download timeout. The real spider
crawls it over HTTP, the real ingest loads the landing file: `crawl_runs` must count the 4 and name
each URL with its reason, and the summary the command prints must say so too. A NAV feed entry served
with a wrong content type must be quarantined, not vanish.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from flows import output
from flows.cli import _report_ingest
from pipeline.ingest import ingest_file
from spiders.run import LOOPBACK_SETTINGS, run_spider
from warehouse import db

ON = date(2026, 11, 21)
GOOD = [f"/jobs/ad-{n}" for n in range(1, 6)]
BAD = {"/jobs/error": "HTTP 500", "/jobs/hang": "", "/jobs/loop": "redirect", "/jobs/drip": ""}


def _ad_page(path: str) -> bytes:
    number = path.rsplit("-", 1)[-1]
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": f"Utvikler {number}",
        "hiringOrganization": {"name": "Fjordkraft AS"},
        "datePosted": "2026-11-01",
        "description": "Vi søker en utvikler. Arbeidsspråket er engelsk.",
        "jobLocation": {"address": {"addressLocality": "Bergen", "addressRegion": "Vestland"}},
    }
    script = f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    return f"<html><head>{script}</head><body><h1>Utvikler {number}</h1></body></html>".encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path == "/jobs":
            links = "".join(f'<a href="{p}">ad</a>' for p in [*GOOD, *BAD])
            return self._send(200, f"<html><body>{links}</body></html>".encode(), "text/html")
        if path in GOOD:
            return self._send(200, _ad_page(path), "text/html; charset=utf-8")
        if path == "/jobs/error":
            return self._send(500, b"<html>Internal error</html>", "text/html")
        if path == "/jobs/loop":
            self.send_response(302)
            self.send_header("Location", "/jobs/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/jobs/hang":
            time.sleep(30)
            return None
        if path == "/jobs/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(30):
                try:
                    self.wfile.write(b"<")
                    self.wfile.flush()
                except OSError:
                    return None
                time.sleep(1)
            return None
        return self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def flaky_site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_failed_ad_pages_are_counted_and_named(
    flaky_site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing = tmp_path / "landing" / "jsonld-test.jsonl"
    settings = dict(LOOPBACK_SETTINGS, DOWNLOAD_TIMEOUT="3", RETRY_TIMES="1")
    crawl = run_spider("jsonld", landing, args={"url": f"{flaky_site}/jobs"}, settings=settings, timeout=180)
    assert crawl.returncode == 0, crawl.log[-2000:]

    with db.connection(tmp_path / "w.duckdb") as con:
        result = ingest_file(con, landing, run_id="jsonld-test", source="jsonld", on=ON)
    assert result.items == 5
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        row = con.execute("SELECT failed_pages, failures::VARCHAR FROM crawl_runs").fetchone()
    assert row is not None
    failed, failures = row[0], json.loads(row[1])
    assert failed == 4
    named = {f["url"].removeprefix(flaky_site): f["reason"] for f in failures}
    assert set(named) == set(BAD)
    assert "500" in named["/jobs/error"]
    assert "redirect" in named["/jobs/loop"].lower()

    monkeypatch.setattr(output.console, "width", 300)
    with output.console.capture() as captured:
        _report_ingest(result)
    printed = captured.get()
    assert "4 pages failed" in printed
    for path in BAD:
        assert path in printed


def test_nav_entries_with_a_wrong_content_type_are_quarantined_not_lost(tmp_path: Path) -> None:
    """Entries answered as binary or as an HTML page: each one counted in quarantine, with its URL."""
    from datetime import UTC, datetime, timedelta

    from flows import jobs
    from tests.nav_standin import AdFactory, Schedule, StandinFeed

    now = datetime.now(UTC).replace(microsecond=0)
    feed = StandinFeed(schedule=Schedule(fail_every=0, rotate_every=0))
    factory = AdFactory(now=now)
    for i in range(12):
        feed.publish(factory.make(), now - timedelta(days=2, hours=-i))
    uuids = list(feed.ads)
    broken = {
        uuids[1]: ("application/octet-stream", b"\x00\x01 not json at all \xff"),
        uuids[4]: ("text/html", b"<html><body>Maintenance</body></html>"),
        uuids[7]: ("image/png", b"\x89PNG\r\n\x1a\n garbage"),
    }
    real_entry = feed._entry

    def entry(ad_uuid: str) -> tuple[int, dict[str, str], bytes]:
        if ad_uuid in broken:
            kind, body = broken[ad_uuid]
            return 200, {"Content-Type": kind}, body
        return real_entry(ad_uuid)

    feed._entry = entry  # type: ignore[method-assign]
    db_path = tmp_path / "nav.duckdb"
    with feed.serve() as base:
        out = jobs.crawl("nav", [base], db_path, loopback=True, settings={"RETRY_BACKOFF_BASE": "0.01"})
    result = jobs.load_crawl(out, db_path)
    assert result.items == 9
    assert result.quarantined == 3, result.quarantine_reasons
    for ad_uuid in broken:
        assert any(ad_uuid in reason for reason in result.quarantine_reasons), ad_uuid
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM quarantine").fetchone() == (3,)
