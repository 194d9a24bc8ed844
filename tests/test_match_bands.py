"""The band edges hold on the labelled sets: no unrelated (grade 0) ad is strong, and the shortlist
(strong and partial) keeps at least 80 % of the good fits in each set (grade 2; the held-out set's 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.bands import band
from matching.cv_facts import ranking_text
from matching.evaluate import DEFAULT_SET, HELDOUT_SET, load_set, ours


@pytest.mark.parametrize("folder", [DEFAULT_SET, HELDOUT_SET], ids=["matching", "heldout"])
def test_band_edges_hold_on_the_labelled_sets(folder: Path) -> None:
    data = load_set(folder)
    data.cvs = {name: ranking_text(text) for name, text in data.cvs.items()}
    scores = ours(data)
    good_grade = max(g for grades in data.grades.values() for g in grades.values())
    good = kept = 0
    for name in data.cvs:
        for ad, score in zip(data.listings, scores[name], strict=True):
            grade = data.grades.get(name, {}).get(ad["id"], 0)
            if grade == 0:
                assert band(float(score)) != "strong", (name, ad["id"], score)
            if grade == good_grade:
                good += 1
                kept += band(float(score)) != "weak"
    assert kept >= 0.80 * good, (kept, good)
