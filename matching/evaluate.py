"""`python -m matching.evaluate`: nDCG@10 of the matcher beside a plain TfidfVectorizer() baseline.

With no `--set` it reports both bundled sets: the matcher author's own (`tests/eval/matching`) and a
held-out one written blind by someone else (`tests/eval/matching_heldout`), so a change that only
helps the set it was tuned on shows up.

The labelled set is a folder with `listings.jsonl` (id, title, employer, description),
`cvs/<name>.md|txt|pdf|docx` and `qrels.tsv` (cv, listing_id, grade 0-3). Both rankers see the same
texts: title and description. Unlisted pairs count as grade 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import ndcg_score

from matching.cv import read_cv
from matching.index import build_index
from matching.rank import cv_query_weights

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "eval" / "matching"
HELDOUT_SET = DEFAULT_SET.with_name("matching_heldout")


@dataclass
class LabelledSet:
    listings: list[dict[str, str]]
    cvs: dict[str, str]  # name -> text
    grades: dict[str, dict[str, int]]  # cv -> listing_id -> grade


def load_set(folder: Path) -> LabelledSet:
    """Read a labelled set folder (see the module docstring)."""
    listings = [
        json.loads(line)
        for line in (folder / "listings.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    cvs = {p.stem: read_cv(p) for p in sorted((folder / "cvs").iterdir()) if p.is_file()}
    grades: dict[str, dict[str, int]] = {name: {} for name in cvs}
    for line in (folder / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cv, listing_id, grade = line.split("\t")
        grades.setdefault(cv, {})[listing_id] = int(grade)
    return LabelledSet(listings, cvs, grades)


def ndcg_at(grades: list[int], scores: np.ndarray, k: int = 10) -> float:
    """nDCG@k with linear gains (scikit-learn's `ndcg_score`); ties are averaged, not broken by luck."""
    return float(ndcg_score(np.asarray([grades]), np.asarray([scores]), k=k))


def ours(data: LabelledSet) -> dict[str, np.ndarray]:
    """The matcher's scores per CV over the set's listings."""
    index = build_index([(x.get("title"), x.get("description")) for x in data.listings])
    return {name: index.scores(index.query(cv_query_weights(text))) for name, text in data.cvs.items()}


def baseline(data: LabelledSet) -> dict[str, np.ndarray]:
    """A plain `TfidfVectorizer()` over title + description, cosine with the CV."""
    texts = [f"{x.get('title') or ''}\n{x.get('description') or ''}" for x in data.listings]
    vectorizer = TfidfVectorizer()
    X = vectorizer.fit_transform(texts)
    return {
        name: np.asarray((X @ vectorizer.transform([text]).T).todense()).ravel()
        for name, text in data.cvs.items()
    }


def evaluate(folder: Path = DEFAULT_SET, k: int = 10) -> dict[str, dict[str, float]]:
    """nDCG@k per CV for 'matcher' and 'baseline'."""
    data = load_set(folder)
    out: dict[str, dict[str, float]] = {}
    for ranker, scores in (("matcher", ours(data)), ("baseline", baseline(data))):
        for name in data.cvs:
            grades = [data.grades.get(name, {}).get(x["id"], 0) for x in data.listings]
            out.setdefault(name, {})[ranker] = ndcg_at(grades, scores[name], k)
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
        print(f"nDCG@{args.k} on {folder}")
        print(f"{'cv':<24}{'matcher':>10}{'baseline':>10}")
        for name, row in results.items():
            print(f"{name:<24}{row['matcher']:>10.3f}{row['baseline']:>10.3f}")
        mean_ours = float(np.mean([r["matcher"] for r in results.values()]))
        mean_base = float(np.mean([r["baseline"] for r in results.values()]))
        print(f"{'mean':<24}{mean_ours:>10.3f}{mean_base:>10.3f}   ({mean_ours - mean_base:+.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
