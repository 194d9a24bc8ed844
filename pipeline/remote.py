"""Where the work is done: `onsite`, `hybrid` or `remote`, and the phrase or field that says so.

Order of evidence, as for the working language (`pipeline/language.py`):
1. a structured field: JSON-LD `jobLocationType: TELECOMMUTE` (schema.org's only value, "may be done
   entirely from home"), Finn's "Hjemmekontor" fact ("Delvis hjemmekontor", "Kun hjemmekontor",
   "Hjemmekontor ikke mulig") and NAV's import property `remote` ("Hjemmekontor", "Hybridkontor",
   "Hjemmekontor ikke mulig");
2. statements in the text, Bokmål, Nynorsk or English ("2 dager hjemmefra", "hybrid", "mulighet for
   hjemmekontor", "fully remote within Norway", "no remote work");
3. nothing: `onsite`, and the evidence says that nothing stated otherwise.

A statement of partial home office ("inntil 2 dager", "delvis", "noe hjemmekontor") is `hybrid`; a
statement that the whole job can be done from home is `remote`; an explicit "not remote" is `onsite`
with that phrase as its evidence. When the text holds both a hybrid and a remote statement, hybrid
wins: "remote-first, with a day a week in the office" is what a job seeker needs to know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pipeline.clauses import clauses, leftmost
from pipeline.cues import cue_guard, fold, fold_ad, passes

ONSITE: Final = "onsite"
HYBRID: Final = "hybrid"
REMOTE: Final = "remote"
NO_STATEMENT: Final = "nothing in the ad says otherwise (no statement)"

_EVIDENCE_CHARS = 160


@dataclass(frozen=True)
class RemoteVerdict:
    """How the work is done, and the phrase or field that decided it."""

    mode: str  # onsite | hybrid | remote
    evidence: str


def _words(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


# One rule is an alternation of clauses, each searched on its own behind its cue guard (pipeline/clauses.py):
# most ads say nothing of home office, so most clauses are skipped by a substring test. On 1,000 generated
# demo ads assess_remote went from 0.43-0.59 to 0.12-0.13 CPU ms/ad (about 0.2 with one guard on each whole
# alternation only); same verdicts and evidence (tests/test_rule_guards.py).


# Structured values, folded to lower case. Order matters: "ikke mulig" before the bare word.
_FIELD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_words(r"ikke mulig", r"not possible", r"\bno\b", r"on[- ]?site", r"kontorbasert"), ONSITE),
    (_words(r"delvis", r"hybrid", r"noe hjemmekontor", r"partly", r"partial"), HYBRID),
    (
        _words(r"telecommute", r"\bkun\b", r"fully", r"full", r"remote", r"hjemmekontor", r"heimekontor"),
        REMOTE,
    ),
)

_HOME = (
    r"(?:hjemmekontor|heimekontor|hjemmefra|heimanfrå|heimefrå|hjemme|remote|home[- ]?office|from home|wfh)"
)
_NUM = r"(?:\d|en|én|ein|eín|to|tre|fire|one|two|three|four|1-2|2-3)"

# Text statements; the first rule list that matches in an ad decides (onsite negations first, then
# hybrid, then remote), each pattern reads one clause.
_ONSITE_TEXT = clauses(
    r"\bikke (?:mulig(?:het)? (?:for|med|å jobbe)|anledning til) (?:\w+ ){0,2}" + _HOME,
    r"\b(?:hjemmekontor|heimekontor) er ikke mulig",
    r"\bno (?:remote|home[- ]office)\b",
    r"\bnot (?:a )?remote\b",
    r"\bremote work is not (?:possible|available|an option)",
    r"\bthis (?:is an|role is) on[- ]?site (?:role|position)",
    r"\bfully on[- ]?site\b",
)
_HYBRID_TEXT = clauses(
    r"\bhybrid\w*\b",
    r"\b" + _NUM + r"\s+(?:dag|dager|dagar|days?)\s+(?:i uka\s+|per uke\s+|i veka\s+|a week\s+|per week\s+)?"
    r"(?:med\s+)?" + _HOME,
    _HOME + r"\s+(?:inntil|opp til|up to)?\s*" + _NUM + r"\s+(?:dag|dager|dagar|days?)",
    r"\b(?:delvis|noe|noko|litt|fleksibel|fleksibelt|mulighet for|mulighet til|moglegheit for|tilgang til|"
    r"kombinere\w* (?:med|kontor og)|kombinasjon av kontor og)\s+" + _HOME,
    r"\bpartly (?:remote|from home)\b",
    r"\b(?:some|occasional|flexible) (?:remote|home[- ]office|work from home|working from home)\b",
    r"\b(?:possibility|option|opportunity) (?:to|of|for) (?:work(?:ing)? )?(?:remote(?:ly)?|from home)\b",
    r"\bfleksibel arbeidsplass\b",
    r"\b(?:office|kontoret) (?:and|og) (?:remote|" + _HOME + r")",
    # Home office when the work calls for it: "ved behov sitter vi ... på hjemmekontor", "hjemmekontor ved
    # behov", "work from home when needed" (the office is the rule, home the exception).
    r"\b(?:ved|etter) behov\b[^.\n]{0,60}?\b(?:hjemmekontor|heimekontor|hjemmefra|heimanfrå|heimefrå)",
    r"\b(?:hjemmekontor|heimekontor|hjemmefra|heimanfrå|heimefrå) (?:ved|etter) behov\b",
    r"\b(?:work(?:ing)? )?from home (?:when|if|as) (?:needed|necessary|required)\b",
)
_REMOTE_TEXT = clauses(
    r"\b(?:fully|100 ?%|completely|entirely|full) remote\b",
    r"\bremote[- ](?:first|only|position|role|job|stilling)\b",
    r"\bwork (?:fully )?remotely\b",
    r"\bremote (?:within|from anywhere in|anywhere in) (?:norway|norge|europe|the eu|eea)\b",
    r"\b(?:kun|helt|fullt|100 ?%) (?:på )?(?:hjemmekontor|heimekontor|remote|fjernarbeid)\b",
    r"\b(?:jobbe|arbeide|arbeida|jobbe fullt) (?:helt )?(?:hjemmefra|heimanfrå|heimefrå|remote|fra hvor som helst)\b",
    r"\bfjernarbeid\b",
    r"\bstillingen (?:er|kan utføres) (?:helt )?(?:remote|fra hjemmekontor)\b",
)
# "Remote" in an unrelated sense (remote-controlled, remotely operated, fjernstyrt) is not home office.
_NOT_WORKPLACE = _words(
    r"remote[- ]?(?:control|operated|sensing|vehicle|access|monitoring|support)", r"\brov\b"
)


_NOT_WORKPLACE_GUARD = cue_guard(_NOT_WORKPLACE)


def _snippet(text: str, match: re.Match[str]) -> str:
    """The clause around a match, short enough to show in a table."""
    start = max(text.rfind("\n", 0, match.start()), text.rfind(". ", 0, match.start()))
    start = 0 if start < 0 else start + 1
    stops = [i for i in (text.find("\n", match.end()), text.find(". ", match.end())) if i >= 0]
    end = min(stops) if stops else len(text)
    clause = " ".join(text[start:end].split())
    return clause[:_EVIDENCE_CHARS]


def field_verdict(value: str | None) -> RemoteVerdict | None:
    """The verdict of a structured field (JSON-LD jobLocationType, Finn/NAV "Hjemmekontor"), or None."""
    if not value or not value.strip():
        return None
    folded = " ".join(value.split()).casefold()
    for pattern, mode in _FIELD_RULES:
        if pattern.search(folded):
            return RemoteVerdict(mode, f"field: {value.strip()}")
    return None


def text_verdict(text: str) -> RemoteVerdict | None:
    """The verdict of the ad's own statements, or None when it makes none."""
    if not text:
        return None
    low = fold_ad(text)
    cleaned = text
    if passes(low, _NOT_WORKPLACE_GUARD):
        cleaned = _NOT_WORKPLACE.sub(" ", text)
        if cleaned != text:
            low = fold(cleaned)  # the cleaned text is what the patterns read
    for rule, mode in ((_ONSITE_TEXT, ONSITE), (_HYBRID_TEXT, HYBRID), (_REMOTE_TEXT, REMOTE)):
        match = leftmost(rule, cleaned, low)
        if match:
            return RemoteVerdict(mode, _snippet(cleaned, match))
    return None


def assess_remote(structured: str | None, text: str) -> RemoteVerdict:
    """Onsite, hybrid or remote: the structured field first, then the text, else onsite (no statement).

    A structured "remote" with a hybrid statement in the text is hybrid: the text is more precise
    ("Hjemmekontor" on Finn covers "2 dager hjemmefra").
    """
    from_field = field_verdict(structured)
    from_text = text_verdict(text)
    if from_field is not None:
        if from_field.mode == REMOTE and from_text is not None and from_text.mode == HYBRID:
            return from_text
        return from_field
    return from_text or RemoteVerdict(ONSITE, NO_STATEMENT)
