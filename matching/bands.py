"""Match bands and the 0-100 score a user sees, calibrated on the labelled evaluation sets.

A raw cosine means nothing to a reader, so each score is put in a band and on a 0-100 scale whose band
edges sit where the labelled sets put them. Calibration on tests/eval/matching (8 CVs x 303 ads, graded
0/1/2) and tests/eval/matching_heldout (4 CVs x 73 ads, graded 0-3; its 3 counts as "good", its 2 as
"good with a gap"), 2,716 CV-ad pairs, measured 2026-12-03:

| cosine | pairs | good (2 / held-out 3) | good with a gap (held-out 2) | near miss (1) | unrelated (0) |
| --- | --- | --- | --- | --- | --- |
| 0.20 and over (strong) | 71 | 55 | 4 | 12 | 0 |
| 0.05 to 0.20 (partial) | 292 | 50 | 7 | 76 | 159 |
| under 0.05 (weak) | 2,353 | 17 | 0 | 21 | 2,315 |

So: no unrelated ad reaches strong (83 % of strong are good fits); the shortlist (strong and partial)
keeps 86 % of the good fits and all the good-with-a-gap ones, and leaves out 94 % of the unrelated ads.
The cosine depends on the CV and the corpus: an electrician's good fits score lower than a developer's,
so a single floor is a compromise; `tests/test_match_bands.py` re-checks it on the sets, so a change to
the matcher or the sets that moves the scale shows up there.
"""

from __future__ import annotations

STRONG_FROM = 0.20
PARTIAL_FROM = 0.05
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
