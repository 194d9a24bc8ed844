"""The user's job hunt survives a re-crawl, a full re-ingest and a schema migration (issue 7, "Done when").

Listings come in through the real ingest; applications and contacts through the CLI. After each thing
that rewrites `listings`, every row of every hunt table must be exactly as before.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from flows import output
from flows.cli import app
from hunt import applications, contacts, weekly
from pipeline.ingest import ingest_file
from tests.landing import nav_record, write_landing
from warehouse import db

HUNT_TABLES = [
    "applications",
    "application_events",
    "followups_done",
    "contacts",
    "contact_touches",
    "hunt_targets",
    # the user's own hiding rules and saved searches (issue 11)
    "blocked_employers",
    "dismissals",
    "saved_searches",
    "digest_sent",
]


def ok(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def snapshot(con: duckdb.DuckDBPyConnection, columns: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Every row of every hunt table (only the given columns, when a migration has added some)."""
    found = {}
    for table in HUNT_TABLES:
        cols = ", ".join(columns[table]) if columns else "*"
        found[table] = sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
    return found


def column_names(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    return {t: [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()] for t in HUNT_TABLES}


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A warehouse loaded by the real ingest, with a job hunt logged on top of it through the CLI."""
    path = tmp_path / "hunt.duckdb"
    monkeypatch.setenv("FJORDJOBS_DB", str(path))
    monkeypatch.setenv("FJORDJOBS_TODAY", "2026-11-21")
    monkeypatch.setattr(output.console, "width", 250)
    with db.connection(path) as con:
        first = write_landing(
            tmp_path / "crawl-1.jsonl", [nav_record("u1"), nav_record("u2", title="Data engineer")]
        )
        assert ingest_file(con, first).new_listings == 2
    ok("track", "nav:u1", "--status", "applied", "--date", "2026-11-02")
    ok("track", "nav:u1", "--status", "interview", "--date", "2026-11-20", "--note", "went well")
    ok("track", "nav:u2", "--status", "applied", "--date", "2026-11-03")
    ok("track", "--open", "--employer", "Statens vegvesen", "--status", "applied", "--date", "2026-11-18")
    ok("followups", "--done", "nav:u1")
    ok("contacts", "add", "Kari Nordmann", "--employer", "Kartverket", "--relation", "former_colleague",
       "--channel", "linkedin", "--last-contact", "2026-06-01")  # fmt: skip
    ok("contacts", "add", "Rita", "--employer", "Hays", "--relation", "peripheral", "--recruiter")
    ok("contacts", "touch", "Rita", "--date", "2026-11-19")
    ok("week", "--set", "applications=12")
    ok("block", "Hays AS")
    ok("block", "--staffing-agencies")
    ok("dismiss", "nav:u2", "--reason", "needs fluent Norwegian")
    ok("search", "save", "oslo", "--place", "Oslo", "--english")
    ok("digest", "--out", str(tmp_path / "digests"))
    return path


def test_recrawl_and_full_reingest_leave_the_hunt_alone(warehouse: Path, tmp_path: Path) -> None:
    with db.connection(warehouse) as con:
        before = snapshot(con)
        # Re-crawl: u1 retitled by the employer, u2 taken down (INACTIVE).
        second = write_landing(
            tmp_path / "crawl-2.jsonl",
            [
                nav_record(
                    "u1",
                    title="Senior backend developer",
                    version="2026-11-21T09:00:00+01:00",
                    fetched_at="2026-11-21T08:00:00+00:00",
                ),
                nav_record("u2", status="INACTIVE", fetched_at="2026-11-21T08:00:00+00:00"),
            ],
        )
        ingest_file(con, second)
        assert con.execute("SELECT title FROM listings WHERE listing_id = 'nav:u1'").fetchone() == (
            "Senior backend developer",
        )
        assert snapshot(con) == before

        # Full re-ingest: every listing row deleted and loaded again from a fresh landing file.
        con.execute("DELETE FROM listings")
        third = write_landing(
            tmp_path / "crawl-3.jsonl", [nav_record("u1", fetched_at="2026-11-21T10:00:00+00:00")]
        )
        ingest_file(con, third)
        assert snapshot(con) == before

        # What the user tracked still reads as it did when they tracked it.
        tracked = applications.get(con, "nav:u1")
        assert tracked is not None
        assert (tracked.title, tracked.employer, tracked.status) == (
            "Backend-utvikler",
            "Kartverket",
            "interview",
        )
        statuses = {r["application_id"]: r["listing_status"] for r in applications.list_applications(con)}
        assert statuses == {"nav:u1": "active", "nav:u2": "gone", "open:statens-vegvesen": None}
        assert applications.applied_listing_ids(con) == {"nav:u1", "nav:u2"}

    # An application whose listing is gone keeps its history and takes new events.
    ok("track", "nav:u2", "--status", "rejected", "--date", "2026-11-21")
    history = ok("track", "nav:u2")
    assert history.index("applied") < history.index("rejected")


def test_migration_rebuilding_listings_and_altering_hunt_tables_keeps_everything(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.connection(warehouse) as con:
        before = snapshot(con)
        columns = column_names(con)

    migrations = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, migrations)
    # The way a later migration might reshape things: rebuild `listings` with a new column, and add a
    # column to a hunt table.
    (migrations / "900_rebuild_listings.sql").write_text(
        "CREATE TABLE listings_new AS SELECT *, CAST(NULL AS BOOLEAN) AS relocation_x FROM listings;\n"
        "DROP TABLE listings;\n"
        "ALTER TABLE listings_new RENAME TO listings;\n"
        "ALTER TABLE applications ADD COLUMN priority INTEGER;\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(db, "MIGRATIONS_DIR", migrations)

    with db.connection(warehouse) as con:  # connecting migrates
        assert con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (900,)
        assert "relocation_x" in [r[0] for r in con.execute("DESCRIBE listings").fetchall()]
        assert snapshot(con, columns) == before
        assert db.migrate(con) == []  # nothing left to apply: the hunt migration is not re-run
        assert snapshot(con, columns) == before
        assert contacts.contacts_per_employer(con) == {"kartverket": 1, "hays": 1}
        assert weekly.targets(con)["applications"] == 12

    # Every command still works on the migrated warehouse.
    ok("track", "nav:u1", "--status", "offer", "--date", "2026-11-21")
    with db.connection(warehouse) as con:
        assert [e["status"] for e in applications.history(con, "nav:u1")] == ["applied", "interview", "offer"]
    assert "Kari Nordmann" in ok("contacts", "list")
    assert "week 2026-W47" in ok("week")


def test_listings_deleted_and_recreated_by_hand_leave_the_hunt_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same guarantee without the ingest: whatever rewrites `listings`, the hunt tables do not move."""
    path = tmp_path / "plain.duckdb"
    monkeypatch.setenv("FJORDJOBS_DB", str(path))
    monkeypatch.setenv("FJORDJOBS_TODAY", "2026-11-21")
    insert = (
        "INSERT INTO listings (listing_id, source, source_id, url, title, employer, status) "
        "VALUES ('nav:p1', 'nav', 'p1', 'https://example.org/p1', 'Geotekniker', 'Norconsult AS', 'active')"
    )
    with db.connection(path) as con:
        con.execute(insert)
    ok("track", "nav:p1", "--status", "applied", "--date", "2026-11-10")
    ok(
        "contacts",
        "add",
        "Ola",
        "--employer",
        "Norconsult",
        "--relation",
        "close",
        "--last-contact",
        "2026-11-01",
    )
    with db.connection(path) as con:
        before = snapshot(con)
        con.execute("DELETE FROM listings")  # a full re-ingest starts from nothing
        con.execute(insert)
        assert snapshot(con) == before
        con.execute("DROP TABLE listings")  # a migration rebuilding the table
        assert snapshot(con) == before
    # With `listings` gone altogether the log still reads and takes new events.
    with db.connection(path) as con:
        con.execute("CREATE TABLE listings AS SELECT 'x' AS listing_id, 'active' AS status WHERE false")
    ok("track", "nav:p1", "--status", "interview", "--date", "2026-11-20")
    assert "gone" in ok("track")
