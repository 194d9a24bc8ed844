"""Progress bars of `fjordjobs run`: the crawl bar counts the growing landing file, ingest reports lines read."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

from rich.console import Console

from flows import progress
from pipeline.ingest import PROGRESS_EVERY, ingest_file
from tests.landing import nav_record, write_landing
from warehouse import db


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=100), out


def test_the_crawl_bar_counts_the_records_written_to_the_new_landing_file(tmp_path: Path) -> None:
    old = tmp_path / "nav-20260101T000000000000Z.jsonl"
    old.write_text('{"kind": "stats"}\n' * 50)
    old_mtime = time.time() - 3600
    os.utime(old, (old_mtime, old_mtime))
    console, out = terminal()
    with progress.terminal_progress(console):
        assert progress._active is not None
        bars = progress._active
        with progress.crawl_bar("nav-demo", "nav", tmp_path):
            landing = tmp_path / "nav-20261121T060000000000Z.jsonl"
            with landing.open("w") as handle:
                for _ in range(7):
                    handle.write('{"kind": "listing"}\n')
                    handle.flush()
                    time.sleep(0.1)
            time.sleep(progress.POLL_SECONDS * 3)
        task = bars.tasks[-1]
        assert task.description == "crawl  nav-demo"
        assert task.completed == 7  # the new file's lines, not the old file's 50
        assert task.total == 7
    assert "crawl  nav-demo" in out.getvalue()


def test_without_a_terminal_there_are_no_bars_and_nothing_is_printed(tmp_path: Path) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=False)
    with progress.terminal_progress(console):
        assert progress._active is None
        with progress.crawl_bar("nav", "nav", tmp_path), progress.ingest_bar("nav", tmp_path / "x") as cb:
            assert cb is None
    assert out.getvalue() == ""


def test_ingest_reports_the_lines_it_has_read(tmp_path: Path) -> None:
    records = [nav_record(f"00000000-0000-0000-0000-{n:012d}") for n in range(PROGRESS_EVERY + 50)]
    landing = write_landing(tmp_path / "nav.jsonl", records)
    seen: list[int] = []
    console, _ = terminal()
    with progress.terminal_progress(console), progress.ingest_bar("nav", landing) as advance:
        assert advance is not None
        assert progress._active is not None
        assert progress._active.tasks[-1].total == PROGRESS_EVERY + 50

        def record(lines: int) -> None:
            seen.append(lines)
            advance(lines)

        with db.connection(tmp_path / "w.duckdb") as con:
            result = ingest_file(con, landing, progress=record)
    assert result.new_listings == PROGRESS_EVERY + 50
    assert seen == [PROGRESS_EVERY, PROGRESS_EVERY + 50]
