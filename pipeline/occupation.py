"""Occupation categories of an ad, on NAV's two levels ("IT" / "Utvikling"), one ad possibly several.

NAV's own ads carry STYRK-08 codes in `categoryList`; NAV turns a code into its two category levels with
one table, `styrk_category_mapping.csv` (navikt/pam-styrk-yrkeskategori-mapper, MIT; provenance in
`docs/occupation.md`), which we ship in `data/` and use the same way, so a category here means what it
means on arbeidsplassen.nav.no. An ad with no code but NAV's `occupationCategories` keeps those. Ads from
other sources (career pages, Finn) have neither: their title, else their text, is read against a
vocabulary of job-title words (`occupation_vocab.py`: our own `data/occupation_terms.csv` and the head
nouns of STYRK-08's own titles in NAV's table), whose categories are NAV's.

Title words are matched at the end of a word because Norwegian compounds put the head last
("backendutvikler", "intensivsykepleier"). The first trade word of the title decides, because an ad for
several jobs names its main one first ("Elektriker, elektroniker og industrimekaniker"); at one place the
longest term wins, so "prosjektleder" is not read as a plain "leder". Role words that say little of the
trade ("leder", "rådgiver", "engineer") are weak: they decide only when nothing else does, so "teamleder
backend" is a developer job and "pedagogisk rådgiver" a teacher's. Nynorsk is read as Bokmål ("-ar" as
"-er", "sjuk-" as "syk-"), and "stilling"/"vikariat" is split off a compound ("sjukepleiarstilling"). The
text is a fallback: its category must be named at least twice, so one passing mention ("samarbeid med
sykepleiere") does not outrank a role word in the title; only when the title has no job word at all
("Ledige stillinger") does a single mention decide, since a category is then better than none.

Order, first is the listing's main category: a trade word in the title (it names the job the ad is for,
even when the employer picked another STYRK code, as "Elektriker" coded "Smeder"), then the STYRK codes,
NAV's stated levels and the source's own category names (Finn's "Stillingsfunksjon", career pages'
`occupationalCategory`), then the text (twice), then the title classifier learnt from NAV's own 7,000
job titles (`occupation_model.py`: a title in a trade no table names, "Fiskerøkter"), then a weak title
word, then the text (once). Every category found this way is kept, so a filter on the category NAV gives
an ad's STYRK code always finds it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.occupation_model import MIN_PROBABILITY, ending, title_model
from pipeline.occupation_vocab import ENDINGS, Term, styrk_rows, terms
from pipeline.occupation_vocab import UNKNOWN_LEVEL1 as _UNKNOWN_LEVEL1

_TEXT_MIN_HITS = 2


@dataclass(frozen=True, order=True)
class Category:
    """One occupation category of an ad and where it was read from (`styrk:2512`, `nav`, `title`, `text`)."""

    level1: str
    level2: str | None  # None when the source named only a level 1 ("Helse og sosial")
    basis: str


@lru_cache(maxsize=1)
def styrk_table() -> dict[str, tuple[str, str]]:
    """STYRK-08 code → (level 1, level 2), as NAV maps them (the first row of a code wins, as in NAV's)."""
    table: dict[str, tuple[str, str]] = {}
    for code, _description, level1, level2 in styrk_rows():
        table.setdefault(code, (level1, level2))
    return table


# Nynorsk agent nouns end "-ar", "-aren", "-arar", "-arane"; never "-are", which is English ("software",
# "hardware": read as "softwere" they missed the "software engineer" term).
_NYNORSK_AR = re.compile(r"(\w{3,})ar(en|ane|ar)?\b")
_NYNORSK_SJUK = re.compile(r"\bsjuk")
# "sykepleierstilling", "lærervikariat": the job is the compound's first part, not "stilling".
_JOB_WORD = re.compile(r"(\w{4,}?)(stilling(?:en|er|ane|ar)?|vikariat(?:et|er)?)\b")


def _fold(text: str) -> str:
    """Lower case; Nynorsk in Bokmål form ("teknikar" -> "tekniker", "sjukepleiar" -> "sykepleier");
    a trailing "stilling"/"vikariat" split off its compound ("sykepleierstilling" -> "sykepleier stilling")."""
    folded = _NYNORSK_SJUK.sub("syk", _JOB_WORD.sub(r"\1 \2", text.casefold()))
    return _NYNORSK_AR.sub(lambda m: m.group(1) + "er" + (m.group(2) or "").replace("a", "e"), folded)


@lru_cache(maxsize=1)
def _category_names() -> dict[str, tuple[str, str | None]]:
    """A folded NAV level-1 or level-2 name, or STYRK description -> (level 1, level 2 or None)."""
    names: dict[str, tuple[str, str | None]] = {}
    for level1, level2 in styrk_table().values():
        if level1 != _UNKNOWN_LEVEL1:
            names.setdefault(_name_key(level1), (level1, None))
            names.setdefault(_name_key(level2), (level1, level2))
    return names


@lru_cache(maxsize=4096)
def _named_category(name: str) -> tuple[str, str | None] | None:
    """(level 1, level 2 or None) of a NAV category name as a source writes it, else None.

    Remembered per name: sources repeat a few hundred category names ("IT", "Utvikling") in every ad,
    and folding one costs about as much as the rest of the ad's occupation reading: occupation_categories
    went from 0.10 to 0.07 CPU ms per generated demo ad (benchmarks/bench_normalise.py).
    """
    return _category_names().get(_name_key(name))


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[/&,]+", " og ", name.casefold()).replace(" og og ", " og ").split())


def from_styrk(codes: list[str]) -> list[Category]:
    """NAV's categories for STYRK-08 codes; unknown or "not identifiable" codes are left out."""
    table = styrk_table()
    found: list[Category] = []
    for code in codes:
        key = str(code).strip()[:4].zfill(4)  # NAV's lookup: four digits, shorter codes padded with zeros
        levels = table.get(key)
        if levels and levels[0] != _UNKNOWN_LEVEL1:
            category = Category(levels[0], levels[1], f"styrk:{key[:4]}")
            if all((c.level1, c.level2) != (category.level1, category.level2) for c in found):
                found.append(category)
    return found


# Every term's pattern ends with the term, an optional ending and a word boundary (occupation_vocab), so a
# term can match only where its last letters stand before such an ending: _TERM_ENDS finds every place.
_KEY = 6  # letters a term is looked up by: five or fewer leave large buckets of agent nouns
_TERM_ENDS = re.compile(rf"(?=(\w{{{_KEY}}}){ENDINGS}\b)")


def _present(folded: str) -> list[Term]:
    """The terms, in `terms()` order, that can match in `folded`: the only ones worth a regex search.

    A term is looked up by its last six letters among the six letters that stand before an ending and a
    word boundary in the text, then tested as a substring; the few terms that do not end in six word
    characters are only tested as substrings. occupation_categories, CPU ms per ad, best of five passes:
    every term's pattern searched 1.07 (1,000 generated demo ads of benchmarks/bench_normalise.py); every
    term tested as a substring 0.19 (0.89 on the 185 real and holdout ads, whose text is read when no
    code names a category); this 0.07 (0.47). Same categories (tests/test_rule_guards.py).
    """
    index, others = _endings_index()
    every = terms()
    found = [i for i in others if every[i].term in folded]
    for letters in set(_TERM_ENDS.findall(folded)):
        found += index.get(letters, ())
    return [every[i] for i in sorted(found) if every[i].term in folded]


@lru_cache(maxsize=1)
def _endings_index() -> tuple[dict[str, list[int]], list[int]]:
    """Positions in `terms()` by the term's last `_KEY` letters, and those of terms that end otherwise."""
    index: dict[str, list[int]] = {}
    others: list[int] = []
    for i, term in enumerate(terms()):
        if re.fullmatch(rf"\w{{{_KEY}}}", term.term[-_KEY:]):
            index.setdefault(term.term[-_KEY:], []).append(i)
        else:
            others.append(i)
    return index, others


def from_title(title: str, *, weak: bool = False, basis: str = "title") -> list[Category]:
    """The category of the first trade word in the title (or, with `weak`, of a role word), or [].

    The first, because an ad for several jobs names its main one first ("Elektriker, elektroniker og
    industrimekaniker"); at one place the longest term wins ("prosjektleder" over "leder").

    Every match of a term's pattern holds the term itself, so a substring test skips the regex for all
    but a few of the terms: see `_present` for the figure.
    """
    folded = _fold(title)
    best: tuple[int, int, Term] | None = None
    for term in _present(folded):
        if term.weak != weak:
            continue
        match = term.pattern.search(folded)
        if match and (best is None or (match.start(), -len(term.term)) < best[:2]):
            best = (match.start(), -len(term.term), term)
    return [] if best is None else [Category(best[2].level1, best[2].level2, basis)]


def from_names(names: list[str]) -> list[Category]:
    """The categories of the source's own category names: NAV's names as they are, else their words."""
    found: list[Category] = []
    for name in names:
        known = _named_category(name)
        if known is not None:
            found.append(Category(known[0], known[1], "source"))
        else:
            found += from_title(name, basis="source")
    return found


def from_text(text: str, min_hits: int = _TEXT_MIN_HITS) -> list[Category]:
    """The category named most often in the text, when named at least `min_hits` times; else [].

    A word counts when it is the term itself, its plural or definite ending aside ("developers"), or a
    compound that ends like a word of NAV's job titles (the title classifier's endings,
    `occupation_model.py`): in running text a term's letters also end words that name no one, a
    Nynorsk adjective ("personlege" is not a "lege"), a programme ("lederutviklingsprogrammer"). On the
    185 real and held-out ads as many are right as without it (147), and two ads that were filed as a
    doctor's job for "personlege" are now "not stated".
    """
    folded = _fold(text)
    endings = title_model().endings
    hits: Counter[tuple[str, str]] = Counter()
    for term in _present(folded):
        if term.weak:
            continue
        count = sum(
            1
            for match in term.pattern.finditer(folded)
            if " " in term.term or _job_word(_stem(match.group(0), term.term), term.term, endings)
        )
        if count:
            hits[(term.level1, term.level2)] += count
    if not hits:
        return []
    (level1, level2), count = hits.most_common(1)[0]
    return [Category(level1, level2, "text")] if count >= min_hits else []


def _stem(word: str, term: str) -> str:
    """The word up to the end of the term in it, its ending off: "sykepleierne" -> "sykepleier"."""
    return word[: word.rfind(term) + len(term)]


def _job_word(stem: str, term: str, endings: frozenset[str]) -> bool:
    """Whether a word of the text that holds a term names a job: the term itself ("developers",
    "sykepleiere"), or a compound ending like a word of NAV's job titles ("intensivsykepleier", not
    "personlege")."""
    return stem == term or ending(stem) in endings


def from_model(title: str) -> list[Category]:
    """The level 1 the title classifier learnt from NAV's job titles gives (`occupation_model.py`), or [].

    Only a level 1: the model was not taught level 2. Below `MIN_PROBABILITY` it says nothing.
    """
    guess = title_model().predict(_fold(title))
    if guess is None or guess[1] < MIN_PROBABILITY:
        return []
    return [Category(guess[0], None, "model")]


def _nav_levels(pairs: list[Any]) -> list[Category]:
    found = []
    for pair in pairs:
        if isinstance(pair, dict) and pair.get("level1") and pair.get("level2"):
            level1, level2 = str(pair["level1"]).strip(), str(pair["level2"]).strip()
            if level1 != _UNKNOWN_LEVEL1:
                found.append(Category(level1, level2, "nav"))
    return found


def occupation_categories(
    styrk_codes: list[str], nav_levels: list[Any], title: str, text: str, names: list[str] | None = None
) -> list[Category]:
    """An ad's categories, main one first (see the module's docstring for the order)."""
    found = from_title(title) + from_styrk(styrk_codes) + _nav_levels(nav_levels) + from_names(names or [])
    found = (
        found
        or from_text(text)
        or from_model(title)
        or from_title(title, weak=True)
        or from_text(text, min_hits=1)
    )
    kept: list[Category] = []
    for category in found:
        same = [c for c in kept if c.level1 == category.level1]
        if category.level2 is None and same:
            continue  # a bare level 1 adds nothing beside a category under it
        if all(c.level2 != category.level2 for c in same):
            kept.append(category)
    return kept
