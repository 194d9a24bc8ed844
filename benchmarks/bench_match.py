"""`python -m benchmarks.bench_match [--n 100000]`: index build, cached rebuild, ranking and memory.

Synthetic listings of about 400 words (Zipf-distributed over real ad words and made-up Norwegian-like
words, with the usual section headings), so the figures do not depend on a crawl. Targets (issue 5):
building the index in at most half the time of a plain `TfidfVectorizer().fit_transform` on the same
texts; ranking one CV against all listings once the index is built in at most 50 ms. Reported: the
plain baseline, our cold build (nothing cached), the same with the index cache filled (what the first
`fjordjobs match` on a warehouse pays), the daily rebuild with 1 % of the texts changed (the cache's
case), ranking time and peak memory, each beside its target.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing as mp
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import numpy as np

from matching.analyzer import default_analyzer
from matching.index import Doc, build_index, forget_words
from matching.index_cache import cached_analysis
from warehouse.db import connect

HEADINGS = ["Om oss", "Arbeidsoppgaver", "Kvalifikasjoner", "Vi tilbyr", "About us", "Requirements"]
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "da",
    "de",
    "di",
    "do",
    "fa",
    "fe",
    "fi",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
]

CV = """Backend developer with six years of experience in Python, Java and SQL. Built REST APIs and
microservices on AWS with Docker and Kubernetes. Bachelor's degree in computer science. English fluent."""


