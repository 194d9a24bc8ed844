"""Working-language statements with their true label, worded after the project's phrase lexicon.

Most wordings are rows of phrases.tsv (real ad excerpts and frequent surface forms, NOTES.md §4), set
into a sentence; a few are constructed in the same style. Where an ad says nothing, the label is the
ad's own language (English text: `english_ok`; Norwegian: `norwegian_required`), the rule DESIGN.md
fixes for `language_evidence`. Clauses about the application documents, licences and diversity are
decoys: they mention languages but decide nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from demo.adgen.tables import load

# The words and phrasings are the entries of data/language.json; this module keeps the rules.
_TABLES = load("language")

ENGLISH_OK = "english_ok"
NORWEGIAN = "norwegian_required"
SCANDINAVIAN = "scandinavian_required"

STATEMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "nb": {
        ENGLISH_OK: (
            "Arbeidsspråket er engelsk",
            "Norsk er ikke et krav",
            "Du behersker norsk eller engelsk",
            "Norsk er en fordel, men ikke et krav",
            "Du kommuniserer godt på norsk eller engelsk",
            "Beherske et av de skandinaviske språkene eller engelsk",
            "Arbeidsspråket er engelsk, men norskkunnskaper er en fordel",
            "Må beherske skandinavisk eller engelsk tale",
            "Norsk er ikke et krav som språk siden vi har flere ansatte fra flere nasjoner, men da må man kunne snakke og forstå engelsk bra",
            "Du bør ha førerkort for bil, og kunne prate engelsk eller et nordisk språk",
            "Gode kommunikasjonsevner i engelsk (norsk er en fordel)",
            "Du må kunne snakke norsk, engelsk eller polsk",
        ),
        NORWEGIAN: (
            "Du behersker norsk skriftlig og muntlig",
            "Gode norskkunnskaper, skriftlig og muntlig",
            "Flytende norsk, skriftlig og muntlig, er et krav",
            "Du må kunne gjøre deg forstått på norsk og engelsk",
            "Gode norskkunnskaper og god engelsk er et krav for denne stillingen",
            "Utenlandske søkere må ha dokumenterte norskkunnskaper på nivå B2",
            "Du må beherske norsk i tale og skrift",
            "God formidlingsevne på norsk. Fordel med erfaring fra drift",
            "Grunnleggende norsk og engelsk kunnskaper er nødvendig for å kunne utføre rollen",
            "Helst bestått norskprøve B1",
        ),
        SCANDINAVIAN: (
            "Du behersker norsk eller et annet skandinavisk språk",
            "Du snakker og skriver norsk, svensk eller dansk",
            "Beherske et nordisk språk flytende, både muntlig og skriftlig",
            "Du gjør deg forstått på norsk eller annet skandinavisk språk",
            "Kommuniserer godt på et skandinavisk språk og engelsk",
        ),
    },
    "nn": {
        ENGLISH_OK: ("Norsk er ein fordel, men ikkje eit krav", "Arbeidsspråket er engelsk"),
        NORWEGIAN: (
            "Gode norskkunnskapar, både munnleg og skriftleg",
            "Du må meistre norsk",
            "Du må ha god kunnskap i norsk, munnleg og skriftleg framstilling",
            "Bestått Bergenstesten eller tilsvarande dokumentasjon",
        ),
        SCANDINAVIAN: ("Du meistrar norsk eller eit anna skandinavisk språk, munnleg og skriftleg",),
    },
    "en": {
        ENGLISH_OK: (
            "The working language is English",
            "Norwegian is not required",
            "Norwegian is an advantage but not a requirement",
            "Knowledge of Norwegian is an advantage, but not a requirement",
            "Excellent written and spoken English is required for this position",
            "English is our working language and Norwegian is not required",
            "Norwegian is a plus",
            "You communicate well in Norwegian or English",
        ),
        NORWEGIAN: (
            "Good communication skills in Norwegian and English, written and verbally",
            "You are fluent in Norwegian",
            "Written and oral communication skills in Norwegian",
            "You speak and write Norwegian",
        ),
        SCANDINAVIAN: ("Fluency in a Scandinavian language (Norwegian, Swedish or Danish) is required",),
    },
}

# Sentences that name a language but decide nothing (NOTES.md §4: document language, licences, boilerplate).
DECOYS: dict[str, tuple[str, ...]] = _TABLES["decoys"]

# How often each kind of statement appears, by ad language and occupation group (the rest say nothing).
_MIX_EN = {"none": 35, ENGLISH_OK: 45, NORWEGIAN: 15, SCANDINAVIAN: 5}
_MIX_NB: dict[str, dict[str, int]] = {
    "it": {"none": 45, NORWEGIAN: 28, ENGLISH_OK: 20, SCANDINAVIAN: 7},
    "care": {"none": 35, NORWEGIAN: 50, SCANDINAVIAN: 12, ENGLISH_OK: 3},
    "trade": {"none": 40, NORWEGIAN: 20, ENGLISH_OK: 25, SCANDINAVIAN: 15},
    "default": {"none": 50, NORWEGIAN: 35, SCANDINAVIAN: 8, ENGLISH_OK: 7},
}
_GROUP_MIX = _TABLES["group_mix"]


@dataclass(frozen=True)
class LanguageFact:
    """What the ad says about the working language (statement may be None) and the true label."""

    statement: str | None
    requirement: str

    @property
    def english_ok(self) -> bool:
        return self.requirement == ENGLISH_OK


def language_fact(rng: random.Random, lang: str, group: str) -> LanguageFact:
    """Draw a working-language statement for an ad in `lang` (or none) and its label."""
    mix = _MIX_EN if lang == "en" else _MIX_NB[_GROUP_MIX.get(group, "default")]
    kinds = list(mix)
    kind = rng.choices(kinds, weights=[mix[k] for k in kinds])[0]
    if kind == "none":
        return LanguageFact(None, ENGLISH_OK if lang == "en" else NORWEGIAN)
    return LanguageFact(rng.choice(STATEMENTS[lang][kind]), kind)


def decoy(rng: random.Random, lang: str) -> str:
    """A sentence that mentions languages without setting a requirement."""
    return rng.choice(DECOYS[lang])
