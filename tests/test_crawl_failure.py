"""A crawl that fails says why in one line: the health gate's reason and the spider's own last error."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flows.jobs import CrawlOutput, CrawlRun, spider_problem
from pipeline.health import HealthVerdict
from pipeline.ingest import IngestResult

LOG = """\
2026-11-21 23:22:51 [scrapy.downloadermiddlewares.retry] ERROR: Gave up retrying <GET http://127.0.0.1:9/robots.txt>
2026-11-21 23:23:10 [nav] ERROR: Could not get NAV's public token (Connection refused); is the feed URL right?
2026-11-21 23:23:10 [scrapy.core.scraper] ERROR: Error downloading <GET http://127.0.0.1:9/api/publicToken>
 'log_count/ERROR': 5,
"""


def test_the_spiders_own_error_is_preferred() -> None:
    assert (
        spider_problem("nav", LOG)
        == "Could not get NAV's public token (Connection refused); is the feed URL right?"
    )
    assert spider_problem("jsonld", LOG) == "Error downloading <GET http://127.0.0.1:9/api/publicToken>"
    assert spider_problem("nav", "2026-11-21 [scrapy.core.engine] INFO: Spider closed (finished)") is None


def test_failure_names_the_reason_the_spider_error_and_the_log(tmp_path: Path) -> None:
    output = CrawlOutput(
        "nav-1",
        "nav",
        tmp_path / "nav-1.jsonl",
        datetime(2026, 11, 21),
        tmp_path / "nav-1.log",
        "Could not get NAV's public token",
    )
    failed = IngestResult(run_id="nav-1", source="nav", health=HealthVerdict(False, "nav: found no listings"))
    assert CrawlRun(output, failed).failure() == (
        f"nav: found no listings; the spider said: Could not get NAV's public token (log: {tmp_path / 'nav-1.log'})"
    )
    assert (
        CrawlRun(output, IngestResult(run_id="nav-1", source="nav", health=HealthVerdict(True))).failure()
        is None
    )
