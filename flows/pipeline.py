"""Prefect flows: they only wire the plain steps of `flows/jobs.py` into retried tasks."""

from __future__ import annotations

from flows import env

env.configure()

from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, task  # noqa: E402

from flows import jobs  # noqa: E402
from pipeline.ingest import IngestResult  # noqa: E402


@task(name="crawl", retries=2, retry_delay_seconds=5)
def crawl_task(
    source: str,
    urls: Sequence[str],
    db_path: Path,
    loopback: bool = False,
    extra_args: dict[str, str] | None = None,
) -> jobs.CrawlOutput:
    """Network I/O: retried, in its own process (Scrapy's reactor cannot restart)."""
    return jobs.crawl(source, urls, db_path, loopback=loopback, extra_args=extra_args)


@task(name="ingest")
def ingest_task(path: Path, db_path: Path) -> IngestResult:
    """A landing file a user hands over: loaded, and left where it is."""
    return jobs.ingest(path, db_path)


@task(name="load-crawl")
def load_crawl_task(output: jobs.CrawlOutput, db_path: Path) -> IngestResult:
    """A crawl's own landing file: loaded (or failed for good), then removed."""
    return jobs.load_crawl(output, db_path)


@flow(name="fjordjobs-crawl", log_prints=False)
def crawl_flow(
    source: str,
    urls: Sequence[str],
    db_path: Path,
    loopback: bool = False,
    extra_args: dict[str, str] | None = None,
) -> jobs.CrawlRun:
    """Crawl one source and load what came, as one run."""
    jobs.sweep_landing(db_path)
    out = crawl_task(source, urls, db_path, loopback, extra_args)
    return jobs.CrawlRun(out, load_crawl_task(out, db_path))


@flow(name="fjordjobs-ingest", log_prints=False)
def ingest_flow(files: Sequence[Path], db_path: Path) -> list[IngestResult]:
    """Load landing files crawled elsewhere, one transaction each."""
    return [ingest_task(Path(f), db_path) for f in files]
