"""One pipeline run per warehouse at a time.

DuckDB refuses a second writer anyway, but only at the moment it opens the file, possibly after a
crawl of many minutes. An advisory lock taken at the start refuses (or queues) a second run at once.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RunLocked(RuntimeError):
    """Another run holds the warehouse."""


@contextmanager
def run_lock(db_path: Path, *, wait: bool = False, timeout: float | None = None) -> Iterator[Path]:
    """Hold `<db>.lock` for the duration; raise RunLocked at once unless `wait`."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_path.open("a+")
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                if not wait or (deadline is not None and time.monotonic() > deadline):
                    raise RunLocked(
                        f"another fjordjobs run ({holder}) is using {db_path}; wait for it or pass --wait"
                    ) from None
                time.sleep(1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield lock_path
    finally:
        handle.close()
