"""Cheap keyword checks that let the regex normalisers skip text that cannot match.

Python's `re` gets no first-character shortcut for case-insensitive alternations, so each big
pattern walks every position of a text trying every branch: a few hundred microseconds per ad, for
patterns that match in a minority of ads or sentences. Every such pattern needs at least one plain
word in any match ("master", "utdanning", "fordel"); a substring test on the lower-cased text finds
those words in C at a fraction of the cost, and only text with one of them goes on to the pattern.

The words are read off each pattern's parse tree (`cue_words`, `start_words` at the end of this module),
so a vocabulary is written once, in its pattern, and its cues cannot drift from it; tests/test_cues.py
also checks every match in the evaluation sets holds one. The layer pays its way: without it
`benchmarks/bench_normalise.py` measured 3.48 CPU ms/ad against 1.73 with it (about half the CPU of
normalise), on the same loaded machine. A cue check never changes an outcome: it only says "cannot
match". Lower-casing stands in for re.IGNORECASE except for three characters (dotted and dotless I,
long s), so text holding any of them is never skipped.
"""

from __future__ import annotations

import bisect
import re
import re._constants as _c  # the parse tree's operators (for cue_words)
import re._parser as _parser  # the standard library's own regex parser (for cue_words)
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

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


# --- cue words derived from the patterns ------------------------------------------------------------
# The cue words used to be written out by hand beside each pattern and kept in step with it. They are
# now read off the pattern itself (its parse tree), so a word added to a pattern cannot go missing from
# its cues: `cue_words(pattern)` gives strings of which every match holds at least one, and
# `start_words(pattern)` strings of which every match begins with one.

_Tree = list[tuple[object, object]]


def _literal_char(op: object, av: object) -> str | None:
    """The one character an item matches, lower-cased (a literal, or a class of one literal)."""
    if op is _c.LITERAL and isinstance(av, int):
        return chr(av).lower()
    if op is _c.IN and isinstance(av, list) and av and all(item[0] is _c.LITERAL for item in av):
        chars = {chr(item[1]).lower() for item in av}  # "[e]", or "[Ee]" as the parser writes a shared "E"
        return chars.pop() if len(chars) == 1 else None
    return None


# Words found in most ads: a cue set holding one of them lets nearly every text through, so any other
# set is preferred (the choice only changes speed, never an outcome).
_COMMON_IN_ADS = frozenset(
    ("søker", "etter", "ser", "vi", "du", "deg", "og", "i", "på", "er", "for", "til", "med", "som", "har",
     "the", "and", "we", "you", "our", "are", "is", "looking", "seeking", "hiring", "søk", "apply", "kunde",
     "ansatt", "ansett", "vår", "våre")
)  # fmt: skip


def _common(words: frozenset[str]) -> bool:
    """Whether a cue set holds an everyday word or a part of one ("ans" of "ansatt"): most ads hold it.

    Counting parts too made the client-as-employer guard check "ansatt"/"ansett" and "kunde" instead of
    "ans" and "att"/"ett" (which 1,114 of 2,000 generated demo ads hold): agency tagging 0.257 -> 0.205
    and 0.222 -> 0.179 CPU ms per ad in two paired runs; no other field changed its cost.
    """
    return any(word in common for word in words for common in _COMMON_IN_ADS)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two cue sets: no everyday word, then the longer shortest word, then fewer words."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=lambda s: (_common(s), -min(map(len, s)), len(s)))


def _necessary(tree: _Tree) -> frozenset[str] | None:
    """Strings of which every match of `tree` holds one, or None when no such set is found."""
    found = _necessary_sets(tree)
    best: frozenset[str] | None = None
    for words in found:
        best = _better(best, words)
    return best


def _necessary_sets(tree: _Tree) -> list[frozenset[str]]:
    """Every set of strings of which each match of `tree` holds one (one set per required part)."""
    sets: list[frozenset[str]] = []
    run = ""
    for op, av in tree:
        char = _literal_char(op, av)
        if char is not None:
            run += char
            continue
        if op is _c.AT:  # \b, ^, $: zero-width, the characters on each side stay adjacent
            continue
        if run:
            sets.append(frozenset({run}))
            if op in (_c.SUBPATTERN, _c.BRANCH):
                # "E(?:ngelsk|nglish)", as the parser writes "Engelsk|English": the run joins each opening
                following = _prefixes([(op, av)], skip_optional=False)
                if following:
                    sets.append(frozenset(run + word for word in following))
            run = ""
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN and isinstance(av, tuple):
            sets.extend(_necessary_sets(list(av[-1])))  # a group is matched once: each of its sets holds
        elif op is _c.BRANCH and isinstance(av, tuple):
            branches = [_necessary(list(branch)) for branch in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and isinstance(av, tuple):
            if av[0] >= 1:
                sets.extend(_necessary_sets(list(av[2])))
        elif (
            op is _c.IN and isinstance(av, list) and 1 < len(av) <= 8 and all(i[0] is _c.LITERAL for i in av)
        ):
            found = frozenset(chr(i[1]).lower() for i in av)  # a class of a few characters: "[-–—]"
        elif op is _c.ATOMIC_GROUP:
            sets.extend(_necessary_sets(list(av)))  # type: ignore[call-overload]
        if found:
            sets.append(found)
    if run:
        sets.append(frozenset({run}))
    return sets


def _prefixes(tree: _Tree, skip_optional: bool) -> frozenset[str] | None:
    """Strings of which every match of `tree` begins with one, or None when no such set is found.

    With `skip_optional`, a leading optional part is passed over: a text holding a match that begins
    with it also holds one (the same text minus that part) that begins after it, which is all a yes/no
    search needs.
    """
    run = ""
    for op, av in tree:
        char = _literal_char(op, av)
        if char is not None:
            run += char
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT) and not run:
            continue  # zero-width before the first character
        if run:
            return frozenset({run})
        if op is _c.SUBPATTERN and isinstance(av, tuple):
            return _prefixes(list(av[-1]), skip_optional)
        if op is _c.IN and isinstance(av, list) and 1 < len(av) <= 8 and all(i[0] is _c.LITERAL for i in av):
            return frozenset(chr(i[1]).lower() for i in av)  # a class of a few characters: "[äö]"
        if op is _c.BRANCH and isinstance(av, tuple):
            branches = [_prefixes(list(branch), skip_optional) for branch in av[1]]
            return None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and isinstance(av, tuple):
            if av[0] >= 1:
                return _prefixes(list(av[2]), skip_optional)
            if skip_optional:
                continue
        return None
    return frozenset({run}) if run else None


