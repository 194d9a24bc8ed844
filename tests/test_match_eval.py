"""The matcher beats a plain TF-IDF on the labelled set (tests/eval/matching) by the margin issue 5 asks."""

from __future__ import annotations

import numpy as np

from matching.evaluate import DEFAULT_SET, evaluate, load_set


def test_labelled_set_is_big_and_varied_enough() -> None:
    data = load_set(DEFAULT_SET)
    assert len(data.cvs) >= 3 and len(data.listings) >= 50
    assert {"nb", "nn", "en"} <= {x["lang"] for x in data.listings}
    for grades in data.grades.values():
        assert set(grades.values()) == {0, 1, 2, 3} or max(grades.values()) == 3


def test_mean_ndcg_at_10_beats_plain_tfidf() -> None:
    results = evaluate(DEFAULT_SET)
    ours = float(np.mean([r["matcher"] for r in results.values()]))
    plain = float(np.mean([r["baseline"] for r in results.values()]))
    assert ours >= 0.85
    assert ours >= plain + 0.05
