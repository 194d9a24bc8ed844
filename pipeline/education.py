"""The minimum education an ad requires: "master", "bachelor", "vocational", "none", or None (not stated).

The permit rules turn on it (a master's requirement raises the salary floor), so only *required* levels
count. The text is read clause by clause: a clause that calls a level an advantage ("master er en
fordel", "a Master's is a plus") does not count; levels offered as alternatives ("bachelor eller master")
give the lowest; "relevant erfaring kan kompensere" keeps the stated level (experience can compensate,
but the ad still asks for it). Across clauses the lowest required level wins, and an explicit "no formal
education required" is the lowest of all. General upper-secondary school ("videregående") is not one of
the levels and is ignored; "fagbrev", "svennebrev" and "fagskole" are vocational. A PhD requirement
reads as "master" (the highest level we record). "Master Mariner" is a ship's captain's certificate, not
a degree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from pipeline.cues import (
    ad_has_any,
    cue_guard,
    cue_words,
    fold_ad,
    has_any,
    holds_any,
    matches_at,
    passes,
    pieces_with,
    start_words,
    word_starts,
)

_RANK = {"none": 0, "vocational": 1, "bachelor": 2, "master": 3}


def _pattern(regex: str) -> re.Pattern[str]:
    """A case-blind pattern in which "utdanning" also reads the older "utdannelse" ("høyere utdannelse")."""
    return re.compile(regex.replace("utdanning", "utdann(?:ing|else)"), re.I)


_NONE = _pattern(
    # Bokmål and Nynorsk: "ingen/inga krav til formell utdanning", "ikkje noko krav om utdanning", "Formell
    # utdanning er ikkje eit krav", "ingen krav til formell kompetanse", "du trenger ingen utdanning".
    r"(?:ingen|inga)\s+(?:formelle\s+)?(?:krav|kr[aæ]v)\s+(?:til|om)\s+(?:formell\s+)?(?:utdanning|kompetanse)|"
    r"(?:ingen|inga)\s+formelle\s+(?:utdannings)?krav|(?:ingen|inga)\s+utdanningskrav|"
    r"(?:ikke|ikkje)\s+(?:noe\s+|noko\s+)?krav\s+(?:til|om)\s+(?:formell\s+)?utdanning|"
    r"utdanning\s+er\s+(?:ikke|ikkje)\s+(?:et\s+|eit\s+)?krav|"
    r"uten\s+formell\s+utdanning|utan\s+formell\s+utdanning|"
    r"du\s+(?:trenger|treng)\s+(?:ikke\s+(?:noen\s+)?|ikkje\s+(?:nokon\s+)?|ingen\s+)(?:formell\s+)?utdanning|"
    r"no\s+(?:formal\s+)?(?:education|degree|qualifications?)\s+(?:is\s+)?(?:required|needed|necessary)|"
    r"(?:a\s+)?(?:formal\s+)?(?:education|degree)\s+(?:is\s+)?not\s+(?:required|necessary|a\s+requirement)|"
    r"(?:do|does)\s+not\s+(?:need|require)\s+(?:a\s+|any\s+)?(?:formal\s+)?(?:education|degree)|"
    r"no\s+experience\s+or\s+education\s+(?:is\s+)?required|"
    r"no\s+(?:specific\s+|particular\s+|formal\s+)?(?:education(?:al\s+background)?|degree)s?\s+"
    r"(?:or\s+(?:\w+\s+){0,2}?experience\s+)?(?:is\s+|are\s+)?(?:required|needed|necessary)|"
    r"(?:degree|education|utdanning)\b[^.\n]{0,60}?\b(?:does\s+not|doesn't|do\s+not)\s+matter|"
    r"(?:utdanning|grad)\b[^.\n]{0,60}?\bspiller\s+ingen\s+rolle|"
    # Unskilled applicants welcome: "ufaglærte er også velkomne", "unskilled workers welcome".
    r"\bufaglær\w*\b[^.\n]{0,80}?\bvelkom\w*|\bunskilled\b[^.\n]{0,60}?\bwelcome|"
    # Both the trained and the merely interested: "både fagutdanna og personer med interesse for faget".
    r"\bbåde\s+(?:fagutdann\w*|faglært\w*|utdann\w*)\s+og\s+(?:ufaglært\w*|personer|folk|andre)\b",
)
# "no specific competence is needed", "Ingen spesielle kvalifikasjoner kreves": nothing formal is asked.
# Apart from _NONE, behind its own cue guard, so the common words it holds ("skills") cost no extra search.
_NONE_SPECIFIC = re.compile(
    r"no\s+(?:specific|particular|special|formal)\s+(?:competence|qualifications?|skills)\s+(?:is\s+|are\s+)?"
    r"(?:required|needed|necessary)|"
    r"(?:ingen|inga)\s+(?:spesielle|særskilde|særlige|spesifikke|formelle)\s+(?:kvalifikasjon\w*|forkunnskap\w*)"
    r"\s+(?:kreves|krevst|er\s+nødvendig)",
    re.I,
)
_NONE_SPECIFIC_GUARD = cue_guard(_NONE_SPECIFIC)
_NONE_SPECIFIC_STARTS = start_words(_NONE_SPECIFIC, search_only=True)
# A bare "master" is a degree unless it is the English verb ("to master", "you will master"), and
# "mastering", "masterclass" or "Master Mariner" (a ship's captain's certificate) are not degrees at all.
_MASTER = _pattern(
    r"(?:master's|masters\b|master(?:grad\w*|nivå\w*|utdanning\w*|studi\w*|program\w*|eksamen\w*|"
    r"kompetanse|-?graden|-)|(?<!\bto\s)(?<!\bwill\s)(?<!\bcan\s)(?<!\bmust\s)(?<!\bshould\s)(?<!\byou\s)"
    r"(?<!\bwe\s)(?<!\bcould\s)(?<!\bquickly\s)master\b)(?!\s+mariner)|\bmsc\b|\bm\.sc\b|\bmaster-|sivilingeniør\w*|siv\.?\s?ing|"
    r"hovedfag|cand\.\s?\w+|høyere\s+grad|doktorgrad|\bph\.?\s?d\b|\bdoctorate\b|5[- ]årig|femårig|"
    r"profesjonsstudi\w*|siviløkonom\w*|\bsiv\.\s?øk\b|autorisasjon\s+som\s+(?:lege|psykolog|tannlege|dyrlege)|"
    r"(?:godkjent\s+)?spesialist\s+i\s+(?:\w+\s+)?(?:medisin|psykiatri|psykologi|kirurgi|\w+medisin)|"
    r"legeutdanning|medisinstudiet|medical\s+degree|licen[cs]ed\s+(?:physician|psychologist)",
)
_BACHELOR = _pattern(
    r"bachelor\w*|bachelor's|\bbsc\b|\bb\.sc\b|(?:høy[e]?re|høgare|høgre)\s+(?:[\w-]+\s+)?utdanning|"
    r"(?:høy|høg)sk(?:o|u)le(?:utdanning|nivå)|universitets\w*utdanning|universitetsnivå|"
    r"(?:utdanning|grad|eksamen)\s+(?:fra|frå)\s+(?:et\s+|eit\s+)?(?:universitet|høyskole|høgskole|høgskule)|"
    r"(?:høy|høg)sk(?:o|u)le\s*(?:/|eller)\s*universitet|universitet\s*(?:/|eller|og)\s*(?:høy|høg)sk(?:o|u)le|"
    r"university\s+(?:degree|education)|college\s+degree|"
    r"utdannet\s+(?:som\s+)?(?:barnehagelærer|sykepleier|lærer|vernepleier|sosionom|ingeniør|"
    r"fysioterapeut|ergoterapeut|barnevernspedagog)|"
    r"(?:relevant|academic|technical|engineering|higher|university)\s+(?:\w+\s+)?degree|\bdegree\s+in\b|"
    r"higher\s+education|(?:3[- ]årig|treårig)\s+(?:\w+\s+){0,2}?(?:utdanning|studium|høyskole\w*|høgskule\w*|"
    r"bachelor\w*|profesjonsutdanning)|ingeniørutdanning|lær[ae]r(?:ar)?utdanning|s(?:y|ju)kepleie?(?:r|ar)utdanning|"
    # A teacher's post "etter kompetanseforskrifta" asks for a teacher education (opplæringslova ch. 14).
    r"utdanning\b[^.\n]{0,40}?kompetanseforskrift\w*|"
    r"autorisasjon\s+som\s+(?:sykepleier|vernepleier|fysioterapeut|ergoterapeut|barnehagelærer|lærer)|"
    r"barnehagelær[ae]r(?:ar)?utdanning|vernepleie?(?:r|ar)utdanning|bachelornivå|lavere\s+grad|cand\.\s?mag",
)
_VOCATIONAL = re.compile(
    r"fagbrev\w*|svennebrev\w*|fagskole\w*|fagskule\w*|fagutdanning\w*|yrkesfaglig\w*|vocational|trade\s+certificate|"
    # The electrician's authorisation group L (elektriker gr. L) is held on a trade certificate.
    r"\bgruppe\s+l\b|"
    r"technical\s+college|skilled\s+(?:workers?|tradesm[ae]n)|"
    r"apprenticeship\s+certificate|certificate\s+of\s+apprenticeship|craft\s+certificate|journeyman|mesterbrev\w*|kompetansebevis|sertifikat\s+som\s+\w+",
    re.I,
)
_ADVANTAGE = re.compile(
    r"\bhelst\b|fortrinnsvis|\bideelt\b|\bideally\b|fordel|ønskelig|ønskeleg|ønskjeleg|ynskjeleg|ynskt|ønskes|meritterende|positivt|\bplus\b|\bbonus\b|advantage|nice\s+to\s+have|"
    r"preferably|preferred|desirable|beneficial|is\s+an?\s+asset|\bmerit\b|foretrekk\w*|gjerne|"
    r"vektlegges|vektlagt|vurderes\s+positivt|weighted|considered\s+positively|"
    # "Bør ha fagbrev" / "should have a degree": what the applicant should have, not must.
    r"\bbør\s+(?:du\s+)?ha\b|\bshould\s+(?:ideally\s+)?have\b",
    re.I,
)
# Levels named in passing, not as a requirement: study programmes the employer offers. The whole sentence
# is about the offer, so it is skipped.
_NOT_REQUIREMENT = re.compile(
    r"vi\s+tilbyr|we\s+offer|mulighet\s+for\s+å\s+ta|opportunity\s+to\s+(?:take|pursue)",
    re.I,
)
# Levels a clause names as something other than the applicant's finished education: students and theses
# the employer takes in, continuing education on top of a base degree, the certificate an apprentice will
# earn. Only that clause is skipped: "Fagbrev som helsefagarbeider, eller sykepleierstudent" still asks
# for the fagbrev.
_NOT_REQUIREMENT_CLAUSE = re.compile(
    r"masteroppgave|bacheloroppgave|student\w*|master\s+thesis|bachelor\s+thesis|enrolled|\bstudying\b|"
    r"videreutdanning|vidareutdanning|"
    r"(?:får|ta|tar|oppnå|oppnår|avlegge|avlegger|earn|obtain)\s+(?:\w+\s+){0,2}?(?:fagbrev\w*|svennebrev\w*)|"
    r"fagprøve\w*|"
    # Someone still studying: "Tar høyere utdanning", "is currently pursuing a degree".
    r"\b(?:tar|tek|holder\s+på\s+med|er\s+i\s+gang\s+med)\s+(?:\w+\s+)?utdann\w*|currently\s+pursuing",
    re.I,
)
# Education offered beside experience as either/or makes it optional: "Utdanning på høyskolenivå og / eller
# relevant arbeidserfaring" (unlike "relevant erfaring kan kompensere", which keeps the level).
_OR_EXPERIENCE = re.compile(
    r"\bog\s*/\s*eller\s+(?:[\w-]+\s+){0,3}?(?:arbeids|yrkes)?erfaring|\band\s*/\s*or\s+(?:[\w-]+\s+){0,3}?experience",
    re.I,
)
# Engineers of a non-master kind ("kjemiingeniør") in a list beside master titles ("sivilingeniør/Cand.scient/
# kjemiingeniør"): the list accepts the engineer, a bachelor-level degree.
_ALTERNATIVES = re.compile(r"/|\beller\b|\bor\b", re.I)
_ENGINEER = re.compile(r"(?<![\w.])(?!sivil|siv\.)[\wæøå]*ingeniør(?:er|ar|en|ane|ene|e)?\b", re.I)
# A sentence that says its level is not required ("a degree is a plus, but not required").
_NOT_REQUIRED = re.compile(
    r"ikke\s+(?:et\s+)?(?:krav|påkrevd|nødvendig)|ikkje\s+(?:eit\s+)?krav|not\s+(?:a\s+)?(?:required|requirement|"
    r"necessary|mandatory)|no\s+requirement",
    re.I,
)
_CLAUSE_SPLIT = re.compile(
    r"[,;:()\n]|\s[-–]\s|\s+men\s+|\s+but\s+|\s+while\s+|\s+og\s+gjerne\s+|\s+and\s+ideally\s+|"
    # A wish about the field after a required level ("bachelornivå gjerne innenfor salg") is its own clause.
    r"\s+(?=(?:gjerne|helst|fortrinnsvis|preferably|ideally)\s+(?:innen|innenfor|innan|i|med|frå|fra|within|in)\s)",
    re.I,
)


# A master match with the words that complete it ("Master's degree in"), removed before the bachelor test.
_MASTER_PHRASE = re.compile(rf"(?:{_MASTER.pattern})(?:\s+(?:of\s+science\s+)?degree(?:\s+in)?)?", re.I)
_MASTER_LEVEL_INTENDED = _pattern(
    r"(?:høy[e]?re|høgare)\s+(?:[\w-]+\s+)?utdanning\s+(?:på|innen|med)\s+(?:[\w.-]+/)?(?:master|siviløkonom|siv\.\s?øk|msc\b|m\.sc)"
)
_STILL_REQUIRED = re.compile(r"\bkrav|\brequire|\bmust\b|\bmå\b", re.I)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")

# Cues (pipeline/cues.py), read off the patterns: a sentence without one of LEVEL_CUES names no level and
# is skipped without running the patterns; _NONE is tried only where one of its start words begins.
LEVEL_CUES = cue_words(_MASTER, _BACHELOR, _VOCATIONAL)
NONE_CUES = cue_words(_NONE)

_NONE_STARTS = start_words(_NONE, search_only=True)


def _states_none(text: str) -> bool:
    """Whether the ad says no formal education is required (`_NONE.search`, tried only where it can start)."""
    low = fold_ad(text)
    if passes(low, _NONE_SPECIFIC_GUARD) and (
        _NONE_SPECIFIC.search(text) is not None
        if low is None or len(low) != len(text)
        else matches_at(_NONE_SPECIFIC, text, word_starts(low, _NONE_SPECIFIC_STARTS))
    ):
        return True
    if low is None or len(low) != len(text):
        return _NONE.search(text) is not None
    if not holds_any(low, NONE_CUES):
        return False
    return matches_at(_NONE, text, word_starts(low, _NONE_STARTS))


def _names_level(clause: str) -> bool:
    return has_any(clause, LEVEL_CUES)


def _levels(clause: str) -> set[str]:
    found: set[str] = set()
    if _MASTER.search(clause):
        found.add("master")
    # "høyere utdanning på masternivå" names both patterns; the master reading is the intended one.
    if _BACHELOR.search(_MASTER_PHRASE.sub(" ", clause)) and not _MASTER_LEVEL_INTENDED.search(clause):
        found.add("bachelor")
    if _VOCATIONAL.search(clause):
        found.add("vocational")
    if (
        "master" in found
        and _ALTERNATIVES.search(clause)
        and _ENGINEER.search(_MASTER_PHRASE.sub(" ", clause))
    ):
        found.add("bachelor")
    return found


@lru_cache(maxsize=4096)
def _sentence_levels(sentence: str) -> frozenset[str]:
    """The levels one sentence requires. Remembered: requirement sentences recur across ads."""
    if _NOT_REQUIREMENT.search(sentence) and not _STILL_REQUIRED.search(sentence):
        return frozenset()
    if _NOT_REQUIRED.search(sentence) and _ADVANTAGE.search(sentence):
        return frozenset()  # "a degree is a plus, but not required": the advantage covers the whole sentence
    found: set[str] = set()
    for clause in _CLAUSE_SPLIT.split(sentence):
        if not clause.strip() or not _names_level(clause):
            continue
        if _ADVANTAGE.search(clause) or _NOT_REQUIRED.search(clause):
            continue
        if _NOT_REQUIREMENT_CLAUSE.search(clause) or _OR_EXPERIENCE.search(clause):
            continue
        found |= _levels(clause)
    return frozenset(found)


def clear_caches() -> None:
    """Forget remembered sentence levels (benchmarks clear them between passes)."""
    _sentence_levels.cache_clear()


@lru_cache(maxsize=1)
def _professions() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(profession name, level) per level, from the data file."""
    raw = resources.files("pipeline").joinpath("data/regulated_professions.csv").read_text(encoding="utf-8")
    by_level: dict[str, list[str]] = {}
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            word, level = line.rsplit(",", 1)
            by_level.setdefault(level.strip(), []).append(re.escape(word.strip()))
    # Whole words with plural and definite endings; "sykepleierstudent" and "legekontor" do not count.
    return tuple(
        (
            re.compile(
                rf"(?<![\w-])(?:{'|'.join(sorted(words, key=len, reverse=True))})"
                r"(?:e|er|ar|ere|arar|en|ane|ene)?\b(?![-/]?\w)",
                re.I,
            ),
            level,
        )
        for level, words in by_level.items()
    )


