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

from pipeline.ingest import IngestResult, crawl_state_for_spider, ingest_file
from spiders.run import LOOPBACK_SETTINGS, run_spider
from warehouse import db

SOURCES = ("nav", "finn", "jsonld")


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


def ingest(
    path: Path,
    db_path: Path,
    *,
    run_id: str | None = None,
    source: str | None = None,
    started_at: datetime | None = None,
) -> IngestResult:
    """Load one landing file into the warehouse at `db_path`.

    A crawl's own landing file (`landing/<run_id>.jsonl` beside the database, ingested under that
    run id) is deleted with its state file once it has loaded: see `discard_landing`. Files a user
    hands to `fjordjobs ingest` are never touched.
    """
    with db.connection(db_path) as con:
        result = ingest_file(con, path, run_id=run_id, source=source, started_at=started_at)
    if run_id and result.ok and path.resolve() == (landing_dir(db_path) / f"{run_id}.jsonl").resolve():
        discard_landing(path)
    return result


def discard_landing(landing: Path) -> None:
    """Delete a crawl's landing file and its state file once the warehouse holds what they carried.

    A NAV landing file keeps every feed entry as fetched, contact persons (`contactList`) included.
    The warehouse removes those when an ad goes inactive; a file left on disk would keep them for
    good, against NAV's terms. Nothing is lost: `raw_listings` keeps each payload for re-normalising.
    Call it only after a successful ingest; a failed one keeps the file for diagnosis.
    """
    landing.unlink(missing_ok=True)
    landing.with_suffix(".state.json").unlink(missing_ok=True)
    landing.with_suffix(".log").unlink(missing_ok=True)
