"""Fault injection: kills at random moments, readers beside a writer, hostile input (issue 14).

Each case injects a fault a user's machine will meet sooner or later and checks what the user would
notice: the warehouse is as before or fully loaded (never half), a re-run equals an uninterrupted run,
a reader gets rows or one line, never a traceback, and no process outlives a killed command. The kill
moments are random but seeded (the seed is in the test id), so a failure can be replayed. Kept to about
a minute of CI time: ingests run without Prefect, one `run` is killed.
"""

from __future__ import annotations

import contextlib
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from flows.cli import app
from flows.config import example_config
from pipeline.ingest import ingest_file
from tests.landing import nav_record, write_landing
from warehouse import db

ON = date(2026, 11, 21)
FJORDJOBS = [str(Path(sys.executable).with_name("fjordjobs"))]
DEMO = Path(__file__).resolve().parent.parent / "demo"
TABLES = ("listings", "raw_listings", "listing_versions", "quarantine", "crawl_state", "crawl_runs")


def _clockless(row: tuple[object, ...]) -> tuple[object, ...]:
    """The row with the wall-clock times of this test run (load times, not the records' own) masked."""
    today = datetime.now(UTC).date()
    return tuple(
        "<clock>" if isinstance(v, datetime) and v.date() >= today - timedelta(days=1) else v for v in row
    )


