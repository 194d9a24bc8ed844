"""The `fjordjobs-daily` Prefect flow behind `fjordjobs run` and `fjordjobs serve`.

One run: crawl every enabled source of `fjordjobs.toml` (a retried task each, every spider in its own
process, all at once), load each landing file as its crawl finishes (one at a time: DuckDB has one
writer), rank the listings for every profile and write the reports to
`<reports.dir>/<YYYY-MM-DD_HHMMSS>/<profile>.<fmt>` and `<reports.dir>/latest/`.

A source that fails, or delivers nothing, fails its own task with the reason and is recorded in
`crawl_runs`; the other sources still load and the profiles are still matched. Prefect shows a
markdown shortlist per profile and a table of the run that names the failed sources.
"""

from __future__ import annotations

from flows import env

env.configure()

import dataclasses  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import AbstractContextManager, contextmanager, nullcontext  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact, create_table_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.client.schemas.objects import State  # noqa: E402
from prefect.futures import PrefectFuture, as_completed  # noqa: E402
from prefect.states import Failed  # noqa: E402

from flows import demo, jobs, progress  # noqa: E402
from flows.config import Config, ProfileConfig, SourceConfig, load_config  # noqa: E402
from flows.digest_task import deliver_digests  # noqa: E402
from flows.lock import run_lock  # noqa: E402
from matching.digest_delivery import Delivery  # noqa: E402
from matching.reports import render  # noqa: E402
from matching.run import run_match  # noqa: E402
from pipeline.ingest import IngestResult  # noqa: E402
from warehouse import db  # noqa: E402

FLOW_NAME = "fjordjobs-daily"
CRAWL_RETRIES = 2
CRAWL_RETRY_DELAY_SECONDS = 30
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"
LATEST = "latest"
# Rows of a profile's shortlist shown in its Prefect artifact; the report files hold the whole list.
ARTIFACT_ROWS = 30


class SourceFailed(RuntimeError):
    """A source that could not be crawled or delivered nothing usable; the message names it and why."""


class SourceMisconfigured(SourceFailed):
    """A source that no retry can fix (e.g. `demo = true` for a spider without a bundled demo)."""


def _worth_retrying(task: object, task_run: object, state: State[Any]) -> bool:
    """Retry network trouble, not configuration mistakes."""
    try:
        state.result()
    except SourceMisconfigured:
        return False
    except Exception:
        return True
    return True


@dataclass
class SourceOutcome:
    """How one configured source fared in a run, as the summary and its artifact show it."""

    name: str
    spider: str
    ok: bool
    reason: str | None = None
    run_id: str | None = None
    items: int = 0
    new_listings: int = 0
    updated: int = 0
    deactivated: int = 0
    quarantined: int = 0
    failed_pages: int = 0


@dataclass
class ProfileOutcome:
    """One profile's shortlist: how many listings it ranked and the report files written."""

    name: str
    ok: bool
    reason: str | None = None
    ranked: int = 0
    candidates: int = 0
    files: list[Path] = field(default_factory=list)


@dataclass
class DailySummary:
    """What `fjordjobs run` prints and the run-summary artifact shows."""

    started_at: datetime
    db_path: Path
    report_dir: Path | None
    sources: list[SourceOutcome]
    profiles: list[ProfileOutcome]
    digests: list[Delivery] = field(default_factory=list)
    demo_retired: int = 0  # the bundled demo feed's ads marked inactive: no enabled source is the demo

    @property
    def failed_sources(self) -> list[SourceOutcome]:
        return [s for s in self.sources if not s.ok]

    @property
    def failed_profiles(self) -> list[ProfileOutcome]:
        return [p for p in self.profiles if not p.ok]

    @property
    def ok(self) -> bool:
        return not self.failed_sources and not self.failed_profiles and not any(d.error for d in self.digests)

    def headline(self) -> str:
        """One line: how many sources and profiles succeeded, naming the ones that failed."""
        good = len(self.sources) - len(self.failed_sources)
        line = f"{good} of {len(self.sources)} sources loaded"
        if self.failed_sources:
            line += "; failed: " + ", ".join(f"{s.name} ({s.reason})" for s in self.failed_sources)
        matched = len(self.profiles) - len(self.failed_profiles)
        line += f"; {matched} of {len(self.profiles)} profiles matched"
        if self.failed_profiles:
            line += "; failed: " + ", ".join(f"{p.name} ({p.reason})" for p in self.failed_profiles)
        line += "".join(f"; digest {d.line()}" for d in self.digests if d.error)
        return line


def _is_loopback(urls: tuple[str, ...] | list[str]) -> bool:
    return bool(urls) and all(u.startswith(("http://127.", "http://localhost")) for u in urls)


def _spider_args(source: SourceConfig) -> dict[str, str]:
    args: dict[str, str] = {}
    if source.i_have_permission:
        args["i_have_permission"] = "yes"
    # Only the page-walking spiders take a page budget; NAV's feed is walked to its tip.
    if source.max_pages is not None and source.spider in ("jsonld", "finn"):
        args["max_pages"] = str(source.max_pages)
    return args


