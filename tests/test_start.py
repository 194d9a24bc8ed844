"""The start of a job: NAV's `starttime`, Finn's "Tiltredelse", JSON-LD `jobStartDate`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.ingest import ingest_file
from pipeline.start import parse_start
from tests.landing import nav_record, write_landing
from warehouse import db


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Snarest", (None, "Snarest")),
        ("Etter avtale", (None, "Etter avtale")),
        ("01.03.2027", (date(2027, 3, 1), "01.03.2027")),
        ("2027-01-04", (date(2027, 1, 4), "2027-01-04")),
        ("1. mars 2027", (date(2027, 3, 1), "1. mars 2027")),
        ("  Snarest,\n gjerne  før jul ", (None, "Snarest, gjerne før jul")),
        (" ", (None, None)),
        (None, (None, None)),
    ],
)
def test_start_keeps_the_words_and_the_date_when_there_is_one(
    written: str | None, expected: tuple[date | None, str | None]
) -> None:
    assert parse_start(written) == expected


def test_a_year_less_start_is_read_near_the_ads_publication() -> None:
    assert parse_start("1. februar", date(2026, 11, 20)) == (date(2027, 2, 1), "1. februar")


def test_the_start_reaches_the_warehouse(tmp_path: Path) -> None:
    soon, dated = nav_record("s1"), nav_record("s2")
    soon["fields"]["start"] = "Snarest"
    dated["fields"]["start"] = "01.03.2027"
    with db.connection(tmp_path / "w.duckdb") as con:
        ingest_file(con, write_landing(tmp_path / "l.jsonl", [soon, dated]))
        rows = con.execute("SELECT listing_id, start_date, start_text FROM listings ORDER BY 1").fetchall()
    assert rows == [("nav:s1", None, "Snarest"), ("nav:s2", date(2027, 3, 1), "01.03.2027")]
