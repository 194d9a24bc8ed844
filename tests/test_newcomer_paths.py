"""One obvious warehouse (issue 16) and a demo that touches only its own files (issue 14.3, 14.4).

Each test runs with a data folder of its own (`XDG_DATA_HOME`), from a folder that is not the checkout,
and checks what a user would notice: which file a command used, what it refused, what it left on disk.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner, Result

from demo.feed_server import NavFeedServer, load_ads
from flows import locations
from flows.cli import app
from flows.demo import DEMO_DATA, DemoRefused, fresh_database
from hunt import applications, contacts
from warehouse import db

PROJECT = Path(__file__).resolve().parents[1]
CV = "# Kari Nordmann\nBackend developer: Python, Kotlin, PostgreSQL, Kafka, Kubernetes, data pipelines.\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, no $FJORDJOBS_DB, and a working folder away from the checkout."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("FJORDJOBS_DB", raising=False)
    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_the_default_warehouse_is_in_the_data_folder_never_the_checkout(home: Path) -> None:
    chosen = locations.choose(None)
    assert chosen.path == home / "data" / "fjordjobs" / "fjordjobs.duckdb"
    assert PROJECT not in chosen.path.parents
    assert db.resolve_db_path(None) == chosen.path


def test_the_order_db_then_env_then_config_then_default(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = Path.cwd()
    (work / "fjordjobs.toml").write_text('[warehouse]\ndb = "wh/mine.duckdb"\n', encoding="utf-8")
    assert locations.choose(None).path == work / "wh" / "mine.duckdb"
    # A relative path in a configuration follows the file, wherever the command runs.
    sub = work / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert locations.choose(None, config=Path("../fjordjobs.toml")).path == work / "wh" / "mine.duckdb"
    monkeypatch.setenv("FJORDJOBS_DB", "env.duckdb")
    assert locations.choose(None, config=Path("../fjordjobs.toml")).path == sub / "env.duckdb"
    assert locations.choose(Path("../x.duckdb")).path == work / "x.duckdb"  # absolute, from the cwd


def test_reading_commands_on_a_missing_warehouse_say_what_to_do_and_create_nothing(home: Path) -> None:
    cv = home / "cv.md"
    cv.write_text(CV, encoding="utf-8")
    before = files_under(home)
    for args in (
        ["match", "--cv", str(cv)],
        ["sql", "SELECT 1"],
        ["status"],
        ["export", "--out", "out"],
        ["contacts", "list"],
        ["track"],
        ["hunt-export", "--out", "hunt.xlsx"],
    ):
        line = one_line_error(run(*args))
        assert "no warehouse at" in line and str(home / "data" / "fjordjobs") in line, args
        assert "fjordjobs" in line.split("yet:")[1], args  # it says what to run
    assert files_under(home) == before


def test_match_on_an_empty_warehouse_exits_non_zero_and_names_the_way_on(home: Path) -> None:
    path = home / "empty.duckdb"
    with db.connection(path):
        pass
    cv = home / "cv.md"
    cv.write_text(CV, encoding="utf-8")
    size = path.stat().st_size
    line = one_line_error(run("match", "--cv", str(cv), "--db", str(path)))
    assert "no active listings" in line and "fjordjobs init" in line and "fjordjobs demo" in line
    assert path.stat().st_size == size


def test_demo_refuses_a_warehouse_that_is_not_its_own(home: Path) -> None:
    real = home / "real.duckdb"
    with db.connection(real) as con:
        applications.track(con, None, "applied", date(2026, 11, 20), open_employer="Equinor")
        contacts.add(con, "Kari Nordmann", employer="Equinor", relation="close")
    before = real.read_bytes()
    line = one_line_error(run("demo", "--db", str(real)))
    assert "not a demo warehouse" in line and str(real) in line
    assert real.read_bytes() == before
    with db.connection(real, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM applications").fetchone() == (1,)
    # Not even a file that is no warehouse at all is replaced.
    notes = home / "notes.duckdb"
    notes.write_text("my notes", encoding="utf-8")
    assert "not a demo warehouse" in one_line_error(run("demo", "--db", str(notes)))
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_demo_replaces_its_own_file_only_and_never_a_folder(home: Path) -> None:
    folder = home / "shared"
    mine = folder / "demo.duckdb"
    fresh_database(mine)
    landing = folder / "landing"
    landing.mkdir()
    (landing / "nav-20261121T070000Z.jsonl").write_text("{}\n", encoding="utf-8")  # a real crawl's
    (folder / "fjordjobs.duckdb").write_text("the user's", encoding="utf-8")
    fresh_database(mine)  # a second demo replaces its own file
    assert (landing / "nav-20261121T070000Z.jsonl").exists()
    assert (folder / "fjordjobs.duckdb").read_text(encoding="utf-8") == "the user's"
    # Once the user keeps their own data in it, even the demo's warehouse is no longer replaced.
    with db.connection(mine) as con:
        contacts.add(con, "Ola Hansen", employer="Kartverket", relation="close")
    with pytest.raises(DemoRefused, match="holds your own data"):
        fresh_database(mine)


def test_crawl_with_a_relative_db_from_another_folder_lands_and_loads_there(home: Path) -> None:
    """Issue 14.4: the spider runs in the project's folder, yet writes where the ingest reads."""
    checkout_before = files_under(PROJECT / "rel")
    with NavFeedServer(load_ads(DEMO_DATA / "nav_ads.jsonl.gz")[:12], page_size=5) as server:
        result = run("crawl", "nav", "--url", server.url, "--db", "rel/wh.duckdb")
    assert result.exit_code == 0, result.output
    target = Path.cwd() / "rel" / "wh.duckdb"
    assert f"warehouse: {target} (from --db)" in result.stderr.replace("\n", "")
    with db.connection(target, read_only=True) as con:
        row = con.execute("SELECT count(*) FROM listings").fetchone()
    assert row is not None and row[0] == 12
    assert files_under(target.parent / "landing") == set()  # loaded, so removed
    assert files_under(PROJECT / "rel") == checkout_before == set()


def test_version_and_every_command_shows_an_example() -> None:
    done = run("--version")
    assert done.exit_code == 0 and re.fullmatch(r"fjordjobs \S+\n", done.stdout), done.stdout
    stack: list[tuple[list[str], Any]] = [([], get_command(app))]
    checked = []
    while stack:
        prefix, command = stack.pop()
        if getattr(command, "commands", None):
            stack.extend(([*prefix, name], sub) for name, sub in command.commands.items())
            continue
        help_text = " ".join(run(*prefix, "--help").stdout.split())
        assert re.search(r"Example:? fjordjobs " + re.escape(prefix[0]), help_text), prefix
        checked.append(" ".join(prefix))
    assert {"demo", "match", "init", "contacts list", "run"} <= set(checked)
