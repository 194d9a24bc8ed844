"""Normalising many records on every core: the ingest's one CPU-bound step.

Normalisation is pure Python (regexes, language identification), about a millisecond per ad, so a
large landing file is split over worker processes. Workers are forked after the parent has loaded the
rule tables and the language model, so they start at once and share those pages. Small batches stay
in-process, where a pool would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from datetime import date
from typing import Any

from pipeline.langid import ensure_loaded, load_in_background
from pipeline.listing import Listing
from pipeline.normalise import RecordError, normalise_record

# Below this many records one process is faster than starting a pool.
PARALLEL_FROM = 1500
_KEYS = ("kind", "source", "source_id", "url", "status", "fetched_at", "version_key", "fields")


def workers() -> int:
    """`$FJORDJOBS_INGEST_WORKERS`, else one per core (at most 4); 1 turns the pool off."""
    configured = os.environ.get("FJORDJOBS_INGEST_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, min(4, os.cpu_count() or 1))


def _goes_parallel(count: int) -> bool:
    return workers() > 1 and count >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods()


def expect(count: int) -> None:
    """Say how many records are coming: a batch large enough for the pool starts loading the language
    model now, in a thread, while the caller parses (the workers are forked only once it is loaded)."""
    if _goes_parallel(count):
        load_in_background()


def normalise_one(record: dict[str, Any], on: date) -> Listing | str:
    """The listings row, or the reason (a one-line string) the record cannot become one."""
    try:
        return normalise_record(record, on)
    except (RecordError, ValueError, TypeError, KeyError) as exc:
        return str(exc) or type(exc).__name__


def _normalise_chunk(args: tuple[list[dict[str, Any]], date]) -> list[Listing | str]:
    records, on = args
    return [normalise_one(r, on) for r in records]


def normalise_many(
    records: list[dict[str, Any]], on: date, meanwhile: Callable[[], None] | None = None
) -> list[Listing | str]:
    """`normalise_one` for each record, in order, in parallel when the batch is large.

    `meanwhile` is the caller's own work (hashing, building raw rows); it runs in this process while the
    workers normalise, so the parent is not idle, and always before this returns.
    """
    count = workers()
    if not _goes_parallel(len(records)):
        if meanwhile is not None:
            meanwhile()
        return [normalise_one(r, on) for r in records]
    # Warm the caches (rule tables, language model) before forking, so no worker loads them again.
    ensure_loaded()
    normalise_one(records[0], on)
    # Workers need the fields, not the raw payload: send less.
    slim = [{k: r.get(k) for k in _KEYS} for r in records]
    size = max(100, len(slim) // (count * 4))
    chunks = [(slim[i : i + size], on) for i in range(0, len(slim), size)]
    with multiprocessing.get_context("fork").Pool(count) as pool:
        pending = pool.map_async(_normalise_chunk, chunks)
        if meanwhile is not None:
            meanwhile()
        parts = pending.get()
    return [row for part in parts for row in part]
