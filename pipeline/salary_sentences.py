"""Which sentences of an ad can state its pay: found by cue words before any amount is read.

Most ads have no salary sentence, so this scan is the common path of `pipeline.salary`: the cue words
are found with `str.find` (ten times faster than one regex alternation on long ads), and only the
sentences holding one go on to the amount readers.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

from pipeline.text import sentences

_I = re.IGNORECASE
#: NOTES.md §5 keyword list plus English pay words and Nynorsk "løn": only sentences with one are read.
#: Found with str.find rather than one regex alternation, which is ten times slower on long ads;
#: most ads have no salary sentence, so this scan is the common path.
_PAY_WORDS = (
    "løn",
    "ltr.",
    "salar",
    "pay",
    "compensation",
    "wage",
    "remunerat",
    "tariff",
    "earn",
    "kr",
    "nok",
    "betingelse",  # "Konkurransedyktige betingelser" is a statement about pay
    "vilkår",
)
_WORD_START_CUES = frozenset({"kr", "nok", "pay", "earn", "wage"})
_THOUSANDS_K = re.compile(r"\d\s?k\b")
_ABBREVIATIONS = frozenset(
    [
        "kr.",
        "ltr.",
        "tr.",
        "ca.",
        "pr.",
        "nr.",
        "kl.",
        "inkl.",
        "evt.",
        "mnd.",
        "min.",
        "maks.",
        "ref.",
        "tlf.",
        "org.",
        "jf.",
        "dvs.",
        "bl.a.",
        "f.eks.",
        "stk.",
        "brt.",
    ]
)
_LABEL_ONLY = re.compile(r"^(?:\w*løn\w*|salary|pay|compensation)\s*:?$", _I)

# White space other than a plain space and a line break, and the zero-width space: html_to_text rewrites them.
_ODD_WHITE_SPACE = re.compile(r"[^\S \n]")


def _already_plain(text: str) -> bool:
    """Whether `html_to_text(text)` would return `text` itself (normalise passes text it already made plain).

    True only for text with no markup or entities, single spaces, stripped lines joined by "\n", at most
    one blank line in a row and nothing to strip at either end: all that html_to_text changes.
    """
    return not (
        "&" in text
        or "<" in text
        or "\u200b" in text
        or "  " in text
        or " \n" in text
        or "\n " in text
        or "\n\n\n" in text
        or text[:1] in (" ", "\n")
        or text[-1:] in (" ", "\n")
        or _ODD_WHITE_SPACE.search(text)
    )


def _salary_sentences(plain: str) -> list[str]:
    """Sentences with a salary cue.

    The shared splitter ends a sentence at "kr. 17.304" and "ltr. 62", so a part ending in such an
    abbreviation is joined to the next; a bare label line ("Lønn:") is joined to the line after it.
    """
    parts: list[str] = []
    for part in sentences(plain):
        # Every abbreviation ends with a full stop, so only a part ending with one can end with an abbreviation.
        if (
            parts
            and parts[-1].endswith(".")
            and parts[-1].rsplit(None, 1)[-1].lstrip("(").lower() in _ABBREVIATIONS
        ):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    found: list[str] = []
    for i in _cue_sentences(parts):
        sentence = parts[i]
        if _LABEL_ONLY.match(sentence) and i + 1 < len(parts):
            sentence = f"{sentence} {parts[i + 1]}"
        if mentions_pay(sentence):
            found.append(sentence)
    return found


def _cue_sentences(parts: list[str]) -> Iterable[int]:
    """Indexes of the sentences that may mention pay, found in one pass over the joined text.

    Sentences hold no line break, so joined with one and lower-cased each keeps a known offset; a hit
    across a break only offers a sentence more. `mentions_pay` then decides on each one offered.
    """
    joined = "\n".join(parts).lower()
    if len(joined) != sum(map(len, parts)) + len(parts) - 1:
        return range(len(parts))  # lower-casing changed the length: offer every sentence
    starts = list(itertools.accumulate((len(p) + 1 for p in parts[:-1]), initial=0))
    found: set[int] = set()
    # Every cue of `mentions_pay` and every `_LABEL_ONLY` line holds one of the pay words.
    for word in _PAY_WORDS:
        start = joined.find(word)
        while start != -1:
            found.add(bisect.bisect_right(starts, start) - 1)
            start = joined.find(word, start + 1)
    if "k" in joined:
        for hit in _THOUSANDS_K.finditer(joined):
            found.add(bisect.bisect_right(starts, hit.start()) - 1)
            found.add(bisect.bisect_right(starts, hit.end() - 1) - 1)
    return sorted(found)


def mentions_pay(text: str) -> bool:
    """Whether a text has a salary cue word; "nok" counts only as "NOK" or beside a number."""
    low = text.lower()
    for word in _PAY_WORDS:
        start = low.find(word)
        while start != -1:
            if _is_cue(text, low, word, start):
                return True
            start = low.find(word, start + 1)
    return "k" in low and _THOUSANDS_K.search(low) is not None


_DIGIT_BEFORE = re.compile(r"\d\s?$")
_DIGIT_AFTER = re.compile(r"\s?\d")


def _is_cue(text: str, low: str, word: str, start: int) -> bool:
    end = start + len(word)
    if word in _WORD_START_CUES and start > 0 and low[start - 1].isalnum():
        return False  # "learn", "repay", "bokr"
    if word in ("kr", "nok") and end < len(low) and low[end].isalnum():
        return False  # "krav", "nokså"
    if word == "nok" and text[start:end] != "NOK":
        # the everyday word "enough" ("nysgjerrig nok") unless a number stands beside it
        return bool(
            _DIGIT_BEFORE.search(low[max(0, start - 2) : start]) or _DIGIT_AFTER.match(low[end : end + 2])
        )
    return True
