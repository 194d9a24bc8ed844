"""The job-title vocabulary the occupation categories are read with: our own terms and STYRK-08's titles.

Two tables feed it. `data/occupation_terms.csv` is ours: job-title words people write in ads
("backendutvikler", "developer", "kokk"), with role words that say little of the trade marked weak.
`data/styrk_category_mapping.csv` is NAV's (MIT, provenance in `docs/occupation.md`): every STYRK-08
unit group with its Norwegian title ("Lagermedarbeidere og materialforvaltere", "Kopper- og
blikkenslagere") and NAV's two category levels. Its titles are the official vocabulary of the
classification, about 370 head nouns, so an ad titled "Logistikkmedarbeider" or "Taktekker" is placed
even when nobody wrote that word into our own table.

A STYRK title gives its head nouns: the words before the first preposition ("Operatører innen
produksjon av papirprodukter" gives "operatører", not "papirprodukter"), with the plural ending taken
off ("sykepleiere" -> "sykepleier", "psykologer" -> "psykolog"), since the matcher adds the endings back.
A head noun that STYRK uses under more than one level 1 ("ledere", "operatører", "hjelpearbeidere",
"sivilingeniører") names no trade on its own and is left out; so are the few generic words below.
Where our table and STYRK's both have a term, ours wins: it was written for ads, not for statistics.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

UNKNOWN_LEVEL1 = "Uoppgitt/ ikke identifiserbare"
# A term's optional plural or definite ending ("sykepleiere", "lærerne", "utviklerar" read as "-erer").
ENDINGS = r"(?:e|er|en|ene|ere|erne|a|s|es)?"
# Words that end a STYRK title's list of head nouns: what follows says where, not who.
_PREPOSITIONS = frozenset({"av", "innen", "i", "for", "ved", "med", "under", "til", "på", "fra", "mv"})
# Head nouns too general to name a trade ("andre montører", "spesialister") or not nouns at all.
_GENERIC = frozenset(
    {"medarbeider", "spesialist", "fører", "innehaver", "koder", "stemmer", "modell", "høyer", "helseyrk",
     "tjenesteyter", "nyttevekst", "leg", "los", "forvalter"}
)  # fmt: skip


@dataclass(frozen=True)
class Term:
    """One title word and the category it names; `weak` role words decide only when nothing else does."""

    term: str
    pattern: re.Pattern[str]
    level1: str
    level2: str
    weak: bool
    table: str  # "ours" or "styrk"


def _read(name: str) -> list[str]:
    text = resources.files("pipeline").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def styrk_rows() -> list[tuple[str, str, str, str]]:
    """(code, description, level 1, level 2) of NAV's table, cells trimmed as NAV's parser trims them."""
    rows = csv.DictReader(_read("styrk_category_mapping.csv"), delimiter=";")
    return [
        (
            row["Styrk code"].strip(),
            row["Styrk description"].strip(),
            row["Category level 1"].strip(),
            row["Category level 2"].strip(),
        )
        for row in rows
    ]


def _pattern(term: str) -> re.Pattern[str]:
    # Short terms ("hr", "ux", "sfo") must be a whole word; longer ones may be a compound's head
    # ("turnuslege", "hovedkokk").
    head = r"\b" if len(term) <= 3 or " " in term else r"\b\w*"
    return re.compile(head + re.escape(term) + ENDINGS + r"\b")


def head_nouns(description: str) -> list[str]:
    """The head nouns of a STYRK title, plural ending off: "Kopper- og blikkenslagere" -> ["blikkenslager"]."""
    words = re.findall(r"[a-zæøå]+(?:-[a-zæøå]+)*-?", re.sub(r"\([^)]*\)", " ", description.casefold()))
    heads = []
    for word in words:
        if word in _PREPOSITIONS:
            break
        if word.endswith("-") or len(word) < 5:
            continue  # "Kopper-" is half a compound; "og", "mv" are not nouns
        if word.endswith("ere"):
            heads.append(word[:-1])
        elif word.endswith("er"):
            heads.append(word[:-2])
    return [head for head in heads if head not in _GENERIC]


def _styrk_terms() -> list[Term]:
    """Head nouns of the STYRK titles that STYRK places under one level 1 only."""
    found: dict[str, list[tuple[str, str]]] = {}
    for _code, description, level1, level2 in styrk_rows():
        if level1 == UNKNOWN_LEVEL1:
            continue
        for head in head_nouns(description):
            found.setdefault(head, []).append((level1, level2))
    return [
        Term(head, _pattern(head), levels[0][0], levels[0][1], False, "styrk")
        for head, levels in found.items()
        if len({level1 for level1, _ in levels}) == 1
    ]


@lru_cache(maxsize=1)
def terms() -> list[Term]:
    """Every title term, ours first where both tables have it, longest first."""
    ours = []
    for row in csv.DictReader(_read("occupation_terms.csv"), delimiter=";"):
        term = row["term"].strip().casefold()
        weak = (row.get("strength") or "").strip() == "weak"
        ours.append(Term(term, _pattern(term), row["level1"].strip(), row["level2"].strip(), weak, "ours"))
    known = {t.term for t in ours}
    found = ours + [t for t in _styrk_terms() if t.term not in known]
    found.sort(key=lambda t: -len(t.term))
    return found
