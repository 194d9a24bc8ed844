"""`fjordjobs sql`: read-only SQL on the warehouse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from warehouse import db


class ReadOnlyError(RuntimeError):
    """A statement that would change the warehouse."""


def run_readonly(
    db_path: Path, query: str, params: dict[str, Any] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run `query` on a read-only connection; a write statement raises ReadOnlyError and changes nothing.

    Named parameters (`$today`, ...) are bound from `params`, for those the query uses.
    """
    with db.connection(db_path, read_only=True) as con:
        # No files or network from user SQL either, and no way to switch that back on.
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        try:
            used = {k: v for k, v in (params or {}).items() if f"${k}" in query}
            cursor = con.execute(query, used) if used else con.execute(query)
        except duckdb.InvalidInputException as exc:
            if "read-only" in str(exc).lower() or "read only" in str(exc).lower():
                raise ReadOnlyError(
                    "fjordjobs sql is read-only: this statement would change the warehouse, so it was not run"
                ) from exc
            raise
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()


def saved_query_params() -> dict[str, Any]:
    """The values saved queries may use: today's date and the permit thresholds in force today."""
    from pipeline.dates import today
    from pipeline.permit import threshold_for

    day = today()
    return {
        "today": day,
        "permit_master": threshold_for("master", day),
        "permit_bachelor": threshold_for("bachelor", day),
    }
