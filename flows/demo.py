"""`fjordjobs demo`: the real pipeline, offline, on the bundled demo feed.

The only difference from a live run is the address: a local stand-in for NAV's feed API serves the
generated ads on 127.0.0.1, and the real spider crawls it over HTTP through the Prefect flow. Then a
few ads are deactivated and retitled and the feed is crawled again from the saved cursor, so the
demo shows the incremental path and the lifecycle too.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from warehouse import db

if TYPE_CHECKING:  # every reading command asks `is_demo_warehouse`: it must not load the ingest pipeline
    from collections.abc import Sequence

    from flows.config import SourceConfig
    from pipeline.ingest import IngestResult

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"
DEMO_DATA = DEMO_DIR / "data"
# The mark a demo warehouse carries (a `crawl_state` row), so the demo only ever replaces its own.
MARK = ("fjordjobs", "demo_warehouse")


class DemoRefused(RuntimeError):
    """The demo was pointed at a file that is not its own; the message is one line for the user."""


@dataclass
class DemoRun:
    first: IngestResult
    second: IngestResult
    deactivated: int
    retitled: int
    requests_second_crawl: int


def demo_listing_ids() -> list[str]:
    """The listing ids of the bundled demo feed's ads (NAV ids: "nav:" and the ad's uuid)."""
    from demo.feed_server import load_ads

    return [f"nav:{ad['uuid']}" for ad in load_ads(DEMO_DATA / "nav_ads.jsonl.gz")]


def retire_demo_listings(db_path: Path, now: datetime | None = None) -> int:
    """Mark the demo feed's ads inactive in a warehouse whose configuration no longer crawls the demo.

    `fjordjobs init` starts a user's own warehouse on the demo feed; once they set `demo = false`, the
    generated ads (their links lead nowhere) must not stay among real ones. Returns how many were retired.
    """
    stamp = (now or datetime.now(UTC)).replace(tzinfo=None)
    with db.connection(db_path) as con:
        rows = con.execute(db.sql("retire_listings"), {"ids": demo_listing_ids(), "now": stamp}).fetchall()
    return len(rows)


def pin_demo_day(sources: Sequence[SourceConfig]) -> None:
    """A demo-only configuration is judged on the day the demo ads were made for, like `fjordjobs demo`."""
    enabled = [s for s in sources if s.enabled]
    if enabled and all(s.demo for s in enabled) and "FJORDJOBS_TODAY" not in os.environ:
        os.environ["FJORDJOBS_TODAY"] = demo_day()


def retire_demo_when_left(sources: Sequence[SourceConfig], loaded: set[str], db_path: Path) -> int:
    """`retire_demo_listings` once a real NAV source (one of the `loaded` names) has loaded this run and
    no enabled source is the demo any more; else nothing. Returns how many were retired."""
    enabled = [s for s in sources if s.enabled]
    real_nav = {s.name for s in enabled if s.spider == "nav" and not s.demo}
    if any(s.demo for s in enabled) or not real_nav & loaded:
        return 0
    return retire_demo_listings(db_path)


def demo_day() -> str:
    """The day the demo data was generated for; pinned so the demo shows the same thing every year."""
    manifest = json.loads((DEMO_DATA / "manifest.json").read_text(encoding="utf-8"))
    return str(manifest["today"])


def fresh_database(db_path: Path) -> None:
    """Start the demo from an empty warehouse, replacing only a demo warehouse that holds no user data.

    `fjordjobs demo --db <your warehouse>` once emptied a real warehouse, applications and contacts
    included, and also deleted the landing folder beside it while a real crawl wrote there. So the demo
    deletes nothing but a file it marked as its own (and that file's WAL), refuses anything else in one
    line, and leaves every folder alone.
    """
    wal = db_path.with_name(db_path.name + ".wal")
    if db_path.exists():
        _check_own(db_path)
        db_path.unlink()
    wal.unlink(missing_ok=True)
    with db.connection(db_path) as con:
        con.execute(db.sql("upsert_state"), [*MARK, "yes", datetime.now(UTC).replace(tzinfo=None)])


def is_demo_warehouse(db_path: Path) -> bool:
    """True when `db_path` carries the demo's mark (read-only; False for anything unreadable)."""
    if not db_path.is_file():
        return False
    try:
        with db.connection(db_path, read_only=True) as con:
            return is_demo(con)
    except (db.WarehouseError, duckdb.Error):
        return False


def is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the open warehouse carries the demo's mark."""
    return con.execute(db.sql("get_state"), list(MARK)).fetchone() is not None


def _check_own(db_path: Path) -> None:
    """Raise DemoRefused unless `db_path` is a demo warehouse with nothing of the user's in it."""
    refusal = f"{db_path} is not a demo warehouse; the demo only replaces its own: give it another --db"
    try:
        with db.connection(db_path, read_only=True) as con:
            marked = con.execute(db.sql("get_state"), list(MARK)).fetchone()
            users = con.execute(db.sql("demo_user_rows")).fetchone()
    except db.WarehouseError as exc:  # in use by another process
        raise DemoRefused(str(exc)) from None
    except duckdb.Error:  # not a DuckDB file, or not a fjordjobs warehouse
        raise DemoRefused(refusal) from None
    if not marked:
        raise DemoRefused(refusal)
    held = [
        f"{n} {name}"
        for name, n in zip(("applications", "contacts", "weekly targets"), users or (), strict=False)
        if n
    ]
    if held:
        raise DemoRefused(
            f"{db_path} holds your own data ({', '.join(held)}); the demo will not replace it: give it another --db"
        )


def crawl_demo_feed(db_path: Path, crawl: Callable[[str, list[str], Path, bool], IngestResult]) -> DemoRun:
    """Serve the demo ads, crawl them, change a few, crawl again; `crawl` is the Prefect crawl flow."""
    os.environ.setdefault("FJORDJOBS_TODAY", demo_day())
    from demo.feed_server import NavFeedServer, load_ads

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


def command_name() -> str:
    """How the user started fjordjobs, so the commands the demo suggests work as typed.

    `make demo` runs `.venv/bin/fjordjobs`, which is not on PATH until the virtualenv is activated.
    """
    typed = sys.argv[0] if sys.argv else ""
    if Path(typed).name != "fjordjobs":
        return "fjordjobs"
    on_path = shutil.which("fjordjobs")
    if on_path and Path(on_path).resolve() == Path(typed).resolve():
        return "fjordjobs"
    return shlex.quote(os.path.abspath(typed))


def next_steps(db_path: Path, *, has_web: bool) -> list[str]:
    """The exact commands that work next, on the demo's own data and then on the user's."""
    from flows import locations

    me = command_name()
    try:
        default = locations.choose(None, reading=True).path
    except locations.LocationError:
        default = None
    db_arg = "" if default == db_path else f" --db {shlex.quote(str(db_path))}"
    lines = [
        "",
        "Next:",
        "  # rank the demo's ads against your own CV (PDF, DOCX, Markdown or text)",
        f"  {me} match --cv your-cv.pdf{db_arg} --top 20",
        f"  {me} match --cv your-cv.pdf{db_arg} --format html --out shortlist.html",
    ]
    if has_web:
        lines += ["  # browse them on a local page", f"  {me} web{db_arg}"]
    lines += [
        "  # your own sources (NAV's feed, career pages) in a folder of your own",
        f"  mkdir -p ~/jobs && cd ~/jobs && {me} init --cv your-cv.pdf && {me} run",
    ]
    if db_arg == "":
        lines.append(
            "  (until you have a warehouse of your own, `match`, `sql`, `status` and `web` read the demo's)"
        )
    return lines