# In the text a profession counts as a qualification ("autorisert sykepleier", "autorisasjon som
# vernepleier", "utdannet lektor") or as the post ("Vi søker fastlege", "søkjer ein lektor"): these words
# right before it. A profession merely named ("du jobber sammen med sykepleiere") asks for nothing.
_ASKED_BEFORE = re.compile(
    r"\b(?:autoriser\w*|autorisasjon\s+som|lisens\s+som|godkjen\w*|utdann\w*(?:\s+som)?|"
    r"søker|søkjer|ser\s+etter|trenger|treng|ledige?\s+stilling\w*(?:\s+(?:som|for|til))?)[\s:•·–-]+"
    # Up to two words between, or a list the first profession opens ("sykepleiere og hjelpepleiere/").
    r"(?:(?:etter|en|ein|ei|et|eit|deg\s+som\s+er|[\w-]+)[\s/,•·]+|(?:og|eller)\s+){0,3}$",
    re.I,
)


@lru_cache(maxsize=1)
def _profession_cues() -> tuple[str, ...]:
    """Words one of which every profession name holds (read off the patterns built from the data file)."""
    return cue_words(*(name for name, _ in _professions()))


# A list of professions closed by "eller annen relevant utdanning" / "eller tilsvarende" names what the
# ad accepts: every profession in that sentence counts, and the lowest wins ("Sykepleier, vernepleier,
# helsefagarbeider, eller annen relevant utdanning" accepts the helsefagarbeider's trade certificate).
_ACCEPTED_LIST = re.compile(
    r"\b(?:eller|or)\s+(?:annen|anna|anna|annan|other)\s+(?:[\w-]+\s+){0,2}?(?:utdann\w*|education|fagbrev\w*|"
    r"kompetanse|bakgrunn|background)|\beller\s+tilsvar\w+|\bor\s+equivalent",
    re.I,
)


