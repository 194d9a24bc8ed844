"""`make bench`: every benchmark in turn, each printing its figures and its target."""

from __future__ import annotations

from benchmarks import bench_crawl, bench_ingest


def main() -> None:
    bench_ingest.main()
    bench_crawl.main()
    try:
        from benchmarks import bench_match
    except ImportError:  # the matcher's benchmark ships with the matcher
        return
    bench_match.main()


if __name__ == "__main__":
    main()
