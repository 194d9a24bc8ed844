"""Export the job hunt (applications with their history, contacts with their touches) to CSV or XLSX.

The user's own log should never be locked in the warehouse: a spreadsheet is what they share with a
career adviser or keep when they stop using fjordjobs. CSV gives one file per table in a folder; XLSX
gives one workbook with one sheet per table.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
from openpyxl import Workbook

from hunt.errors import HuntError
from pipeline.cells import sheet_safe
from warehouse.db import sql

FORMATS = ("csv", "xlsx")
# Table name in the export -> the named statement that reads it.
TABLES: dict[str, str] = {
    "applications": "hunt_applications_list",
    "application_events": "hunt_export_events",
    "contacts": "hunt_export_contacts",
    "contact_touches": "hunt_export_touches",
}


def tables(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """Each exported table as (column names, rows); columns come from the query even with no rows."""
    found = {}
    for name, statement in TABLES.items():
        cursor = con.execute(sql(statement))
        columns = [d[0] for d in cursor.description or []]
        found[name] = (columns, [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()])
    return found


def guess_format(out: Path, fmt: str | None) -> str:
    """The format asked for, else 'xlsx' for a .xlsx path and 'csv' for anything else (a folder)."""
    chosen = fmt or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    if chosen not in FORMATS:
        raise HuntError(f"--format must be one of {', '.join(FORMATS)}, not {chosen!r}")
    # A name like x.pdf or x.csv would get a folder of CSV files, or an XLSX under a wrong name.
    wanted = ".xlsx" if chosen == "xlsx" else ""
    if out.suffix.lower() != wanted and not (chosen == "csv" and out.is_dir()):
        where = "a .xlsx file" if chosen == "xlsx" else "a folder (no file extension) for the CSV files"
        raise HuntError(f"--out {out}: give {where}, e.g. --out hunt.xlsx or --out hunt-export/")
    return chosen


def export(con: duckdb.DuckDBPyConnection, out: Path, fmt: str | None = None) -> dict[str, int]:
    """Write the export; return the number of rows per table. CSV: `out` is a folder."""
    chosen = guess_format(out, fmt)
    data = tables(con)
    if chosen == "xlsx":
        write_xlsx(out, data)
    else:
        write_csv(out, data)
    return {name: len(rows) for name, (_, rows) in data.items()}


def write_csv(folder: Path, data: dict[str, tuple[list[str], list[dict[str, Any]]]]) -> None:
    """One UTF-8 CSV per table (with a BOM, so spreadsheet programs read æ, ø, å right), no live formulas."""
    if folder.exists() and not folder.is_dir():
        raise HuntError(f"{folder} is a file; CSV export writes several files into a folder")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (columns, rows) in data.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows({k: sheet_safe(_text(v)) for k, v in row.items()} for row in rows)


def write_xlsx(path: Path, data: dict[str, tuple[list[str], list[dict[str, Any]]]]) -> None:
    """One workbook, one sheet per table, header row frozen; dates stay dates; text never a formula."""
    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    for name, (columns, rows) in data.items():
        sheet = workbook.create_sheet(title=name)
        sheet.append(columns)
        for row in rows:
            sheet.append([sheet_safe(row[c]) for c in columns])
        sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value
