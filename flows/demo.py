"""`fjordjobs demo`: the real pipeline, offline, on the bundled demo feed.

The only difference from a live run is the address: a local stand-in for NAV's feed API serves the
generated ads on 127.0.0.1, and the real spider crawls it over HTTP through the Prefect flow. Then a
few ads are deactivated and retitled and the feed is crawled again from the saved cursor, so the
demo shows the incremental path and the lifecycle too.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from demo.feed_server import NavFeedServer, load_ads
from pipeline.ingest import IngestResult

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"
DEMO_DATA = DEMO_DIR / "data"
DEFAULT_DEMO_DB = Path(__file__).resolve().parent.parent / "warehouse" / "demo.duckdb"


@dataclass
class DemoRun:
    first: IngestResult
    second: IngestResult
    deactivated: int
    retitled: int
    requests_second_crawl: int


def demo_day() -> str:
    """The day the demo data was generated for; pinned so the demo shows the same thing every year."""
    manifest = json.loads((DEMO_DATA / "manifest.json").read_text(encoding="utf-8"))
    return str(manifest["today"])


def fresh_database(db_path: Path) -> None:
    """The demo starts from an empty warehouse each time (it never touches your real one)."""
    for path in (db_path, db_path.with_name(db_path.name + ".wal")):
        path.unlink(missing_ok=True)
    shutil.rmtree(db_path.parent / "landing", ignore_errors=True)


def crawl_demo_feed(db_path: Path, crawl: Callable[[str, list[str], Path, bool], IngestResult]) -> DemoRun:
    """Serve the demo ads, crawl them, change a few, crawl again; `crawl` is the Prefect crawl flow."""
    os.environ.setdefault("FJORDJOBS_TODAY", demo_day())
    ads = load_ads(DEMO_DATA / "nav_ads.jsonl.gz")
    events = json.loads((DEMO_DATA / "nav_events.json").read_text(encoding="utf-8"))
    with NavFeedServer(ads, page_size=100) as server:
        first = crawl("nav", [server.url], db_path, True)
        for change in events.get("deactivate", []):
            server.deactivate(change["uuid"])
        for change in events.get("retitle", []):
            server.update_ad(change["uuid"], title=change["title"])
        before = server.request_count
        second = crawl("nav", [server.url], db_path, True)
        requests = server.request_count - before
    return DemoRun(first, second, len(events.get("deactivate", [])), len(events.get("retitle", [])), requests)
