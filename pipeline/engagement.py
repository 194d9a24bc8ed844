"""Is the position temporary? From the engagement field, JSON-LD employmentType, then the ad text.

Decisions (NAV's vocabulary, NOTES.md §1.5):
- Temporary: Vikariat, Engasjement, Prosjekt, Sesong, Feriejobb, Frilanser, and Åremål (a fixed term for
  leaders, typically six years: it ends unless renewed). Lærling is temporary too: an apprenticeship is a
  fixed-term training contract (lærekontrakt).
- Trainee: temporary unless the text says the trainee is hired permanently ("fast ansatt fra dag én"),
  because most Norwegian trainee programmes are fixed one- or two-year terms.
- Permanent: Fast, PERMANENT. "Selvstendig næringsdrivende" and "Annet" say nothing: the text decides.
- An explicit engagement field beats the text. In the text, "mulighet for fast ansettelse" after a
  vikariat is a prospect, not a permanent offer, and the Norwegian "engasjement" (also "commitment") only
  counts as a fixed-term post when the words around it say so. When the text holds both kinds of signal,
  the first one wins (ads lead with the position they advertise).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.cues import cue_guard, fold_ad, passes

_TEMPORARY_FIELDS = {
    "vikariat", "engasjement", "prosjekt", "sesong", "feriejobb", "frilanser", "åremål", "lærling",
    "temporary", "contractor", "intern", "internship", "seasonal", "per_diem", "fixed_term", "fixed-term",
    "midlertidig", "prosjektstilling", "sommerjobb", "freelance", "vikar", "sommer", "sommervikariat",
}  # fmt: skip
_PERMANENT_FIELDS = {"fast", "permanent", "fast stilling", "fast ansettelse", "permanent position"}

_TEMPORARY_TEXT = re.compile(
    r"\b(?:vikariat\w*|vikar(?:er)?\b(?!byrå)|sommervikar\w*|ferievikar\w*|"
    r"engasjementsstilling\w*|prosjektstilling\w*|prosjektansettelse\w*|"
    r"midlertidig(?:e)?\s+(?:\d+\s*%\s+)?(?:stilling|ansettelse|ansatt|tilsetting|stillingar|stillinger)|"
    r"midlertidig\b|mellombels\w*|tidsavgrens\w*|åremål\w*|sesongstilling\w*|sesongarbeid\w*|sesongjobb\w*|"
    r"sommerjobb\w*|feriejobb\w*|sommarjobb\w*|"
    r"fixed[- ]term|temporary\s+(?:position|role|contract|employment|job|post|assignment)|"
    r"maternity\s+cover|parental\s+leave\s+cover|internship|seasonal\s+(?:job|position|work)|summer\s+job|"
    r"contract\s+of\s+\d+\s+months?|\d+[- ]months?\s+contract|contract\s+(?:position|role)|"
    r"for\s+a\s+period\s+of\s+\d+\s+(?:months?|years?)|"
    r"(?:assignment|contract|oppdrag(?:et)?|kontrakt(?:en)?)\b[^.\n]{0,40}?\b(?:for|på|i)\s+(?:\w+\s+)?"
    r"(?:\d+|one|two|three|four|six|nine|twelve|eighteen|ett|to|tre|fire|seks|ni|tolv|atten)\s+"
    r"(?:months?|years?|måneder|mnd|år)\b|"
    r"(?:i|for)\s+en\s+periode\s+på\s+\d+\s+(?:måneder|mnd|år|uker)|"
    # A duration set for the post: "Bemanningen er satt til 6 mnd med mål om fast ansettelse",
    # "Trainee (Heltid 12-24 mnd)", "varighet 18 måneder". (A probation period is not one: see _PROBATION.)
    r"(?:er\s+satt\s+til|varighet(?:en)?(?:\s+er)?(?:\s+på)?|varer|lasting|duration(?:\s+of)?)\s*:?\s*"
    r"(?:ca\.?\s+|inntil\s+|up\s+to\s+)?\d+(?:\s*[-–]\s*\d+)?\s*(?:mnd|måneder|månader|months?|år|years?|uker|weeks)\b|"
    r"(?<=\()(?:heltid|deltid|full[- ]time|part[- ]time)?,?\s*\d+(?:\s*[-–]\s*\d+)?\s*(?:mnd|måneder|months?)\s*\)|"
    # Medical internships are fixed-term training posts (18 months): turnuslege, LIS1.
    r"turnuslege\w*|turnusstilling\w*|\blis\s?1\b)",
    re.I,
)
# An end date set for the post ("Duration: Until August 2023", "Varighet: ut juni 2025") or a term the post
# is said to last ("The position is two years", "Stillinga er på to år"). Apart from _TEMPORARY_TEXT so
# each branch keeps its own cue guard: "stillingen" alone is in nearly every ad.
_TERM_SET = re.compile(
    r"(?:duration|varighet(?:en)?)(?:\s+is)?\s*:?\s*(?:until|till?|ut|fram\s+til|frem\s+til)\s+(?:the\s+end\s+of\s+)?"
    r"(?:\d{1,2}\.\s?\d{1,2}\.|\d{1,2}\.?\s+)?(?:jan\w*|feb\w*|mar\w*|apr\w*|ma[iy]|jun\w*|jul\w*|aug\w*|sep\w*|"
    r"o[ck]t\w*|nov\w*|de[cs]\w*|\d{4})\b|"
    # Single spaces inside the phrases, so the cue guard holds the whole phrase ("position is").
    r"\b(?:position is|post is|appointment is) (?:for )?(?:a (?:period|term) of )?"
    r"(?:\d+|one|two|three|four|five|six) (?:years?|months?)\b|"
    r"\b(?:stillingen er på|stillinga er på|stillingen er for|stillinga er for) (?:\d+|ett|eitt|to|tre|fire|fem|seks) "
    r"(?:år|måneder|månader|mnd)\b",
    re.I,
)
# "prøvetid på 6 måneder" states a probation, not a fixed term.
_PROBATION = re.compile(r"prøvetid|prøvetida|probation|oppsigelsestid|notice\s+period", re.I)
# "engasjement" as a post, not as "commitment": a duration, an end date or "ledig"/"%" next to it.
_ENGASJEMENT_POST = re.compile(
    r"(?:ledig(?:e)?|\d+\s*%|et\s+\d+[- ]årig|midlertidig)\s+engasjement\b|"
    r"\b(?:et\s+)?engasjement\s+(?:i|på|for|med\s+varighet(?:\s+på)?|ut|frem\s+til|fram\s+til|til\s+og\s+med|i\s+inntil)"
    r"\s+(?:inntil\s+|ca\.?\s+)?(?:\d+|ett|to|tre|fire|seks|ni|tolv|året|\d{1,2}\.\d{1,2}\.\d{2,4})"
    r"(?:\s*(?:måneder|mnd|år|uker|\.\d))?",
    re.I,
)
_PERMANENT_TEXT = re.compile(
    r"\b(?:fast(?:e)?\s+(?:\d+\s*%\s+)?(?:stilling\w*|ansettelse|tilsetting|jobb|heltidsstilling|"
    r"deltidsstilling|ansatt)|fast,\s*\d+\s*%|\d+\s*%\s+fast\b|stilling,\s*fast\b|"
    r"(?:ansettelsesform|tilsettingsform|stillingstype|varighet|type\s+of\s+employment|employment\s+type)"
    r"\s*:?\s*(?:fast|permanent)\b|"
    r"permanent,?\s+(?:(?:and\s+)?(?:full|part)[- ]time\s+)?(?:position|role|contract|employment|job|post|hire)|"
    r"(?:full[- ]time|heltid),?\s+(?:and\s+)?permanent\b|permanent,?\s+(?:and\s+)?full[- ]time\b)",
    re.I,
)
# A permanent phrase that is only a prospect ("vikariat med mulighet for fast ansettelse").
_PROSPECT = re.compile(
    r"(?:mulighet(?:er)?\s+for|moglegheit\s+for|kan\s+(?:bli|gå\s+over\s+(?:i|til))|possibility\s+of|"
    r"chance\s+of|may\s+(?:lead\s+to|become)|could\s+(?:lead\s+to|become)|senere|etter\s+hvert|"
    r"potential\s+for|option\s+of|overgang\s+til)\s*(?:en\s+|a\s+)?$",
    re.I,
)
# Permanent and fixed-term posts offered alike ("for både prosjektansettelser og til faste stillinger",
# "faste stillinger og vikariater", a post "eller sommerjobb" where the post is "fast ansatt"): a permanent
# post is open, so the listing is not temporary.
_TEMP_NOUN = r"(?:vikariat\w*|prosjektansettelse\w*|prosjektstilling\w*|engasjement\w*|midlertidig\w*\s+(?:stilling\w*|ansettelse\w*))"
_FIXED_NOUN = r"(?:faste?\s+(?:stilling\w*|ansettelse\w*|tilsetting\w*)|fast\s+ansatt\w*)"
_BOTH_KINDS = re.compile(
    rf"\b(?:både\s+)?(?:til\s+)?{_FIXED_NOUN}\s+(?:og|eller|samt)\s+(?:til\s+)?(?:\w+\s+)?{_TEMP_NOUN}|"
    rf"\b(?:både\s+)?(?:til\s+)?{_TEMP_NOUN}\s+(?:og|eller|samt)\s+(?:til\s+)?{_FIXED_NOUN}|"
    # A post offered beside a summer job ("en graduate-stilling eller sommerjobb hos oss"), when the ad
    # also says the post is permanent (is_temporary checks for "fast" first).
    rf"\b[\w-]*stilling\w*\s+eller\s+(?:en\s+)?(?:sommerjobb\w*|sommarjobb\w*|feriejobb\w*)",
    re.I,
)
# A prospect of permanence ("Gode muligheter for fast ansettelse", "Stor mulighet for fast ansettelse etter 6
# måneder") says the post offered is not permanent yet: a staffing hire or a fixed first term.
_PERMANENCE_LATER = re.compile(
    r"\b(?:mulighet(?:er)?|moglegheit(?:er)?)\s+for\s+(?:å\s+bli\s+)?fast\s+(?:ansettelse|ansatt|tilsetting|stilling)",
    re.I,
)
_TRAINEE_PERMANENT = re.compile(
    r"fast\s+ansatt|fast\s+stilling|permanent(?:ly)?\s+(?:employed|hired|position)", re.I
)


def _field_key(value: str) -> str:
    return value.strip().lower().replace("-", "_").replace(" ", "_") if value else ""


# Cues (pipeline/cues.py), read off the patterns: a text without a word of a pattern's guard cannot match
# it, and is not searched. is_temporary, CPU ms/ad, best of five: 0.55 -> 0.31 on the 185 real and holdout
# ads, 0.080 -> 0.035 on 1,000 generated demo ads (benchmarks/bench_normalise.py); same answers.
_GUARDS = {
    pattern: cue_guard(pattern)
    for pattern in (
        _TEMPORARY_TEXT,
        _TERM_SET,
        _ENGASJEMENT_POST,
        _PERMANENCE_LATER,
        _PERMANENT_TEXT,
        _BOTH_KINDS,
    )
}


def _finditer(pattern: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, or nothing when the folded text lacks the pattern's cue words."""
    return pattern.finditer(text) if passes(low, _GUARDS[pattern]) else iter(())


