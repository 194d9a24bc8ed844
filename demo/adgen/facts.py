"""Education, extent, engagement and deadline wordings, each drawn together with its true value.

Labels follow the `listings` contract in DESIGN.md: education is `master`, `bachelor`, `vocational`,
`none` or None (the lowest degree the ad requires; "master er en fordel" beside a bachelor is
`bachelor`); extent_pct is the stated percentage, 100 for "Heltid" without one, None for "Deltid"
without one; temporary is true for vikariat, engasjement, prosjekt, sesong, feriejobb and åremål;
the deadline is an ISO date, or None for "Snarest" and the like.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from demo.adgen.tables import load

# The words and phrasings are the entries of data/facts.json; this module keeps the rules.
_TABLES = load("facts")

TEMPORARY_ENGAGEMENTS = frozenset({"Vikariat", "Engasjement", "Prosjekt", "Sesong", "Feriejobb", "Åremål"})

_EDUCATION: dict[str, dict[str, tuple[str, ...]]] = _TABLES["education"]


def education_text(rng: random.Random, level: str, lang: str, field: str, trade: str) -> str:
    """How an ad asks for the given education level."""
    options = _EDUCATION[level]
    return rng.choice(options.get(lang) or options["nb"]).format(field=field, trade=trade or field)


@dataclass(frozen=True)
class Extent:
    """The feed's `extent` value, the sentence the ad uses (may be empty) and the true percentage."""

    field: str
    text: str
    pct: int | None


_PART_PCTS = (20, 40, 50, 60, 75, 80, 90)


def extent_for(rng: random.Random, lang: str, engagement: str, part_time_share: float) -> Extent:
    """Draw full or part time and how the ad states it."""
    permanent = engagement == "Fast"
    options: tuple[str, ...]
    if rng.random() >= part_time_share:
        if lang == "en":
            options = (
                ("This is a permanent full-time position", "Full-time position (100 %)", "")
                if permanent
                else ("Full-time, 100 %", "")
            )
        elif lang == "nn":
            options = (
                ("Fast stilling i 100 %", "Heiltidsstilling", "") if permanent else ("100 % stilling", "")
            )
        else:
            options = (
                ("Dette er en 100 % fast stilling", "Fast stilling, heltid", "100 % fast stilling", "")
                if permanent
                else ("100 % stilling", "Heltid", "")
            )
        text = rng.choice(options)
        return Extent("Heltid", text, 100)
    pct = rng.choice(_PART_PCTS)
    if lang == "en":
        options = (f"Part-time position ({pct} %)", f"{pct} % position", "Part-time position")
    elif lang == "nn":
        options = (f"{pct} % stilling", f"Stillinga er på {pct} %", "Deltidsstilling")
    else:
        options = (
            f"{pct} % stilling",
            f"deltid {pct} %",
            f"Stillingen er på {pct} %",
            f"Stillingsstørrelse: {pct} %",
            "Deltidsstilling",
        )
        if permanent:
            options = (*options, f"{pct} % fast stilling")
    text = rng.choice(options)
    return Extent("Deltid", text, pct if "%" in text else None)


_ENGAGEMENT_TEXT: dict[str, dict[str, tuple[str, ...]]] = _TABLES["engagement_text"]

_NB_MONTHS = _TABLES["nb_months"]
_EN_MONTHS = _TABLES["en_months"]


def engagement_text(rng: random.Random, engagement: str, lang: str, today: date) -> str:
    """A sentence describing a non-permanent engagement, or "" for permanent ones."""
    options = _ENGAGEMENT_TEXT.get(engagement)
    if not options:
        return ""
    months = rng.choice((6, 9, 12, 18, 24))
    until = f"{rng.randint(1, 28)}. {_NB_MONTHS[rng.randrange(12)]} {today.year + 1}"
    template = rng.choice(options.get(lang) or options["nb"])
    return template.format(n=months, until=until, year=today.year + 1)


@dataclass(frozen=True)
class Deadline:
    """NAV's free-text `applicationDue` and the date it means (None for "Snarest" and the like)."""

    text: str
    day: date | None


def deadline_text(rng: random.Random, day: date | None, lang: str) -> Deadline:
    """Write a deadline the ways employers type it into NAV's free-text field."""
    if day is None:
        options = (
            ("ASAP", "As soon as possible")
            if lang == "en"
            else ("Snarest", "Fortløpende", "Snarest mulig", "Løpende")
        )
        return Deadline(rng.choice(options), None)
    # Nynorsk month names are the same as Bokmål ones.
    forms = [
        day.isoformat(),
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}. {_NB_MONTHS[day.month - 1]} {day.year}",
    ]
    if lang == "en":
        forms.append(f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}")
    return Deadline(rng.choices(forms, weights=[4, 4, 2, 1][: len(forms)])[0], day)
