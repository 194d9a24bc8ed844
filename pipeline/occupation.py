"""Occupation categories of an ad, on NAV's two levels ("IT" / "Utvikling"), one ad possibly several.

NAV's own ads carry STYRK-08 codes in `categoryList`; NAV turns a code into its two category levels with
one table, `styrk_category_mapping.csv` (navikt/pam-styrk-yrkeskategori-mapper, MIT; provenance in
`docs/occupation.md`), which we ship in `data/` and use the same way, so a category here means what it
means on arbeidsplassen.nav.no. An ad with no code but NAV's `occupationCategories` keeps those. Ads from
other sources (career pages, Finn) have neither: their title, else their text, is read against a table of
job-title words (`data/occupation_terms.csv`), whose categories are NAV's.

Title words are matched at the end of a word because Norwegian compounds put the head last
("backendutvikler", "intensivsykepleier"); the longest matching term decides, so "prosjektleder" is not
read as a plain "leder" and "teamleder backend" is a developer job. The text is a fallback only: its
category must be named at least twice, so one passing mention ("samarbeid med sykepleiere") decides nothing.
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
    level2: str
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
def _terms() -> list[tuple[str, re.Pattern[str], str, str]]:
    """(term, pattern, level 1, level 2), longest term first."""
    text = resources.files("pipeline").joinpath("data/occupation_terms.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    found = []
    for row in csv.DictReader(lines, delimiter=";"):
        term = row["term"].strip().casefold()
        # Short terms ("hr", "ux") must be a whole word; longer ones may be a compound's head.
        head = r"\b" if len(term) <= 4 or " " in term else r"\b\w*"
        pattern = re.compile(head + re.escape(term) + _ENDINGS + r"\b")
        found.append((term, pattern, row["level1"].strip(), row["level2"].strip()))
    found.sort(key=lambda item: -len(item[0]))
    return found


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


def from_title(title: str) -> list[Category]:
    """The category of the longest job-title word in the title, or [] when none is known."""
    folded = title.casefold()
    for _term, pattern, level1, level2 in _terms():
        if pattern.search(folded):
            return [Category(level1, level2, "title")]
    return []


def from_text(text: str) -> list[Category]:
    """The category named most often in the text, when named at least twice; else []."""
    folded = text.casefold()
    hits: Counter[tuple[str, str]] = Counter()
    for _term, pattern, level1, level2 in _terms():
        count = len(pattern.findall(folded))
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
    styrk_codes: list[str], nav_levels: list[Any], title: str, text: str
) -> list[Category]:
    """An ad's categories: STYRK codes, else NAV's stated levels, else the title, else the text."""
    return from_styrk(styrk_codes) or _nav_levels(nav_levels) or from_title(title) or from_text(text)