@contextmanager
def _demo_feed(source: SourceConfig) -> Iterator[str]:
    """Serve the bundled demo for `source` on 127.0.0.1 while the block runs; yields its base URL."""
    if source.spider != "nav":
        raise SourceMisconfigured(f"there is no bundled demo for the {source.spider} spider (only nav)")
    from demo.feed_server import NavFeedServer, load_ads
    from flows.demo import DEMO_DATA

    with NavFeedServer(load_ads(DEMO_DATA / "nav_ads.jsonl.gz"), page_size=100) as server:
        yield server.url


@task(
    name="crawl-source",
    task_run_name="crawl-{source.name}",
    cache_policy=NO_CACHE,
    retry_condition_fn=_worth_retrying,
)
def crawl_source(source: SourceConfig, db_path: Path) -> jobs.CrawlOutput:
    """Network I/O in a spider subprocess; retried (see `daily_flow`) because sites fail transiently."""
    with progress.crawl_bar(source.name, source.spider, jobs.landing_dir(db_path)):
        try:
            if source.demo:
                with _demo_feed(source) as url:
                    return jobs.crawl(
                        source.spider, [url], db_path, loopback=True, extra_args=_spider_args(source)
                    )
            return jobs.crawl(
                source.spider,
                list(source.urls),
                db_path,
                loopback=_is_loopback(source.urls),
                extra_args=_spider_args(source),
            )
        except jobs.CrawlError as exc:
            raise SourceFailed(str(exc)) from None


@task(name="ingest-source", task_run_name="ingest-{source.name}", cache_policy=NO_CACHE)
def ingest_source(source: SourceConfig, crawl: jobs.CrawlOutput, db_path: Path) -> IngestResult | State[Any]:
    """Load one landing file in one transaction; a crawl that fails the health gate fails this task.

    The failure is returned as a Failed state with the reason, not raised: it is an expected outcome
    (the run is already recorded in `crawl_runs`), and a traceback would only hide the reason.
    """
    with progress.ingest_bar(source.name, crawl.landing) as advance:
        result = jobs.load_crawl(crawl, db_path, progress=advance)
    if not result.ok:
        reason = result.health.reason if result.health else None
        return Failed(message=reason or "the crawl failed its health check")
    return result


def _failure_reason(error: object) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


def _state_reason(state: State[Any]) -> str:
    """The exception a task raised, else the message of the Failed state it returned."""
    data = state.result(raise_on_failure=False)
    if isinstance(data, BaseException):
        return _failure_reason(data)
    return _failure_reason(state.message or state.name)


def _crawl_and_load(config: Config, db_path: Path, retries: int) -> list[SourceOutcome]:
    """Crawl the enabled sources in parallel; load each landing file as its crawl finishes."""
    sources = [s for s in config.sources if s.enabled]
    # Migrate once, before the crawl threads open the file: concurrent migrations of a new warehouse
    # conflict inside DuckDB ("write-write conflict on create").
    with db.connection(db_path):
        pass
    # What killed runs left; this run holds the lock, so no other crawl writes there.
    jobs.sweep_landing(db_path)
    crawl = crawl_source.with_options(retries=retries, retry_delay_seconds=CRAWL_RETRY_DELAY_SECONDS)
    started_at = datetime.now(UTC).replace(tzinfo=None)
    futures: dict[PrefectFuture[jobs.CrawlOutput], SourceConfig] = {
        crawl.submit(source, db_path): source for source in sources
    }
    outcomes: dict[str, SourceOutcome] = {}
    for future in as_completed(list(futures)):
        source = futures[future]
        outcome = SourceOutcome(name=source.name, spider=source.spider, ok=False)
        outcomes[source.name] = outcome
        output = future.result(raise_on_failure=False)
        if not isinstance(output, jobs.CrawlOutput):  # the task failed: this is its exception
            outcome.reason = _failure_reason(output)
            outcome.run_id = jobs.new_run_id(source.spider)
            jobs.record_failed_run(db_path, outcome.run_id, source.spider, started_at, outcome.reason)
            continue
        state = ingest_source(source, output, db_path, return_state=True)
        outcome.run_id = output.run_id
        if not state.is_completed():
            outcome.reason = _state_reason(state)
            continue
        result = state.result()
        if not isinstance(result, IngestResult):
            raise TypeError(f"ingest-source returned {type(result).__name__}, expected an IngestResult")
        outcome.ok = True
        outcome.items, outcome.new_listings, outcome.updated = (
            result.items,
            result.new_listings,
            result.updated,
        )
        outcome.deactivated, outcome.quarantined = result.deactivated, result.quarantined
        outcome.failed_pages = result.failed_pages
        if result.failed_pages:  # loaded, but the summary names what it could not fetch
            named = "; ".join(f"{f['url']} ({f['reason']})" for f in result.failures[:3])
            more = f"; {result.failed_pages - 3} more" if result.failed_pages > 3 else ""
            outcome.reason = f"{result.failed_pages} pages failed: {named}{more}"
    return [outcomes[s.name] for s in sources]


