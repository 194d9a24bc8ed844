"""The pipeline's steps as plain functions: crawl a source in a subprocess, ingest a landing file.

Prefect wraps these in `flows/pipeline.py`; keeping them free of Prefect lets tests and the
benchmarks call them directly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipeline.health import HealthVerdict
from pipeline.ingest import IngestResult, Progress, crawl_state_for_spider, ingest_file
from spiders.run import LOOPBACK_SETTINGS, run_spider
from warehouse import db
from warehouse.db import WarehouseError

SOURCES = ("nav", "finn", "jsonld")
# How long a run's ingest waits for a reader (a long `fjordjobs sql`, `status`, `track`) to let go of the
# warehouse before it gives up on this crawl: the crawl is not loaded and its cursor does not move, so the
# next run fetches the same ads again.
RUN_BUSY_WAIT_SECONDS = 300.0


class CrawlError(RuntimeError):
    """A crawl that could not run or delivered nothing usable; the message is for the user."""


@dataclass(frozen=True)
class CrawlOutput:
    run_id: str
    source: str
    landing: Path
    started_at: datetime
    log: Path | None = None  # the spider's log, beside the landing file
    problem: str | None = None  # the last error the spider logged, in one line


@dataclass(frozen=True)
class CrawlRun:
    """A crawl and what its ingest made of it."""

    output: CrawlOutput
    result: IngestResult

    def failure(self) -> str | None:
        """Why the run failed, for the user: the health gate's reason plus the spider's last error."""
        if self.result.ok:
            return None
        reason = (self.result.health.reason if self.result.health else None) or "the crawl failed"
        if self.output.problem:
            reason += f"; the spider said: {self.output.problem}"
        if self.output.log is not None:
            reason += f" (log: {self.output.log})"
        return reason


_LOG_PROBLEM = re.compile(r"\[([\w.]+)\] (?:ERROR|CRITICAL): (.+)")


def spider_problem(source: str, log: str) -> str | None:
    """The most telling error in a spider's log: the spider's own last error, else Scrapy's last one."""
    found = [(m.group(1), m.group(2).strip()) for m in map(_LOG_PROBLEM.search, log.splitlines()) if m]
    own = [message for logger, message in found if logger == source]
    chosen = own[-1] if own else (found[-1][1] if found else None)
    return chosen[:300] if chosen else None


def landing_dir(db_path: Path) -> Path:
    """Landing files live beside the database they are loaded into."""
    return db_path.parent / "landing"


def new_run_id(source: str) -> str:
    return f"{source}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}"


def crawl(
    source: str,
    urls: Sequence[str],
    db_path: Path,
    *,
    loopback: bool = False,
    extra_args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
) -> CrawlOutput:
    """Run one spider in its own process; return the landing file it wrote."""
    if source not in SOURCES:
        raise CrawlError(f"unknown source {source!r}; choose one of {', '.join(SOURCES)}")
    run_id = new_run_id(source)
    started_at = datetime.now(UTC).replace(tzinfo=None)
    landing = landing_dir(db_path) / f"{run_id}.jsonl"
    args: dict[str, str] = dict(extra_args or {})
    if urls:
        args["url"] = ",".join(urls)
    if source == "nav":
        with db.connection(db_path) as con:
            state = crawl_state_for_spider(con, source)
        state_file = landing.with_suffix(".state.json")
        state_file.parent.mkdir(parents=True, exist_ok=True)
        state_file.write_text(json.dumps(state), encoding="utf-8")
        args["state"] = str(state_file)
    all_settings = dict(LOOPBACK_SETTINGS if loopback else {})
    all_settings.update(settings or {})
    result = run_spider(source, landing, args=args, settings=all_settings)
    log = landing.with_suffix(".log")
    log.write_text(result.log, encoding="utf-8")
    if result.returncode != 0 or not landing.exists():
        # This attempt failed for good (a retry is a new crawl with its own file): its records are never
        # loaded, so they are not kept either (NAV's contact persons among them).
        discard_landing(landing, keep_log=True)
        last = [line for line in result.log.splitlines() if line.strip()][-1:] or ["no output"]
        raise CrawlError(f"the {source} spider failed (exit {result.returncode}): {last[0]} (log: {log})")
    return CrawlOutput(
        run_id=run_id,
        source=source,
        landing=landing,
        started_at=started_at,
        log=log,
        problem=spider_problem(source, result.log),
    )