def _state(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """What a user's queries would see, minus the times at which it was loaded."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {
            t: sorted((_clockless(tuple(r)) for r in con.execute(f"SELECT * FROM {t}").fetchall()), key=repr)
            for t in TABLES
        }


def _landing(folder: Path, count: int) -> Path:
    records = [
        nav_record(
            f"u{i}", title=f"Utvikler {i}", description=f"<p>Stilling {i}. Arbeidsspråket er engelsk.</p>"
        )
        for i in range(count)
    ]
    records += [
        nav_record(f"u{i}", status="INACTIVE", version="2026-11-05T10:00:00+01:00")
        for i in range(0, count, 7)
    ]
    return write_landing(folder / "big.jsonl", records, extra_lines=["{not json", '{"kind": "mystery"}'])


INGEST = textwrap.dedent(
    """
    import sys
    from datetime import UTC, date, datetime, timedelta
    from pathlib import Path
    from pipeline.ingest import ingest_file
    from warehouse import db
    with db.connection(Path(sys.argv[1])) as con:
        ingest_file(con, Path(sys.argv[2]), run_id="r1", source="nav", on=date(2026, 11, 21))
    print("done", flush=True)
    """
)


def _ingest_process(db_path: Path, landing: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", INGEST, str(db_path), str(landing)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def loaded(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, dict[str, list[tuple[object, ...]]], float]:
    """A landing file, the state after an uninterrupted load, the state before, and how long it took."""
    folder = tmp_path_factory.mktemp("faults")
    landing = _landing(folder, 1200)
    empty = folder / "empty.duckdb"
    db.connect(empty).close()
    reference = folder / "reference.duckdb"
    started = time.monotonic()
    done = _ingest_process(reference, landing)
    assert done.wait(timeout=300) == 0, done.stderr.read() if done.stderr else ""
    return landing, empty, _state(reference), time.monotonic() - started


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_ingest_killed_at_a_random_moment_is_all_or_nothing_and_reruns_equal(
    loaded: tuple[Path, Path, dict[str, list[tuple[object, ...]]], float], tmp_path: Path, seed: int
) -> None:
    landing, empty, reference, duration = loaded
    db_path = tmp_path / "w.duckdb"
    db_path.write_bytes(empty.read_bytes())
    before = _state(db_path)
    moment = random.Random(seed).uniform(0.2, duration)
    process = _ingest_process(db_path, landing)
    time.sleep(moment)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    after_kill = _state(db_path)
    assert after_kill in (before, reference), f"half a load after a kill at {moment:.2f}s"
    rerun = _ingest_process(db_path, landing)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert _state(db_path) == reference


def test_readers_beside_a_writer_get_rows_or_one_line(
    loaded: tuple[Path, Path, dict[str, list[tuple[object, ...]]], float], tmp_path: Path
) -> None:
    landing, empty, reference, _ = loaded
    db_path = tmp_path / "w.duckdb"
    db_path.write_bytes(empty.read_bytes())
    writer = _ingest_process(db_path, landing)
    runner = CliRunner()
    outcomes = []
    while writer.poll() is None:
        result = runner.invoke(app, ["sql", "--db", str(db_path), "SELECT count(*) FROM listings"])
        lines = [line for line in result.output.splitlines() if line.strip()]
        outcomes.append(result.exit_code)
        if result.exit_code != 0:
            assert len(lines) == 1 and "Traceback" not in result.output, result.output
            assert "in use" in lines[0], lines[0]
        time.sleep(0.05)
    assert writer.returncode == 0
    assert outcomes, "the writer finished before any reader tried"
    done = runner.invoke(
        app, ["sql", "--db", str(db_path), "--format", "csv", "SELECT count(*) FROM listings"]
    )
    assert done.exit_code == 0 and done.output.split()[-1] == str(len(reference["listings"]))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.one_of(st.text(max_size=80), JSON_VALUES.map(lambda v: __import__("json").dumps(v))), max_size=8
    )
)
def test_garbage_lines_are_quarantined_and_the_rest_loads(tmp_path: Path, lines: list[str]) -> None:
    """Lines that are not records (any text, any JSON value) never crash a load: the good records load,
    or, when bad listing lines are the majority, the health gate refuses the file as a whole."""
    good = [nav_record("good-1"), nav_record("good-2")]
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis runs the body many times in one tmp_path
    path = write_landing(folder / "g.jsonl", good, extra_lines=[line.replace("\n", " ") for line in lines])
    with db.connection(folder / "w.duckdb") as con:
        result = ingest_file(con, path, run_id="g", source="nav", on=ON)
        ids = {row[0] for row in con.execute("SELECT listing_id FROM listings").fetchall()}
    if result.ok:
        assert {"nav:good-1", "nav:good-2"} <= ids
    else:  # so many bad listing lines that the health gate refused the file: nothing loaded, and why
        assert ids == set() and result.health is not None and result.health.reason


def test_a_run_killed_at_a_random_moment_leaves_nothing_running_and_the_warehouse_usable(
    tmp_path: Path,
) -> None:
    text = example_config(str(DEMO / "sample_cv.md"), str(DEMO / "sample_profile.toml"))
    text = text.replace('# db = "warehouse/fjordjobs.duckdb"', 'db = "wh/fjordjobs.duckdb"', 1)
    config = tmp_path / "fjordjobs.toml"
    config.write_text(text, encoding="utf-8")
    command = subprocess.Popen(
        [*FJORDJOBS, "run", "--config", str(config)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    root = psutil.Process(command.pid)
    seen: dict[int, psutil.Process] = {}
    moment = random.Random(14).uniform(8, 25)
    deadline = time.monotonic() + moment
    try:
        while time.monotonic() < deadline and command.poll() is None:
            with contextlib.suppress(psutil.Error):
                for child in root.children(recursive=True):
                    seen.setdefault(child.pid, child)
            time.sleep(0.2)
        command.send_signal(signal.SIGKILL)
        command.wait(timeout=30)
        _, alive = psutil.wait_procs(list(seen.values()), timeout=30)
        assert [" ".join(p.cmdline()) for p in alive] == []
        db_path = tmp_path / "wh" / "fjordjobs.duckdb"
        if db_path.exists():
            with db.connection(db_path) as con:  # writable again: no process holds it
                con.execute("SELECT count(*) FROM listings").fetchone()
        status = CliRunner().invoke(app, ["run", "--config", str(config), "--help"])
        assert status.exit_code == 0
        from flows.lock import run_lock

        with run_lock(db_path):  # the run lock is free again
            pass
    finally:
        for process in [root, *seen.values()]:
            with contextlib.suppress(psutil.Error):
                process.kill()
