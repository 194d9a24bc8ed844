"""Does a Norwegian job ad accept English as the working language, and what says so?

Order of evidence (NOTES.md §4, DESIGN.md `listings.language_*`):
1. the structured working-language field (NAV "Arbeidsspråk", Finn `working_language`);
2. statements in the text, in Bokmål, Nynorsk or English, read sentence by sentence;
3. the ad's own language (`pipeline.langid`), reported as a guess ("... (no statement)").

Statements are matched by a readable table of patterns (`STATEMENT_RULES`, in `pipeline/language_rules.py`), each with a label and a
strength, over normalised lower-case sentences. A rule that matches masks its span, so "norsk er en
fordel" is not read again as a plain mention of Norwegian, and a clause about the application
documents ("søknaden skrives på norsk") is masked without a label because it says nothing about the
job. What is left is read as lists of languages: the connective decides ("norsk eller engelsk"
accepts English, "norsk og engelsk" and a bare comma list do not), and a lone mention of Norwegian
counts only next to words of proficiency or demand. When statements conflict, the stronger
Norwegian requirement wins and the evidence names the statement it overrode.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipeline.cues import fold_ad, holds_any, holds_every, word_starts
from pipeline.langid import detect_ad_language, language_name
from pipeline.language_rules import (  # noqa: F401 - the labels are part of this module's interface
    _DEMAND,
    _DEMAND_WORDS,
    _DISJUNCTION,
    _ENGLISH_DEMAND_WORDS,
    _KEYWORD_WORDS,
    _LANG_RE,
    _LANGUAGE_NOUN,
    _LIST_RE,
    _WINDOW,
    ENGLISH_OK,
    EXPLICIT,
    HINT,
    NORWEGIAN_REQUIRED,
    SCANDINAVIAN_REQUIRED,
    STATEMENT_RULES,
    Rule,
)
from pipeline.text import sentences

_EVIDENCE_CHARS = 200


@dataclass(frozen=True)
class LanguageVerdict:
    """English acceptance of one ad and the phrase or signal that decided it."""

    requirement: str | None  # "english_ok" | "norwegian_required" | "scandinavian_required" | None
    english_ok: bool | None
    evidence: str | None


@dataclass(frozen=True)
class Statement:
    """One language statement found in a sentence."""

    requirement: str
    strength: int
    rule: str
    sentence: str  # as written in the ad
    position: int  # index of the sentence in the ad


_MASK = "\x00"


def clear_caches() -> None:
    """Forget remembered sentence statements (benchmarks clear them between passes)."""
    _statements.cache_clear()


_DASHES = re.compile(r"[\u2010-\u2012\u2212]")
_WHITE = re.compile(r"[\s\u00a0\u202f]+")
# A compound's shared ending left out after a hyphen: "norsk-/engelsktalende", "norsk- og engelskspråklig".
_SUSPENDED_HYPHEN = re.compile(r"(\w)-(?=\s*(?:/|,|\bog\b|\beller\b|\band\b|\bor\b))")


def normalise(sentence: str) -> str:
    """Lower-case with one kind of space, dash and apostrophe, so patterns stay readable."""
    text = sentence.lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ad", "")
    text = _DASHES.sub("-", text)
    if "-" in text:
        text = _SUSPENDED_HYPHEN.sub(r"\1 ", text)
    return _WHITE.sub(" ", text)


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + _MASK * (end - start) + text[end:]


_CONJUNCTION = re.compile(r"\b(?:og|and|samt|både|both|as well as)\b|[&+]")


_OR_WORD = re.compile(r"\b(?:eller|or|either|alternativt|alternatively)\b")


def _connective(gap: str) -> str | None:
    """ "or", "and" or None (a bare comma) between two languages; a word beats a slash, which may only join
    fillers ("norsk skriftlig/muntlig, samt engelsk")."""
    if _OR_WORD.search(gap):
        return "or"
    if _CONJUNCTION.search(gap):
        return "and"
    return "or" if "/" in gap else None


def _groups(members: list[str], gaps: list[str]) -> list[set[str]]:
    """The list's alternatives: "or" and "/" join languages into one group, "and" starts a new one.

    A bare comma takes the connective that ends the list ("norsk, svensk eller dansk" is one group of
    three; "Språk: norsk, engelsk" two groups). So "norsk/skandinavisk og engelsk" is two groups: one of
    the Nordic languages, and English besides.
    """
    kinds: list[str | None] = [_connective(gap) for gap in gaps]
    following: str = "and"
    for i in range(len(kinds) - 1, -1, -1):
        if kinds[i] is None:
            kinds[i] = following
        following = kinds[i] or following
    groups: list[set[str]] = [{members[0]}]
    for member, kind in zip(members[1:], kinds, strict=True):
        if kind == "or":
            groups[-1].add(member)
        else:
            groups.append({member})
    return groups


def _list_statement(members: list[str], gaps: list[str]) -> str | None:
    """The requirement of a list of two or more languages: the strongest demand among its groups.

    A group holding English accepts English; else one holding a Scandinavian language asks for one of
    them; else one holding Norwegian asks for Norwegian. "norsk eller polsk" asks for neither.
    """
    groups = _groups(members, gaps)
    demands: list[str] = []
    for group in groups:
        if "en" in group:
            demands.append(ENGLISH_OK)
        elif "sc" in group:
            demands.append(SCANDINAVIAN_REQUIRED)
        elif "no" in group:
            demands.append(NORWEGIAN_REQUIRED)
    if len(groups) > 1 and not any(group & {"no", "sc"} for group in groups):
        return None  # "English and German": says nothing about a Nordic language
    return max(demands, key=_DEMAND.__getitem__) if demands else None


def _demanded(text: str, start: int, end: int) -> bool:
    """Whether languages at text[start:end] are asked of the applicant, not merely mentioned.

    Words of proficiency or demand nearby make them a demand ("Du må beherske norsk og engelsk"), and so
    does a line too short to say anything else (a bullet: "Norsk og engelsk", "Skandinavisk språk").
    "Tools used by pupils in Norwegian and Swedish schools" and "language models for the Nordic
    languages" name languages without asking for them.
    """
    if _DEMAND_WORDS.search(text[max(0, start - _WINDOW) : end + _WINDOW]):
        return True
    rest = _WORD.findall(text[:start] + " " + text[end:])
    return len([word for word in rest if not _LANGUAGE_NOUN.fullmatch(word)]) <= _BULLET_OTHER_WORDS


_WORD = re.compile(r"[^\W\d_]+")
_BULLET_OTHER_WORDS = 1  # "Krav: norsk og engelsk"; "Nordic Subsea Systems AS" has three


def _single_statement(kind: str, text: str, start: int, end: int) -> str | None:
    """A lone mention counts only beside words of demand, or as a bullet of its own."""
    window = text[max(0, start - _WINDOW) : end + _WINDOW]
    if kind == "no" and _DEMAND_WORDS.search(window):
        return NORWEGIAN_REQUIRED
    if kind == "sc" and _demanded(text, start, end):
        return SCANDINAVIAN_REQUIRED
    if kind == "en" and _ENGLISH_DEMAND_WORDS.search(window):
        return ENGLISH_OK
    return None


def sentence_statements(sentence: str) -> list[tuple[str, int, str]]:
    """Every (requirement, strength, rule name) one sentence states; empty when it says nothing."""
    if not holds_any(sentence.lower(), _KEYWORD_WORDS):
        return []
    return list(_statements(sentence))


@lru_cache(maxsize=4096)
def _statements(sentence: str) -> tuple[tuple[str, int, str], ...]:
    # Remembered: the same language sentences ("Du må beherske norsk muntlig og skriftlig") recur across
    # ads, and the 26 rules cost about 60 microseconds per sentence.
    text = normalise(sentence)
    found: list[tuple[str, int, str]] = []
    for rule in STATEMENT_RULES:
        if not holds_every(text, rule.cues):
            continue  # cannot match, so it finds and masks nothing
        spans = [m.span() for m in rule.pattern.finditer(text)]
        for start, end in spans:
            if rule.requirement is not None:
                found.append((rule.requirement, rule.strength, rule.name))
            text = _mask(text, start, end)
    listed: set[str] = set()
    lone: list[tuple[str, str]] = []
    for match in _LIST_RE.finditer(text):
        tokens = list(_LANG_RE.finditer(match.group()))
        kinds = [t.lastgroup or "" for t in tokens]
        if len(tokens) > 1:
            if not _demanded(text, match.start(), match.end()):
                continue
            gaps = [match.group()[a.end() : b.start()] for a, b in itertools.pairwise(tokens)]
            disjunction = any(_DISJUNCTION.search(gap) for gap in gaps)
            requirement = _list_statement(kinds, gaps)
            name = "languages joined by or" if disjunction else "languages joined by and"
            if requirement is not None:
                found.append((requirement, EXPLICIT, name))
                listed.update(kinds)
        else:
            requirement = _single_statement(kinds[0], text, match.start(), match.end())
            if requirement is not None:
                lone.append((kinds[0], requirement))
    # A lone mention of a language that a list in the same sentence names again is that list's context,
    # not a second demand: "Undervisningsspråket er norsk, og du må beherske norsk eller svensk".
    for kind, requirement in lone:
        if kind not in listed:
            strength = HINT if requirement == ENGLISH_OK else EXPLICIT
            found.append((requirement, strength, "language with proficiency words"))
    return tuple(found)


_FACT_ROW = re.compile(r"(?i)(arbeidsspråk)\s*:?\s*\n\s*")


def find_statements(text: str) -> list[Statement]:
    """All language statements in an ad's plain text, in reading order."""
    folded = fold_ad(text)
    low = text.lower() if folded is None else folded
    named = [word for word in _KEYWORD_WORDS if word in low]
    if not named:
        return []
    # Finn fact rows often come out of HTML as "Arbeidsspråk" and the value on separate lines.
    if holds_any(folded, ("arbeidsspråk",)):
        text = _FACT_ROW.sub(r"\1: ", text)  # only joins lines after a keyword: `named` still holds
    parts = sentences(text)
    statements: list[Statement] = []
    for position in _keyword_sentences(parts, named):
        sentence = parts[position]
        for requirement, strength, rule in sentence_statements(sentence):
            statements.append(Statement(requirement, strength, rule, sentence.strip(), position))
    return statements


