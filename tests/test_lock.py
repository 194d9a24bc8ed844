"""The run lock (issue 14.2): a forked child never keeps it, and a lock naming a dead process is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from flows.lock import RunLocked, run_lock

# A run that takes the lock, forks a worker that lives on (as the normalising pool's worker did), then hangs.
HOLDER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from flows.lock import run_lock
    with run_lock(Path(sys.argv[1])):
        if os.fork() == 0:
            os.setsid()
            time.sleep(60)
            os._exit(0)
        print("locked", flush=True)
        time.sleep(60)
    """
)


def test_a_killed_runs_orphaned_child_does_not_keep_the_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "w.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    orphan: int | None = None
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        children = subprocess.run(
            ["pgrep", "-P", str(holder.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        orphan = int(children[0]) if children else None
        with pytest.raises(RunLocked, match=f"pid {holder.pid}"), run_lock(db_path):
            pass
        holder.kill()
        holder.wait(timeout=10)
        assert orphan is not None and _alive(orphan), "the forked worker outlives the killed run"
        with run_lock(db_path) as lock:
            assert lock.read_text() == f"pid {os.getpid()}"
        err = capsys.readouterr().err
        assert f"it named pid {holder.pid}, which is no longer running" in err
        assert err.count("\n") == 1
        assert lock.read_text() == "", "a lock released normally names nobody"
    finally:
        holder.kill()
        if orphan is not None and _alive(orphan):
            os.kill(orphan, signal.SIGKILL)


def test_a_lock_released_normally_gives_no_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(2):
        with run_lock(tmp_path / "w.duckdb"):
            time.sleep(0)
    assert capsys.readouterr().err == ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
