"""Run a spider in its own process and collect its landing file.

Scrapy's Twisted reactor cannot restart inside one process, so every crawl (CLI, Prefect task,
test) goes through a `scrapy crawl` subprocess. This module holds no Scrapy imports itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# For crawls of 127.0.0.1 (tests, demo, benchmarks): no politeness delays against our own server.
LOOPBACK_SETTINGS: dict[str, str] = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "RETRY_TIMES": "4",
}


@dataclass(frozen=True)
class CrawlResult:
    """What a finished spider process left behind."""

    output: Path
    returncode: int
    log: str


def run_spider(
    name: str,
    output: Path,
    *,
    args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    timeout: float | None = None,
) -> CrawlResult:
    """Crawl with spider `name`, writing JSON lines to `output` (overwritten); return when it ends.

    The spider runs in the project's folder, so a relative `output` would land there, not where the
    ingest looks for it (issue 14.4): the path is made absolute first.
    """
    output = Path(os.path.abspath(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "scrapy", "crawl", name, "-O", f"{output}:jsonlines"]
    for key, value in (args or {}).items():
        command += ["-a", f"{key}={value}"]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="spiders.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    return CrawlResult(output=output, returncode=proc.returncode, log=proc.stderr)
