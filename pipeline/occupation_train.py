"""Fit the title classifier of `occupation_model.py` on NAV's job titles and write its numbers.

    python -m pipeline.occupation_train [--check]

Reads the training split of `tests/eval/nav_titles/train.csv` (NAV's STYRK-08 job titles and their codes;
provenance in that folder's SOURCES.md), labels each title with the level 1 NAV's own table gives its
code (`styrk_category_mapping.csv`), and first fits on three quarters to report, on the fourth, how often
the level 1 is right from the rules alone and from the model. Then it fits on every training title and
writes `pipeline/data/occupation_model.npz`. The blind split (`blind.jsonl` beside it) is never read here:
`python -m pipeline.evaluate --set titles` scores it. `--check` reports without writing.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

import numpy as np

from pipeline.occupation import _fold, from_title, styrk_table
from pipeline.occupation_model import MIN_PROBABILITY, MODEL_FILE, TitleModel, ending, ngrams, title_words
from pipeline.occupation_vocab import UNKNOWN_LEVEL1

TRAIN = Path(__file__).resolve().parent.parent / "tests" / "eval" / "nav_titles" / "train.csv"
_C = 10.0  # inverse regularisation; 1, 3 and 10 gave 70, 75 and 77 % on the held-out quarter


def training_titles(path: Path = TRAIN) -> list[tuple[str, str]]:
    """(title, level 1) for every training title whose STYRK code NAV's table places."""
    table = styrk_table()
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            levels = table.get(row["styrk08nav"][:4])
            if levels and levels[0] != UNKNOWN_LEVEL1:
                pairs.append((row["title"], levels[0]))
    return pairs


def _held_out(title: str) -> bool:
    return int(hashlib.md5(title.casefold().encode()).hexdigest(), 16) % 4 == 0


def fit(pairs: list[tuple[str, str]]) -> TitleModel:
    """The model fitted on (title, level 1) pairs."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    folded = [_fold(title) for title, _ in pairs]
    endings = frozenset(ending(w) for title in folded for w in re.findall(r"\w+", title) if not w.isdigit())
    vectorizer = TfidfVectorizer(analyzer=ngrams, sublinear_tf=True)
    features = vectorizer.fit_transform([title_words(title, endings) for title in folded])
    model = LogisticRegression(C=_C, max_iter=3000).fit(features, [level1 for _, level1 in pairs])
    grams = vectorizer.get_feature_names_out()
    return TitleModel(
        columns={str(gram): i for i, gram in enumerate(grams)},
        idf=vectorizer.idf_.astype(np.float16).astype(np.float32),
        coef=model.coef_.astype(np.float16).astype(np.float32),  # as shipped
        intercept=model.intercept_.astype(np.float32),
        classes=tuple(str(c) for c in model.classes_),
        endings=endings,
    )


def report(pairs: list[tuple[str, str]]) -> str:
    """Level 1 right on the held-out quarter: the title rules alone, the model alone, and the two in the
    order `occupation_categories` uses them for a title with no code and no text (trade word, model above
    MIN_PROBABILITY, role word)."""
    train = [p for p in pairs if not _held_out(p[0])]
    test = [p for p in pairs if _held_out(p[0])]
    model = fit(train)
    rules = alone = both = 0
    for title, level1 in test:
        strong, weak = from_title(title), from_title(title, weak=True)
        guess = model.predict(_fold(title))
        sure = [guess[0]] if guess is not None and guess[1] >= MIN_PROBABILITY else []
        rules += [c.level1 for c in strong or weak][:1] == [level1]
        alone += guess is not None and guess[0] == level1
        both += ([c.level1 for c in strong] or sure or [c.level1 for c in weak])[:1] == [level1]
    n = len(test)
    return (
        f"held-out quarter of the training titles: {n}\n"
        f"title rules alone:          {rules} ({rules / n:.1%})\n"
        f"model alone:                {alone} ({alone / n:.1%})\n"
        f"rules, then model (p >= {MIN_PROBABILITY}): {both} ({both / n:.1%})"
    )


def write(model: TitleModel, path: Path) -> None:
    grams = sorted(model.columns, key=model.columns.__getitem__)
    np.savez_compressed(
        path,
        ngrams=np.array(grams),
        idf=model.idf.astype(np.float16),
        coef=model.coef.astype(np.float16),
        intercept=model.intercept,
        classes=np.array(model.classes),
        endings=np.array(sorted(model.endings)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.occupation_train", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--check", action="store_true", help="report only; do not write the model")
    args = parser.parse_args(argv)
    if not TRAIN.is_file():
        print(
            f"error: {TRAIN} not found; run this from a checkout of fjordjobs (the titles are not in the wheel)",
            file=sys.stderr,
        )
        return 2
    pairs = training_titles()
    print(report(pairs))
    if not args.check:
        target = Path(__file__).resolve().parent / MODEL_FILE
        write(fit(pairs), target)
        print(f"wrote {target} ({target.stat().st_size // 1024} KiB, {len(pairs)} titles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
