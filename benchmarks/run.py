"""`make bench`: every benchmark in turn, each printing its figures and its target."""

from __future__ import annotations

from benchmarks import bench_crawl, bench_ingest, bench_match, bench_match_cli, bench_normalise, bench_web


def main() -> None:
    bench_normalise.main()
    bench_ingest.main()
    bench_crawl.main()
    bench_match.main()
    bench_match_cli.main()
    bench_web.main([])


if __name__ == "__main__":
    main()