def _keyword_sentences(parts: list[str], named: list[str]) -> Iterable[int]:
    """Indexes of the sentences holding one of the keywords `named` (those the whole text holds).

    A sentence holds no line break, so joining them with one and lower-casing keeps each sentence at a
    known offset (unless lower-casing changes the length; then every sentence is offered).
    """
    joined = "\n".join(parts).lower()
    if len(joined) != sum(map(len, parts)) + len(parts) - 1:
        return range(len(parts))
    starts = list(itertools.accumulate((len(p) + 1 for p in parts[:-1]), initial=0))
    return sorted({bisect.bisect_right(starts, hit) - 1 for hit in word_starts(joined, named)})


def _deciding(statements: list[Statement]) -> Statement:
    """The strongest Norwegian demand wins; then an explicit statement over a hint; then the first."""
    return max(statements, key=lambda s: (_DEMAND[s.requirement], s.strength, -s.position))


def _quote(sentence: str) -> str:
    if len(sentence) > _EVIDENCE_CHARS:
        sentence = sentence[: _EVIDENCE_CHARS - 1].rstrip() + "…"
    return f'"{sentence}"'


def _field_language(value: str) -> str | None:
    value = value.strip().lower()
    if value.startswith(("engelsk", "english")):
        return "en"
    if value.startswith(("norsk", "norwegian", "bokmål", "nynorsk")):
        return "no"
    if value.startswith(
        ("skandinavisk", "scandinavian", "nordisk", "nordic", "svensk", "swedish", "dansk", "danish")
    ):
        return "sc"
    if not value or value.startswith(("ikke oppgitt", "ukjent", "unknown", "not stated")):
        return None
    return "other"