def _parse(pattern: re.Pattern[str] | str) -> _Tree:
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    return list(_parser.parse(source, flags))


def _without_redundant(words: frozenset[str], prefixes: bool) -> tuple[str, ...]:
    # A word that holds a shorter one (as a substring, or as a prefix for start words) adds nothing.
    kept = [w for w in words if not any(o != w and (w.startswith(o) if prefixes else o in w) for o in words)]
    return tuple(sorted(kept))


@cache
def cue_words(*patterns: re.Pattern[str] | str) -> tuple[str, ...]:
    """Lower-case strings of which every match of any of `patterns` holds one (read off the patterns).

    Raises ValueError for a pattern with a match that needs no particular string (then no cue can
    guard it, and the caller must run the pattern on every text).
    """
    words: set[str] = set()
    for pattern in patterns:
        found = _necessary(_parse(pattern))
        if not found:
            raise ValueError(f"no cue word guards every match of {pattern!r}")
        words |= found
    return _without_redundant(frozenset(words), prefixes=False)


@cache
def cue_sets(pattern: re.Pattern[str] | str, most: int = 2) -> tuple[tuple[str, ...], ...]:
    """Up to `most` word sets, each of which every match of `pattern` holds a word of, most selective first.

    A text must hold a word of every set to match, so checking two sets skips more text than one:
    "norsk - engelsk går også fint" needs a language word and "også"/"also"/"fine".
    """
    found = _necessary_sets(_parse(pattern))
    if not found:
        raise ValueError(f"no cue word guards every match of {pattern!r}")
    return _most_selective(found, most)


def _most_selective(found: list[frozenset[str]], most: int) -> tuple[tuple[str, ...], ...]:
    ranked = sorted(set(found), key=lambda s: (_common(s), -min(map(len, s)), len(s)))
    chosen: list[frozenset[str]] = []
    for words in ranked:
        # A set every chosen word already implies ("engelsk" holds "elsk") checks nothing new.
        if any(all(any(w in c for w in words) for c in prior) for prior in chosen):
            continue
        chosen.append(words)
        if len(chosen) == most:
            break
    return tuple(_without_redundant(words, prefixes=False) for words in chosen)


Guard = tuple[tuple[tuple[str, ...], ...], ...]


@cache
def cue_guard(pattern: re.Pattern[str] | str) -> Guard:
    """`cue_sets` for each top-level alternative of `pattern`: a text may match only if, for one
    alternative, it holds a word of each of that alternative's sets (see `passes`)."""
    tree = _parse(pattern)
    branches = [list(b) for b in tree[0][1][1]] if len(tree) == 1 and tree[0][0] is _c.BRANCH else [tree]  # type: ignore[index]
    guard = []
    for branch in branches:
        found = _necessary_sets(branch)
        if not found:
            raise ValueError(f"no cue word guards every match of {pattern!r}")
        guard.append(_most_selective(found, 2))
    return tuple(guard)


def passes(low: str | None, guard: Guard) -> bool:
    """Whether the folded text may match the pattern `guard` was read from (None: cannot tell, so True)."""
    if low is None:
        return True
    # A plain loop, as in holds_every: over the remote rules' 24 guards per ad, any() over generators took
    # 0.085 CPU ms per generated demo ad and this 0.049.
    for sets in guard:  # noqa: SIM110
        if holds_every(low, sets):
            return True
    return False


def holds_every(low: str | None, sets: Iterable[Iterable[str]]) -> bool:
    """Whether the folded text holds a word of each set (None: cannot tell, so True)."""
    if low is None:
        return True
    for words in sets:  # plain loops: this runs for every rule on every language sentence
        for word in words:
            if word in low:
                break
        else:
            return False
    return True


@cache
def start_words(pattern: re.Pattern[str] | str, search_only: bool = False) -> tuple[str, ...]:
    """Lower-case strings of which every match of `pattern` begins with one (for `word_starts`).

    `search_only`: the words are only used to answer "is there a match" (`matches_at`), so a leading
    optional part of the pattern may be passed over.
    """
    found = _prefixes(_parse(pattern), search_only)
    if not found:
        raise ValueError(f"no start word begins every match of {pattern!r}")
    return _without_redundant(found, prefixes=True)
