"""The HTML report opens offline in a real browser, draws, and runs no script from a crawled title."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from matching.reports import render
from matching.run import run_match
from tests.test_match_support import DEV, ON, listing, warehouse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CVS = Path(__file__).parent / "fixtures" / "cv"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
INJECTED = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"
)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_report_renders_and_no_injected_script_runs(tmp_path: Path) -> None:
    evil = listing("evil", INJECTED, DEV["description"], salary_min_nok=640_000, education="master")
    con = warehouse(tmp_path / "w.duckdb", [DEV, evil])
    page = tmp_path / "report.html"
    page.write_text(render(run_match(con, CVS / "cv.txt", on=ON, show_all=True), "html"), encoding="utf-8")

    shot = tmp_path / "shot.png"
    _chromium(tmp_path, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 5_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "<title>fjordjobs shortlist</title>" in dom  # a script that ran would have renamed the page
    assert "pwned</title>" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown as text
    assert "<svg" in dom