def field_verdict(work_language: list[str] | None) -> LanguageVerdict | None:
    """Verdict from the structured working-language field; None when absent or "Ikke oppgitt".

    Several values mean any one will do (NAV's ad page joins them with "eller"): a value of Engelsk
    accepts English; Skandinavisk without Engelsk asks for a Scandinavian language; Norsk alone asks
    for Norwegian. Only other languages (e.g. ["Polsk"]): English is not accepted, no category fits.
    """
    if not work_language:
        return None
    values = [
        v.strip() for item in work_language for v in re.split(r"\s*(?:,|/|;|\beller\b|\bor\b)\s*", item or "")
    ]
    values = [v for v in values if v]
    languages = {_field_language(v) for v in values} - {None}
    if not languages:
        return None
    evidence = "field Arbeidsspråk: " + ", ".join(values)
    if "en" in languages:
        return LanguageVerdict(ENGLISH_OK, True, evidence)
    if "sc" in languages:
        return LanguageVerdict(SCANDINAVIAN_REQUIRED, False, evidence)
    if "no" in languages:
        return LanguageVerdict(NORWEGIAN_REQUIRED, False, evidence)
    return LanguageVerdict(None, False, evidence)


def text_verdict(text: str) -> LanguageVerdict | None:
    """Verdict from statements in the text; None when the text states nothing about language."""
    statements = find_statements(text)
    if not statements:
        return None
    winner = _deciding(statements)
    evidence = f"stated: {_quote(winner.sentence)}"
    overridden = next(
        (
            s
            for s in statements
            if _DEMAND[s.requirement] < _DEMAND[winner.requirement] and s.strength == EXPLICIT
        ),
        None,
    )
    if overridden is not None and overridden.sentence != winner.sentence:
        evidence += f"; overrides {_quote(overridden.sentence)}"
    return LanguageVerdict(winner.requirement, winner.requirement == ENGLISH_OK, evidence)