def vocabulary(rng: np.random.Generator, made_up: int = 40_000) -> list[str]:
    """Real words from the matcher's data files first (the frequent ones), then made-up words."""
    data = resources.files("matching").joinpath("data")
    real: list[str] = []
    for name in ("stopwords.txt", "compound_parts.txt"):
        for line in data.joinpath(name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                real.extend(line.split())
    for line in data.joinpath("glossary.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") and "\t" in line:
            real.extend(
                f.strip() for f in line.split("\t", 1)[1].split(",") if f.strip() and " " not in f.strip()
            )
    real = list(dict.fromkeys(real))
    rng.shuffle(real)
    made = {"".join(rng.choice(SYLLABLES, size=rng.integers(2, 6))) for _ in range(made_up)}
    return real + sorted(made)


def synthetic_listings(n: int, words_per_ad: int = 400, seed: int = 7) -> list[tuple[str, str]]:
    rng = np.random.default_rng(seed)
    vocab = np.array(vocabulary(rng), dtype=object)
    ranks = np.arange(1, len(vocab) + 1)
    p = 1.0 / ranks**1.05
    p /= p.sum()
    drawn = vocab[rng.choice(len(vocab), size=(n, words_per_ad), p=p)]
    out = []
    for words in drawn:
        chunks = np.array_split(words, 4)
        body = "\n".join(f"{HEADINGS[rng.integers(len(HEADINGS))]}\n{' '.join(c)}." for c in chunks)
        out.append((" ".join(vocab[rng.integers(0, 2000, size=3)]).capitalize(), body))
    return out


def peak_mb() -> tuple[float, float]:
    """(this process, largest child so far) peak resident memory in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def _plain_tfidf(docs: list[Doc], out: Callable[[tuple[float, float]], None]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{title}\n{body}" for title, body in docs]
    t = time.perf_counter()
    TfidfVectorizer().fit_transform(texts)
    out((time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def plain_baseline(docs: list[Doc]) -> tuple[float, float]:
    """(seconds, peak MB) of a plain `TfidfVectorizer().fit_transform`, in a forked child so that its
    memory peak is its own and not mixed into ours."""
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_plain_tfidf, args=(docs, send.send))
    child.start()
    result: tuple[float, float] = recv.recv()
    child.join()
    return result


def changed(docs: list[Doc], share: float, seed: int = 11) -> list[Doc]:
    """The same listings with `share` of them edited (a sentence added), as from one day to the next."""
    rng = np.random.default_rng(seed)
    edit = set(rng.choice(len(docs), size=max(1, int(len(docs) * share)), replace=False).tolist())
    return [
        (t, f"{b}\nOppdatert: ny søknadsfrist og nye oppgaver.") if i in edit else (t, b)
        for i, (t, b) in enumerate(docs)
    ]


def verdict(seconds: float, baseline: float | None) -> str:
    if baseline is None:
        return ""
    ratio = seconds / baseline
    return f" = {ratio:.2f} x plain (target <= 0.50: {'met' if ratio <= 0.5 else 'NOT met'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the matcher's index build and ranking.")
    parser.add_argument(
        "--n", type=int, default=100_000, help="number of synthetic listings (default 100000)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the index build")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain TfidfVectorizer timing")
    parser.add_argument("--repeat", type=int, default=20, help="ranking repetitions (median reported)")
    parser.add_argument(
        "--changed", type=float, default=0.01, help="share of texts edited for the warm rebuild"
    )
    args = parser.parse_args(argv)

    t = time.perf_counter()
    docs: list[Doc] = list(synthetic_listings(args.n))
    print(f"listings: {args.n:,} synthetic, ~400 words each (generated in {time.perf_counter() - t:.1f} s)")
    gc.collect()
    before_mb, _ = peak_mb()

    baseline_s = plain_mb = None
    if not args.no_baseline:
        baseline_s, plain_mb = plain_baseline(docs)
        print(
            f"plain TfidfVectorizer().fit_transform: {baseline_s:.1f} s (1 process; peak {plain_mb:.0f} MB)"
        )

    t = time.perf_counter()
    index = build_index(docs, jobs=args.jobs)
    build_s = time.perf_counter() - t
    print(
        f"cold build, nothing cached ({args.jobs} processes): {build_s:.1f} s{verdict(build_s, baseline_s)}"
    )
    print(
        f"  index: {index.X.shape[0]:,} rows, {index.X.nnz:,} non-zeros, "
        f"{(index.X.data.nbytes + index.X.indices.nbytes) / 1e6:.0f} MB"
    )
    del index
    gc.collect()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        con = connect(db)
        t = time.perf_counter()
        cached_analysis(con, docs, "bench", jobs=args.jobs).analysed.index()
        fill_s = time.perf_counter() - t
        print(f"cold build filling the index cache: {fill_s:.1f} s{verdict(fill_s, baseline_s)}")
        con.execute("CHECKPOINT")
        print(f"  cache on disk: {db.stat().st_size / 1e6:.0f} MB in the warehouse file")
        gc.collect()

        today = changed(docs, args.changed)
        # The daily run is a new process: nothing analysed is left in memory, only in the warehouse.
        forget_words()
        default_analyzer.cache_clear()
        t = time.perf_counter()
        warm = cached_analysis(con, today, "bench", jobs=args.jobs)
        index = warm.analysed.index()
        warm_s = time.perf_counter() - t
        print(
            f"daily rebuild, {args.changed:.0%} of texts changed ({warm.added:,} analysed, {warm.reused:,} "
            f"from the cache): {warm_s:.1f} s{verdict(warm_s, baseline_s)}"
        )
        con.close()

    weights = default_analyzer().weigh_text(CV)
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        q = index.query(weights)
        scores = index.scores(q)
        top = np.argpartition(-scores, 50)[:50]
        top = top[np.argsort(-scores[top])]
        times.append((time.perf_counter() - t) * 1000)
    median = statistics.median(times)
    print(
        f"rank one CV against all (query + X @ q + top 50): median {median:.1f} ms, min {min(times):.1f} ms "
        f"(target <= 50 ms: {'met' if median <= 50 else 'NOT met'})"
    )
    own, kids = peak_mb()
    target = (
        f"target <= plain's {plain_mb:.0f} MB: {'met' if max(own, kids) <= plain_mb else 'NOT met'}"
        if plain_mb
        else "no baseline"
    )
    print(
        f"peak memory: {own:.0f} MB in this process ({before_mb:.0f} MB of it the generated texts), "
        f"{kids:.0f} MB in the largest child ({target})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
