"""Mark, in an ad's text, the phrases that decided its fields (English, salary, extent, education).

The normalisers keep the words they read a field from (`language_evidence`, `salary_text`, ...); the
listing page shows the whole ad with those words marked, so a user can check a tag against the ad.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

# An evidence text can say how it was decided around the quoted words: 'stated: "English is our
# working language"'. The quoted part, or else the whole text, is what stands in the ad.
_QUOTED = re.compile(r"[\"“«']([^\"”»']{4,})[\"”»']")
MIN_PHRASE = 4


def phrases_of(evidence: Iterable[str | None]) -> list[str]:
    """The phrases to look for in the ad, longest first (so a longer one wins an overlap)."""
    found: set[str] = set()
    for text in evidence:
        if not text:
            continue
        quoted = _QUOTED.findall(text)
        for phrase in quoted or [text]:
            phrase = " ".join(phrase.split())
            if len(phrase) >= MIN_PHRASE:
                found.add(phrase)
    return sorted(found, key=len, reverse=True)


def highlight(text: str | None, phrases: Iterable[str]) -> Markup:
    """The text, escaped, with each occurrence of a phrase (any case, any run of spaces) in <mark>."""
    body = text or ""
    wanted = [p for p in phrases if p]
    if not wanted:
        return escape(body)
    pattern = re.compile(
        "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in wanted), re.IGNORECASE
    )
    out, last = [], 0
    for match in pattern.finditer(body):
        out.append(escape(body[last : match.start()]))
        out.append(Markup("<mark>") + escape(match.group(0)) + Markup("</mark>"))
        last = match.end()
    out.append(escape(body[last:]))
    return Markup("").join(out)
