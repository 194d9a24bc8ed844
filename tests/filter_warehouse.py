"""A small warehouse for the filter tests, loaded from landing records through the real ingest.

Each ad is built so that every filter keeps a different, known set (see `EXPECTED` in test_filters.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pipeline.ingest import ingest_file
from tests.landing import nav_record, write_landing
from warehouse import db

TODAY = date(2026, 11, 21)
LOADED_ON = date(
    2026, 11, 10
)  # a1 closes tomorrow (22 Nov); one whose deadline passed is expired (read time)

NORWEGIAN = "<p>Du må beherske norsk flytende, muntlig og skriftlig.</p>"
ENGLISH = "<p>Arbeidsspråket er engelsk.</p>"


def ad(
    uuid: str, *, locations: list[tuple[str, str]] | None = None, status: str = "ACTIVE", **fields: Any
) -> dict[str, Any]:
    """A NAV landing record with the given `fields` replaced; locations as (municipality, county) pairs."""
    title, employer = fields.pop("title", "Rådgiver"), fields.pop("employer", "Acme AS")
    record = nav_record(uuid, title=title, employer=employer, status=status)
    record["fields"]["occupation"] = []  # the source's own category names: none unless given
    record["fields"].update(fields)
    if locations is not None:
        record["fields"]["locations"] = [
            {"city": m.upper(), "municipality": m.upper(), "county": c.upper(), "country": "NORGE"}
            for m, c in locations
        ]
    return record


def first_ads() -> list[dict[str, Any]]:
    """Six ads: a1-a5 differ on every filter; a6 is withdrawn (inactive) and never shows."""
    return [
        ad("a1", title="Backend-utvikler", employer="Kartverket", locations=[("Oslo", "Oslo")],
           description=f"{ENGLISH}<p>Lønn: 650 000–750 000 kr</p>", remote="Hybridkontor", styrk_codes=["2512"], occupation=["IT", "Utvikling"],
           sector="Offentlig", extent="Heltid", engagement="Fast", application_due="22.11.2026"),
        ad("a2", title="Sykepleier", employer="Helsehuset AS", locations=[("Bergen", "Vestland"), ("Oslo", "Oslo")],
           description=f"{NORWEGIAN}<p>60 % stilling. Du kan jobbe 2 dager hjemmefra.</p>", sector="Privat",
           occupation=["Helse og sosial", "Sykepleier"],
           extent="Deltid", engagement="Fast", application_due="20.12.2026"),
        ad("a3", title="Lagermedarbeider", employer="Manpower AS", locations=[("Trondheim", "Trøndelag")],
           description=f"{NORWEGIAN}<p>Lønn: 400 000 kr.</p><p>For vår kunde søker vi lagermedarbeidere.</p>",
           sector="Privat", extent="Heltid", engagement="Vikariat", application_due="20.12.2026",
           occupation=["Transport og lager"]),
        ad("a4", title="Senior utvikler", employer="Nordlys Tech AS", locations=[("Tromsø", "Troms")],
           description="<p>This role is fully remote within Norway. English is our working language.</p>"
                       "<p>Salary: NOK 800 000.</p><p>We offer a relocation package.</p>",
           sector=None, extent="Heltid", engagement="Fast", published="2026-11-20T08:00:00+01:00", occupation=[],
           application_due="25.11.2026"),
        ad("a5", title="Rådgiver", employer="Equinor ASA", locations=[("Oslo", "Oslo")], employer_orgnr="923609016",
           description=f"{NORWEGIAN}<p>Kontorsted Oslo.</p>", sector=None, extent="Heltid", engagement=None,
           occupation=[],
           application_due="Snarest"),
        ad("a6", title="Withdrawn", status="INACTIVE"),
    ]  # fmt: skip


def load(tmp_path: Path, records: list[dict[str, Any]], name: str = "crawl-1.jsonl") -> Path:
    """Ingest the records into `tmp_path/filters.duckdb` through the real ingest; return the warehouse path."""
    path = tmp_path / "filters.duckdb"
    with db.connection(path) as con:
        ingest_file(con, write_landing(tmp_path / name, records), on=LOADED_ON)
    return path
