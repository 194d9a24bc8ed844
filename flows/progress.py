"""Progress bars on the terminal for `fjordjobs run`: one per crawl, one per ingest.

A crawl runs in a spider subprocess that writes its landing file line by line, so the bar counts the
lines of the growing file (`jobs.crawl` names the file itself: `<landing>/<spider>-<UTC stamp>.jsonl`;
the watcher claims the first such file that appears after the crawl started). Ingest reports the
lines it has read through `ingest_file(progress=...)`.

Bars are shown only inside `terminal_progress()`; everywhere else (served runs, tests, scripts) the
helpers here do nothing, so the flow code calls them unconditionally.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

POLL_SECONDS = 0.5

_active: Progress | None = None
_claimed: set[Path] = set()
_claim_lock = threading.Lock()


@contextmanager
def terminal_progress(console: Console) -> Iterator[None]:
    """Show bars for the crawls and ingests started inside this block (when `console` is a terminal)."""
    global _active
    if not console.is_terminal:
        yield
        return
    bars = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    _active = bars
    try:
        with bars:
            yield
    finally:
        _active = None


def count_lines(path: Path) -> int:
    """Lines in a file, read in blocks (landing files can be large)."""
    total = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            total += block.count(b"\n")
    return total


def _claim_landing(directory: Path, spider: str, since: float) -> Path | None:
    """The newest unclaimed `<spider>-*.jsonl` written since `since`, claimed for one watcher."""
    if not directory.is_dir():
        return None
    with _claim_lock:
        fresh = [
            p
            for p in directory.glob(f"{spider}-*.jsonl")
            if p not in _claimed and p.stat().st_mtime >= since - 1
        ]
        if not fresh:
            return None
        chosen = min(fresh, key=lambda p: p.name)
        _claimed.add(chosen)
        return chosen


class _LineCounter:
    """Counts newlines appended to a file since the last call, without re-reading what it has seen."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.lines = path, 0, 0

    def update(self) -> int:
        with self.path.open("rb") as handle:
            handle.seek(self.offset)
            block = handle.read()
        self.offset += len(block)
        self.lines += block.count(b"\n")
        return self.lines


@contextmanager
def crawl_bar(name: str, spider: str, landing_dir: Path) -> Iterator[None]:
    """A bar counting the records of the crawl that runs inside this block."""
    bars = _active
    if bars is None:
        yield
        return
    task = bars.add_task(f"crawl  {name}", total=None)
    stop = threading.Event()
    started = time.time()
    watcher = threading.Thread(
        target=_watch,
        args=(bars, task, spider, landing_dir, started, stop),
        name=f"progress-{name}",
        daemon=True,
    )
    watcher.start()
    ok = False
    try:
        yield
        ok = True
    finally:
        stop.set()
        watcher.join(timeout=5)
        done = bars.tasks[task].completed
        bars.update(task, total=done, description=f"crawl  {name}" + ("" if ok else " [red]failed[/]"))
        bars.stop_task(task)


def _watch(
    bars: Progress, task: TaskID, spider: str, directory: Path, started: float, stop: threading.Event
) -> None:
    counter: _LineCounter | None = None
    while True:
        finished = stop.wait(POLL_SECONDS)
        if counter is None:
            path = _claim_landing(directory, spider, started)
            counter = _LineCounter(path) if path else None
        if counter is not None and counter.path.exists():
            bars.update(task, completed=counter.update())
        if finished:
            return


@contextmanager
def ingest_bar(name: str, path: Path) -> Iterator[Callable[[int], None] | None]:
    """A bar for loading `path`; yields the callback for `ingest_file(progress=...)`, or None without bars."""
    bars = _active
    if bars is None:
        yield None
        return
    total = count_lines(path) if path.is_file() else 0
    task = bars.add_task(f"ingest {name}", total=total)

    def advance(lines: int) -> None:
        bars.update(task, completed=lines)

    try:
        yield advance
    finally:
        bars.update(task, completed=total)
        bars.stop_task(task)
