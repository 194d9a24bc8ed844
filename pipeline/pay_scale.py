"""State pay-scale steps (lønnstrinn) to annual NOK, through the dated tables bundled in pipeline/data.

STALE DATA: the newest bundled table is statens lønnstabell from 1 May 2022 (a secondary source,
compare.no). The reference README says it is out of date and must be replaced by a current table
(DFØ or regjeringen.no) before permit checks rely on pay-scale steps; with a current table the
steps that cross the permit thresholds are lower than this table suggests. Adding a table is one
file: ``pipeline/data/lonnstabell_YYYY.csv`` with the same header and its ``valid_from`` column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

#: valid_from of the newest bundled table; shown so callers and reports can say how old it is.
NEWEST_TABLE_VALID_FROM = date(2022, 5, 1)


@dataclass(frozen=True)
class PayScaleTable:
    """One state salary table: step -> annual NOK for a full-time position, in force from valid_from."""

    valid_from: date
    annual_nok: dict[int, int]
    source: str

    @property
    def basis(self) -> str:
        """The verdict basis naming the table, so a stored salary says which table priced it."""
        return f"pay_scale:{self.valid_from.isoformat()}"


@cache
def tables() -> tuple[PayScaleTable, ...]:
    """Every bundled table, oldest first. Read once: the files ship with the package."""
    found: list[PayScaleTable] = []
    data_dir = resources.files("pipeline") / "data"
    for entry in sorted(data_dir.iterdir(), key=lambda e: e.name):
        if not (entry.name.startswith("lonnstabell_") and entry.name.endswith(".csv")):
            continue
        found.extend(_read_table(entry.read_text(encoding="utf-8")))
    return tuple(sorted(found, key=lambda t: t.valid_from))


def _read_table(text: str) -> list[PayScaleTable]:
    by_date: dict[date, dict[int, int]] = {}
    sources: dict[date, str] = {}
    for row in csv.DictReader(text.splitlines()):
        valid_from = date.fromisoformat(row["valid_from"])
        by_date.setdefault(valid_from, {})[int(row["lonnstrinn"])] = int(row["annual_nok"])
        sources.setdefault(valid_from, row["source"])
    return [PayScaleTable(d, steps, sources[d]) for d, steps in by_date.items()]


def table_in_force(on: date | None) -> PayScaleTable | None:
    """The table in force on the ad's publication date; None before the oldest bundled table.

    Without a date the newest table is used: an undated ad is read as a current one.
    """
    all_tables = tables()
    if not all_tables:
        return None
    if on is None:
        return all_tables[-1]
    in_force = [t for t in all_tables if t.valid_from <= on]
    return in_force[-1] if in_force else None


def stale_table_note(basis: str | None, published: date | None, today: date) -> str | None:
    """What a reader must know when steps were priced with a table older than the ad: pay is higher now.

    State pay tables change every 1 May; a table more than a year older than the ad (or, undated, than
    today) no longer gives the pay the ad offers.
    """
    if not basis or not basis.startswith("pay_scale:"):
        return None
    valid_from = date.fromisoformat(basis.split(":", 1)[1])
    against = published or today
    if (against - valid_from).days <= 366:
        return None
    return (
        f"pay-scale steps priced with the state pay table of {valid_from:%d %B %Y}, older than the ad "
        f"({against.isoformat()}): the pay for these steps is higher today"
    )


def annual_for_steps(low: int, high: int, on: date | None) -> tuple[int, int, str] | None:
    """(min NOK, max NOK, basis) for a step range, or None when a step or the table is missing."""
    table = table_in_force(on)
    if table is None:
        return None
    low, high = min(low, high), max(low, high)
    if low not in table.annual_nok or high not in table.annual_nok:
        return None
    return table.annual_nok[low], table.annual_nok[high], table.basis
