"""The user's own hiding rules: blocked employers (by name or organisation number), all staffing agencies,
and dismissed listings with the reason.

They are the user's data like applications: kept in tables the crawler and the ingest never write
(`blocked_employers`, `dismissals`), so they survive every re-crawl, re-ingest and migration. They take
effect through the `listing_search` view, which every search, digest and facet count reads.

An employer is matched by `pipeline.agency.employer_key`, the key the ingest stores with each listing:
case, punctuation and legal-form words ("AS", "ASA", "Norge") do not count, so blocking "EQUINOR" hides
"Equinor ASA". Nine digits with a valid check digit are an organisation number and match `employer_orgnr`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from hunt.errors import HuntError
from pipeline.employers import employer_key
from pipeline.sector import organisation_number
from warehouse.db import fetch_dicts, run_script, sql

ALL_AGENCIES = "all_staffing_agencies"


@dataclass(frozen=True)
class BlockRule:
    """One rule as stored: `kind` is name, orgnr or all_staffing_agencies."""

    block_key: str
    kind: str
    value: str | None
    written: str | None


def block_rule(employer: str | None, *, staffing_agencies: bool = False) -> BlockRule:
    """The rule for what the user typed: an organisation number, else an employer name."""
    if staffing_agencies:
        return BlockRule(ALL_AGENCIES, ALL_AGENCIES, None, "all staffing agencies")
    text = (employer or "").strip()
    if not text:
        raise HuntError("name an employer (or an organisation number), or pass --staffing-agencies")
    digits = "".join(text.split())
    if digits.isdigit():
        orgnr = organisation_number(digits)
        if orgnr is None:
            raise HuntError(f"{text!r} is not a valid organisation number (9 digits with a check digit)")
        return BlockRule(f"orgnr:{orgnr}", "orgnr", orgnr, text)
    key = employer_key(text)
    if not key:
        raise HuntError(f"{text!r} names no employer")
    return BlockRule(f"name:{key}", "name", key, text)


def block(con: duckdb.DuckDBPyConnection, rule: BlockRule, now: datetime | None = None) -> int:
    """Store the rule and return how many active listings it hides."""
    run_script(
        con,
        "block_insert",
        {
            "block_key": rule.block_key,
            "kind": rule.kind,
            "value": rule.value,
            "written": rule.written,
            "created_at": now or datetime.now().replace(microsecond=0),
        },
    )
    return next((r["hides"] for r in list_blocks(con) if _key(r) == rule.block_key), 0)


def unblock(con: duckdb.DuckDBPyConnection, rule: BlockRule) -> bool:
    """Remove the rule; False when there was none."""
    before = len(list_blocks(con))
    run_script(con, "block_delete", {"block_key": rule.block_key})
    return len(list_blocks(con)) < before


def _key(row: dict[str, Any]) -> str:
    return ALL_AGENCIES if row["kind"] == ALL_AGENCIES else f"{row['kind']}:{row['value']}"


def list_blocks(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every rule with the number of active listings it hides."""
    return fetch_dicts(con, sql("blocks_list"))


def dismiss(
    con: duckdb.DuckDBPyConnection, listing_id: str, reason: str | None, now: datetime | None = None
) -> None:
    """Hide one listing for good, keeping the reason; an unknown listing id is an error (a typo)."""
    row = con.execute(sql("listing_exists"), {"listing_id": listing_id}).fetchone()
    if not row or not row[0]:
        raise HuntError(f"no listing {listing_id!r} in the warehouse (ids look like nav:<uuid>)")
    run_script(
        con,
        "dismiss_upsert",
        {
            "listing_id": listing_id,
            "reason": (reason or "").strip() or None,
            "dismissed_at": now or datetime.now().replace(microsecond=0),
        },
    )


def undismiss(con: duckdb.DuckDBPyConnection, listing_id: str) -> None:
    """Show a dismissed listing again."""
    run_script(con, "dismiss_delete", {"listing_id": listing_id})


def list_dismissals(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every dismissed listing with its title (when still stored) and the reason."""
    return fetch_dicts(con, sql("dismissals_list"))
