"""`fjordjobs export`: listings and match results as Parquet or CSV files, for other tools."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.cells import FORMULA_STARTS
from warehouse import db

EXPORT_TABLES = ("listings", "match_runs", "matches")
OPTIONS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


def export_tables(db_path: Path, out_dir: Path, fmt: str) -> list[tuple[str, Path, int]]:
    """Write each export table to `out_dir/<table>.<fmt>`; return (table, file, rows) for each written."""
    if fmt not in OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; choose parquet or csv")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with db.connection(db_path, read_only=True) as con:
        present = {
            row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        for table in EXPORT_TABLES:
            if table not in present:
                continue
            target = (out_dir / f"{table}.{fmt}").resolve()
            statement = db.sql("export_table").format(
                table=table,
                path=str(target).replace("'", "''"),
                options=OPTIONS[fmt],
                replace=_sheet_safe_columns(con, table) if fmt == "csv" else "",
            )
            con.execute(statement)
            count = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            written.append((table, target, count[0] if count else 0))
    return written


def _sheet_safe_columns(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """`REPLACE (...)` that passes each text column through the spreadsheet-safe rule (pipeline/cells.py).

    A CSV is opened in a spreadsheet, and ad titles or employers such as `=HYPERLINK(...)` must arrive
    there as text, not as formulas.
    """
    con.execute(db.sql("sheet_safe_macro"))
    starts = " || ".join(f"chr({ord(c)})" for c in FORMULA_STARTS)  # no control characters in the SQL text
    columns = [row[0] for row in con.execute(db.sql("export_columns_text"), [table]).fetchall()]
    if not columns:
        return ""
    quoted = ['"' + c.replace('"', '""') + '"' for c in columns]
    return "REPLACE (" + ", ".join(f"sheet_safe({q}, ({starts})) AS {q}" for q in quoted) + ")"
