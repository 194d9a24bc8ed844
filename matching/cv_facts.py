"""Read a CV as a CV: leave out the contact lines, and find the highest degree and the years of experience.

Contact lines (a name, e-mail, phone, web addresses, a postal address) are in every CV and say nothing
about which job fits; weighed as words they made "example" and "com" of an e-mail address shared
terms. The degree decides the permit salary threshold and the years a seniority mismatch, so when a
profile does not give them they are read here, and the run says which was used and from which line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|no|io|dev|org|net|me)/\S*", re.IGNORECASE)
_HANDLE = re.compile(
    r"\b(?:linkedin|github|gitlab)\.com\S*|\b(?:linkedin|github|gitlab)\s*:\s*\S+", re.IGNORECASE
)
_PHONE = re.compile(r"(?<![\w+-])\+?\d[\d .]{6,16}\d(?![\w-])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LABEL = re.compile(
    r"^\s*(?:name|navn|e-?mail|e-?post|epost|phone|mobile|mobil|telefon|tlf|tel|address|adresse|"
    r"linkedin|github|gitlab|website|web|homepage|portfolio|blog|nettside|hjemmeside|born|født|fødselsdato|date of birth|nationality|"
    r"nasjonalitet|sivilstand)\s*[:\-–]",
    re.IGNORECASE,
)
_STREET = re.compile(
    r"\b[\wæøå]+(?:gata|gate|gaten|veien|vei|vegen|veg|allé|plass|road|street|st\.|avenue|lane)\s+\d+\w?\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"(?:^|,\s*|\s)\d{4}\s+[A-ZÆØÅ][\wæøå]+(?:\s*$|,)")
_LEFT_OVER = re.compile(r"^[\W\d_]*$")


def _is_name_line(line: str, concepts: set[str]) -> bool:
    """A first line of 2-4 capitalised words none of which is a known occupation word: a name."""
    words = line.split()
    if not 2 <= len(words) <= 4:
        return False
    return all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) and not any(
        w.lower().strip(".") in concepts for w in words
    )


def _phone_or_not(m: re.Match[str]) -> str:
    """A phone number has 8 to 12 digits and is not a run of years ("2012 2015")."""
    digits = re.sub(r"\D", "", m.group(0))
    years = _YEAR.fullmatch(m.group(0).strip()) or all(_YEAR.fullmatch(p) for p in m.group(0).split())
    return " " if 8 <= len(digits) <= 12 and not years else m.group(0)


def strip_contact(text: str, concept_words: set[str] | None = None) -> tuple[str, int]:
    """(the CV without its contact lines and contact details, how many lines were left out).

    A line is left out when it is a labelled contact line ("E-post: ..."), an address, the name on the
    first line, or nothing but contact details; e-mail addresses, URLs and phone numbers inside other
    lines are cut out of them.
    """
    concepts = concept_words or set()
    out: list[str] = []
    dropped = 0
    first = True
    for line in text.splitlines():
        stripped = line.strip().strip("#*_ ").strip()
        if not stripped:
            out.append(line)
            continue
        is_first, first = first, False
        if _LABEL.match(stripped) or _STREET.search(stripped) or _POSTCODE.search(stripped):
            dropped += 1
            continue
        if is_first and _is_name_line(stripped, concepts):
            dropped += 1
            continue
        cleaned = _PHONE.sub(_phone_or_not, _EMAIL.sub(" ", _HANDLE.sub(" ", _URL.sub(" ", line))))
        rest = re.sub(r"[|·•,;/]", " ", cleaned).strip()
        if cleaned != line and (_LEFT_OVER.match(rest) or (is_first and _is_name_line(rest, concepts))):
            dropped += 1
            continue
        out.append(cleaned)
    return "\n".join(out), dropped


# Highest first. A degree word counts only where it names a degree: "Scrum Master" and "master data"
# are not one.
_DEGREES: list[tuple[str, re.Pattern[str]]] = [
    (
        "phd",
        re.compile(
            r"\bph\.?\s?d\b|\bdoktorgrad|\bdr\.\s?(?:philos|scient|ing|med)\b|\bdoctor of philosophy\b", re.I
        ),
    ),
    (
        "master",
        re.compile(
            r"\bm\.?\s?sc\b|\bmaster(?:'s|s)?\s+(?:of|in|i|degree|thesis|programme|program)\b|\bmastergrad|"
            r"\bmaster(?:'s)? degree|\bsivilingeniør|\bsiv\.?\s?ing\b|\bcand\.\s?(?!mag)[a-z]+|\bm\.?\s?a\.?\s+in\b|"
            r"\bmba\b|\bm\.?\s?eng\b|\bm\.?\s?tech\b|\bmphil\b|\bll\.?m\b|\bmaster\b(?=[^\n]*\b(?:university|"
            r"universitet|ntnu|uio|uib|nmbu|uit|høgskole|høyskole|college|school))",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\bb\.?\s?sc\b|\bbachelor|\bb\.?\s?eng\b|\bb\.?\s?a\.?\s+in\b|\bcand\.\s?mag\b|\bhøgskoleingeniør|"
            r"\bhøyskoleingeniør|\bhøgskolekandidat",
            re.I,
        ),
    ),
    (
        "vocational",
        re.compile(r"\bfagbrev|\bsvennebrev|\bvocational (?:certificate|diploma)|\bfagskole", re.I),
    ),
]
_NOT_A_DEGREE = re.compile(
    r"\bscrum\s+master|\bmaster\s+data|\bquiz\s*master|\bmaster\s*card|\bmastercard", re.I
)
_DEGREE_LEVEL = {"phd": "master", "master": "master", "bachelor": "bachelor", "vocational": "vocational"}


@dataclass(frozen=True)
class Read:
    """A value read from the CV, with the line it came from."""

    value: str | int
    evidence: str


def read_degree(text: str) -> Read | None:
    """The highest degree the CV names, as the profile's word for it (a PhD counts as "master" for the
    permit threshold; the evidence keeps what the CV said)."""
    for name, pattern in _DEGREES:
        for line in text.splitlines():
            if _NOT_A_DEGREE.search(line) and not pattern.search(_NOT_A_DEGREE.sub(" ", line)):
                continue
            if pattern.search(_NOT_A_DEGREE.sub(" ", line)):
                return Read(_DEGREE_LEVEL[name], _evidence(line))
    return None


_NUMBER_WORDS = {
    w: n
    for n, words in enumerate(
        [(), ("one", "ett", "eitt", "en"), ("two", "to"), ("three", "tre"), ("four", "fire"), ("five", "fem"),
         ("six", "seks"), ("seven", "sju", "syv"), ("eight", "åtte"), ("nine", "ni"), ("ten", "ti"),
         ("eleven", "elleve"), ("twelve", "tolv"), ("thirteen", "tretten"), ("fourteen", "fjorten"),
         ("fifteen", "femten")]
    )
    for w in words
}  # fmt: skip
_STATED_YEARS = re.compile(
    r"\b(\d{1,2}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\+?\s*(?:years?|yrs|års?|åra?)\s+(?:(?:of|med|relevant|professional|work|industry|"
    r"hands-on|commercial)\s+){0,3}(?:arbeids|yrkes)?(?:experience|erfaring|røynsle)",
    re.I,
)
_EXPERIENCE_HEAD = re.compile(
    r"^(?:(?:relevant\s+|work\s+|professional\s+)?experience|employment(?: history)?|career|work history|"
    r"arbeidserfaring|yrkeserfaring|erfaring|relevant erfaring|praksis)\s*:?$",
    re.I,
)
_OTHER_HEAD = re.compile(
    r"^(?:education|utdanning|skills|ferdigheter|kompetanse|languages?|språk|projects?|prosjekter|"
    r"certifications?|sertifiseringer|courses|kurs|interests|interesser|references|referanser|"
    r"summary|profil|profile|om meg|about me|personalia|contact|kontakt)\b.{0,30}$",
    re.I,
)
_RANGE = re.compile(
    r"\b((?:19|20)\d{2})\s*(?:[-–—]|to|til)\s*((?:19|20)\d{2}|present|now|today|current|nå|dd|d\.d\.|i dag)",
    re.I,
)


def read_years(text: str, on: date) -> Read | None:
    """Years of experience: what the CV states ("8 years of experience"), else the span its work history
    covers (year ranges under an experience heading, overlaps counted once)."""
    stated = [(_number(m.group(1)), line) for line in text.splitlines() for m in _STATED_YEARS.finditer(line)]
    stated = [(n, line) for n, line in stated if n <= 50]
    if stated:
        n, line = max(stated, key=lambda s: s[0])
        return Read(n, _evidence(line))
    years: set[int] = set()
    section = None
    for line in text.splitlines():
        head = line.strip().strip("#*_ ").strip()
        if _EXPERIENCE_HEAD.match(head):
            section = "experience"
            continue
        if _OTHER_HEAD.match(head):
            section = "other"
            continue
        if section != "experience":
            continue
        for m in _RANGE.finditer(line):
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2).isdigit() else on.year
            if start <= end <= on.year:
                years.update(range(start, end))
    if not years:
        return None
    return Read(len(years), f"work history {min(years)}–{max(years) + 1}")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _evidence(line: str) -> str:
    text = " ".join(line.strip().strip("#*_-• ").split())
    return text if len(text) <= 80 else text[:77] + "…"


def ranking_text(cv_text: str) -> str:
    """The part of a CV the matcher weighs: the CV without its contact lines."""
    from matching.analyzer import default_analyzer

    return strip_contact(cv_text, set(default_analyzer().concepts))[0]
