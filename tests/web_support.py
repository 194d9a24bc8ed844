"""Helpers for the web tests: a small warehouse with listings and a page client bound to it."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from starlette.testclient import TestClient

from pipeline.employers import employer_key
from tests.test_match_support import COOK, DEV, NURSE, listing, warehouse
from web.app import create_app
from web.security import Guard, allowed_hosts

EVIL = listing(
    "evil",
    "<script>alert(1)</script>Hacker",
    "<img src=x onerror=alert(2)> Python developer wanted. Working language is English.",
    employer="<b>Bad</b> AS",
    english_ok=True,
    language_evidence='stated: "Working language is English"',
)


def make_warehouse(path: Path) -> Path:
    """A warehouse file with four listings, closed so the page can open it."""
    con = warehouse(path, [DEV, NURSE, {**COOK, "city": "Bergen"}, EVIL])
    con.execute(
        "UPDATE listings SET language_evidence = ? WHERE listing_id = ?",
        [EVIL["language_evidence"], EVIL["listing_id"]],
    )
    for listing_id, employer in con.execute("SELECT listing_id, employer FROM listings").fetchall():
        con.execute(
            "UPDATE listings SET employer_key = ? WHERE listing_id = ?", [employer_key(employer), listing_id]
        )
    con.close()
    return path


def client(db_path: Path) -> TestClient:
    """A test client whose Host header the page accepts."""
    guard = Guard(allowed_hosts("127.0.0.1", 8765) | {"testserver"})
    return TestClient(create_app(db_path, guard), follow_redirects=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_page(db_path: Path) -> Iterator[str]:
    """The real page served by uvicorn on 127.0.0.1 in a thread; yields its address."""
    port = free_port()
    app = create_app(db_path, Guard(allowed_hosts("127.0.0.1", port)))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


# A writer in a small process of its own: it opens the file, says so, and holds it until its stdin closes.
_HOLDER = (
    "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
)


@contextmanager
def warehouse_held(path: Path) -> Iterator[None]:
    """Another process holds the warehouse for writing (as `fjordjobs run` does while it loads)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdin is not None
    try:
        assert proc.stdout.readline().strip() == "ready", "the holding process did not open the warehouse"
        yield
    finally:
        proc.stdin.close()
        proc.wait(60)