def _first_text_signal(text: str) -> bool | None:
    """True/False for the first temporary or permanent signal in the text; None if there is none."""
    signals: list[tuple[int, bool]] = []
    low = fold_ad(text)
    for m in _finditer(_TEMPORARY_TEXT, text, low):
        if _PROBATION.search(text[max(0, m.start() - 40) : m.end()]):
            continue
        signals.append((m.start(), True))
    for m in _finditer(_TERM_SET, text, low):
        if not _PROBATION.search(text[max(0, m.start() - 40) : m.end()]):
            signals.append((m.start(), True))
    for m in _finditer(_ENGASJEMENT_POST, text, low):
        signals.append((m.start(), True))
    for m in _finditer(_PERMANENCE_LATER, text, low):
        signals.append((m.start(), True))
    for m in _finditer(_PERMANENT_TEXT, text, low):
        if _PROSPECT.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        signals.append((m.start(), False))
    if not signals:
        return None
    return min(signals)[1]


# An ad has room to state its terms. Norwegian law makes permanent employment the rule and a fixed term
# the exception that must be agreed (arbeidsmiljøloven § 14-9), so an ad that names no fixed term offers
# a permanent post. Only a snippet (a title and a line) stays unknown. The bar was 80 words until the
# blind set (tests/eval/blind) showed employers' own short summaries of 25-80 words, every one of them
# labelled permanent, left unknown: at 25 words blind 69.9 -> 98.6 %, real 98.0 -> 98.7 %, the other
# sets unchanged.
_COMPLETE_AD_WORDS = 25


