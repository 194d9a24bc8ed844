"""`fjordjobs sql` is read-only as the README says: no statement, however dressed, writes any file.

Each attempt runs through the real command line against a real warehouse; afterwards the warehouse's
bytes, its WAL and the folder around it must be exactly as before, and the command must have failed
with one line.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.ingest import ingest_file
from tests.landing import nav_record, write_landing
from warehouse import db

ON = date(2026, 11, 21)
FJORDJOBS = [str(Path(sys.executable).with_name("fjordjobs"))]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*FJORDJOBS, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def _folder_state(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ro")
    db_path = folder / "w.duckdb"
    with db.connection(db_path) as con:
        ingest_file(con, write_landing(folder / "a.jsonl", [nav_record("u1")]), on=ON)
    (folder / "a.jsonl").unlink()
    return db_path


def _attempts(db_path: Path) -> list[str]:
    w = str(db_path)
    wal = w + ".wal"
    out = str(db_path.parent / "leak.csv")
    copy_opts = "(FORMAT csv, HEADER false, USE_TMP_FILE false)"
    return [
        f"COPY (SELECT 'x' AS a) TO '{w}' {copy_opts}",
        f"COPY (SELECT 'x' AS a) TO '{wal}' {copy_opts}",
        f"copy (select 'x' as a) to '{w}' {copy_opts}",
        f"/* hi */ CoPy (SELECT 'x' AS a) TO '{w}' {copy_opts}",
        f"-- comment\nCOPY (SELECT 'x' AS a) TO '{w}' {copy_opts}",
        f"SELECT 1; COPY (SELECT 'x' AS a) TO '{w}' {copy_opts}",
        f"SELECT 1 -- ; \n; COPY (SELECT 'x' AS a) TO '{wal}' {copy_opts}",
        f"WITH t AS (SELECT 'x' AS a) SELECT * FROM t; COPY (SELECT 'x' AS a) TO '{w}' {copy_opts}",
        f"COPY listings TO '{out}'",
        f"COPY (WITH t AS (SELECT 1) SELECT * FROM t) TO '{out}' (FORMAT parquet)",
        f"EXPORT DATABASE '{db_path.parent / 'exported'}'",
        f"ATTACH '{db_path.parent / 'other.duckdb'}' AS o",
        f"ATTACH '{db_path.parent / 'other.duckdb'}' AS o; COPY (SELECT 1) TO '{w}' {copy_opts}",
        f"ATTACH '{w}' AS again; CREATE TABLE again.t AS SELECT 1",
        "SET enable_external_access = true",
        f"SET enable_external_access = true; COPY (SELECT 1) TO '{out}'",
        "RESET enable_external_access",
        "SET lock_configuration = false",
        "CALL checkpoint()",
        "CHECKPOINT",
        "PRAGMA enable_profiling",
        f"PRAGMA profiling_output = '{out}'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "DELETE FROM listings",
        "UPDATE listings SET title = 'x'",
        "DROP TABLE listings",
        "CREATE TABLE t AS SELECT 1",
        "CREATE TEMP TABLE t AS SELECT 1",
        "INSERT INTO crawl_state VALUES ('nav', 'x', 'y', now())",
        "VACUUM",
        "BEGIN; DELETE FROM listings; COMMIT",
        f"EXPLAIN ANALYZE COPY (SELECT 1) TO '{out}'",
        "PREPARE p AS SELECT 1",
        "USE memory",
        "PIVOT listings ON status",
        "SELECT * FROM read_csv('/etc/passwd')",
        f"SELECT * FROM read_text('{w}')",
    ]


def _restore(folder: Path, saved: dict[str, bytes]) -> None:
    for path in folder.rglob("*"):
        if path.is_file() and str(path.relative_to(folder)) not in saved:
            path.unlink()
    for name, data in saved.items():
        (folder / name).write_bytes(data)


def test_no_statement_writes_any_file(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every attempt in turn, in process (fast); the folder is restored after one that got through."""
    folder = warehouse.parent
    monkeypatch.chdir(folder)
    saved = {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    before = _folder_state(folder)
    runner = CliRunner()
    got_through = []
    for statement in _attempts(warehouse):
        done = runner.invoke(app, ["sql", "--db", str(warehouse), "--", statement])
        if done.exit_code == 0 or _folder_state(folder) != before:
            got_through.append(statement)
            _restore(folder, saved)
            continue
        lines = [line for line in done.output.splitlines() if line.strip()]
        assert len(lines) == 1, (statement, lines)
        assert lines[0].startswith("error:"), (statement, lines)
    assert got_through == []


def test_the_issue_statement_through_the_real_command(warehouse: Path) -> None:
    """The statement from the issue, run as a user would: refused in one line, the warehouse untouched."""
    before = _folder_state(warehouse.parent)
    copy = f"COPY (SELECT 'x' AS a) TO '{warehouse}' (FORMAT csv, HEADER false, USE_TMP_FILE false)"
    done = _cli("sql", "--db", str(warehouse), "--", copy, cwd=warehouse.parent)
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "read-only" in done.stderr and "COPY" in done.stderr
    assert _folder_state(warehouse.parent) == before


def test_reads_still_work(warehouse: Path) -> None:
    runner = CliRunner()
    for statement, expected in [
        ("SELECT listing_id FROM listings", "nav:u1"),
        ("/* a comment */ select listing_id from listings -- trailing", "nav:u1"),
        ("WITH t AS (SELECT listing_id FROM listings) SELECT * FROM t", "nav:u1"),
        ("(SELECT listing_id FROM listings) UNION (SELECT 'x')", "nav:u1"),
        ("FROM listings SELECT listing_id", "nav:u1"),
        ("DESCRIBE listings", "listing_id"),
        ("SHOW TABLES", "listings"),
    ]:
        done = runner.invoke(app, ["sql", "--db", str(warehouse), "--format", "csv", "--", statement])
        assert done.exit_code == 0, (statement, done.output)
        assert expected in done.output, statement
