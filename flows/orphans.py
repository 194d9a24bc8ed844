"""Children end with their parent: a watchdog that ends what a killed `fjordjobs` left running.

A command starts processes of its own: Prefect's temporary API server (a uvicorn process Prefect
launches and stops only from an `atexit` hook), the Scrapy spider, the ingest's worker processes,
`prefect server start` under `serve`. Killed with SIGKILL (or with SIGTERM while Prefect's hook cannot
run), the parent gets no chance to stop them, and they keep running, listening and using CPU.

Why a watchdog process and not the usual devices: `prctl(PR_SET_PDEATHSIG)` needs a hook into every
`Popen`, Prefect's included, and fires when the *thread* that started the child ends, which Prefect's
threads do; a process group of our own would take fjordjobs out of the terminal's job control (Ctrl-C
would no longer reach it). The watchdog is a small process that notes the command's descendants a few
times a second and, once the command is gone however it ended, asks each one left to stop (SIGTERM, so
the spider and the server shut down cleanly), then kills what is still there after a few seconds.
Worker processes forked from the command itself get SIGKILL at once: they hold nothing to save, and a
SIGTERM would only make them print Prefect's TerminationSignal traceback on the user's terminal.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import psutil

POLL_SECONDS = 0.25
GRACE_SECONDS = 5.0

_guard: subprocess.Popen[bytes] | None = None


def guard_children() -> None:
    """Start the watchdog for this process (once); it outlives us only to end what we leave behind."""
    global _guard
    if _guard is not None:
        return
    _guard = subprocess.Popen(
        [sys.executable, "-m", "flows.orphans", str(os.getpid())],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
    )


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def watch(parent_pid: int) -> None:
    """Note `parent_pid`'s descendants until it is gone, then end every one still running."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)  # a Ctrl-C to the group must not end the watchdog first
    me = os.getpid()
    try:
        parent = psutil.Process(parent_pid)
        parent_cmd = parent.cmdline()
    except psutil.Error:
        return
    seen: dict[int, psutil.Process] = {}
    while os.getppid() == parent_pid:
        try:
            for child in parent.children(recursive=True):
                if child.pid != me:
                    seen.setdefault(child.pid, child)
        except psutil.Error:
            break
        time.sleep(POLL_SECONDS)
    left: dict[int, psutil.Process] = {}
    for process in seen.values():
        with contextlib.suppress(psutil.Error):
            if process.is_running():  # psutil checks the start time too: a reused pid is not ours
                left[process.pid] = process
                for grandchild in process.children(recursive=True):
                    left.setdefault(grandchild.pid, grandchild)
    left.pop(me, None)
    for process in left.values():
        with contextlib.suppress(psutil.Error):
            if _cmdline(process) == parent_cmd:
                process.kill()  # a forked worker of the command itself
            else:
                process.terminate()
    _, alive = psutil.wait_procs(list(left.values()), timeout=GRACE_SECONDS)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()


if __name__ == "__main__":
    watch(int(sys.argv[1]))