def _slug(name: str) -> str:
    """A Prefect artifact key: lower-case letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "profile"


@task(name="match-profile", task_run_name="match-{profile.name}", cache_policy=NO_CACHE)
def match_profile(
    profile: ProfileConfig, db_path: Path, formats: tuple[str, ...], run_dir: Path
) -> ProfileOutcome:
    """Rank for one profile, write its reports and publish its shortlist as a Prefect artifact."""
    with db.connection(db_path) as con:
        run = run_match(con, profile.cv, profile.profile, top=profile.top, english_only=profile.english_only)
    run_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for fmt in formats:
        target = run_dir / f"{profile.name}.{fmt}"
        target.write_text(render(run, fmt), encoding="utf-8")  # type: ignore[arg-type]
        files.append(target)
    shown = dataclasses.replace(run, results=run.results[:ARTIFACT_ROWS])
    create_markdown_artifact(
        key=f"shortlist-{_slug(profile.name)}",
        markdown=render(shown, "md"),
        description=f"fjordjobs shortlist for {profile.name}: {run.ranked} of {run.candidates} listings ranked",
    )
    return ProfileOutcome(
        name=profile.name, ok=True, ranked=run.ranked, candidates=run.candidates, files=files
    )


def _match_all(config: Config, db_path: Path, run_dir: Path) -> list[ProfileOutcome]:
    outcomes = []
    for profile in config.profiles:
        state = match_profile(profile, db_path, config.report_formats, run_dir, return_state=True)
        if state.is_completed():
            outcomes.append(state.result())
        else:
            reason = _state_reason(state)
            outcomes.append(ProfileOutcome(name=profile.name, ok=False, reason=reason))
    return outcomes


def run_folder(reports_dir: Path, moment: datetime) -> Path:
    """`<reports>/<YYYY-MM-DD_HHMMSS>`, with a suffix if a run already used that second."""
    folder = reports_dir / moment.strftime(STAMP_FORMAT)
    n = 1
    while folder.exists():
        n += 1
        folder = reports_dir / f"{moment.strftime(STAMP_FORMAT)}-{n}"
    return folder


def publish_latest(run_dir: Path) -> Path:
    """Replace `<reports>/latest/` with a copy of this run's reports (a stable path for bookmarks)."""
    latest = run_dir.parent / LATEST
    staging = run_dir.parent / f".{LATEST}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(run_dir, staging)
    shutil.rmtree(latest, ignore_errors=True)
    staging.rename(latest)
    return latest


def _summary_artifact(summary: DailySummary) -> None:
    rows: list[dict[str, Any]] = [
        {
            "source": s.name,
            "spider": s.spider,
            "status": "ok" if s.ok else "FAILED",
            "items": s.items,
            "new": s.new_listings,
            "updated": s.updated,
            "deactivated": s.deactivated,
            "quarantined": s.quarantined,
            "reason": s.reason or "",
        }
        for s in summary.sources
    ]
    create_table_artifact(key="fjordjobs-run-summary", table=rows, description=summary.headline())


def warehouse_path(config: Config) -> Path:
    """`$FJORDJOBS_DB`, else the configuration's warehouse, else the default (DESIGN.md's order)."""
    if os.environ.get("FJORDJOBS_DB") or config.db is None:
        return db.resolve_db_path(None)
    return config.db


@flow(name=FLOW_NAME, log_prints=False)
def daily_flow(
    config_path: str,
    wait_for_lock: bool = False,
    hold_lock: bool = True,
    crawl_retries: int = CRAWL_RETRIES,
) -> DailySummary:
    """Crawl, load, match and report for the configuration at `config_path`.

    The warehouse lock is taken here (`hold_lock`) so scheduled runs honour it too; the CLI takes it
    before Prefect starts, to refuse a second run at once, and passes `hold_lock=False`.
    """
    config = load_config(Path(config_path))
    db_path = warehouse_path(config)
    lock: AbstractContextManager[object] = (
        run_lock(db_path, wait=wait_for_lock) if hold_lock else nullcontext()
    )
    with lock:
        demo.pin_demo_day(config.sources)
        started = datetime.now()
        sources = _crawl_and_load(config, db_path, crawl_retries)
        retired = demo.retire_demo_when_left(config.sources, {s.name for s in sources if s.ok}, db_path)
        run_dir = run_folder(config.reports_dir, started)
        profiles = _match_all(config, db_path, run_dir)
        digests = deliver_digests(config, db_path, run_dir)
        summary = DailySummary(
            digests=digests,
            started_at=started,
            db_path=db_path,
            report_dir=run_dir if run_dir.exists() else None,
            sources=sources,
            profiles=profiles,
            demo_retired=retired,
        )
        if summary.report_dir is not None:
            publish_latest(summary.report_dir)
        _summary_artifact(summary)
    return summary
