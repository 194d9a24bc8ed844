"""Printing query results and run summaries on the terminal (rich), or as CSV / JSON for scripts."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()
if not console.is_terminal:
    # Piped or captured output (make demo in CI, `| less`): rich would assume 80 columns and fold every
    # cell of the shortlist; a wide page reads better there.
    console.width = max(console.width, 150)
err_console = Console(stderr=True)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


ROW_FORMATS = ("table", "csv", "json")


def render_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str | Table:
    """Rows as a rich Table ("table"), CSV text or JSON text (a list of objects)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps(
            [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows],
            ensure_ascii=False,
            indent=2,
        )
    table = Table(show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else escape(str(_plain(v))) for v in row])
    return table


def shown(value: object) -> str:
    """A value for a rich string: text from ads, users and files is escaped, so "[Remote] Developer" or
    "[sources.nav]" is printed as written and not taken for a style tag (rich would drop it)."""
    return escape(str(value))


def fail(message: str) -> None:
    """One line on stderr; the caller exits non-zero."""
    err_console.print(f"[bold red]error:[/] {shown(message)}", highlight=False, soft_wrap=True)
