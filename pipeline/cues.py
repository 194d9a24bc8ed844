"""Cheap keyword checks that let the regex normalisers skip text that cannot match.

Python's `re` gets no first-character shortcut for case-insensitive alternations, so each big
pattern walks every position of a text trying every branch: a few hundred microseconds per ad, for
patterns that match in a minority of ads or sentences. Every such pattern needs at least one plain
word in any match ("master", "utdanning", "fordel"); a substring test on the lower-cased text finds
those words in C at a fraction of the cost, and only text with one of them goes on to the pattern.

The words stand beside their patterns in each module, and tests/test_cues.py checks that every match
in the evaluation sets holds one of them. A cue check never changes an outcome: it only says "cannot
match". Lower-casing stands in for re.IGNORECASE except for three characters (dotted and dotless I,
long s), so text holding any of them is never skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# re.IGNORECASE matches these to an ASCII letter that str.lower() does not give ("ſ" ~ "s").
_CASE_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")


def fold(text: str) -> str | None:
    """`text` lower-cased for cue checks, or None when lower-casing cannot stand in for re.IGNORECASE."""
    if any(ch in text for ch in _CASE_EXCEPTIONS):
        return None
    return text.lower()


@lru_cache(maxsize=64)
def fold_ad(text: str) -> str | None:
    """`fold` for a whole ad text, kept for the next normaliser: every one of them reads the same text."""
    return fold(text)


def has_any(text: str, words: Iterable[str]) -> bool:
    """Whether `text` holds one of the lower-case `words`, ignoring case; True when that cannot be told cheaply."""
    low = fold(text)
    return low is None or any(word in low for word in words)


def ad_has_any(text: str, words: Iterable[str]) -> bool:
    """`has_any` for a whole ad text (its lower-cased form is cached)."""
    low = fold_ad(text)
    return low is None or any(word in low for word in words)


def clear_caches() -> None:
    """Forget cached lower-cased ad texts (benchmarks clear them between passes)."""
    fold_ad.cache_clear()
