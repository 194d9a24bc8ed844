"""The labelled set (tests/eval/matching) is big and varied enough to trust, holds real ads with their
provenance, and the matcher beats plain TF-IDF and BM25 on it (issue 10)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from matching.evaluate import DEFAULT_SET, LabelledSet, bm25, evaluate, load_set


def test_labelled_set_is_big_and_varied_enough() -> None:
    data = load_set(DEFAULT_SET)
    assert len(data.cvs) >= 8 and len(data.listings) >= 300
    assert {"nb", "nn", "en"} <= {x["lang"] for x in data.listings}
    assert {name.rsplit("_", 1)[1] for name in data.cvs} == {"en", "nb"}
    real = [x for x in data.listings if "real" in x]
    assert len(real) >= 100
    assert all(x["provenance"]["licence"] and x["provenance"]["repo"] for x in real)
    assert all(x["title"] and x["description"] and "<p>" not in x["description"] for x in real)
    for name, grades in data.grades.items():
        assert len(grades) == len(data.listings)  # every pair was graded
        assert set(grades.values()) == {0, 1, 2}
        assert sum(g == 2 for g in grades.values()) >= 5, name


def test_matcher_beats_plain_tfidf_and_bm25_and_keeps_unrelated_ads_out_of_the_top() -> None:
    results = evaluate(DEFAULT_SET)
    means = {r: float(np.mean([row[r] for row in results.values()])) for r in ("matcher", "tfidf", "bm25")}
    assert means["matcher"] >= 0.88
    assert means["matcher"] >= max(means["tfidf"], means["bm25"]) + 0.1
    assert all(row["zeros_top"] == 0 for row in results.values())
    # The strong band holds no unrelated ad, and most of it is a good fit.
    assert all(row["strong_zeros"] == 0 for row in results.values())
    strong = sum(row["strong"] for row in results.values())
    assert strong >= 40 and sum(row["strong_good"] for row in results.values()) >= 0.75 * strong


def test_bm25_prefers_the_ad_that_repeats_the_query_in_fewer_words(tmp_path: Path) -> None:
    listings = [
        {"id": "a", "title": "Elektriker", "description": "elektriker fagbrev"},
        {"id": "b", "title": "Elektriker", "description": "elektriker " + "annet " * 40},
        {"id": "c", "title": "Kokk", "description": "kokk fagbrev"},
    ]
    data = LabelledSet(listings, {"cv": "elektriker med fagbrev"}, {"cv": {}})
    scores = bm25(data)["cv"]
    assert scores[0] > scores[1] > 0
    assert scores[2] < scores[0]
