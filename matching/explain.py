"""Why a listing scored as it did: the shared terms that contributed most, and the ad's key terms the
CV lacks. Computed from the same weights and idf as the score, so the parts add up to it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from matching.analyzer import Analyzer
from matching.index import Index

TOP_TERMS = 6
MISSING_TERMS = 5


@dataclass(frozen=True)
class Explanation:
    top_terms: list[tuple[str, float]]  # (term as shown, share of the score's cosine)
    missing_terms: list[str]


def explain(
    index: Index, q: np.ndarray, listing_weights: dict[str, float], analyzer: Analyzer
) -> Explanation:
    """Per-term contributions of one listing to its cosine with the query vector q."""
    terms = list(listing_weights)
    cols = dict(zip(terms, index.columns_of(terms), strict=True))
    idf = index.idf
    col_sum: dict[int, float] = {}
    for term, weight in listing_weights.items():
        col_sum[cols[term]] = col_sum.get(cols[term], 0.0) + weight
    # The index row holds log1p(summed weight) * idf, normalised; rebuild it per term.
    norm = math.sqrt(sum((math.log1p(w) * float(idf[c])) ** 2 for c, w in col_sum.items())) or 1.0
    values = {t: math.log1p(col_sum[cols[t]]) * float(idf[cols[t]]) / norm for t in terms}
    shared = sorted(
        ((t, v * float(q[cols[t]])) for t, v in values.items() if q[cols[t]] > 0),
        key=lambda tv: (-tv[1], tv[0]),
    )
    missing = sorted(((t, v) for t, v in values.items() if q[cols[t]] == 0), key=lambda tv: (-tv[1], tv[0]))
    return Explanation(
        top_terms=[(analyzer.display(t), round(c, 4)) for t, c in shared[:TOP_TERMS]],
        missing_terms=list(dict.fromkeys(analyzer.display(t) for t, _ in missing[:MISSING_TERMS])),
    )
