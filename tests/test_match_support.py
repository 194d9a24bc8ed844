"""Helpers for the matcher tests: a warehouse with listings inserted the way the pipeline leaves them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from pipeline.relocation import read_relocation
from warehouse.db import connect

COLUMNS = (
    "listing_id", "source", "source_id", "url", "title", "employer", "description", "city", "status",
    "duplicate_of", "application_deadline", "extent_pct", "temporary", "staffing_agency", "education",
    "salary_min_nok", "salary_max_nok", "english_ok", "relocation", "relocation_evidence",
)  # fmt: skip


def listing(listing_id: str, title: str, description: str, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "listing_id": f"test:{listing_id}",
        "source": "test",
        "source_id": listing_id,
        "url": f"https://jobs.example.org/{listing_id}",
        "title": title,
        "employer": "Eksempel AS",
        "description": description,
        "city": "Oslo",
        "status": "active",
        "duplicate_of": None,
        "application_deadline": None,
        "extent_pct": 100,
        "temporary": False,
        "staffing_agency": False,
        "education": None,
        "salary_min_nok": None,
        "salary_max_nok": None,
        "english_ok": False,
    }
    help_offered = read_relocation(description)  # read at load, as pipeline/normalise.py reads it
    row.update(relocation=help_offered.offered, relocation_evidence=help_offered.evidence)
    row.update(extra)
    return row


def warehouse(path: Path, rows: list[dict[str, Any]]) -> duckdb.DuckDBPyConnection:
    con = connect(path)
    placeholders = ", ".join("?" for _ in COLUMNS)
    con.executemany(
        f"INSERT INTO listings ({', '.join(COLUMNS)}) VALUES ({placeholders})",
        [[r[c] for c in COLUMNS] for r in rows],
    )
    return con


DEV = listing(
    "dev",
    "Systemutvikler backend",
    "Om oss\nVi lager programvare.\nArbeidsoppgaver\nUtvikle API-er i Python.\n"
    "Kvalifikasjoner\nErfaring som utvikler med Python, SQL og Docker.",
    education="bachelor",
    salary_min_nok=650_000,
    salary_max_nok=750_000,
    english_ok=True,
)
NURSE = listing(
    "nurse",
    "Sykepleier",
    "Arbeidsoppgaver\nPleie av pasienter på sykehjem.\nKvalifikasjoner\nAutorisasjon som sykepleier.",
    salary_min_nok=480_000,
    extent_pct=75,
    temporary=True,
)
COOK = listing("cook", "Kokk", "Arbeidsoppgaver\nMatlaging i restaurant.\nKvalifikasjoner\nFagbrev som kokk.")
ON = date(2026, 11, 20)