def _in_accepted_list(text: str, at: int) -> bool:
    """Whether position `at` lies in a sentence that closes a list of professions with "eller annen utdanning"."""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(".", at), text.find("\n", at)) if e != -1]
    return _ACCEPTED_LIST.search(text, start, min(ends) if ends else len(text)) is not None


def _profession_levels(text: str, title: str) -> set[str]:
    """Levels implied by a regulated profession the ad is for (its title) or asks for (its text)."""
    levels = {level for name, level in _professions() if title and name.search(title)}
    # The post in the title decides over a lower title the text names beside it: a "Helsesjukepleiar" who
    # must also hold "autorisasjon som sjukepleiar" needs the specialist's master, not the base bachelor.
    floor = min((_RANK[level] for level in levels), default=0)
    low = fold_ad(text)
    if low is None or len(low) != len(text):
        low = text.lower()
    starts: set[int] = set()
    for at in word_starts(low, _profession_cues()):
        while at > 0 and (low[at - 1].isalnum() or low[at - 1] == "-"):
            at -= 1  # the start of the word that holds the cue ("anestesi|sykepleier")
        starts.add(at)
    for at in sorted(starts):
        for name, level in _professions():
            if (
                level not in levels
                and _RANK[level] >= floor
                and name.match(text, at)
                and (_ASKED_BEFORE.search(text, max(0, at - 60), at) or _in_accepted_list(text, at))
            ):
                levels.add(level)
    return levels


