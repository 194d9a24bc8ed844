"""Ingest rate: landing records normalised and loaded per second (target at least 2,000 listings/s).

Builds a landing file from the demo generator through the NAV extractor (the real path), loads it into
a fresh warehouse, then loads a second file where a tenth of the ads changed. Run:
`python -m benchmarks.bench_ingest [--ads 5000]`.
"""

from __future__ import annotations

import argparse
import json
import resource
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


def run(n_ads: int = 5000) -> dict[str, float]:
    ads = generate_ads(n_ads, seed=5, today=ON)
    with tempfile.TemporaryDirectory() as tmp:
        first = _write(Path(tmp) / "a.jsonl", _records(ads, "2026-11-20T10:00:00+01:00"))
        changed = [dict(ad, title=ad["title"] + " (ny)") for ad in ads[: n_ads // 10]]
        second = _write(Path(tmp) / "b.jsonl", _records(changed, "2026-11-21T10:00:00+01:00"))
        with db.connection(Path(tmp) / "w.duckdb") as con:
            start, cpu = time.perf_counter(), _cpu_s()
            ingest_file(con, first, on=ON)
            initial_s, initial_cpu_s = time.perf_counter() - start, _cpu_s() - cpu
            start = time.perf_counter()
            ingest_file(con, second, on=ON)
            update_s = time.perf_counter() - start
    return {
        "ads": float(n_ads),
        "initial_rows_per_s": n_ads / initial_s,
        "update_rows_per_s": len(changed) / update_s,
        "initial_s": initial_s,
        "initial_cpu_s": initial_cpu_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ads", type=int, default=5000)
    figures = run(parser.parse_args().ads)
    print(
        f"ingest: {figures['ads']:.0f} listings in {figures['initial_s']:.1f} s = "
        f"{figures['initial_rows_per_s']:.0f} listings/s (target >= 2000), CPU {figures['initial_cpu_s']:.1f} s; "
        f"update batch {figures['update_rows_per_s']:.0f} listings/s"
    )


if __name__ == "__main__":
    main()
