"""Ingest: one transaction, idempotent, quarantine, inactive ads and their contact persons."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from pipeline.ingest import crawl_state_for_spider, ingest_file
from tests.landing import nav_record, write_landing
from warehouse import db
from warehouse.load import capped_memory

ON = date(2026, 11, 21)


def _snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    tables = ["listings", "raw_listings", "listing_versions", "quarantine", "crawl_state", "crawl_runs"]
    return {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables}


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = db.connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


def test_ingest_loads_listings_and_cursor(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = write_landing(
        tmp_path / "a.jsonl",
        [
            nav_record("u1"),
            nav_record("u2", title="Sykepleier", employer="Oslo kommune"),
            {"kind": "cursor", "source": "nav", "key": "feed_cursor", "value": "page-9"},
        ],
    )
    result = ingest_file(con, path, on=ON)
    assert (result.items, result.new_listings, result.quarantined) == (2, 2, 0)
    rows = con.execute("SELECT listing_id, title, employer, status, city FROM listings ORDER BY 1").fetchall()
    assert rows == [
        ("nav:u1", "Backend-utvikler", "Kartverket", "active", "Oslo"),
        ("nav:u2", "Sykepleier", "Oslo kommune", "active", "Oslo"),
    ]
    assert con.execute("SELECT value FROM crawl_state WHERE source='nav'").fetchone() == ("page-9",)
    assert con.execute("SELECT status, items, new_listings FROM crawl_runs").fetchall() == [("ok", 2, 2)]


def test_reingest_changes_nothing(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = write_landing(tmp_path / "a.jsonl", [nav_record("u1"), nav_record("u2")], ["{broken"])
    ingest_file(con, path, on=ON)
    before = _snapshot(con)
    again = ingest_file(con, path, on=ON)
    assert again.already_loaded
    assert _snapshot(con) == before
    # The same records in a new file (a new run) change no listing either.
    copy = write_landing(tmp_path / "b.jsonl", [nav_record("u1"), nav_record("u2")])
    ingest_file(con, copy, on=ON)
    after = _snapshot(con)
    assert after["listings"] == before["listings"]
    assert after["raw_listings"] == before["raw_listings"]


def test_broken_records_are_quarantined_and_the_rest_loads(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    no_title = nav_record("u3", title="")
    path = write_landing(
        tmp_path / "a.jsonl",
        [
            nav_record("u1"),
            nav_record("u5"),
            nav_record("u6"),
            no_title,
            {"kind": "listing", "source": "nav"},
        ],
        ['{"kind": "listing", "source": "nav", "source_id": "u4", "fields": {"title": "x"'],
    )
    result = ingest_file(con, path, on=ON)
    assert result.ok and result.new_listings == 3
    reasons = [r[0] for r in con.execute("SELECT reason FROM quarantine ORDER BY reason").fetchall()]
    assert len(reasons) == 3
    assert any("no title" in r for r in reasons)
    assert any("no source or source_id" in r for r in reasons)
    assert any("not valid JSON" in r for r in reasons)
    payloads = [r[0] for r in con.execute("SELECT payload FROM quarantine").fetchall()]
    assert any('"source_id": "u4"' in p for p in payloads), "the broken line is kept as it came"


def test_inactive_event_marks_listing_and_removes_contacts(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    ingest_file(con, write_landing(tmp_path / "a.jsonl", [nav_record("u1"), nav_record("u2")]), on=ON)
    assert con.execute(
        "SELECT count(*) FROM raw_listings WHERE payload::VARCHAR LIKE '%Kari Nordmann%'"
    ).fetchone() == (2,)
    gone = nav_record("u1", status="INACTIVE", fetched_at="2026-11-21T08:00:00+00:00")
    result = ingest_file(con, write_landing(tmp_path / "b.jsonl", [gone]), on=ON)
    assert result.deactivated == 1
    assert con.execute("SELECT status FROM listings WHERE listing_id='nav:u1'").fetchone() == ("inactive",)
    assert con.execute("SELECT status FROM listings WHERE listing_id='nav:u2'").fetchone() == ("active",)
    leaked = con.execute(
        "SELECT listing_id FROM raw_listings WHERE payload::VARCHAR LIKE '%Kari Nordmann%'"
    ).fetchall()
    assert leaked == [("nav:u2",)], "contacts of the deactivated ad are gone, the active ad's remain"


def test_newer_version_replaces_and_history_is_kept(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    ingest_file(con, write_landing(tmp_path / "a.jsonl", [nav_record("u1")]), on=ON)
    retitled = nav_record(
        "u1",
        title="Senior backend-utvikler",
        version="2026-11-10T10:00:00+01:00",
        fetched_at="2026-11-21T09:00:00+00:00",
    )
    result = ingest_file(con, write_landing(tmp_path / "b.jsonl", [retitled]), on=ON)
    assert result.updated == 1
    assert con.execute("SELECT title FROM listings").fetchall() == [("Senior backend-utvikler",)]
    titles = con.execute("SELECT title FROM listing_versions ORDER BY seen_at").fetchall()
    assert titles == [("Backend-utvikler",), ("Senior backend-utvikler",)]
    # An older file loaded late never overwrites the newer version.
    ingest_file(
        con,
        write_landing(
            tmp_path / "c.jsonl",
            [nav_record("u1", title="Gammel tittel", fetched_at="2026-11-01T00:00:00+00:00")],
        ),
        on=ON,
    )
    assert con.execute("SELECT title FROM listings").fetchall() == [("Senior backend-utvikler",)]


def test_expired_deadline_sets_status(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    old = nav_record("u9", application_due="01.11.2026")
    ingest_file(con, write_landing(tmp_path / "a.jsonl", [old]), on=ON)
    assert con.execute("SELECT status, application_deadline FROM listings").fetchone() == (
        "expired",
        date(2026, 11, 1),
    )


def test_empty_crawl_fails_health_gate(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    result = ingest_file(con, write_landing(tmp_path / "a.jsonl", []), source="jsonld", on=ON)
    assert not result.ok
    assert con.execute("SELECT status, reason FROM crawl_runs").fetchone() == (
        "failed",
        "jsonld: found no listings",
    )


@pytest.mark.parametrize("stage", ["raw_loaded", "listings_merged", "before_commit"])
def test_killed_ingest_leaves_warehouse_as_it_was(tmp_path: Path, stage: str) -> None:
    db_path = tmp_path / "w.duckdb"
    with db.connection(db_path) as con:
        ingest_file(con, write_landing(tmp_path / "a.jsonl", [nav_record("u1")]), on=ON)
        before = _snapshot(con)
    second = write_landing(
        tmp_path / "b.jsonl",
        [nav_record("u2"), nav_record("u1", status="INACTIVE", fetched_at="2026-11-21T09:00:00+00:00")],
    )
    script = textwrap.dedent(f"""
        import os, signal
        from datetime import date
        from pathlib import Path
        from pipeline.ingest import ingest_file
        from warehouse import db
        def stage(name):
            if name == {stage!r}:
                os.kill(os.getpid(), signal.SIGKILL)
        con = db.connect({str(db_path)!r})
        ingest_file(con, Path({str(second)!r}), on=date(2026, 11, 21), stage=stage)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert proc.returncode == -9, proc.stderr
    with db.connection(db_path) as con:
        assert _snapshot(con) == before
        # and the same file loads cleanly afterwards
        ingest_file(con, second, on=ON)
        assert con.execute("SELECT listing_id, status FROM listings ORDER BY 1").fetchall() == [
            ("nav:u1", "inactive"),
            ("nav:u2", "active"),
        ]


