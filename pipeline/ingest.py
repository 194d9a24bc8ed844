"""Load a landing file (JSON lines from a spider) into the warehouse in one transaction.

Guarantees a user relies on:
- re-ingesting the same file changes nothing (the file's hash is recorded; rows are keyed by content);
- a process killed half-way leaves the warehouse as it was (one transaction, committed at the end);
- a record that cannot be read is filed in `quarantine` with its reason, and the rest still loads;
- a crawl that fails its health gate (found nothing, or mostly broken records) loads nothing and leaves the
  feed cursor where it was, so the next run fetches the same ads again; only its failed run is recorded;
- an ad the source reports inactive is marked inactive at once, and its contact persons are removed from
  every stored payload (NAV's terms);
- memory does not grow with the file: it is read and written in batches (pipeline/landing.py), all inside
  the one transaction.

The pure half (lines -> batches, quarantine reasons) is `pipeline/landing.py`; the writing half is
`warehouse/load.py`. This module joins them and decides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pyarrow as pa

from pipeline.contact_purge import purge_contacts
from pipeline.dates import today
from pipeline.dedup import block_key, find_duplicates, shared_block_chunks
from pipeline.health import HealthVerdict, assess_health
from pipeline.landing import PROGRESS_EVERY, LandingReader, Progress, Tally, utc_now
from warehouse import db
from warehouse.load import LoadCounts, capped_memory, load_batch, record_run, registered

__all__ = [
    "PROGRESS_EVERY",
    "IngestError",
    "IngestResult",
    "Progress",
    "crawl_state_for_spider",
    "ingest_file",
]

Stage = Callable[[str], None]


class IngestError(RuntimeError):
    """The landing file itself cannot be read (missing, not a file)."""


@dataclass
class IngestResult:
    """What one ingest did, as the CLI and `crawl_runs` report it."""

    run_id: str
    source: str
    items: int = 0
    new_listings: int = 0
    updated: int = 0
    deactivated: int = 0
    quarantined: int = 0
    requests: int | None = None
    already_loaded: bool = False
    health: HealthVerdict | None = None
    quarantine_reasons: list[str] = field(default_factory=list)
    failed_pages: int = 0  # pages the spider could not fetch or read (spiders/failures.py)
    failures: list[dict[str, str]] = field(default_factory=list)  # the first of them: url, reason

    @property
    def ok(self) -> bool:
        return self.health is None or self.health.ok


class _Unhealthy(Exception):
    """Raised inside the transaction to roll back a crawl that failed its health gate."""


def _file_sha256(path: Path) -> str:
    """The file's hash, read in chunks (a landing file can be larger than memory should hold)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _source_name(tally: Tally, given: str | None) -> str:
    if given:
        return given
    return sorted(tally.sources)[0] if len(tally.sources) == 1 else ",".join(sorted(tally.sources))


def ingest_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    *,
    run_id: str | None = None,
    source: str | None = None,
    started_at: datetime | None = None,
    on: date | None = None,
    stage: Stage | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Load one landing file. `stage` is called at each step inside the transaction (tests use it to crash);
    `progress` with the number of lines read so far."""
    if not path.is_file():
        raise IngestError(f"no landing file at {path}")
    data_hash = _file_sha256(path)
    run_id = run_id or f"ingest-{data_hash[:16]}"
    on = on or today()
    done = con.execute(db.sql("run_by_sha"), [data_hash]).fetchone()
    if done:
        return IngestResult(run_id=done[0], source=source or "", already_loaded=True)

    reader = LandingReader(path, run_id, on, progress=progress)
    step = stage or (lambda _name: None)
    counts = LoadCounts()
    health: HealthVerdict | None = None
    try:
        with capped_memory(con), db.transaction(con):
            for batch in reader.batches():
                counts.add(
                    load_batch(con, batch.tables(), batch.state, after_deactivate=purge_contacts, step=step)
                )
            tally = reader.tally
            health = assess_health(
                _source_name(tally, source),
                tally.listing_records,
                tally.incomplete,
                has_cursor=tally.has_cursor,
            )
            if not health.ok:
                raise _Unhealthy
            db.run_script(con, "refresh_lifecycle", {"today": on})
            _mark_duplicates(con)
            step("loaded")
            result = _result(run_id, source, reader.tally, health, counts)
            record_run(con, _run_row(result, path, data_hash, started_at))
            step("before_commit")
    except _Unhealthy:
        # Nothing of a failed crawl is kept (no listings, no cursor): only the record that it failed.
        assert health is not None
        result = _result(run_id, source, reader.tally, health, LoadCounts())
        with db.transaction(con):
            record_run(con, _run_row(result, path, data_hash, started_at))
    return result


def _result(
    run_id: str, source: str | None, tally: Tally, health: HealthVerdict, counts: LoadCounts
) -> IngestResult:
    return IngestResult(
        run_id=run_id,
        source=_source_name(tally, source),
        items=tally.listing_records,
        new_listings=counts.new_listings,
        updated=counts.updated,
        deactivated=counts.deactivated,
        quarantined=len(tally.quarantine_reasons),
        requests=tally.requests,
        health=health,
        quarantine_reasons=tally.quarantine_reasons,
        failed_pages=tally.failed_pages,
        failures=tally.failures,
    )


def _run_row(result: IngestResult, path: Path, data_hash: str, started_at: datetime | None) -> list[object]:
    now = utc_now()
    ok = result.health is None or result.health.ok
    return [
        result.run_id,
        result.source,
        started_at or now,
        now,
        "ok" if ok else "failed",
        result.health.reason if result.health else None,
        result.items,
        result.new_listings,
        result.updated,
        result.deactivated,
        result.quarantined,
        result.requests,
        str(path),
        data_hash if ok else None,
        result.failed_pages,
        orjson.dumps(result.failures).decode() if result.failures else None,
    ]


def _mark_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Point copies at their canonical listing, a chunk of shared blocks at a time: only the keys of the whole
    warehouse are held at once, and descriptions are read only where a block is shared."""
    ids_schema = pa.schema([("listing_id", pa.string())])
    duplicates: dict[str, str] = {}
    for chunk in shared_block_chunks(_block_keys(con)):
        ids = pa.Table.from_pydict({"listing_id": chunk}, schema=ids_schema)
        with registered(con, {"batch_dedup_ids": ids}):
            members = db.fetch_dicts(con, db.sql("dedup_members"))
        duplicates.update(find_duplicates(members))
    pairs = pa.Table.from_pylist(
        [{"listing_id": k, "canonical": v} for k, v in duplicates.items()],
        schema=pa.schema([("listing_id", pa.string()), ("canonical", pa.string())]),
    )
    with registered(con, {"batch_duplicates": pairs}):
        db.run_script(con, "apply_duplicates")


def _block_keys(con: duckdb.DuckDBPyConnection) -> Iterator[tuple[str, tuple[str, str] | None]]:
    """(listing_id, block key) of every listing that takes part in duplicate detection, read in slices."""
    cursor = con.execute(db.sql("dedup_candidates"))
    columns = [d[0] for d in cursor.description or []]
    while rows := cursor.fetchmany(10_000):
        for row in rows:
            listing = dict(zip(columns, row, strict=True))
            yield str(listing["listing_id"]), block_key(listing)


def crawl_state_for_spider(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, Any]:
    """The state file a spider resumes from: its saved cursor and the versions already stored."""
    cursor = con.execute(db.sql("get_state"), [source, "feed_cursor"]).fetchone()
    known = dict(con.execute(db.sql("known_versions"), [source]).fetchall())
    return {"cursor": cursor[0] if cursor else None, "known": known}
