"""Connections, migrations and named SQL for the fjordjobs warehouse.

Every other package reaches DuckDB through this module so that SQL stays in `.sql` files under
`warehouse/`, and so that one place decides where the database lives and how it is opened.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"
SQL_DIR = PACKAGE_DIR / "sql"
QUERIES_DIR = PACKAGE_DIR / "queries"


class WarehouseError(RuntimeError):
    """A problem a user can act on (locked file, missing database, bad query)."""


def data_dir() -> Path:
    """The user's data folder for fjordjobs (`platformdirs`), never the checkout or the installed package."""
    return platformdirs.user_data_path("fjordjobs", appauthor=False)


def default_db() -> Path:
    """The warehouse used when nothing names one (DESIGN.md, "Command line")."""
    return data_dir() / "fjordjobs.duckdb"


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """`db`, else `$FJORDJOBS_DB`, else the default, as an absolute path.

    The command line chooses with `flows.locations.choose`, which also reads `fjordjobs.toml`; this is
    the same order without the configuration, for library callers.
    """
    chosen = db or os.environ.get("FJORDJOBS_DB")
    if str(chosen) == ":memory:":  # DuckDB's in-memory database (tests), not a file
        return Path(":memory:")
    return Path(os.path.abspath(Path(chosen).expanduser())) if chosen else default_db()


def busy_wait_seconds() -> float:
    """How long a command waits for another process to let go of the warehouse: `$FJORDJOBS_BUSY_WAIT`,
    else 20 s (a `fjordjobs track` during a daily run's ingest usually gets in within that)."""
    try:
        return max(0.0, float(os.environ.get("FJORDJOBS_BUSY_WAIT", "20")))
    except ValueError:
        return 20.0


def _holder(message: str) -> str:
    found = re.search(r"PID (\d+)", message)
    return f" (pid {found.group(1)})" if found else ""


