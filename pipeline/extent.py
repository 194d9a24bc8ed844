"""Job share in percent ("stillingsprosent") from the extent field, JSON-LD employmentType and the ad text.

Decision when sources disagree: a stated percentage for the position (in the extent field or the text)
beats a bare "Heltid"/"Deltid"/"FULL_TIME", because it is the more specific statement and NAV's extent
field only knows the two words (raw "Heltid_og_Deltid" even becomes "Heltid"). "Deltid" without a number
is an unknown share (None). With several position percentages, the first one wins: ads lead with the
position they advertise. A range ("80-100 %") gives its lower bound, the share the employer commits to.
A percentage right after an amount of money ("Lønn fra kr 510 000 i 100 % stilling") is the basis the pay
is quoted on, not the share: the ad's own "Stillingen er på 90 %" decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from pipeline.cues import cue_words, finditer_at, fold, has_any, holds_any, start_words, word_starts

# "57,4 % stilling" is a share too: the decimals are kept in group 3 and the share rounded to a whole number.
_PERCENT = re.compile(
    r"(?<![\d,.])(\d{1,3})(?:[,.](\d{1,2}))?(?:\s*(?:-|–|til|to)\s*(\d{1,3}))?\s*(?:%|prosent\b|percent\b|pct\b)",
    re.I,
)

# Words that make a nearby percentage about something other than the job share.
_NOT_EXTENT = re.compile(
    r"pensjon|pension|rabatt|discount|provisjon|commission|bonus|remote|hjemmekontor|home\s*office|"
    r"reise|travel|\beier|\bowner|aksje|\bshares?\b|equity|lønnsøkning|økning|increase|vekst|growth|"
    r"sykefravær|kvinner|\bwomen|markedsandel|margin|\brente|interest|avkastning|"
    r"tillegg|overtid|overtime|utbytte|dividend|skatt|\btax\b|feriepenger|satisfaction|fornøyd|"
    r"refusjon|dekning|dekker|\bcover|\boff\b|av\s+lønn|of\s+salary|innskudd|sparing|\bspare|"
    r"\bav\s+(?:de|dem|våre|alle|tiden)\b|\bof\s+(?:our|the|all|your)\b",
    re.I,
)
# Words that make a percentage the job share.
_EXTENT_WORD = re.compile(
    r"stilling|stillingsandel|stillingsprosent|\bst\b|årsverk|heltid|deltid|vikariat|engasjement|"
    r"fast|ansettelse|position|role|job|jobb|fte|employment|full[- ]?time|part[- ]?time|turnus|"
    r"arbeidstid|hours|contract|kontrakt|post\b|prosjekt",
    re.I,
)
_FULL_TIME_WORD = re.compile(
    r"\b(?:heltid|heiltid|heltidsstilling|heiltidsstilling|full[- ]?time|fulltid|fulltidsstilling|full\s+stilling)\b",
    re.I,
)
_PART_TIME_WORD = re.compile(r"\b(?:deltid|deltidsstilling|part[- ]?time)\b", re.I)
_FULL_TIME_FIELDS = {
    "heltid",
    "heiltid",
    "heltid_og_deltid",
    "full_time",
    "full-time",
    "fulltime",
    "full time",
}
_PART_TIME_FIELDS = {"deltid", "part_time", "part-time", "parttime", "part time"}


# A labelled share without a percent sign, as ATS fact lists write it: "Stillingsprosent: 100".
_LABELLED_SHARE = re.compile(
    r"\b(?:stillingsprosent|stillingsstørrelse|stillingsstorleik|stillingsandel|stillingsbrøk)\s*:?\s*"
    r"(?:er\s+)?(?:på\s+)?(\d{1,3})\b(?!\s*(?:%|prosent|-|–))",
    re.I,
)
# Sentence ends inside the window before a number. A period before a digit or a lower-case word is an
# abbreviation ("ca. 40 %", "inntil ca. 80 %"), not the end of a sentence.
_SENTENCE_END = re.compile(r"[;\n]|[.!?](?=\s+[A-ZÆØÅ])")
# An amount of money just before a share: "Lønn fra kr 510 000 i 100 % stilling" states what the pay
# would be at full time (the usual way pay scales are quoted), not the share of this position.
_PAY_BASIS = re.compile(r"lønn|løn\b|salary|\bkr\b|\bnok\b|\d{3}[ .\u00a0]\d{3}", re.I)


# A share offered later ("deltidsjobb, med mulighet for å gå over i en 100 % stilling til høsten") is not
# the post's share now.
_LATER = re.compile(
    r"(?:mulighet\w*|moglegheit\w*)\s+(?:for|til)\s+(?:å\s+)?(?:gå\s+over\s+(?:i|til)|få|øke\s+til|utvide\s+til)"
    r"\s+(?:\w+\s+){0,2}$|(?:etter\s+hvert|seinare|senere)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# Part time offered later, after the post the ad is for: "we might offer you a part-time employment for the
# time of your studies after the internship", "kan videreføres som deltidsarbeid". Like a share offered
# later (_LATER), it does not contradict a full-time statement about the post itself.
_PART_TIME_LATER = re.compile(
    r"(?:\b(?:might|may|could)\s+(?:\w+\s+){0,3}|\boffer\s+you\s+|\b(?:videreføres|vidareførast)\s+som\s+|"
    r"(?:mulighet\w*|moglegheit\w*)\s+(?:for|til)\s+(?:\w+\s+){0,2}|(?:etter\s+hvert|seinare|senere|later)\s+"
    r"(?:\w+\s+){0,2})(?:a\s+|en\s+)?$",
    re.I,
)


def _part_time_now(text: str) -> bool:
    """Whether the text calls the post part time, not counting part time offered for later."""
    return any(
        not _PART_TIME_LATER.search(text[max(0, m.start() - 50) : m.start()])
        for m in _PART_TIME_WORD.finditer(text)
    )


# An on-call substitute post (tilkallingsvikar, ringevikar) has no fixed share: "inntil 90 %" is the most
# it may come to, and NAV's "Heltid" beside it is a default (README rule of the real-ad set).
_ON_CALL = re.compile(r"tilkallings?\s?vikar\w*|tilkallingsvakt\w*|ringevikar\w*|\bon[- ]call\b", re.I)
_UPPER_BOUND = re.compile(r"(?:inntil|opptil|opp\s+til|up\s+to|maks(?:imum|imalt)?)\s+(?:ca\.?\s+)?$", re.I)
# A notice of several posts ("Ledige stillingar i Tysvær kommune", "ledig 120 % stilling ... ledig 50 %
# stilling"): the listing gives the lowest share on offer, the least a reader can count on.
_SEVERAL_POSTS_TITLE = re.compile(r"\bledige\s+stilling(?:er|ar)\b", re.I)
_ONE_POST = re.compile(r"\bledig\w*\s+(?:\w+\s+){0,3}?\d{1,3}\s*%\s*(?:fast\s+|vikariat\s+)?stilling", re.I)


# Cues (pipeline/cues.py), read off the patterns: text without one of them skips the pattern.
PERCENT_CUES = cue_words(_PERCENT)
LABELLED_CUES = cue_words(_LABELLED_SHARE)
LABELLED_STARTS = start_words(_LABELLED_SHARE)
FULL_TIME_CUES = cue_words(_FULL_TIME_WORD)


_NEAR_END = re.compile(r"[.;,\n]")


_DIGITS = re.compile(r"\d+")


def _percentages(text: str) -> Iterator[re.Match[str]]:
    """`_PERCENT.finditer(text)`, tried only at the first digit of each number (where a match must begin)."""
    return finditer_at(_PERCENT, text, (run.start() for run in _DIGITS.finditer(text)))


def _labelled_shares(text: str, low: str | None) -> Iterator[re.Match[str]]:
    """`_LABELLED_SHARE.finditer(text)`, tried only where "stillings..." begins."""
    if low is None or len(low) != len(text):
        return _LABELLED_SHARE.finditer(text)
    return finditer_at(_LABELLED_SHARE, text, word_starts(low, LABELLED_STARTS))


def _whole(digits: str, decimals: str | None) -> int:
    """A share as a whole number, half up: "57,4" is 57, "62,5" is 63."""
    value = Decimal(f"{digits}.{decimals}") if decimals else Decimal(digits)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _position_percentages(text: str, need_context: bool, title: str = "", on_call: bool = False) -> list[int]:
    """Percentages in `text` that describe the job share, in order of appearance."""
    found: list[tuple[int, int]] = []
    folded = fold(text)
    for m in _percentages(text) if holds_any(folded, PERCENT_CUES) else ():
        low = _whole(m[1], m[2])
        if m[3] is not None and low > int(m[3]):
            continue
        if not 1 <= low <= 100:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 30]
        # Only the words right after the number, and those just before it, describe it.
        after_near = _NEAR_END.split(after, maxsplit=1)[0]
        before_near = _SENTENCE_END.split(before)[-1]
        if _NOT_EXTENT.search(after_near[:20]) or _NOT_EXTENT.search(before_near[-20:]):
            continue
        # The job title beside the number names the post too: "Fritidskontakt, 20 %, tiltredelse januar".
        beside_title = bool(title) and title in before_near.casefold()
        if need_context and not (
            _EXTENT_WORD.search(after_near) or _EXTENT_WORD.search(before_near) or beside_title
        ):
            continue
        if _PAY_BASIS.search(before_near) or _LATER.search(before_near):
            continue
        if on_call and _UPPER_BOUND.search(before_near):
            continue
        found.append((m.start(), low))
    for m in _labelled_shares(text, folded) if holds_any(folded, LABELLED_CUES) else ():
        if 1 <= int(m[1]) <= 100:
            found.append((m.start(), int(m[1])))
    return [pct for _, pct in sorted(found)]


def parse_extent(extent: str | None, employment_types: list[str], text: str, title: str = "") -> int | None:
    """Job share 1-100, 100 for full time, None when unknown (e.g. "Deltid" with no percentage anywhere).

    A percentage in the job title ("Fritidskontakt, 20 %") is the post's share: the title names the post.
    """
    return extent_and_source(extent, employment_types, text, title)[0]


STATED = "stated"
"""The share is a percentage the ad states (in its extent field, title or text)."""
FULL_TIME_WORD = "full_time_word"
"""The share is 100 only because of a bare "Heltid"/"FULL_TIME" (field, employment type or text)."""


def extent_and_source(
    extent: str | None, employment_types: list[str], text: str, title: str = ""
) -> tuple[int | None, str | None]:
    """`parse_extent` and where the share came from: STATED, FULL_TIME_WORD, or None when unknown.

    The source matters to the permit's 80 % rule: NAV writes "Heltid" also when the ad it imported
    had no extent at all, so a 100 that rests on that word alone is weaker than a stated percentage.
    """
    field = (extent or "").strip()
    on_call = bool(title) and _ON_CALL.search(title) is not None
    if field:
        pcts = _position_percentages(field, need_context=False)
        if pcts:
            return pcts[0], STATED
    if title:
        in_title = _position_percentages(title, need_context=False, on_call=on_call)
        if in_title:
            return in_title[0], STATED
    body_text = text or ""
    from_text = _position_percentages(body_text, True, title.strip().casefold(), on_call)
    if from_text:
        several = bool(title) and _SEVERAL_POSTS_TITLE.search(title) is not None
        if several or (len(from_text) > 1 and len(_ONE_POST.findall(body_text)) > 1):
            return min(from_text), STATED
        return from_text[0], STATED
    if on_call:
        return None, None
    key = field.lower()
    types = {t.strip().lower().replace(" ", "_") for t in employment_types or [] if t}
    if key in _FULL_TIME_FIELDS or _FULL_TIME_WORD.fullmatch(key):
        return 100, FULL_TIME_WORD
    if key in _PART_TIME_FIELDS or _PART_TIME_WORD.fullmatch(key):
        return None, None
    if "full_time" in types and not types & {"part_time", "parttime"}:
        return 100, FULL_TIME_WORD
    if types & {"part_time", "parttime"}:
        return None, None
    body = text or ""
    if has_any(body, FULL_TIME_CUES) and _FULL_TIME_WORD.search(body) and not _part_time_now(body):
        return 100, FULL_TIME_WORD
    return None, None
