"""`python -m benchmarks.bench_match [--n 100000]`: index build, ranking time and peak memory of the matcher.

Synthetic listings of about 400 words (Zipf-distributed over real ad words and made-up Norwegian-like
words, with the usual section headings), so the figures do not depend on a crawl. Targets (issue 5):
ranking one CV against all listings once the index is built in at most 50 ms; building the index in at
most half the time of a plain `TfidfVectorizer().fit_transform` on the same texts.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import time
from importlib import resources

import numpy as np

from matching.analyzer import default_analyzer
from matching.index import build_index

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
    """(this process, largest child) peak resident memory in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the matcher's index build and ranking.")
    parser.add_argument(
        "--n", type=int, default=100_000, help="number of synthetic listings (default 100000)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the index build")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain TfidfVectorizer timing")
    parser.add_argument("--repeat", type=int, default=20, help="ranking repetitions (median reported)")
    args = parser.parse_args(argv)

    t = time.perf_counter()
    docs = synthetic_listings(args.n)
    print(f"listings: {args.n:,} synthetic, ~400 words each (generated in {time.perf_counter() - t:.1f} s)")

    baseline_s = None
    if not args.no_baseline:
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [f"{title}\n{body}" for title, body in docs]
        t = time.perf_counter()
        TfidfVectorizer().fit_transform(texts)
        baseline_s = time.perf_counter() - t
        del texts
        gc.collect()
        print(f"plain TfidfVectorizer().fit_transform: {baseline_s:.1f} s")

    t = time.perf_counter()
    index = build_index(docs, jobs=args.jobs)
    build_s = time.perf_counter() - t
    ratio = f" ({build_s / baseline_s:.2f} x plain TF-IDF; target <= 0.5)" if baseline_s else ""
    print(f"matcher index build ({args.jobs} processes): {build_s:.1f} s{ratio}")
    print(
        f"index: {index.X.shape[0]:,} rows, {index.X.nnz:,} non-zeros, {index.X.data.nbytes * 2 / 1e6:.0f} MB"
    )

    weights = default_analyzer().weigh_text(CV)
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        q = index.query(weights)
        scores = index.scores(q)
        top = np.argpartition(-scores, 50)[:50]
        top = top[np.argsort(-scores[top])]
        times.append((time.perf_counter() - t) * 1000)
    print(
        f"rank one CV against all (query + X @ q + top 50): median {statistics.median(times):.1f} ms, "
        f"min {min(times):.1f} ms (target <= 50 ms)"
    )
    own, kids = peak_mb()
    print(f"peak memory: {own:.0f} MB in this process, {kids:.0f} MB in the largest worker")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