def is_temporary(engagement: str | None, employment_types: list[str], text: str) -> bool | None:
    """True for fixed-term positions, False for permanent ones, None when nothing says which.

    An ad of at least 25 words with no fixed-term signal anywhere is permanent (False).
    """
    key = _field_key(engagement or "")
    body = text or ""
    if "fast" in body.lower() and passes(fold_ad(body), _GUARDS[_BOTH_KINDS]) and _BOTH_KINDS.search(body):
        return False
    temporary_keys = {k.replace(" ", "_") for k in _TEMPORARY_FIELDS}
    # Finn writes combined values such as "Sommer/Sesong": any temporary part makes it temporary.
    if key in temporary_keys or any(part in temporary_keys for part in re.split(r"[/,]+", key) if part):
        return True
    if key in {k.replace(" ", "_") for k in _PERMANENT_FIELDS}:
        # The title naming the post fixed-term ("50 % midlertidig stilling som integreringsveileder")
        # overrides a "Fast" field: the ad says what it advertises.
        title = body.split("\n", 1)[0]
        return bool(title) and _first_text_signal(title) is True

    if key == "trainee":
        return not _TRAINEE_PERMANENT.search(body)
    types = {_field_key(t) for t in employment_types or [] if t}
    if types & {"temporary", "contractor", "intern", "seasonal", "per_diem", "fixed_term"}:
        return True
    if "permanent" in types:
        return False
    signal = _first_text_signal(body)
    if signal is None and len(body.split()) >= _COMPLETE_AD_WORDS:
        return False
    return signal
