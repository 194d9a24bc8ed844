"""Why a listing scored as it did: the shared terms that contributed most, and the ad's key terms the
CV lacks. Computed from the same weights and idf as the score, so the parts add up to it.

"Ad also stresses" names skills and duties the CV lacks (a compound whose parts the CV has is not one): a glossary concept, or a word the ad writes in lower
case, or a word of the ESCO skill vocabulary (matching/data/esco_skill_words.txt). A word the ad only
ever capitalises and ESCO does not know is a name (a person, a place, an employer, a product line) and
is never shown; nor is any word of the employer's name or a Norwegian place name.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from matching.analyzer import Analyzer
from matching.index import Index
from pipeline.listing import Listing
from pipeline.places import place_words

TOP_TERMS = 6
MISSING_TERMS = 5


@dataclass(frozen=True)
class Explanation:
    top_terms: list[tuple[str, float]]  # (term as shown, share of the score's cosine)
    missing_terms: list[str]


@cache
def esco_skill_words() -> frozenset[str]:
    """The ESCO skill vocabulary (English words of skill labels and descriptions)."""
    text = resources.files("matching").joinpath("data", "esco_skill_words.txt").read_text(encoding="utf-8")
    words = frozenset(text.splitlines())  # 19,838 words: a set comprehension took 0.04 s of a run's CPU
    return words - {line for line in words if not line or line.startswith("#")}


def _skill_filter(listing: Listing | None, analyzer: Analyzer) -> Callable[[str], bool]:
    """A predicate: may this term be named as something the ad stresses?"""
    if listing is None:
        return lambda term: True
    text = f"{listing.title or ''}\n{listing.description or ''}"
    lower = set(re.findall(r"\b[a-zæøå][\wæøå]*", text))
    fields = " ".join(x or "" for x in (listing.employer, listing.city, listing.municipality, listing.county))
    own = {w.casefold() for w in re.findall(r"\w+", fields)}
    places, esco = place_words(), esco_skill_words()

    def ok(term: str) -> bool:
        if term.startswith("@"):
            return True
        word = analyzer.display(term).casefold()
        if word in own or word in places:
            return False
        return word in lower or word in esco

    return ok


def explain(
    index: Index,
    q: np.ndarray,
    listing_weights: dict[str, float],
    analyzer: Analyzer,
    listing: Listing | None = None,
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
    skill = _skill_filter(listing, analyzer)
    shared_terms = {t for t in terms if q[cols[t]] > 0}

    def gap(term: str) -> bool:
        # A compound whose parts the CV already has ("backendutvikler" for a backend developer) is no gap.
        parts = analyzer.terms(analyzer.display(term), "no")[1:]
        return not (parts and set(parts) <= shared_terms | {term})

    # The heaviest terms the CV lacks, tested in weight order until enough pass (the tests read the
    # analyser; most of an ad's terms are never reached).
    unshared = sorted(((t, v) for t, v in values.items() if q[cols[t]] == 0), key=lambda tv: (-tv[1], tv[0]))
    missing = itertools.islice((t for t, _ in unshared if skill(t) and gap(t)), MISSING_TERMS)
    return Explanation(
        top_terms=[(analyzer.display(t), round(c, 4)) for t, c in shared[:TOP_TERMS]],
        missing_terms=list(dict.fromkeys(analyzer.display(t) for t in missing)),
    )
