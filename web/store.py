"""Short-lived warehouse connections for the page, with a bounded wait for the daily run's lock.

DuckDB lets one process write a file, and no other process may even read it meanwhile. The page
therefore never keeps a connection open between requests (so `fjordjobs run` can take the file), and
when the run holds it the page waits a little, then says so instead of failing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse import db
from warehouse.db import WarehouseError

# How long a page waits for the warehouse before it says the daily run is loading. Short enough that a
# click answers promptly; the click itself is never lost (see web.journal).
READ_WAIT_SECONDS = 3.0
WRITE_WAIT_SECONDS = 1.0
_POLL_SECONDS = 0.05
# DuckDB refuses, inside one process, a read-only and a writable connection to the same file at once;
# the page's threads (requests, the journal's retries) therefore take turns.
_IN_PROCESS = threading.RLock()


class WarehouseBusy(RuntimeError):
    """Another process (the daily run, a `fjordjobs` command) holds the warehouse right now."""


def _is_lock_error(exc: BaseException) -> bool:
    return "lock" in str(exc).lower() or "in use by another" in str(exc).lower()


@contextmanager
def connection(
    path: Path, *, write: bool = False, wait: float | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection for one request, closed at its end; WarehouseBusy after `wait` seconds of locks."""
    with _IN_PROCESS, _open(path, write, wait) as con:
        yield con


@contextmanager
def _open(path: Path, write: bool, wait: float | None) -> Iterator[duckdb.DuckDBPyConnection]:
    limit = time.monotonic() + (
        wait if wait is not None else (WRITE_WAIT_SECONDS if write else READ_WAIT_SECONDS)
    )
    while True:
        try:
            con = db.connect(path, read_only=not write, wait=0)
            break
        except (duckdb.IOException, WarehouseError) as exc:
            if not _is_lock_error(exc):
                raise
            if time.monotonic() >= limit:
                raise WarehouseBusy(str(exc)) from None
            time.sleep(_POLL_SECONDS)
    try:
        yield con
    finally:
        con.close()
