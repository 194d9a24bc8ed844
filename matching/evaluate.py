"""`python -m matching.evaluate`: nDCG@10 of the matcher per CV beside plain TF-IDF and BM25.

With no `--set` it reports both bundled sets: the grown set (`tests/eval/matching`: 8 CVs, 300 ads,
about half of them real published ads) and a held-out one written blind by someone else
(`tests/eval/matching_heldout`), so a change that only helps the set it was tuned on shows up.

A labelled set is a folder with `listings.jsonl`, `cvs/<name>.md|txt|pdf|docx` and `qrels.tsv` (cv,
listing_id, grade). A listing line holds `id`, `title`, `employer`, `description`, or `real`: the id of
an ad in the real-ad set `tests/eval/real/ads.jsonl`, read from there with its provenance (its HTML made
plain text as the pipeline does). Every ranker sees the same texts: title and description. Unlisted
pairs count as grade 0.

Besides nDCG@10 it prints, per CV, how many of the matcher's top 5 are graded 0 (an ad a person
would call unrelated), and the strong band (matching/bands.py): how many ads reach it, the precision
of the band (the share graded 2 or more: a good fit, or in the held-out set's 0-3 grades a good fit
with a gap) and how many of them are graded 0, which should be none.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import ndcg_score

from matching.bands import STRONG_FROM
from matching.cv import read_cv
from matching.cv_facts import ranking_text
from matching.index import build_index
from matching.rank import cv_query_weights
from pipeline.text import html_to_text

EVAL = Path(__file__).resolve().parents[1] / "tests" / "eval"
DEFAULT_SET = EVAL / "matching"
HELDOUT_SET = EVAL / "matching_heldout"
REAL_ADS = EVAL / "real" / "ads.jsonl"
RANKERS = ("matcher", "tfidf", "bm25")
TOP = 5  # the shortlist rows whose grade-0 ads are counted


@dataclass
class LabelledSet:
    listings: list[dict[str, Any]]
    cvs: dict[str, str]  # name -> text
    grades: dict[str, dict[str, int]]  # cv -> listing_id -> grade


def _real_ads() -> dict[str, dict[str, Any]]:
    """The real-ad set by id: title, employer and plain-text description, with its provenance."""
    out: dict[str, dict[str, Any]] = {}
    for line in REAL_ADS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ad = json.loads(line)
            fields = ad["fields"]
            out[ad["id"]] = {
                "lang": ad.get("lang"),
                "title": fields.get("title") or "",
                "employer": fields.get("employer") or "",
                "description": html_to_text(fields.get("description")),
                "provenance": ad.get("provenance"),
            }
    return out


def load_set(folder: Path) -> LabelledSet:
    """Read a labelled set folder (see the module docstring)."""
    lines = [
        json.loads(line)
        for line in (folder / "listings.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    real = _real_ads() if any("real" in x for x in lines) else {}
    listings = [{**real[x["real"]], **x} if "real" in x else x for x in lines]
    cvs = {p.stem: read_cv(p) for p in sorted((folder / "cvs").iterdir()) if p.is_file()}
    grades: dict[str, dict[str, int]] = {name: {} for name in cvs}
    for line in (folder / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cv, listing_id, grade = line.split("\t")
        grades.setdefault(cv, {})[listing_id] = int(grade)
    return LabelledSet(listings, cvs, grades)


def ndcg_at(grades: list[int], scores: np.ndarray, k: int = 10) -> float:
    """nDCG@k with linear gains (scikit-learn's `ndcg_score`); ties are averaged, not broken by luck."""
    return float(ndcg_score(np.asarray([grades]), np.asarray([scores]), k=k))


def _texts(data: LabelledSet) -> list[str]:
    return [f"{x.get('title') or ''}\n{x.get('description') or ''}" for x in data.listings]


def ours(data: LabelledSet) -> dict[str, np.ndarray]:
    """The matcher's scores per CV over the set's listings, the CV read as `run_match` reads it (its contact
    lines carry no weight)."""
    index = build_index([(x.get("title"), x.get("description")) for x in data.listings])
    return {
        name: index.scores(index.query(cv_query_weights(ranking_text(text))))
        for name, text in data.cvs.items()
    }


def tfidf(data: LabelledSet) -> dict[str, np.ndarray]:
    """A plain `TfidfVectorizer()` over title + description, cosine with the CV."""
    vectorizer = TfidfVectorizer()
    X = vectorizer.fit_transform(_texts(data))
    return {
        name: np.asarray((X @ vectorizer.transform([text]).T).todense()).ravel()
        for name, text in data.cvs.items()
    }


def bm25(data: LabelledSet, k1: float = 1.2, b: float = 0.75) -> dict[str, np.ndarray]:
    """Okapi BM25 over title + description with scikit-learn's default tokens: each distinct word of the
    CV adds idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / mean length))."""
    vectorizer = CountVectorizer()
    tf = sp.csc_matrix(vectorizer.fit_transform(_texts(data)), dtype=np.float64)
    n = tf.shape[0]
    length = np.asarray(tf.sum(axis=1)).ravel()
    df = np.diff(tf.indptr)
    idf = np.log((n - df + 0.5) / (df + 0.5) + 1.0)
    norm = k1 * (1 - b + b * length / max(float(length.mean()), 1.0))
    rows = np.repeat(np.arange(tf.shape[1]), df)  # the column of each stored count, in CSC order
    weighted = tf.copy()
    weighted.data = idf[rows] * tf.data * (k1 + 1) / (tf.data + norm[tf.indices])
    out = {}
    for name, text in data.cvs.items():
        query = (vectorizer.transform([text]) > 0).astype(np.float64)
        out[name] = np.asarray((weighted @ query.T).todense()).ravel()
    return out


def zeros_in_top(grades: list[int], scores: np.ndarray, k: int = TOP) -> int:
    """How many of the k best-scored ads are graded 0."""
    top = np.argsort(-scores, kind="stable")[:k]
    return int(sum(grades[i] == 0 for i in top))


def evaluate(folder: Path = DEFAULT_SET, k: int = 10) -> dict[str, dict[str, float]]:
    """Per CV: nDCG@k for 'matcher', 'tfidf' and 'bm25', 'zeros_top' (grade-0 ads in the matcher's top 5),
    and the strong band's 'strong' (ads in it), 'strong_good' (graded 2 or more), 'strong_zeros'."""
    data = load_set(folder)
    scores = {"matcher": ours(data), "tfidf": tfidf(data), "bm25": bm25(data)}
    out: dict[str, dict[str, float]] = {}
    for name in data.cvs:
        grades = [data.grades.get(name, {}).get(x["id"], 0) for x in data.listings]
        out[name] = {ranker: ndcg_at(grades, scores[ranker][name], k) for ranker in RANKERS}
        out[name]["zeros_top"] = zeros_in_top(grades, scores["matcher"][name])
        strong = [g for g, x in zip(grades, scores["matcher"][name], strict=True) if x >= STRONG_FROM]
        out[name]["strong"] = len(strong)
        out[name]["strong_good"] = sum(g >= 2 for g in strong)
        out[name]["strong_zeros"] = sum(g == 0 for g in strong)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--set",
        type=Path,
        action="append",
        help="labelled set folder (repeatable; default: the bundled set and the held-out set)",
    )
    parser.add_argument("-k", type=int, default=10)
    args = parser.parse_args(argv)
    for folder in args.set or [DEFAULT_SET, HELDOUT_SET]:
        if not (folder / "listings.jsonl").is_file():
            print(f"not a labelled set (no listings.jsonl): {folder}", file=sys.stderr)
            return 2
        results = evaluate(folder, args.k)
        n = len(load_set(folder).listings)
        print(f"nDCG@{args.k} on {folder} ({len(results)} CVs, {n} ads)")
        print(f"{'cv':<22}{'matcher':>9}{'tfidf':>9}{'bm25':>9}{f'0s in top {TOP}':>14}{'strong band':>26}")
        for name, row in results.items():
            print(
                f"{name:<22}{row['matcher']:>9.3f}{row['tfidf']:>9.3f}{row['bm25']:>9.3f}{row['zeros_top']:>14.0f}"
                f"{_band_text(row['strong'], row['strong_good'], row['strong_zeros']):>26}"
            )
        means = {r: float(np.mean([row[r] for row in results.values()])) for r in RANKERS}
        worst = min(row["matcher"] for row in results.values())
        zeros = sum(row["zeros_top"] for row in results.values())
        band = [
            sum(row[key] for row in results.values()) for key in ("strong", "strong_good", "strong_zeros")
        ]
        print(
            f"{'mean':<22}{means['matcher']:>9.3f}{means['tfidf']:>9.3f}{means['bm25']:>9.3f}{zeros:>14.0f}"
            f"{_band_text(*band):>26}"
        )
        print(f"lowest CV (matcher): {worst:.3f}")
    return 0


def _band_text(strong: float, good: float, zeros: float) -> str:
    """'7 ads, 86 % good, 0 0s' for the strong band of a CV (or of all CVs)."""
    share = f"{good / strong:.0%} good" if strong else "-"
    return f"{strong:.0f} ads, {share}, {zeros:.0f} 0s"


if __name__ == "__main__":
    sys.exit(main())
