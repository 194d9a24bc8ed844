"""Ingest rate and peak memory: landing records normalised and loaded per second, and the peak RSS of the
process that loads them (issue 15: at least ~1,500 listings/s; peak RSS must not grow with the file, at most
600 MB at any size; measured before streaming: one 50,000-ad file took 3.3 GB; streamed, but with every batch
held until the commit: 397 MB for 5,000 ads, 990 MB for 20,000; since: 336 MB for 5,000, 447 MB for 50,000).
Rate, 5,000 generated ads, paired runs on 3 December 2026 (machine shared with other work): 306-361 listings per
CPU second before that day's normaliser speed work, 362-457 after it; normalising is about three quarters of
the CPU (`benchmarks/bench_normalise.py`), the load, duplicate marking and JSON the rest.

Builds a landing file from the demo generator through the NAV extractor (the real path), then loads it into
a fresh warehouse in a child process (so the peak RSS is the ingest's own, not the generator's), then a
second file where a tenth of the ads changed. CPU seconds stand beside wall time: on a shared machine the
wall clock measures the neighbours too. Run: `python -m benchmarks.bench_ingest [--ads 5000] [--repeat N]`
(`--repeat` ingests N more small files in a loop: issue 14.2's pool teardown hang).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from demo.generate_ads import generate_ads
from pipeline.ingest import ingest_file
from spiders.extract_nav import ad_url, entry_fields
from warehouse import db

ON = date(2026, 11, 21)


def _records(ads: list[dict[str, Any]], version: str) -> list[dict[str, Any]]:
    fetched = datetime.now(UTC).isoformat()
    out = []
    for ad in ads:
        entry = {"uuid": ad["uuid"], "status": "ACTIVE", "sistEndret": version, "ad_content": ad}
        out.append(
            {
                "kind": "listing",
                "source": "nav",
                "source_id": ad["uuid"],
                "url": ad_url(ad["uuid"]),
                "fetched_at": fetched,
                "status": "ACTIVE",
                "version_key": version,
                "payload": entry,
                "fields": entry_fields(entry),
            }
        )
    return out


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _cpu_s() -> float:
    """User + system CPU of this process and its reaped children (the normalising pool's workers).

    Wall time alone misleads on a shared machine: another job's load slows the wall clock, not this CPU.
    """
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_mb() -> float:
    """The largest resident set of this process so far, in MB.

    Read from /proc/self/status (VmHWM), not `getrusage`: on Linux a spawned child's `ru_maxrss` starts at its
    parent's high-water mark (measured: 611 MB reported for a child that used 11 MB, from a parent holding
    600 MB), so the ingest child reported the generator's peak (643 MB at 20,000 ads) instead of its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(db_path: Path, files: list[Path]) -> None:
    """Ingest `files` in order into `db_path` and print one JSON line of figures per file."""
    with db.connection(db_path) as con:
        for path in files:
            start, cpu = time.perf_counter(), _cpu_s()
            ingest_file(con, path, on=ON)
            print(
                json.dumps(
                    {"s": time.perf_counter() - start, "cpu_s": _cpu_s() - cpu, "peak_rss_mb": _peak_rss_mb()}
                ),
                flush=True,
            )


def _ingest_in_child(db_path: Path, files: list[Path]) -> list[dict[str, float]]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ingest", "--child", str(db_path), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def run(n_ads: int = 5000, repeat: int = 0) -> dict[str, float]:
    ads = generate_ads(n_ads, seed=5, today=ON)
    with tempfile.TemporaryDirectory() as tmp:
        first = _write(Path(tmp) / "a.jsonl", _records(ads, "2026-11-20T10:00:00+01:00"))
        changed = [dict(ad, title=ad["title"] + " (ny)") for ad in ads[: n_ads // 10]]
        second = _write(Path(tmp) / "b.jsonl", _records(changed, "2026-11-21T10:00:00+01:00"))
        del ads, changed
        initial, update = _ingest_in_child(Path(tmp) / "w.duckdb", [first, second])
        figures = {
            "ads": float(n_ads),
            "initial_rows_per_s": n_ads / initial["s"],
            "initial_rows_per_cpu_s": n_ads / initial["cpu_s"],
            "update_rows_per_s": (n_ads // 10) / update["s"],
            "initial_s": initial["s"],
            "initial_cpu_s": initial["cpu_s"],
            "peak_rss_mb": max(initial["peak_rss_mb"], update["peak_rss_mb"]),
        }
        if repeat:
            small = generate_ads(300, seed=9, today=ON)
            files = [
                _write(Path(tmp) / f"r{i}.jsonl", _records(small, f"2026-11-{i % 28 + 1:02d}T10:00:00+01:00"))
                for i in range(repeat)
            ]
            start = time.perf_counter()
            _ingest_in_child(Path(tmp) / "loop.duckdb", files)
            figures["repeat"] = float(repeat)
            figures["repeat_s"] = time.perf_counter() - start
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ads", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=0, help="then ingest N files of 300 ads in a loop")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), [Path(p) for p in args.child[1:]])
        return
    figures = run(args.ads, args.repeat)
    print(
        f"ingest: {figures['ads']:.0f} listings in {figures['initial_s']:.1f} s wall = "
        f"{figures['initial_rows_per_s']:.0f} listings/s (target >= 1500), CPU {figures['initial_cpu_s']:.1f} s "
        f"= {figures['initial_rows_per_cpu_s']:.0f} listings per CPU s; peak RSS {figures['peak_rss_mb']:.0f} MB "
        f"(target <= 600); update batch {figures['update_rows_per_s']:.0f} listings/s"
    )
    if "repeat" in figures:
        print(
            f"ingest loop: {figures['repeat']:.0f} files of 300 ads in {figures['repeat_s']:.0f} s, no hang"
        )


if __name__ == "__main__":
    main()
