"""`fjordjobs serve`: run the daily flow on a cron schedule through Prefect's own `flow.serve`.

Prefect's temporary per-process API has no scheduler, so a schedule served against it never fires
(shared STACK.md). `serve` therefore uses the Prefect server at `$PREFECT_API_URL`, or starts
`prefect server start` on a free 127.0.0.1 port itself, says so, and stops it again on exit.
`PREFECT_API_URL` must be set before Prefect's client is imported, so this module imports the flow
only once the server is up.
"""

from __future__ import annotations

from flows import env

env.configure()

import os  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from types import FrameType  # noqa: E402

from flows.config import load_config  # noqa: E402

DEPLOYMENT_NAME = "daily"
HEALTH_TIMEOUT_SECONDS = 120.0
STOP_TIMEOUT_SECONDS = 15.0

Say = Callable[[str], None]


class ServeError(RuntimeError):
    """The schedule cannot be served (no server came up, a bad cron expression); the message says why."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _prefect_command() -> list[str]:
    """The `prefect` CLI of this interpreter's environment (not whatever is first on PATH)."""
    script = Path(sys.executable).with_name("prefect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prefect"]


def _tail(path: Path, lines: int = 5) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return " | ".join(line.strip() for line in text.splitlines()[-lines:] if line.strip())


@contextmanager
def local_server(say: Say, timeout: float = HEALTH_TIMEOUT_SECONDS) -> Iterator[str]:
    """Start `prefect server start` on a free 127.0.0.1 port, wait until healthy, yield its API URL, stop it."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    log_path = Path(os.environ["PREFECT_HOME"]) / "fjordjobs-server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env_vars = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    with log_path.open("w", encoding="utf-8") as log:
        # Its own session: Ctrl-C reaches only us, so the server outlives the runner's shutdown.
        server = subprocess.Popen(
            [*_prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env_vars,
            start_new_session=True,
        )
    say(f"started a local Prefect server (pid {server.pid}) at {api_url}; its log is {log_path}")
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(api_url):
            if server.poll() is not None:
                raise ServeError(
                    f"the Prefect server exited with status {server.returncode}: {_tail(log_path)}"
                )
            if time.monotonic() > deadline:
                raise ServeError(
                    f"the Prefect server was not healthy after {timeout:.0f} s: {_tail(log_path)}"
                )
            time.sleep(0.5)
        say(f"Prefect server healthy; UI at http://127.0.0.1:{port}")
        yield api_url
    finally:
        _stop(server)
        say(f"stopped the local Prefect server (pid {server.pid})")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _terminate_as_interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM unwinds like Ctrl-C, so the server this process started is stopped too."""
    raise KeyboardInterrupt


def serve(config_path: Path, cron: str | None = None, *, say: Say = print) -> None:
    """Serve the daily flow for `config_path` on `cron` (default: the file's [schedule] cron) until interrupted."""
    config = load_config(config_path)
    schedule = cron or config.cron
    if len(schedule.split()) != 5:
        raise ServeError(f"expected five cron fields like '0 6 * * *', got {schedule!r}")
    previous = signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    try:
        existing = os.environ.get("PREFECT_API_URL")
        if existing:
            say(f"serving against the Prefect server at PREFECT_API_URL={existing}")
            _serve_flow(config_path, schedule, say)
            return
        say(
            "PREFECT_API_URL is not set: starting a local Prefect server (the temporary API has no scheduler)"
        )
        with local_server(say) as api_url:
            os.environ["PREFECT_API_URL"] = api_url
            try:
                _serve_flow(config_path, schedule, say)
            finally:
                del os.environ["PREFECT_API_URL"]
    except KeyboardInterrupt:
        say("stopped serving")
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve_flow(config_path: Path, cron: str, say: Say) -> None:
    from flows.daily import FLOW_NAME, daily_flow

    say(f"serving {FLOW_NAME}/{DEPLOYMENT_NAME} on cron {cron!r} for {config_path}; Ctrl-C stops")
    try:
        daily_flow.serve(
            name=DEPLOYMENT_NAME,
            cron=cron,
            parameters={"config_path": str(config_path.resolve())},
            print_starting_message=False,
        )
    except ValueError as exc:  # an invalid cron expression is reported by Prefect's schedule model
        raise ServeError(f"cannot serve on cron {cron!r}: {str(exc).splitlines()[0]}") from None