# JSON-LD `educationRequirements` credential categories (schema.org) and the level each names.
_CREDENTIAL_LEVELS = {
    "postgraduate degree": "master",
    "master degree": "master",
    "doctoral degree": "master",
    "bachelor degree": "bachelor",
    "professional certificate": "vocational",
    "associate degree": "vocational",
}


def stated_education(value: str | None) -> str | None:
    """The level a structured education field names (JSON-LD `educationRequirements`), or None."""
    if not value:
        return None
    key = value.strip().lower().replace("'", "").replace("’", "")
    if key in _CREDENTIAL_LEVELS:
        return _CREDENTIAL_LEVELS[key]
    if key in ("high school", "no requirements", "none"):
        return None  # upper-secondary school is not one of our levels
    levels = {level for sentence in _SENTENCE_SPLIT.split(value) for level in _sentence_levels(sentence)}
    return min(levels, key=_RANK.__getitem__) if levels else None


_GROUP_L = re.compile(r"\b[Gg][Rr](?:\.\s?|\s)L\b")


def required_education(text: str, title: str = "", stated: str | None = None) -> str | None:
    """Lowest education level the ad requires (master/bachelor/vocational/none), or None if none is required.

    `title` is the ad's job title (a regulated profession there implies its degree); `stated` a
    structured education field (JSON-LD `educationRequirements`), which counts as one more requirement.
    """
    if not text and not stated:
        return None
    if "r." in text or "r L" in text or "R." in text:
        text = _GROUP_L.sub("gruppe L", text)  # "Gr. L" would be cut at its full stop
    if text and _states_none(text):
        return "none"
    required: set[str] = set()
    stated_level = stated_education(stated)
    if stated_level:
        required.add(stated_level)
    if ad_has_any(text, _profession_cues()) or (title and has_any(title, _profession_cues())):
        required |= _profession_levels(text, title)
    # Only sentences that name a level can require one (the order of sentences does not matter).
    named = pieces_with(text, LEVEL_CUES) if text else []
    for sentence in _SENTENCE_SPLIT.split(text) if named is None else named:
        required |= _sentence_levels(sentence)
    if not required:
        return None
    return min(required, key=_RANK.__getitem__)
