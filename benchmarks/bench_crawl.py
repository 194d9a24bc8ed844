"""Crawl speed of the NAV spider against a 5,000-ad local stand-in, beside a minimal spider.

The figure is the ratio (target at least 0.8): both fetch the same URLs from the same server; the
minimal one extracts nothing. Run: `python -m benchmarks.bench_crawl [--ads 5000]`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from demo.feed_server import NavFeedServer
from demo.generate_ads import generate_ads
from spiders.run import LOOPBACK_SETTINGS, PROJECT_ROOT, run_spider


def _minimal(url: str, out: Path) -> float:
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "runspider",
        str(PROJECT_ROOT / "benchmarks" / "minimal_nav_spider.py"),
        "-a",
        f"url={url}",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        "ROBOTSTXT_OBEY=False",
    ]
    for key, value in LOOPBACK_SETTINGS.items():
        command += ["-s", f"{key}={value}"]
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="spiders.settings", PYTHONPATH=str(PROJECT_ROOT))
    start = time.perf_counter()
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def run(n_ads: int = 5000) -> dict[str, float]:
    ads = generate_ads(n_ads, seed=11, today=date(2026, 11, 21))
    with tempfile.TemporaryDirectory() as tmp, NavFeedServer(ads, page_size=500) as server:
        out = Path(tmp) / "nav.jsonl"
        start = time.perf_counter()
        result = run_spider(
            "nav",
            out,
            args={"url": server.url},
            settings={**LOOPBACK_SETTINGS, "LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": "False"},
        )
        spider_s = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"nav spider failed: {result.log[-2000:]}")
        records = sum(
            1
            for line in out.open(encoding="utf-8")
            if '"kind": "listing"' in line or '"kind":"listing"' in line
        )
        minimal_s = _minimal(server.url, Path(tmp) / "minimal.jsonl")
    figures = {
        "ads": float(n_ads),
        "records": float(records),
        "spider_ads_per_s": n_ads / spider_s,
        "minimal_ads_per_s": n_ads / minimal_s,
    }
    figures["ratio"] = figures["spider_ads_per_s"] / figures["minimal_ads_per_s"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ads", type=int, default=5000)
    figures = run(parser.parse_args().ads)
    print(
        f"crawl: {figures['records']:.0f} records from {figures['ads']:.0f} ads; "
        f"nav spider {figures['spider_ads_per_s']:.0f} ads/s, minimal spider {figures['minimal_ads_per_s']:.0f} ads/s, "
        f"ratio {figures['ratio']:.2f} (target >= 0.8)"
    )


if __name__ == "__main__":
    main()