def ingest(path: Path, db_path: Path) -> IngestResult:
    """Load a landing file a user hands to `fjordjobs ingest`; the file is theirs and stays."""
    with db.connection(db_path) as con:
        return ingest_file(con, path)


def load_crawl(
    output: CrawlOutput,
    db_path: Path,
    *,
    progress: Progress | None = None,
    wait: float = RUN_BUSY_WAIT_SECONDS,
) -> IngestResult:
    """Load a crawl's landing file: the one crawl -> ingest path, for `crawl` and `run` alike.

    Whatever happens the landing file and its state file are removed afterwards: once loaded the warehouse
    holds what they carried; a crawl that failed its health gate, or could not be loaded because another
    command held the warehouse past `wait` seconds, failed for good (its cursor did not move, so the next
    run fetches the same ads again). The spider's log stays for a failed crawl: the failure names it.
    """
    try:
        with db.connection(db_path, wait=wait) as con:
            result = ingest_file(
                con,
                output.landing,
                run_id=output.run_id,
                source=output.source,
                started_at=output.started_at,
                progress=progress,
            )
    except WarehouseError as exc:
        reason = f"{output.source}: not loaded, {exc}"
        result = IngestResult(run_id=output.run_id, source=output.source, health=HealthVerdict(False, reason))
        record_failed_run(
            db_path, output.run_id, output.source, output.started_at, reason, output.landing, wait=30
        )
    except BaseException:
        discard_landing(output.landing, keep_log=True)
        raise
    discard_landing(output.landing, keep_log=not result.ok)
    return result


def record_failed_run(
    db_path: Path,
    run_id: str,
    source: str,
    started_at: datetime,
    reason: str,
    landing: Path | None = None,
    *,
    wait: float | None = None,
) -> bool:
    """A `crawl_runs` row for a crawl that loaded nothing (its spider failed, or the warehouse was held by
    another command), so `fjordjobs status` shows it. False if the warehouse stayed busy past `wait`."""
    now = datetime.now(UTC).replace(tzinfo=None)
    values = [
        run_id,
        source,
        started_at,
        now,
        "failed",
        reason,
        0,
        0,
        0,
        0,
        0,
        None,
        landing and str(landing),
    ]
    try:
        with db.connection(db_path, wait=wait) as con, db.transaction(con):
            con.execute(db.sql("insert_run"), [*values, None, 0, None])
    except WarehouseError:
        return False  # still busy: the run's summary says why this source failed
    return True


def sweep_landing(db_path: Path) -> list[Path]:
    """Remove what earlier crawls left in the landing folder (a killed crawl's landing and state files, a
    failed crawl's log); call only while holding the run lock, so no crawl of this warehouse is writing
    there. Returns what it removed."""
    folder = landing_dir(db_path)
    if not folder.is_dir():
        return []
    found = (*folder.glob("*.jsonl"), *folder.glob("*.state.json"), *folder.glob("*.log"))
    removed = sorted(p for p in found if p.is_file())
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def discard_landing(landing: Path, *, keep_log: bool = False) -> None:
    """Delete a crawl's landing file and its state file (and its log unless `keep_log`).

    A NAV landing file keeps every feed entry as fetched, contact persons (`contactList`) included.
    The warehouse removes those when an ad goes inactive; a file left on disk would keep them for
    good, against NAV's terms. Nothing is lost: `raw_listings` keeps each payload for re-normalising.
    """
    landing.unlink(missing_ok=True)
    landing.with_suffix(".state.json").unlink(missing_ok=True)
    if not keep_log:
        landing.with_suffix(".log").unlink(missing_ok=True)
