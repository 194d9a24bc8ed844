"""The parts of an ad and of a CV, and how much each counts for matching.

An ad's title names the occupation and its requirements say what the CV must show, while half of a
typical ad is a company blurb; a CV's headline and profile say what the person does, its languages and
interests say little about which job fits. `matching/analyzer.py` weighs each part's words by these.
"""

from __future__ import annotations

import re

# How much each part of an ad counts. Why these: the title names the occupation; the requirements
# say what the CV must show; the tasks describe it in other words; the intro is half role, half blurb;
# the company blurb, the offer and how-to-apply say nothing about the candidate.
TITLE_WEIGHT = 3.0
SECTION_WEIGHTS: dict[str, float] = {
    "requirements": 2.0,
    "tasks": 1.5,
    "other": 1.0,
    "intro": 0.7,
    "blurb": 0.3,
}

_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (
        "requirements",
        re.compile(
            r"^(kvalifikasjon|krav|vi søker|vi ser etter|ønsk\w* (kompetanse|kvalifikasjon)|du har|du må|du bør|"
            r"hvem er du|kven er du|om deg|personlige egenskaper|kompetanse|utdanning|erfaring|"
            r"requirements|qualifications|who you are|about you|you have|what you bring|we are looking for|"
            r"skills|your profile|your background|must have|nice to have|desired)",
            re.IGNORECASE,
        ),
    ),
    (
        "tasks",
        re.compile(
            r"^(arbeidsoppg|oppgåver|oppgaver|dine oppgaver|ansvar|hva du skal|kva du skal|om stillingen|om stillinga|"
            r"stillingen|responsibilities|what you will do|what you'll do|your role|the role|about the role|"
            r"duties|tasks|key responsibilities)",
            re.IGNORECASE,
        ),
    ),
    (
        "blurb",
        re.compile(
            r"^(om oss|om bedriften|om arbeidsgiver|om arbeidsgjevar|om selskapet|om virksomheten|om verksemda|"
            r"om kommunen|hvem er vi|kven er vi|about us|about the company|who we are|vi tilbyr|vi kan tilby|"
            r"we offer|what we offer|benefits|søknad|how to apply|kontakt|contact|spørsmål|generell informasjon|"
            r"hvorfor|why join|tiltredelse|lønn|salary|praktisk|practical|annen informasjon|other information)",
            re.IGNORECASE,
        ),
    ),
]

# How much each part of a CV counts. Why: the headline (name and occupation) and the profile say what
# the person does and wants; the work history and skills are the evidence; languages, interests and
# references are in every CV and say little about which job fits. Section headings themselves
# ("Arbeidserfaring", "Education") are left out: every CV has them.
CV_HEADLINE_WEIGHT = 2.0
CV_HEADLINE_LINES = 2
CV_SECTION_WEIGHTS: dict[str, float] = {
    "profile": 1.25,
    "body": 1.0,
    "minor": 0.5,
}

_CV_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (
        "profile",
        re.compile(
            r"^(profil|sammendrag|oppsummering|om meg|kort om meg|nøkkelkvalifikasjoner|summary|profile|"
            r"professional summary|about me|objective|career objective|personal statement|key qualifications)$",
            re.IGNORECASE,
        ),
    ),
    (
        "minor",
        re.compile(
            r"^(språk|språkkunnskaper|languages?|interesser|hobbyer|fritid|interests|hobbies|annet|other|"
            r"andre opplysninger|additional information|referanser|references|referees|personalia|"
            r"personlige opplysninger|personal details|kontakt|contact|verv|frivillig\w*|volunteer\w*)$",
            re.IGNORECASE,
        ),
    ),
    (
        "body",
        re.compile(
            r"^(arbeidserfaring|yrkeserfaring|erfaring|relevant erfaring|praksis|utdanning|utdanning og kurs|"
            r"kurs|kurs og sertifikater|kurs og sertifiseringer|sertifikater|sertifiseringer|ferdigheter|"
            r"kompetanse|kunnskaper|it|it-kunnskaper|verktøy|prosjekter|experience|work experience|"
            r"professional experience|employment|employment history|career|education|qualifications|"
            r"skills|technical skills|key skills|certificates|certifications|courses|training|tools|projects)$",
            re.IGNORECASE,
        ),
    ),
]


def split_sections(description: str) -> list[tuple[str, str]]:
    """The description cut at its headings, each part labelled requirements/tasks/blurb/intro/other."""
    out: list[tuple[str, str]] = []
    section = "intro"
    buffer: list[str] = []
    for line in description.splitlines():
        stripped = line.strip().lstrip("#*•-– ").strip()
        label = _heading(stripped) if len(stripped) <= 80 else None
        if label is not None:
            if buffer:
                out.append((section, "\n".join(buffer)))
            # The heading line itself stays: "Erfaring med Python" is both a heading and a requirement.
            section, buffer = label, [stripped]
            continue
        buffer.append(line)
    if buffer:
        out.append((section, "\n".join(buffer)))
    return out


def cv_lines(text: str) -> list[tuple[float, str]]:
    """(weight, line) for each non-empty line of a CV but its headings: the headline (first lines before
    any heading), then each line by its section's weight."""
    out: list[tuple[float, str]] = []
    section: str | None = None  # None: before the first heading
    seen = 0
    for line in text.splitlines():
        stripped = line.strip().strip("#*_ ").strip()
        if not stripped:
            continue
        label = _cv_heading(stripped)
        if label is not None:
            section = label
            continue
        seen += 1
        if section is None:
            weight = CV_HEADLINE_WEIGHT if seen <= CV_HEADLINE_LINES else CV_SECTION_WEIGHTS["body"]
        else:
            weight = CV_SECTION_WEIGHTS[section]
        out.append((weight, line))
    return out


def _cv_heading(line: str) -> str | None:
    head = line.rstrip(":").strip()
    if len(head) > 40:
        return None
    for label, pattern in _CV_HEADINGS:
        if pattern.match(head):
            return label
    return None


def _heading(line: str) -> str | None:
    if not line:
        return None
    head = line.split(":", 1)[0] if ":" in line else line
    if len(head) > 60 or len(head.split()) > 6:
        return None
    for label, pattern in _HEADINGS:
        if pattern.match(head):
            return label
    return None
