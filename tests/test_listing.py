"""The listing is declared once (pipeline/listing.py); the schema, the load and the readers follow from it."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from matching.store import candidates
from pipeline import listing
from pipeline.ingest import ingest_file
from pipeline.listing import Listing
from pipeline.normalise import normalise_record
from tests.landing import nav_record, write_landing
from warehouse import db

ON = date(2026, 11, 21)


def test_the_migrations_create_exactly_the_declared_columns(tmp_path: Path) -> None:
    with db.connection(tmp_path / "w.duckdb") as con:
        described = {row[0]: row[1] for row in con.execute("DESCRIBE listings").fetchall()}
    assert described == listing.duckdb_columns()


def test_normalise_returns_the_declared_type_with_every_field_typed() -> None:
    row = normalise_record(nav_record("u1"), ON)
    assert isinstance(row, Listing)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.title = "x"  # type: ignore[misc]
    table = listing.to_arrow([row])
    assert table.schema == listing.arrow_schema()
    assert table.column_names == list(listing.COLUMNS)
    assert table.schema.field("salary_min_nok").type == pa.int32()


def test_every_declared_field_survives_the_load_and_is_read_back_typed(tmp_path: Path) -> None:
    record = nav_record("u1")
    with db.connection(tmp_path / "w.duckdb") as con:
        ingest_file(con, write_landing(tmp_path / "a.jsonl", [record]), on=ON)
        (stored,) = candidates(con, ON)
        content_hash, normalised_at = con.execute(
            "SELECT content_hash, normalised_at FROM listings"
        ).fetchone()  # type: ignore[misc]
    expected = dataclasses.replace(
        normalise_record(record, ON), content_hash=content_hash, normalised_at=normalised_at
    )
    assert stored == expected
    assert stored.salary_min_nok == 650_000 and stored.english_ok is True


def test_the_merge_copies_whatever_columns_the_batch_declares(tmp_path: Path) -> None:
    """A new field needs no SQL edit: the MERGE's column lists come from the batch (its declaration)."""
    merge = db.expand("merge_listings", listing.COLUMNS)
    assert "{{" not in merge
    for name in listing.COLUMNS:
        assert f"s.{name}" in merge
    with db.connection(tmp_path / "w.duckdb") as con:
        con.execute("ALTER TABLE listings ADD COLUMN hypothetical_flag BOOLEAN")
        row = normalise_record(nav_record("u1"), ON)
        table = listing.to_arrow([row]).append_column("hypothetical_flag", pa.array([True]))
        con.register("batch_listings", table)
        con.execute(db.expand("merge_listings", table.column_names))
        assert con.execute("SELECT listing_id, hypothetical_flag FROM listings").fetchall() == [
            ("nav:u1", True)
        ]


def test_a_field_of_an_undeclared_type_is_refused_at_once() -> None:
    @dataclasses.dataclass(frozen=True)
    class Odd:
        weights: list[float]

    with pytest.raises(TypeError, match="no column type"):
        listing._base_type(list[float])


def test_every_migration_has_its_own_number() -> None:
    """Two helpers picking the same number would skip one migration on every warehouse."""
    versions = [version for version, _, _ in db.migrations()]
    assert len(versions) == len(set(versions))