def test_sql_is_read_only(tmp_path: Path) -> None:
    from flows.sqlcmd import ReadOnlyError, run_readonly

    db_path = tmp_path / "w.duckdb"
    with db.connection(db_path) as con:
        ingest_file(con, write_landing(tmp_path / "a.jsonl", [nav_record("u1")]), on=ON)
    columns, rows = run_readonly(db_path, "SELECT listing_id, english_ok FROM listings")
    assert (columns, rows) == (["listing_id", "english_ok"], [("nav:u1", True)])
    for statement in [
        "DELETE FROM listings",
        "DROP TABLE listings",
        "UPDATE listings SET title = 'x'",
        "COPY listings TO '/tmp/leak.csv'",
    ]:
        with pytest.raises((ReadOnlyError, duckdb.Error)):
            run_readonly(db_path, statement)
    assert run_readonly(db_path, "SELECT count(*) FROM listings")[1] == [(1,)]
    assert json.loads(json.dumps(rows))  # plain values


def test_the_same_record_twice_in_one_file_loads_once(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    gone = nav_record("u1", status="INACTIVE")
    result = ingest_file(con, write_landing(tmp_path / "a.jsonl", [nav_record("u2"), gone, gone]), on=ON)
    assert result.ok
    assert con.execute("SELECT count(*) FROM raw_listings").fetchone() == (2,)


def test_a_record_of_the_wrong_shape_is_quarantined_and_the_rest_loads(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """Issue 14.12: `"fetched_at": 12345` aborted the whole file with an AttributeError."""
    odd = dict(nav_record("u2"), fetched_at=12345)
    path = write_landing(tmp_path / "a.jsonl", [nav_record("u1"), odd, nav_record("u3"), nav_record("u4")])
    result = ingest_file(con, path, on=ON)
    assert result.ok and result.new_listings == 3
    (reason,) = [r[0] for r in con.execute("SELECT reason FROM quarantine").fetchall()]
    assert reason == "line 2: fetched_at must be an ISO date-time text, not 12345"
    assert con.execute("SELECT count(*) FROM listings WHERE listing_id = 'nav:u2'").fetchone() == (0,)


def test_quarantine_keeps_a_bounded_excerpt_and_the_hash_of_a_huge_page(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """Issue 14.13: a 20 MB bad page was stored whole in `quarantine`."""
    page = "<html>" + "x" * 2_000_000 + "</html>"
    bad = {
        "kind": "quarantine",
        "source": "jsonld",
        "reason": "broken JSON-LD",
        "url": "https://a.no/1",
        "payload": page,
    }
    path = write_landing(tmp_path / "a.jsonl", [nav_record("u1"), bad])
    ingest_file(con, path, on=ON)
    excerpt, digest, chars = con.execute(
        "SELECT payload, payload_sha256, payload_chars FROM quarantine"
    ).fetchone()  # type: ignore[misc]
    assert page.startswith(excerpt) and len(excerpt) <= 4000
    assert digest == hashlib.sha256(page.encode()).hexdigest() and chars == len(page)


def test_a_crawl_that_fails_its_health_gate_loads_nothing_and_keeps_the_cursor(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """Issue 14.8: 42 of 60 listings without an employer: exit 1, yet all 60 were committed and the cursor
    moved on, so the next crawl said "0 records, ok"."""
    first = [nav_record(f"a{i}") for i in range(5)]
    ingest_file(
        con,
        write_landing(
            tmp_path / "0.jsonl",
            [*first, {"kind": "cursor", "source": "nav", "key": "feed_cursor", "value": "p1"}],
        ),
        on=ON,
    )
    before = _snapshot(con)
    records = [nav_record(f"u{i}", employer="" if i < 42 else "Kartverket") for i in range(60)]
    cursor = {"kind": "cursor", "source": "nav", "key": "feed_cursor", "value": "p9"}
    result = ingest_file(con, write_landing(tmp_path / "bad.jsonl", [*records, cursor]), on=ON)
    assert not result.ok and result.health is not None
    assert result.health.reason == (
        "nav: 42 of 60 listings lack a title, employer or url (the page layout may have changed)"
    )
    after = _snapshot(con)
    runs = after.pop("crawl_runs")
    before.pop("crawl_runs")
    assert after == before, "nothing of the failed crawl is loaded"
    assert crawl_state_for_spider(con, "nav")["cursor"] == "p1"
    assert [r[4:6] for r in runs if r[4] == "failed"] == [("failed", result.health.reason)]
    # The next crawl starts from the old cursor and brings the same ads, now whole: they load.
    fixed = [nav_record(f"u{i}") for i in range(60)]
    again = ingest_file(con, write_landing(tmp_path / "good.jsonl", [*fixed, cursor]), on=ON)
    assert again.ok and again.new_listings == 60
    assert crawl_state_for_spider(con, "nav")["cursor"] == "p9"


def test_a_file_s_batches_are_not_held_until_its_commit(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """The ingest streams a file in batches inside one transaction; memory must not grow with the file.
    DuckDB keeps a table registered with `con.register` alive until COMMIT even once it is unregistered,
    so every batch stayed in memory (984 MB peak RSS for 20,000 ads): by the end of the file, no more
    than about one batch's Arrow data may still be allocated."""
    records = [nav_record(f"u{n}", title=f"Utvikler {n}") for n in range(2100)]
    for n, record in enumerate(records):  # a large raw page each (stored as received, not normalised)
        record["payload"]["ad_content"]["employer"]["description"] = f"<p>Om oss {n}.</p>" * 800
    cursor = {"kind": "cursor", "source": "nav", "key": "feed_cursor", "value": "p"}
    path = write_landing(tmp_path / "big.jsonl", [*records, cursor])
    held: dict[str, list[int]] = {"raw_loaded": [], "loaded": []}

    def step(name: str) -> None:
        if name in held:
            held[name].append(pa.total_allocated_bytes())

    result = ingest_file(con, path, on=ON, stage=step)
    assert result.new_listings == 2100
    one_batch = held["raw_loaded"][0]  # the first batch in hand: its tables are alive while it loads
    assert len(held["raw_loaded"]) == 3 and one_batch > 10 * 2**20
    assert held["loaded"][0] < one_batch / 2, held  # three batches were held: 35 MB against 12 MB


def test_uncommitted_rows_beyond_the_cap_go_to_disk_not_memory(tmp_path: Path) -> None:
    """One transaction per file: DuckDB holds the file's rows until COMMIT (about 7.5 KB an ad), so a large
    file's would grow with it. Under the ingest's cap they spill to a temporary file and all still commit."""
    with db.connection(tmp_path / "w.duckdb") as con:
        con.execute("CREATE TABLE pages (body VARCHAR)")
        with capped_memory(con, "100MB"), db.transaction(con):
            for n in range(40):  # 40 x 5 MB
                con.execute("INSERT INTO pages SELECT repeat(?, 500) FROM range(1000)", [f"side {n:04d} "])
            used, spilled = con.execute(
                "SELECT sum(memory_usage_bytes), sum(temporary_storage_bytes) FROM duckdb_memory()"
            ).fetchone() or (0, 0)
        assert used <= 105 * 2**20 and spilled > 0, (used, spilled)
        assert con.execute("SELECT count(*) FROM pages").fetchone() == (40_000,)
        default = con.execute("SELECT current_setting('memory_limit')").fetchone()
    with duckdb.connect() as fresh:
        assert default == fresh.execute("SELECT current_setting('memory_limit')").fetchone()


def test_an_ingest_runs_under_the_memory_cap(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = write_landing(
        tmp_path / "a.jsonl",
        [nav_record("u1"), {"kind": "cursor", "source": "nav", "key": "c", "value": "p"}],
    )
    seen: list[str] = []
    ingest_file(
        con,
        path,
        on=ON,
        stage=lambda _: seen.append(str(con.execute("SELECT current_setting('memory_limit')").fetchone())),
    )
    assert seen and all("183.1 MiB" in limit for limit in seen), seen  # INGEST_MEMORY_LIMIT, 192 MB
