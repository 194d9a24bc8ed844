"""Children end with their parent: killing `fjordjobs` leaves no Prefect server or spider running.

A real `fjordjobs crawl` is started against a site that accepts connections and never answers, so it
is caught mid-crawl with both of its children alive: Prefect's temporary API server (uvicorn) and the
Scrapy spider. It is then killed with SIGTERM (what `kill` and service managers send) or SIGKILL
(what the OOM killer and `kill -9` send, where the process can do nothing), and every process that
descended from it must be gone within a short while.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

FJORDJOBS = [str(Path(sys.executable).with_name("fjordjobs"))]


@pytest.fixture
def silent_site() -> Iterator[str]:
    """A TCP server on 127.0.0.1 that accepts every connection and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def _cmdline(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def _wait_for_children(root: psutil.Process, timeout: float) -> list[psutil.Process]:
    """The root's descendants once both the Prefect server and the spider run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = root.children(recursive=True)
        lines = [_cmdline(k) for k in kids]
        if any("uvicorn" in line for line in lines) and any("scrapy" in line for line in lines):
            return kids
        if not root.is_running():
            break
        time.sleep(0.3)
    raise AssertionError(f"the crawl never had both children: {[_cmdline(k) for k in root.children(True)]}")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killing_a_crawl_leaves_no_child_running(
    silent_site: str, tmp_path: Path, how: signal.Signals
) -> None:
    command = subprocess.Popen(
        [*FJORDJOBS, "crawl", "jsonld", "--url", silent_site, "--db", str(tmp_path / "w.duckdb")],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so this test can clean up after a failure without touching pytest
    )
    root = psutil.Process(command.pid)
    kids: list[psutil.Process] = []
    try:
        kids = _wait_for_children(root, timeout=180)
        time.sleep(1)  # let the spider settle into its hanging request
        kids = root.children(recursive=True)
        command.send_signal(how)
        command.wait(timeout=60)
        _, alive = psutil.wait_procs(kids, timeout=30)
        assert [_cmdline(p) for p in alive] == []
    finally:  # never leave this test's own processes behind, whatever failed
        for process in [root, *kids]:
            with contextlib.suppress(psutil.Error):
                process.kill()
