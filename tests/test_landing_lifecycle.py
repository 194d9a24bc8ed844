"""Landing files do not outlive their use (issue 14.6), and a reader does not make the daily run fail
(issue 14.9): the tests use a real second process holding the warehouse file."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from flows import jobs
from spiders.run import CrawlResult
from tests.landing import nav_record, write_landing
from warehouse import db
from warehouse.db import WarehouseError

HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('open', flush=True); time.sleep(float(sys.argv[2]))"


def _hold(db_path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process with the warehouse open (a long `fjordjobs sql`), for `seconds`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def _crawl_output(db_path: Path, records: list[dict[str, Any]]) -> jobs.CrawlOutput:
    landing = jobs.landing_dir(db_path) / "nav-20261121T080000000000Z.jsonl"
    landing.parent.mkdir(parents=True, exist_ok=True)
    write_landing(landing, records)
    landing.with_suffix(".state.json").write_text("{}", encoding="utf-8")
    landing.with_suffix(".log").write_text("spider log\n", encoding="utf-8")
    return jobs.CrawlOutput("nav-1", "nav", landing, datetime(2026, 11, 21, 8), landing.with_suffix(".log"))


def _left(db_path: Path) -> list[str]:
    folder = jobs.landing_dir(db_path)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "wh" / "w.duckdb"
    db.connect(path).close()
    return path


def test_a_loaded_crawl_leaves_nothing_behind(db_path: Path) -> None:
    result = jobs.load_crawl(_crawl_output(db_path, [nav_record("u1")]), db_path)
    assert result.ok and result.new_listings == 1
    assert _left(db_path) == []


def test_a_crawl_that_failed_for_good_keeps_only_its_log(db_path: Path) -> None:
    broken = [nav_record(f"u{i}", employer="") for i in range(10)]
    result = jobs.load_crawl(_crawl_output(db_path, broken), db_path)
    assert not result.ok
    assert _left(db_path) == ["nav-20261121T080000000000Z.log"], "no landing file, no contact persons"


def test_a_failed_spider_attempt_leaves_no_landing_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_spider(name: str, output: Path, **_: object) -> CrawlResult:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_landing(output, [nav_record("u1")])  # half a crawl, contact persons included
        return CrawlResult(output=output, returncode=1, log="ERROR: connection reset\n")

    monkeypatch.setattr(jobs, "run_spider", failing_spider)
    with pytest.raises(jobs.CrawlError, match="spider failed"):
        jobs.crawl("jsonld", ["http://127.0.0.1:9/"], db_path)
    assert [n for n in _left(db_path) if not n.endswith(".log")] == []


def test_what_a_killed_crawl_left_is_swept_by_the_next_command(db_path: Path) -> None:
    _crawl_output(db_path, [nav_record("u1")])  # as if the crawl was killed before its ingest
    swept = jobs.sweep_landing(db_path)
    assert sorted(p.name for p in swept) == [
        "nav-20261121T080000000000Z.jsonl",
        "nav-20261121T080000000000Z.log",
        "nav-20261121T080000000000Z.state.json",
    ]
    assert _left(db_path) == []


def test_the_run_waits_for_a_reader_that_finishes(db_path: Path) -> None:
    holder = _hold(db_path, 3)
    try:
        result = jobs.load_crawl(_crawl_output(db_path, [nav_record("u1")]), db_path, wait=60)
    finally:
        holder.kill()
    assert result.ok and result.new_listings == 1
    assert _left(db_path) == []


def test_a_reader_that_stays_fails_this_crawl_only_and_its_landing_file_goes(db_path: Path) -> None:
    holder = _hold(db_path, 4)
    try:
        result = jobs.load_crawl(_crawl_output(db_path, [nav_record("u1")]), db_path, wait=1)
    finally:
        holder.wait(timeout=60)
    assert not result.ok and result.health is not None
    assert "in use by another fjordjobs command" in (result.health.reason or "")
    assert _left(db_path) == ["nav-20261121T080000000000Z.log"]
    with db.connection(db_path) as con:
        runs = con.execute("SELECT run_id, status, reason FROM crawl_runs").fetchall()
        assert con.execute("SELECT count(*) FROM listings").fetchone() == (0,)
    assert runs == [("nav-1", "failed", result.health.reason)], "the failure is recorded once the reader left"


def test_a_command_during_a_run_waits_then_says_when_to_retry_in_one_line(db_path: Path) -> None:
    holder = _hold(db_path, 30)
    try:
        with pytest.raises(WarehouseError) as caught:
            db.connect(db_path, wait=1)
    finally:
        holder.kill()
    message = str(caught.value)
    assert (
        "\n" not in message and "try again when it has finished" in message and f"pid {holder.pid}" in message
    )
