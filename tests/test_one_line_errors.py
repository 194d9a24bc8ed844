"""Errors a user can meet print one line and exit non-zero (README: "Errors print one line").

Bad values in the configuration or on the command line, files that are not UTF-8, and a Finn crawl
without permission: each gets one line that says what is wrong, no traceback, no log noise before it,
and nothing runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.config import example_config
from warehouse import db

FJORDJOBS = [str(Path(sys.executable).with_name("fjordjobs"))]
DEMO = Path(__file__).resolve().parent.parent / "demo"


def one_line(*args: str) -> str:
    """The single line a failing command printed (stdout and stderr together)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


def real_one_line(*args: str, cwd: Path) -> str:
    """The same through the installed `fjordjobs` command, as a user runs it."""
    done = subprocess.run([*FJORDJOBS, *args], capture_output=True, text=True, timeout=180, cwd=cwd)
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert len(lines) == 1, done.stdout + done.stderr
    return lines[0]


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "w.duckdb"
    monkeypatch.setenv("FJORDJOBS_DB", str(path))
    monkeypatch.chdir(tmp_path)
    db.connect(path).close()
    return path


def _config(tmp_path: Path, old: str, new: str) -> Path:
    text = example_config(str(DEMO / "sample_cv.md"), str(DEMO / "sample_profile.toml"))
    assert old in text
    path = tmp_path / "fjordjobs.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('urls = ["https://example-company.no/careers"', "urls = [1, 2", "sources.careers.urls"),
        ("top = 30", "top = -5", "profiles.me.top"),
        ("top = 30", "top = 0", "profiles.me.top"),
        ("[sources.careers]", "[sources.careers]\nmax_pages = -1", "sources.careers.max_pages"),
        ('urls = ["https://example-company.no/careers"', 'urls = ["not a url"', "sources.careers.urls"),
        ("[sources.finn]\nspider = \"finn\"\nenabled = false", "[sources.finn]\nspider = \"finn\"\nenabled = true",
         "i_have_permission"),
    ],
)  # fmt: skip
def test_bad_configuration_values_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    config = _config(tmp_path, old, new)
    line = one_line("run", "--config", str(config))
    assert str(config) in line and expected in line
    assert not (tmp_path / "warehouse").exists() and not (tmp_path / "reports").exists()


def test_non_utf8_config_and_profile_are_one_line(warehouse: Path, tmp_path: Path) -> None:
    config = tmp_path / "latin1.toml"
    config.write_bytes('# Tromsø\n[reports]\ndir = "rapporter"\n'.encode("latin-1"))
    assert "UTF-8" in one_line("run", "--config", str(config))
    profile = tmp_path / "me.toml"
    profile.write_bytes('degree = "master"\nplaces = ["Tr\xf8ndelag"]\n'.encode("latin-1"))
    cv = tmp_path / "cv.md"
    cv.write_text("Python developer", encoding="utf-8")
    with db.connection(warehouse) as con:  # match reads the profile only where there is something to rank
        con.execute(
            "INSERT INTO listings (listing_id, source, source_id, title, description, status) "
            "VALUES ('nav:1', 'nav', '1', 'Python developer', 'Python developer wanted', 'active')"
        )
    assert "UTF-8" in one_line("match", "--cv", str(cv), "--profile", str(profile))
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\x00\xff\xfe garbage \x89PNG")
    assert "UTF-8" in real_one_line("run", "--config", str(binary), cwd=tmp_path)


def test_bad_command_line_values_are_one_line(warehouse: Path, tmp_path: Path) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text("Python developer", encoding="utf-8")
    assert "--format" in one_line("sql", "--format", "xml", "SELECT 1")
    assert "--top" in one_line("match", "--cv", str(cv), "--top", "-5")
    assert ".xlsx" in one_line("hunt-export", "--out", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_crawl_finn_without_permission_refuses_at_once(tmp_path: Path) -> None:
    """No spider process, no retries, no Prefect log: one line naming the flag."""
    line = real_one_line(
        "crawl",
        "finn",
        "--url",
        "http://127.0.0.1:9/job/search",
        "--db",
        str(tmp_path / "w.duckdb"),
        cwd=tmp_path,
    )
    assert "--i-have-permission" in line
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["match"],
        ["nosuch"],
        ["match", "--cv"],
        ["match", "--cv", "cv.md", "--top", "abc"],
        ["sql", "--formt", "csv"],
    ],
)
def test_usage_mistakes_are_one_line(tmp_path: Path, args: list[str]) -> None:
    """Click's boxed usage errors become one line that says where the help is."""
    done = subprocess.run([*FJORDJOBS, *args], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 2 and len(lines) == 1, done.stdout + done.stderr
    assert lines[0].startswith("error: ") and "--help" in lines[0]
