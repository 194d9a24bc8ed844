"""`fjordjobs sql`: read-only SQL on the warehouse."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import duckdb

from warehouse import db


class ReadOnlyError(RuntimeError):
    """A statement that would change the warehouse."""


READABLE = frozenset({duckdb.StatementType.SELECT})
"""The only statement kind user SQL may contain. SELECT covers WITH, VALUES, FROM-first, UNION,
DESCRIBE, SHOW and SUMMARIZE; everything else (COPY, EXPORT, ATTACH, SET, PRAGMA, CALL, INSTALL, LOAD,
EXPLAIN ANALYZE, transactions, DDL, DML) is refused before anything runs."""


def check_readonly(query: str) -> list[duckdb.Statement]:
    """Parse `query` with DuckDB's own parser and return its statements if every one is a plain query.

    Why not trust the read-only connection alone: DuckDB keeps the database file and its WAL writable
    from `COPY ... TO` even with external access off, so a read-only connection can still overwrite the
    warehouse. Judging each parsed statement by its type (not the text, which comments, case and
    semicolons can disguise) closes every statement kind that writes, and the connection settings
    below stay as a second wall.
    """
    statements = duckdb.extract_statements(query)
    if not statements:
        raise ReadOnlyError("give a query: the text holds no SQL statement")
    for statement in statements:
        if statement.type not in READABLE:
            raise ReadOnlyError(
                f"fjordjobs sql is read-only: a {statement.type.name} statement is refused "
                "(only SELECT queries run), so nothing was run"
            )
    return statements


def run_readonly(
    db_path: Path, query: str, params: dict[str, Any] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run the queries in `query` on a read-only connection and return the last one's rows.

    Anything but SELECT raises ReadOnlyError before the warehouse is opened. Named parameters
    (`$today`, ...) are bound from `params`, for those a statement uses.
    """
    statements = check_readonly(query)
    with db.connection(db_path, read_only=True) as con:
        _search_view(con)
        # No files or network from user SQL either, and no way to switch that back on.
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        cursor = con
        for statement in statements:
            used = {k: v for k, v in (params or {}).items() if f"${k}" in statement.query}
            try:
                cursor = con.execute(statement, used) if used else con.execute(statement)
            except duckdb.InvalidInputException as exc:
                if "read-only" in str(exc).lower() or "read only" in str(exc).lower():
                    raise ReadOnlyError(
                        "fjordjobs sql is read-only: this statement would change the warehouse, so it was not run"
                    ) from exc
                raise
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()


def _search_view(con: duckdb.DuckDBPyConnection) -> None:
    """`listing_search` with today's permit thresholds as a temporary view, so a user's query sees the
    filter vocabulary even on a warehouse no search has refreshed yet (a read-only connection may)."""
    from matching.searches import prepare
    from pipeline.dates import today

    # A warehouse older than the filter tables has no view to show; the query then says so itself.
    with contextlib.suppress(duckdb.Error):
        prepare(con, today(), temporary=True)


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
