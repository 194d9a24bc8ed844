"""`python -m benchmarks.bench_web [--n 50000]`: server time of each page of `fjordjobs web`.

Targets (issue 12): on a warehouse of 50,000 active listings every page's server time p95 is under
150 ms, and the shortlist with filters under 300 ms. Each page is requested `--repeat` times in this
process through the ASGI app (no network, no browser: the server's own time), after one warm-up request;
p95 of wall time is printed beside the median CPU seconds per request (two cores hide work).

The listings are the synthetic ads of `benchmarks.bench_match`; the shortlist reads a ranking stored by
`run_match` against the demo CV with the weak matches kept (`match --all`): the synthetic texts are word
salad that no CV matches well, and a shortlist of every listing is the page's worst case.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from benchmarks.bench_match_cli import CV, fill_warehouse
from matching.run import run_match
from web.app import create_app
from web.security import Guard, allowed_hosts
from web.store import connection

PAGES: tuple[tuple[str, float], ...] = (
    ("/", 0.150),
    ("/applications", 0.150),
    ("/contacts", 0.150),
    ("/offer?salary=610000&education=master&percent=100&employer=Equinor", 0.150),
    ("/listing/bench:123", 0.150),
    ("/shortlist", 0.300),
    ("/shortlist?english=true&place=Oslo&remote=hybrid&deadline_open=true&sort=deadline", 0.300),
)


def measure(client: TestClient, path: str, repeat: int) -> tuple[float, float]:
    """(p95 wall seconds, median CPU seconds) of `repeat` requests for one page."""
    client.get(path)
    walls, cpus = [], []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.get(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    walls.sort()
    return walls[max(0, int(len(walls) * 0.95) - 1)], statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="active listings in the warehouse")
    parser.add_argument("--repeat", type=int, default=40, help="requests per page")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        fill_warehouse(db, args.n)
        t = time.perf_counter()
        with connection(db, write=True) as con:
            ranked = len(run_match(con, CV, None, show_all=True).results)
        print(
            f"web: {args.n:,} listings, {ranked:,} ranked against {CV.name} in {time.perf_counter() - t:.1f} s"
        )
        client = TestClient(create_app(db, Guard(allowed_hosts("127.0.0.1", 8765) | {"testserver"})))
        failed = 0
        for path, target in PAGES:
            p95, cpu = measure(client, path, args.repeat)
            ok = p95 <= target
            failed += not ok
            print(
                f"  {path[:60]:<60} p95 {p95 * 1000:6.0f} ms  cpu {cpu * 1000:6.0f} ms  "
                f"target {target * 1000:.0f} ms  {'ok' if ok else 'MISSED'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
