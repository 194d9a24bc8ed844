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

TEMPORARY_ENGAGEMENTS = frozenset({"Vikariat", "Engasjement", "Prosjekt", "Sesong", "Feriejobb", "Åremål"})

_EDUCATION: dict[str, dict[str, tuple[str, ...]]] = {
    "master": {
        "nb": (
            "Mastergrad i {field}",
            "Du har mastergrad innen {field}",
            "Utdanning på masternivå innen {field}",
            "Relevant mastergrad ({field})",
        ),
        "nn": ("Mastergrad i {field}", "Utdanning på masternivå innan {field}"),
        "en": ("MSc in {field}", "A master's degree in {field}", "You hold a master's degree in {field}"),
    },
    "bachelor": {
        "nb": (
            "Bachelorgrad i {field}",
            "Minimum bachelorgrad innen {field}",
            "Bachelorgrad innen {field}, master er en fordel",
            "Høyere utdanning på bachelornivå innen {field}",
        ),
        "nn": ("Bachelorgrad i {field}", "Utdanning på bachelornivå innan {field}"),
        "en": (
            "BSc in {field}",
            "A bachelor's degree in {field}; a master's degree is an advantage",
            "At least a bachelor's degree in {field}",
        ),
    },
    "vocational": {
        "nb": ("Fagbrev som {trade}", "Du har fagbrev som {trade}", "Fagbrev som {trade} er et krav"),
        "nn": ("Fagbrev som {trade}",),
        "en": ("Trade certificate (fagbrev) as {trade}",),
    },
    "none": {
        "nb": (
            "Ingen krav til utdanning",
            "Ingen krav til formell utdanning – vi gir opplæring",
            "Det stilles ingen krav til utdanning",
        ),
        "nn": ("Ingen krav til utdanning",),
        "en": ("No formal education required",),
    },
}


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


_ENGAGEMENT_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "Vikariat": {
        "nb": (
            "Vikariat i {n} måneder med mulighet for forlengelse",
            "Vikariat frem til {until}",
            "Vikariat med mulighet for fast ansettelse",
        ),
        "nn": ("Vikariat i {n} månader", "Vikariat fram til {until}"),
        "en": ("Temporary position for {n} months",),
    },
    "Engasjement": {
        "nb": ("Engasjement i {n} måneder", "Engasjement knyttet til prosjektet, varighet {n} måneder"),
        "nn": ("Engasjement i {n} månader",),
        "en": ("Fixed-term position for {n} months", "Fixed-term contract ({n} months)"),
    },
    "Prosjekt": {
        "nb": ("Prosjektstilling ut {year}", "Prosjektansettelse med varighet {n} måneder"),
        "en": ("Project position until the end of {year}",),
    },
    "Sesong": {
        "nb": ("Sesongjobb fra mai til september", "Sesongstilling for vintersesongen"),
        "en": ("Seasonal job from May to September",),
    },
    "Åremål": {
        "nb": ("Åremålsstilling på 6 år",),
        "nn": ("Åremålsstilling på 6 år",),
        "en": ("Fixed-term appointment for 6 years",),
    },
    "Lærling": {"nb": ("Læreplass i 2 år",)},
    "Trainee": {"nb": ("Traineeprogram over to år",), "en": ("Two-year graduate programme",)},
}

_NB_MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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
