"""Occupation categories of an ad, on NAV's two levels ("IT" / "Utvikling"), one ad possibly several.

NAV's own ads carry STYRK-08 codes in `categoryList`; NAV turns a code into its two category levels with
one table, `styrk_category_mapping.csv` (navikt/pam-styrk-yrkeskategori-mapper, MIT; provenance in
`docs/occupation.md`), which we ship in `data/` and use the same way, so a category here means what it
means on arbeidsplassen.nav.no. An ad with no code but NAV's `occupationCategories` keeps those. Ads from
other sources (career pages, Finn) have neither: their title, else their text, is read against a table of
job-title words (`data/occupation_terms.csv`), whose categories are NAV's.

Title words are matched at the end of a word because Norwegian compounds put the head last
("backendutvikler", "intensivsykepleier"); the longest matching term decides, so "prosjektleder" is not
read as a plain "leder". Role words that say little of the trade ("leder", "rådgiver", "engineer") are
weak: they decide only when nothing else does, so "teamleder backend" is a developer job and "pedagogisk
rådgiver" a teacher's. Nynorsk "-ar" endings are read as Bokmål "-er" ("driftsteknikar"). The text is a
fallback only: its category must be named at least twice, so one passing mention ("samarbeid med
sykepleiere") decides nothing.

Order, first is the listing's main category: a trade word in the title (it names the job the ad is for,
even when the employer picked another STYRK code, as "Elektriker" coded "Smeder"), then the STYRK codes,
NAV's stated levels and the source's own category names (Finn's "Stillingsfunksjon", career pages'
`occupationalCategory`), then the text, then a weak title word. Every category found this way is kept.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# STYRK "0000 Ikke konvertert" and the like: NAV's "not identifiable" category says nothing to filter on.
_UNKNOWN_LEVEL1 = "Uoppgitt/ ikke identifiserbare"
_ENDINGS = r"(?:e|er|en|ene|ere|erne|a|s|es)?"
_TEXT_MIN_HITS = 2


@dataclass(frozen=True, order=True)
class Category:
    """One occupation category of an ad and where it was read from (`styrk:2512`, `nav`, `title`, `text`)."""

    level1: str
    level2: str | None  # None when the source named only a level 1 ("Helse og sosial")
    basis: str


@lru_cache(maxsize=1)
def styrk_table() -> dict[str, tuple[str, str]]:
    """STYRK-08 code → (level 1, level 2), as NAV maps them (cells trimmed, as NAV's parser does)."""
    text = resources.files("pipeline").joinpath("data/styrk_category_mapping.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter=";")
    return {
        row["Styrk code"].strip(): (row["Category level 1"].strip(), row["Category level 2"].strip())
        for row in rows
    }


@lru_cache(maxsize=1)
def _terms() -> list[tuple[str, re.Pattern[str], str, str, bool]]:
    """(term, pattern, level 1, level 2, weak), longest term first."""
    text = resources.files("pipeline").joinpath("data/occupation_terms.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    found = []
    for row in csv.DictReader(lines, delimiter=";"):
        term = row["term"].strip().casefold()
        # Short terms ("hr", "ux") must be a whole word; longer ones may be a compound's head.
        head = r"\b" if len(term) <= 4 or " " in term else r"\b\w*"
        pattern = re.compile(head + re.escape(term) + _ENDINGS + r"\b")
        weak = (row.get("strength") or "").strip() == "weak"
        found.append((term, pattern, row["level1"].strip(), row["level2"].strip(), weak))
    found.sort(key=lambda item: -len(item[0]))
    return found


_NYNORSK_AR = re.compile(r"(\w{4,})ar(e|en|ane|ar)?\b")


def _fold(text: str) -> str:
    """Lower case, Nynorsk agent nouns in Bokmål form ("teknikar" -> "tekniker", "-arar" -> "-erer")."""
    return _NYNORSK_AR.sub(
        lambda m: m.group(1) + "er" + (m.group(2) or "").replace("a", "e"), text.casefold()
    )


@lru_cache(maxsize=1)
def _category_names() -> dict[str, tuple[str, str | None]]:
    """A folded NAV level-1 or level-2 name, or STYRK description -> (level 1, level 2 or None)."""
    names: dict[str, tuple[str, str | None]] = {}
    for level1, level2 in styrk_table().values():
        if level1 != _UNKNOWN_LEVEL1:
            names.setdefault(_name_key(level1), (level1, None))
            names.setdefault(_name_key(level2), (level1, level2))
    return names


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[/&,]+", " og ", name.casefold()).replace(" og og ", " og ").split())


def from_styrk(codes: list[str]) -> list[Category]:
    """NAV's categories for STYRK-08 codes; unknown or "not identifiable" codes are left out."""
    table = styrk_table()
    found: list[Category] = []
    for code in codes:
        key = str(code).strip()
        levels = table.get(key) or table.get(key[:4])
        if levels and levels[0] != _UNKNOWN_LEVEL1:
            category = Category(levels[0], levels[1], f"styrk:{key[:4]}")
            if all((c.level1, c.level2) != (category.level1, category.level2) for c in found):
                found.append(category)
    return found


def from_title(title: str, *, weak: bool = False, basis: str = "title") -> list[Category]:
    """The category of the longest trade word in the title (or, with `weak`, of a role word), or []."""
    folded = _fold(title)
    for _term, pattern, level1, level2, is_weak in _terms():
        if is_weak == weak and pattern.search(folded):
            return [Category(level1, level2, basis)]
    return []


def from_names(names: list[str]) -> list[Category]:
    """The categories of the source's own category names: NAV's names as they are, else their words."""
    found: list[Category] = []
    for name in names:
        known = _category_names().get(_name_key(name))
        if known is not None:
            found.append(Category(known[0], known[1], "source"))
        else:
            found += from_title(name, basis="source")
    return found


def from_text(text: str) -> list[Category]:
    """The category named most often in the text, when named at least twice; else []."""
    folded = _fold(text)
    hits: Counter[tuple[str, str]] = Counter()
    for _term, pattern, level1, level2, weak in _terms():
        count = 0 if weak else len(pattern.findall(folded))
        if count:
            hits[(level1, level2)] += count
    if not hits:
        return []
    (level1, level2), count = hits.most_common(1)[0]
    return [Category(level1, level2, "text")] if count >= _TEXT_MIN_HITS else []


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
    found = found or from_text(text) or from_title(title, weak=True)
    kept: list[Category] = []
    for category in found:
        same = [c for c in kept if c.level1 == category.level1]
        if category.level2 is None and same:
            continue  # a bare level 1 adds nothing beside a category under it
        if all(c.level2 != category.level2 for c in same):
            kept.append(category)
    return kept
