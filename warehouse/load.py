"""Writing a landing file's batches into the warehouse: the loader half of the ingest.

The caller (`pipeline/ingest.py`) opens one `db.transaction` per landing file and hands each batch's Arrow
tables to `load_batch`; nothing here commits, so a file is loaded whole or not at all. The statements are
the named files in `warehouse/sql/`; the listings MERGE is a template filled from the batch's columns (the
declared listing, `pipeline/listing.py`).
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse import db

Stage = Callable[[str], None]

# What DuckDB may hold in memory while a landing file loads. One transaction per file means DuckDB keeps the
# file's uncommitted rows until COMMIT, about 7.5 KB per ad; beyond this cap it moves them to a temporary file
# beside the warehouse instead of growing (a 50,000-ad file would otherwise hold about 375 MB). Measured with
# benchmarks/bench_ingest.py: see `capped_memory`.
INGEST_MEMORY_LIMIT = "192MB"


@dataclass
class LoadCounts:
    """What the batches changed, summed over the file."""

    new_listings: int = 0
    updated: int = 0
    deactivated: int = 0

    def add(self, other: LoadCounts) -> None:
        self.new_listings += other.new_listings
        self.updated += other.updated
        self.deactivated += other.deactivated


@contextmanager
def capped_memory(con: duckdb.DuckDBPyConnection, limit: str = INGEST_MEMORY_LIMIT) -> Iterator[None]:
    """DuckDB's memory limit lowered to `limit` for the block, then back to DuckDB's default (fjordjobs sets
    no other limit, and a setting read back as text would come back rounded).

    With it, an ingest's peak RSS stays flat with the file's size (the records of benchmarks/bench_ingest.py
    profiled: 10,000 ads 391 MB without a cap, 326 MB with an 80 MB one, the same CPU time; 50,000 ads under
    this cap 447 MB, DuckDB holding 152 MB and 103 MB on disk at the commit). Only files beyond about 25,000
    ads reach it. Far lower caps fail the COMMIT itself ("failed to pin block" at 64 MB), so it stays here.
    """
    con.execute(f"SET memory_limit = '{limit}'")
    try:
        yield
    finally:
        with contextlib.suppress(duckdb.Error):
            con.execute("RESET memory_limit")


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> Iterator[None]:
    """The tables visible to SQL under their names for the block, and gone after it.

    Each table is written to a Parquet file that a temporary view reads. `con.register` would be shorter,
    but inside a transaction DuckDB keeps every unregistered view, and the Arrow table it holds, until
    COMMIT (so that a ROLLBACK could restore it): with one transaction per landing file, every batch ever
    registered stayed in memory, and the ingest's peak grew with the file (984 MB peak RSS for 20,000 ads;
    benchmarks/bench_ingest.py). A view over a file holds nothing but its text.
    """
    with tempfile.TemporaryDirectory(prefix="fjordjobs-batch-") as folder:
        for name, table in tables.items():
            path = Path(folder) / f"{name}.parquet"
            # Uncompressed: the file lives for one batch, and compressing it would cost CPU for nothing.
            pq.write_table(table, path, compression="none")
            literal = str(path).replace("'", "''")
            con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet('{literal}')")
        try:
            yield
        finally:
            for name in tables:
                # After a failed statement DuckDB refuses everything until ROLLBACK; let the real error surface.
                with contextlib.suppress(duckdb.Error):
                    con.execute(f"DROP VIEW IF EXISTS {name}")


def _inactive_count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute(db.sql("count_inactive")).fetchone()
    return int(row[0]) if row else 0


def load_batch(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    state: list[tuple[str, str, str | None]],
    *,
    after_deactivate: Callable[[duckdb.DuckDBPyConnection], object],
    step: Stage,
) -> LoadCounts:
    """Write one batch (`batch_raw`, `batch_listings`, `batch_inactive`, `batch_quarantine`) inside the
    caller's transaction. `after_deactivate` runs while `batch_inactive` is still registered (the contact
    purge NAV's terms require happens in the same transaction as the deactivation)."""
    counts = LoadCounts()
    listings = tables["batch_listings"]
    with registered(con, tables):
        existing = {row[0]: row[1] for row in con.execute(db.sql("existing_versions")).fetchall()}
        ids = listings.column("listing_id").to_pylist()
        hashes = listings.column("content_hash").to_pylist()
        counts.new_listings = sum(1 for lid in ids if lid not in existing)
        counts.updated = sum(
            1 for lid, h in zip(ids, hashes, strict=True) if lid in existing and existing[lid] != h
        )
        con.execute(db.sql("load_raw"))
        step("raw_loaded")
        con.execute(db.expand("merge_listings", listings.column_names))
        con.execute(db.sql("insert_versions"))
        step("listings_merged")
        before = _inactive_count(con)
        con.execute(db.sql("deactivate"))
        counts.deactivated = _inactive_count(con) - before
        after_deactivate(con)
        con.execute(db.sql("insert_quarantine"))
    for source, key, value in state:
        con.execute(db.sql("upsert_state"), [source, key, value, datetime.now(UTC).replace(tzinfo=None)])
    return counts


def record_run(con: duckdb.DuckDBPyConnection, values: list[object]) -> None:
    """The `crawl_runs` row of one ingest (see warehouse/sql/insert_run.sql for the order)."""
    con.execute(db.sql("insert_run"), values)
