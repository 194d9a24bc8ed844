"""Match bands and the 0-100 score a user sees, calibrated on the labelled evaluation sets.

A raw cosine means nothing to a reader (0.18 is a good match), so each score is put in a band and on a
0-100 scale whose band edges sit where the labelled sets put them. Calibration (tests/eval/matching and
tests/eval/matching_heldout, 8 CVs x 141 ads, graded 0-3 by a recruiter's eye; measured 2026-12-03):

| cosine from | pairs | grade 3 | grade 2 | grade 1 | grade 0 |
| --- | --- | --- | --- | --- | --- |
| 0.18 (strong) | 43 | 29 | 10 | 4 | 0 |
| 0.08 (partial) | 96 | 33 | 26 | 24 | 13 |
| below (weak) | 436 | 0 | 0 | 10 | 426 |

So: no grade-0 ad reaches strong (91 % of strong are grade 2-3); partial keeps every grade-2/3 ad and
71 % of the near misses while leaving out 97 % of the unrelated ones. `tests/test_match_bands.py`
re-checks this on the sets, so a change to the matcher that moves the scale shows up there.
"""

from __future__ import annotations

STRONG_FROM = 0.18
PARTIAL_FROM = 0.08
# The 0-100 scale: weak 0-39, partial 40-69, strong 70-100 (a cosine of TOP or more shows 100).
TOP = 0.45
BANDS = ("strong", "partial", "weak")
BAND_WORDS = {
    "strong": "strong match: the ad asks for what the CV shows (apply)",
    "partial": "partial match: same field, with a gap in specialty, level or tools (read it)",
    "weak": "weak match: little in common with the CV (hidden unless --all)",
}


def band(score: float) -> str:
    """'strong', 'partial' or 'weak' for a matcher cosine."""
    if score >= STRONG_FROM:
        return "strong"
    if score >= PARTIAL_FROM:
        return "partial"
    return "weak"


def points(score: float) -> int:
    """The 0-100 figure shown beside the band: linear within each band, so the band edges are 40 and 70."""
    if score >= STRONG_FROM:
        return min(100, 70 + round(30 * (score - STRONG_FROM) / (TOP - STRONG_FROM)))
    if score >= PARTIAL_FROM:
        return 40 + min(29, int(30 * (score - PARTIAL_FROM) / (STRONG_FROM - PARTIAL_FROM)))
    return max(0, min(39, int(40 * score / PARTIAL_FROM)))
