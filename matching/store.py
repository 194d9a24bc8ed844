"""Write a run's results to the warehouse and read them back, through warehouse/sql/match_*.sql."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb
import numpy as np

from matching.bands import band, points
from matching.model import MatchResult, MatchRun
from pipeline.listing import COLUMNS, Listing, from_row
from warehouse.db import expand, fetch_dicts, set_today, sql, transaction


def candidates(con: duckdb.DuckDBPyConnection, day: date, *, include_expired: bool = False) -> list[Listing]:
    """Listings active on `day` (expiry decided then, not when loaded: their `status` is today's),
    non-duplicate, ordered by id (so equal scores rank the same every run); expired ones too when asked."""
    set_today(con, day)
    cursor = con.execute(expand("match_candidates", COLUMNS), [include_expired])
    names = [d[0] for d in cursor.description or []]
    return [from_row(names, row) for row in cursor.fetchall()]


def save_run(con: duckdb.DuckDBPyConnection, run: dict[str, Any], rows: Sequence[dict[str, Any]]) -> None:
    """Store the run and its rows in one transaction: a run is never half there."""
    with transaction(con):
        con.execute(
            sql("match_insert_run"),
            [
                run["run_id"], run["created_at"], run["on_date"], run["cv_file"], run["cv_sha256"],
                json.dumps(run["profile"], ensure_ascii=False), run["scoring_version"],
                run["candidates"], run["filtered"], len(rows), run.get("weak_left_out", 0),
                run.get("expired_left_out", 0), run.get("top_left_out", 0),
            ],
        )  # fmt: skip
        if rows:
            con.register("match_rows", _match_rows(run["run_id"], rows))
            try:
                con.execute(sql("match_insert_matches"))
            finally:
                con.unregister("match_rows")


def _match_rows(run_id: str, rows: Sequence[dict[str, Any]]) -> dict[str, np.ndarray]:
    """The rows of `matches` as numpy columns (text and nullable values as Python objects), which DuckDB
    scans as a table. Not Arrow: a warm `fjordjobs match` then imports no pyarrow (matching/candidates.py)."""

    def objects(values: Sequence[Any]) -> np.ndarray:
        # Python values, None for NULL; match_insert_matches.sql casts each column (a masked array for
        # the nullable numbers would import numpy.ma).
        return np.array(values, dtype=object)

    def column(key: str) -> np.ndarray:
        return objects([r[key] for r in rows])

    def as_json(key: str, **options: Any) -> np.ndarray:
        return objects([json.dumps(r[key], **options) for r in rows])

    return {
        "run_id": objects([run_id] * len(rows)),
        "listing_id": column("listing_id"),
        "rank": np.array([r["rank"] for r in rows], dtype=np.int32),
        "score": np.array([r["score"] for r in rows], dtype=np.float64),
        "top_terms": as_json("top_terms", ensure_ascii=False),
        "missing_terms": as_json("missing_terms", ensure_ascii=False),
        "flags": as_json("flags"),
        **{
            key: column(key)
            for key in ("permit_salary", "permit_threshold_nok", "extent_ok", "why", "band", "permit_reason")
        },
    }


def load_run(
    con: duckdb.DuckDBPyConnection, run_id: str, listing_ids: Sequence[str] | None = None
) -> MatchRun:
    """A stored run with its shortlist, exactly as an SQL query over `matches` reads it.

    `listing_ids` reads only those rows (a page of the web shortlist), not the whole run.
    """
    found = fetch_dicts(con, sql("match_run"), [run_id])
    if not found:
        raise KeyError(f"no match run {run_id!r}")
    head = found[0]
    results = [
        MatchResult(
            rank=r["rank"],
            listing_id=r["listing_id"],
            url=r["url"],
            title=r["title"],
            employer=r["employer"],
            place=r["place"],
            score=float(r["score"]),
            english_ok=r["english_ok"],
            salary_min_nok=r["salary_min_nok"],
            salary_max_nok=r["salary_max_nok"],
            permit_salary=r["permit_salary"],
            permit_threshold_nok=r["permit_threshold_nok"],
            extent_ok=r["extent_ok"],
            flags=json.loads(r["flags"] or "[]"),
            why=r["why"] or "",
            top_terms=[(t, float(c)) for t, c in json.loads(r["top_terms"] or "[]")],
            missing_terms=json.loads(r["missing_terms"] or "[]"),
            application_deadline=r["application_deadline"],
            band=r["band"] or band(float(r["score"])),
            points=points(float(r["score"])),
            published=r["published"],
            salary_text=r["salary_text"],
            permit_reason=r["permit_reason"] or "",
            language_requirement=r["language_requirement"],
            language_evidence=r["language_evidence"],
            status=r["status"],
        )
        for r in fetch_dicts(
            con,
            sql("match_results"),
            {"run_id": run_id, "ids": None if listing_ids is None else list(listing_ids)},
        )
    ]
    profile = head["profile"]
    return MatchRun(
        run_id=head["run_id"],
        created_at=head["created_at"],
        on_date=head["on_date"],
        cv_file=head["cv_file"],
        cv_sha256=head["cv_sha256"],
        profile=json.loads(profile) if isinstance(profile, str) else dict(profile or {}),
        scoring_version=head["scoring_version"],
        candidates=head["candidates"],
        filtered=head["filtered"],
        ranked=head["ranked"],
        results=results,
        weak_left_out=head["weak_left_out"],
        expired_left_out=head["expired_left_out"],
        top_left_out=head["top_left_out"],
    )


def expired_count(con: duckdb.DuckDBPyConnection, day: date) -> int:
    """Non-duplicate listings expired on `day` (what a shortlist leaves out unless asked)."""
    set_today(con, day)
    found = fetch_dicts(con, sql("match_expired_count"))
    return int(found[0]["n"]) if found else 0
