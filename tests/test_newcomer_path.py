"""The README's first screen, run as a newcomer would, on a fresh clone in a temporary HOME (issue 16).

The demo from the checkout, then `match` with a CV of one's own from the home folder, then `init` and
`run` from a folder of one's own: each step's output is read as that person would read it, and at the
end the checkout holds exactly what the clone brought (nothing written into it, not even bytecode).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
FJORDJOBS = Path(sys.executable).with_name("fjordjobs")
# Not the demo's sample CV: a nurse, so the ranking has to come from this text.
MY_CV = """# Ingrid Haugen
Registered nurse (sykepleier) with eight years on a surgical ward and in home care.
Skills: wound care, medication administration, patient documentation in DIPS, shift work,
elderly care, palliative care. Bachelor of Nursing. Norwegian B2, English fluent.
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1200),
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git to clone the checkout"),
    pytest.mark.skipif(not FJORDJOBS.exists(), reason="needs the fjordjobs command (make install)"),
]


def checkout_state(clone: Path) -> str:
    """Every file git sees in the clone, ignored ones included."""
    return subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_readme_newcomer_path(tmp_path: Path) -> None:
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "fjordjobs"
    subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(clone)], check=True)
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FJORDJOBS_", "PREFECT_", "XDG_")) and key not in ("PYTHONPATH", "HOME")
    }
    env.update(HOME=str(home), PYTHONPATH=str(clone), PYTHONDONTWRITEBYTECODE="1", COLUMNS="200")
    env["PATH"] = os.pathsep.join([str(FJORDJOBS.parent), env.get("PATH", "")])  # `. .venv/bin/activate`
    before = checkout_state(clone)
    data = home / ".local" / "share" / "fjordjobs"

    def fjordjobs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(FJORDJOBS), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
        )
        assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-2000:])
        return done

    # 1. The demo, from the checkout (what `make demo` runs).
    demo = fjordjobs("demo", cwd=clone)
    demo_db = data / "demo" / "demo.duckdb"
    assert f"demo warehouse: {demo_db}" in demo.stdout
    assert "Next:" in demo.stdout
    assert "fjordjobs match --cv your-cv.pdf --top 20" in demo.stdout  # no --db: it is the default for now
    assert f"{demo_db.parent / 'reports' / 'demo-shortlist.html'}" in demo.stdout.replace("\n", "")
    assert "fjordjobs init --cv your-cv.pdf && fjordjobs run" in demo.stdout
    assert demo_db.is_file()

    # 2. My own CV against the demo's ads, from my home folder, exactly as the demo suggested.
    (home / "cv.md").write_text(MY_CV, encoding="utf-8")
    match = fjordjobs("match", "--cv", "cv.md", "--top", "5", "--format", "csv", cwd=home)
    rows = match.stdout.strip().splitlines()
    assert rows[0].startswith("rank,") and len(rows) == 6, match.stdout
    assert any("sykepleier" in row.lower() or "nurse" in row.lower() for row in rows[1:4]), rows
    assert f"warehouse: {demo_db} (the demo's" in match.stderr.replace("\n", "")
    assert not (data / "fjordjobs.duckdb").exists()  # reading the demo's created nothing of mine

    # 3. My own configuration and run, in a folder of my own.
    jobs = home / "jobs"
    jobs.mkdir()
    init = fjordjobs("init", "--cv", "../cv.md", cwd=jobs)
    assert f"wrote {jobs / 'fjordjobs.toml'}" in init.stdout
    assert 'cv = "../cv.md"' not in (jobs / "fjordjobs.toml").read_text(encoding="utf-8")  # absolute
    run = fjordjobs("run", cwd=jobs)
    mine = data / "fjordjobs.duckdb"
    assert mine.is_file()
    assert f"warehouse: {mine}" in run.stderr.replace("\n", "")
    reports = sorted((jobs / "reports" / "latest").iterdir())
    assert [p.name for p in reports] == ["me.csv", "me.html", "me.md"], reports
    status = fjordjobs("status", cwd=jobs)
    assert f"warehouse: {mine}" in status.stdout.replace("\n", "")

    # 4. Nothing appeared inside the checkout.
    assert checkout_state(clone) == before
