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

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# re.IGNORECASE matches these to an ASCII letter that str.lower() does not give ("ſ" ~ "s").
_CASE_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")


def fold(text: str) -> str | None:
    """`text` lower-cased for cue checks, or None when lower-casing cannot stand in for re.IGNORECASE."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # _CASE_EXCEPTIONS
        return None
    return text.lower()


@lru_cache(maxsize=64)
def fold_ad(text: str) -> str | None:
    """`fold` for a whole ad text, kept for the next normaliser: every one of them reads the same text."""
    return fold(text)


def has_any(text: str, words: Iterable[str]) -> bool:
    """Whether `text` holds one of the lower-case `words`, ignoring case; True when that cannot be told cheaply."""
    return holds_any(fold(text), words)


def holds_any(low: str | None, words: Iterable[str]) -> bool:
    """`has_any` for a text already folded with `fold` (None: cannot tell, so True)."""
    if low is None:
        return True
    for word in words:  # noqa: SIM110 - a plain loop: any() over a generator costs a third more here
        if word in low:
            return True
    return False


def ad_has_any(text: str, words: Iterable[str]) -> bool:
    """`has_any` for a whole ad text (its lower-cased form is cached)."""
    return holds_any(fold_ad(text), words)


def clear_caches() -> None:
    """Forget cached lower-cased ad texts (benchmarks clear them between passes)."""
    fold_ad.cache_clear()


# A piece ends at a run of line breaks, or at the spaces after . ! ? (group 1). Starting with a character
# class lets `re` skip to the next candidate character in C instead of trying a look-behind everywhere.
_PIECE_END = re.compile(r"[.!?\n](?:(?<=\n)\n*|(\s+))")


def split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each piece `re.split(r"(?<=[.!?])\\s+|\\n+", text)` gives, about three times faster.

    Education and agency tagging read an ad sentence by sentence with that split; with the spans they
    can pick out only the sentences that hold a cue word.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _PIECE_END.finditer(text):
        spans.append((start, end.start(1) if end.lastindex else end.start()))
        start = end.end()
    spans.append((start, len(text)))
    return spans


def pieces_with(text: str, words: Iterable[str]) -> list[str] | None:
    """The pieces of `split_spans` that hold one of the lower-case `words`, in order.

    None when that cannot be told cheaply; the caller then reads every piece.
    """
    low = fold_ad(text)
    if low is None:
        return None
    present = [word for word in words if word in low]
    if not present:
        return []
    # Pieces of the lower-cased text are the pieces of the text: same length, case-blind separators.
    spans = split_spans(low)
    starts = [start for start, _ in spans]
    chosen: set[int] = set()
    for word in present:
        at = low.find(word)
        while at != -1:
            k = bisect.bisect_right(starts, at) - 1
            if k >= 0 and at + len(word) <= spans[k][1]:
                chosen.add(k)  # the piece holds the whole word
            at = low.find(word, at + 1)
    return [text[spans[k][0] : spans[k][1]] for k in sorted(chosen)]


def word_starts(low: str, words: Iterable[str]) -> list[int]:
    """Sorted positions in the lower-cased `low` where one of the lower-case `words` begins."""
    found: set[int] = set()
    for word in words:
        start = low.find(word)
        while start != -1:
            found.add(start)
            start = low.find(word, start + 1)
    return sorted(found)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> bool:
    """`pattern.search(text)` for a pattern whose every match begins at one of `starts`.

    A case-insensitive alternation has no first-character shortcut, so search tries it at every
    character; trying it only where a match can begin gives the same answer. `match` at a position
    still sees the characters before it, so look-behinds and word boundaries behave as in `search`.
    """
    return any(pattern.match(text, start) for start in starts)


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match is non-empty and begins at one of `starts`.

    `starts` must be sorted. Like `matches_at`, this tries the pattern only where a match can begin;
    the matches come out as finditer gives them (leftmost first, none overlapping).
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        found = pattern.match(text, start)
        if found is not None:
            yield found
            end = found.end()