def connect(
    db: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writable connection is migrated to the newest schema first.

    DuckDB lets one process write, or several read, at a time. While another process has the file open,
    this waits up to `wait` seconds (default `busy_wait_seconds()`), then says in one line when to retry.
    """
    path = resolve_db_path(db)
    if read_only and not path.exists():
        raise WarehouseError(missing_warehouse(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + (busy_wait_seconds() if wait is None else wait)
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseError(
                    f"the warehouse {path} is in use by another fjordjobs command{_holder(str(exc))}; "
                    "try again when it has finished (a daily run's ingest takes a few minutes)"
                ) from None
            time.sleep(0.5)
    if not read_only:
        migrate(con)
    read_time_views(con, read_only=read_only)
    return con


def missing_warehouse(path: Path) -> str:
    """What to do when a command that reads finds no warehouse (one line)."""
    return (
        f"no warehouse at {path} yet: try `fjordjobs demo`, or start your own with "
        "`fjordjobs init` then `fjordjobs run`"
    )


def today() -> date:
    """The day expiry is decided against: $FJORDJOBS_TODAY (YYYY-MM-DD), else the calendar date."""
    pinned = os.environ.get("FJORDJOBS_TODAY")
    try:
        return date.fromisoformat(pinned) if pinned else date.today()
    except ValueError as exc:
        raise WarehouseError(f"FJORDJOBS_TODAY must be a date like 2026-12-03, not {pinned!r}") from exc


def set_today(con: duckdb.DuckDBPyConnection, day: date) -> None:
    """Pin the day `listings_now` (and, read-only, `listings`) decide expiry against."""
    con.execute(f"SET VARIABLE today = DATE '{day.isoformat()}'")


def listings_now_sql(table: str = "listings") -> str:
    """The SELECT of `listings` with its status decided at read time (warehouse/sql/listings_now.sql)."""
    return sql("listings_now").replace("{listings}", table)


def read_time_views(con: duckdb.DuckDBPyConnection, *, read_only: bool, day: date | None = None) -> None:
    """Create `listings_now` (status decided today) for this connection; on a read-only connection the
    name `listings` itself is that view, so `fjordjobs sql`, saved queries and exports agree with match.

    Temporary views: they live in the session, so no migration writes them and writers keep the table.
    """
    set_today(con, day or today())
    found = con.execute(
        "SELECT current_database(), count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'listings' AND table_type = 'BASE TABLE' "
        "AND table_catalog = current_database()"
    ).fetchone()
    if not found or not found[1]:
        return
    catalog = str(found[0]).replace('"', '""')
    table = f'"{catalog}".main.listings'
    body = listings_now_sql(table)
    try:
        con.execute(f"CREATE OR REPLACE TEMP VIEW listings_now AS {body}")
    except duckdb.BinderException:
        # A `listings` without the date columns (rebuilt by hand): its stored status is all there is.
        body = f"SELECT * FROM {table}"
        con.execute(f"CREATE OR REPLACE TEMP VIEW listings_now AS {body}")
    if read_only:
        con.execute(f"CREATE OR REPLACE TEMP VIEW listings AS {body}")


@contextmanager
def connection(
    db: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """`connect` as a context manager that always closes."""
    con = connect(db, read_only=read_only, wait=wait)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction: committed when the block ends, rolled back if it raises (also on KeyboardInterrupt
    or SystemExit), so the warehouse is either as before or fully changed. The only BEGIN/COMMIT in the code."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        # After a failed statement DuckDB refuses everything but ROLLBACK; a dead connection refuses that too,
        # and the original error is the one worth seeing.
        with suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def migrations() -> list[tuple[int, str, Path]]:
    """The migration files in order: `NNN_name.sql` -> (NNN, name, path)."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = re.match(r"(\d+)_(.+)\.sql$", path.name)
        if match:
            found.append((int(match.group(1)), match.group(2), path))
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations not yet applied, each in its own transaction; return their numbers."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, path in migrations():
        if version in done:
            continue
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
        applied.append(version)
    return applied


@cache
def sql(name: str) -> str:
    """The text of `warehouse/sql/<name>.sql`: the named statements the Python code runs."""
    path = SQL_DIR / f"{name}.sql"
    if not path.exists():
        raise WarehouseError(f"no SQL file named {name!r} in {SQL_DIR}")
    return path.read_text(encoding="utf-8")


_MARKER = re.compile(r"\{\{(\w+)(?: except ([\w, ]+))?\}\}")


def expand(name: str, columns: Sequence[str]) -> str:
    """`warehouse/sql/<name>.sql` with its column markers filled from `columns` (a batch's columns).

    A statement that copies a whole batch (the listings MERGE) names only the columns it treats
    specially; the rest follow from the batch, whose columns follow from the declared type. Markers:
    `{{columns}}` (`a, b`), `{{s_columns}}` (`s.a, s.b`), `{{set_from_s except x, y}}` (`a = s.a, ...`
    for every column but x and y).
    """

    def fill(match: re.Match[str]) -> str:
        kind, skip = match.group(1), {c.strip() for c in (match.group(2) or "").split(",") if c.strip()}
        chosen = [c for c in columns if c not in skip]
        if kind == "columns":
            return ", ".join(chosen)
        if kind == "s_columns":
            return ", ".join(f"s.{c}" for c in chosen)
        if kind == "set_from_s":
            return ", ".join(f"{c} = s.{c}" for c in chosen)
        raise WarehouseError(f"unknown marker {match.group(0)} in {name}.sql")

    return _MARKER.sub(fill, sql(name))


def saved_query(name: str) -> str:
    """The text of a user-facing saved query, `warehouse/queries/<name>.sql`."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.exists():
        names = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))) or "none"
        raise WarehouseError(f"no saved query {name!r}; saved queries: {names}")
    return path.read_text(encoding="utf-8")


def fetch_dicts(
    con: duckdb.DuckDBPyConnection, query: str, params: list[Any] | dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Run a query and return its rows as dicts keyed by column name."""
    cursor = con.execute(query, params or [])
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def run_script(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> None:
    """Run every statement of `warehouse/sql/<name>.sql` in order, each with the named parameters it uses."""
    # Comments go first: a ";" inside one must not split a statement.
    body_text = "\n".join(line.split("--", 1)[0] for line in sql(name).splitlines())
    for statement in body_text.split(";"):
        body = statement.strip()
        if not body:
            continue
        used = {k: v for k, v in (params or {}).items() if f"${k}" in body}
        con.execute(body, used)


def match_index_file(con: duckdb.DuckDBPyConnection) -> Path | None:
    """Where the matcher keeps its built index for this connection's warehouse (matching/index_file.py):
    `<warehouse>.match-index` beside it; None for a warehouse in memory."""
    row = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    if not row or not row[0]:
        return None
    path = Path(str(row[0]))
    return path.with_name(path.name + ".match-index")


def active_listings(path: Path) -> int:
    """How many listings a `match` would rank (read-only: asking creates and changes nothing)."""
    with connection(path, read_only=True) as con:
        return active_listings_on(con)


def active_listings_on(con: duckdb.DuckDBPyConnection) -> int:
    """`active_listings` on an open connection."""
    row = con.execute(sql("active_listing_count")).fetchone()
    return int(row[0]) if row else 0
