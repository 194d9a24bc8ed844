"""One pipeline run per warehouse at a time.

DuckDB refuses a second writer anyway, but only at the moment it opens the file, possibly after a
crawl of many minutes. An advisory lock taken at the start refuses (or queues) a second run at once.

The lock is a POSIX record lock (`fcntl.lockf`), which belongs to the process that took it: a child the
run forks does not inherit it, and it ends with its process. (An `flock` lock was shared with forked
children: after a hung ingest was killed, its orphaned pool worker kept `<db>.lock` and every later command
was refused naming a dead pid, issue 14.2.) A lock file naming a process that is gone is taken over with a
one-line notice.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RunLocked(RuntimeError):
    """Another run holds the warehouse."""


def _dead_holder(text: str) -> int | None:
    """The pid a lock file names, if that process no longer runs."""
    match = re.fullmatch(r"pid (\d+)", text.strip())
    if not match:
        return None
    pid = int(match.group(1))
    if pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return pid
    except PermissionError:
        return None
    return None


@contextmanager
def run_lock(db_path: Path, *, wait: bool = False, timeout: float | None = None) -> Iterator[Path]:
    """Hold `<db>.lock` for the duration; raise RunLocked at once unless `wait`."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_path.open("a+")
    deadline = None if timeout is None else time.monotonic() + timeout
    held = False
    try:
        while True:
            try:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    raise
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                if not wait or (deadline is not None and time.monotonic() > deadline):
                    raise RunLocked(
                        f"another fjordjobs run ({holder}) is using {db_path}; wait for it or pass --wait"
                    ) from None
                time.sleep(1)
        handle.seek(0)
        stale = _dead_holder(handle.read())
        if stale is not None:
            print(
                f"fjordjobs: took over the lock of {db_path}: it named pid {stale}, which is no longer running",
                file=sys.stderr,
            )
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        held = True
        yield lock_path
    finally:
        if held:
            # A lock file that still names a pid afterwards means its run was killed.
            handle.seek(0)
            handle.truncate()
        handle.close()
