"""Start the page: bind (127.0.0.1 unless told otherwise), print the address, retry pending clicks."""

from __future__ import annotations

import ipaddress
import webbrowser
from pathlib import Path

import uvicorn

from matching.run import run_match
from web.app import create_app
from web.journal import RetryThread
from web.security import Guard, allowed_hosts
from web.store import connection

DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """Whether `host` is only reachable from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def rank(db_path: Path, cv: Path, profile: Path | None) -> int:
    """Rank the warehouse against a CV (as `fjordjobs match` does) and store it for the shortlist."""
    with connection(db_path, write=True, wait=30) as con:
        return len(run_match(con, cv, profile).results)


def serve(
    db_path: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, open_browser: bool = False
) -> None:
    """Serve the page until interrupted; clicks left from an earlier session are applied first."""
    app = create_app(db_path, Guard(allowed_hosts(host, port)))
    journal = app.state.site.journal
    left = journal.apply(wait=1.0)
    retry = RetryThread(journal)
    retry.start()
    address = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    print(f"fjordjobs web: {address}  (warehouse {db_path}; Ctrl-C stops)", flush=True)
    if left:
        print(
            f"  {left} earlier click(s) wait for the warehouse; they are applied when it is free", flush=True
        )
    if not is_loopback(host):
        print(
            f"  warning: listening on {host}: anyone who can reach this address can use the page", flush=True
        )
    if open_browser:
        webbrowser.open(address)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        retry.stopped.set()
        journal.apply(wait=2.0)
