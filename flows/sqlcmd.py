"""`fjordjobs sql`: read-only SQL on the warehouse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from warehouse import db


class ReadOnlyError(RuntimeError):
    """A statement that would change the warehouse."""


def run_readonly(db_path: Path, query: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run `query` on a read-only connection; a write statement raises ReadOnlyError and changes nothing."""
    with db.connection(db_path, read_only=True) as con:
        # No files or network from user SQL either, and no way to switch that back on.
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        try:
            cursor = con.execute(query)
        except duckdb.InvalidInputException as exc:
            if "read-only" in str(exc).lower() or "read only" in str(exc).lower():
                raise ReadOnlyError(
                    "fjordjobs sql is read-only: this statement would change the warehouse, so it was not run"
                ) from exc
            raise
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()