def ad_language_verdict(text: str, title: str = "") -> LanguageVerdict:
    """Verdict from the language the ad is written in, said to be a guess in the evidence."""
    found = detect_ad_language(text, title)
    if found.language is None:
        if not found.shares:
            return LanguageVerdict(None, None, None)
        return LanguageVerdict(None, None, "ad language mixed or unclear (no statement)")
    name = language_name(found.language)
    if found.language == "en":
        return LanguageVerdict(ENGLISH_OK, True, "ad written in English (no statement)")
    if found.language == "no":
        return LanguageVerdict(NORWEGIAN_REQUIRED, False, "ad written in Norwegian (no statement)")
    if found.language in ("da", "sv"):
        return LanguageVerdict(SCANDINAVIAN_REQUIRED, False, f"ad written in {name} (no statement)")
    return LanguageVerdict(None, None, f"ad written in {name} (no statement)")


def assess_language(text: str, work_language: list[str] | None = None, title: str = "") -> LanguageVerdict:
    """English acceptance of one ad: structured field, else statements in the text, else the ad's language.

    `text` is the ad's plain text (title and body); `title`, when given, is left out of language
    identification because Norwegian ads often carry English job titles.
    """
    field = field_verdict(work_language)
    if field is not None and field.requirement == ENGLISH_OK and _lists_a_nordic_language(work_language):
        # Finn's fact row lists every language the ad names ("Arbeidsspråk: Norsk, Engelsk"); when the text
        # asks for Norwegian as well ("norsk og engelsk", "Svært god i norsk"), the text is the statement.
        stated = find_statements(text)
        demands = [s for s in stated if s.strength == EXPLICIT and s.requirement != ENGLISH_OK]
        if demands:
            winner = _deciding(demands)
            evidence = f"stated: {_quote(winner.sentence)}; overrides {field.evidence}"
            return LanguageVerdict(winner.requirement, False, evidence)
    return field or text_verdict(text) or ad_language_verdict(text, title)


def _lists_a_nordic_language(work_language: list[str] | None) -> bool:
    values = [
        v for item in work_language or [] for v in re.split(r"\s*(?:,|/|;|\beller\b|\bor\b)\s*", item or "")
    ]
    return any(_field_language(v) in ("no", "sc") for v in values if v.strip())
