"""A deactivated NAV ad's contact persons are removed from everything stored (README, NAV's terms).

Not only `contactList`: the person's name, e-mail and phone also stand in the ad text, and that text
is kept in `listings.description`, `raw_listings.payload` and `raw_listings.fields`, reaches the
matcher's caches and the stored match explanations. After the deactivation no table and no file the
warehouse wrote may hold them, while the rest of the ad text and other ads' contacts stay.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from matching.run import run_match
from pipeline.ingest import ingest_file
from pipeline.scrub import Contact, contacts_in, scrub_text
from tests.landing import nav_record, write_landing
from warehouse import db

ON = date(2026, 11, 21)

KARI = [
    "Kari Nordmann",
    "Kari",
    "Nordmann",
    "kari.nordmann@example.no",
    "KARI.NORDMANN@EXAMPLE.NO",
    "99999999",
    "999 99 999",
    "99 99 99 99",
    "+47 999 99 999",
]
DESCRIPTION = (
    "<p>Vi søker en backend-utvikler med Python og PostgreSQL. Arbeidsspråket er engelsk.</p>"
    "<p>Spørsmål? Kontakt avdelingsleder Kari Nordmann på "
    '<a href="mailto:kari.nordmann@example.no">KARI.NORDMANN@EXAMPLE.NO</a>, tlf. 999 99 999 '
    "(mobil +47 99 99 99 99). Kari svarer gjerne.</p><p>Lønn: 650 000–750 000 kr</p>"
)


def _with_contact(record: dict, name: str, email: str, phone: str) -> dict:
    record["payload"]["ad_content"]["contactList"] = [
        {"name": name, "title": "Avdelingsleder", "email": email, "phone": phone}
    ]
    return record


def _everything_stored(db_path: Path) -> str:
    """Every row of every table as text, and every file beside the warehouse."""
    parts = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        for table in tables:
            parts += [repr(row) for row in con.execute(f'SELECT * FROM "{table}"').fetchall()]
            parts += [str(row) for row in con.execute(f'SELECT * FROM "{table}"').fetchall()]
    for path in db_path.parent.rglob("*"):
        if path.is_file() and path.suffix != ".duckdb" and "input" not in path.parts:
            parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    folder = tmp_path / "wh"
    folder.mkdir()
    (tmp_path / "input").mkdir()
    return folder / "w.duckdb"


def test_deactivation_removes_the_contact_everywhere(warehouse: Path, tmp_path: Path) -> None:
    active = [
        _with_contact(
            nav_record("u1", description=DESCRIPTION), "Kari Nordmann", "kari.nordmann@example.no", "99999999"
        ),
        _with_contact(
            nav_record("u2", description="<p>Python-utvikler. Kontakt Per Hansen, per@example.no.</p>"),
            "Per Hansen",
            "per@example.no",
            "+47 41 41 41 41",
        ),
    ]
    cv = tmp_path / "input" / "cv.md"
    cv.write_text("Backend developer: Python, PostgreSQL, Kari Nordmann's team.", encoding="utf-8")
    with db.connection(warehouse) as con:
        ingest_file(con, write_landing(tmp_path / "input" / "a.jsonl", active), on=ON)
        run_match(con, cv, None)
    stored = _everything_stored(warehouse)
    assert "Kari Nordmann" in stored and "999 99 999" in stored  # the test can see them before

    gone = nav_record("u1", status="INACTIVE", version="2026-11-10T10:00:00+01:00")
    with db.connection(warehouse) as con:
        ingest_file(con, write_landing(tmp_path / "input" / "b.jsonl", [gone]), on=ON)

    stored = _everything_stored(warehouse)
    leaks = [k for k in KARI if k.lower() in stored.lower()]
    assert leaks == []
    assert "Per Hansen" in stored  # the active ad's contact is not touched
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("SELECT status, description FROM listings WHERE listing_id = 'nav:u1'").fetchone()
    assert row is not None and row[0] == "inactive"
    assert "Vi søker en backend-utvikler med Python og PostgreSQL" in row[1]  # the rest of the text stays
    assert "650 000" in row[1]


def test_scrub_text_removes_name_email_phone_in_any_spelling() -> None:
    kari = Contact(name="Kari Nordmann", email="kari.nordmann@example.no", phone="+47 999 99 999")
    text = scrub_text(DESCRIPTION, [kari])
    for piece in KARI:
        assert piece.lower() not in text.lower(), piece
    assert text.startswith("<p>Vi søker en backend-utvikler med Python og PostgreSQL.")
    assert "Lønn: 650 000–750 000 kr" in text  # numbers that are not the phone stay
    assert scrub_text("Ring 0047 99999999 eller 99999999.", [kari]).count("9") == 0


def test_contacts_are_found_at_any_depth() -> None:
    payload = {"ad_content": {"contactList": [{"name": "Kari Nordmann", "email": "k@x.no", "phone": None}]}}
    assert contacts_in(payload) == [Contact(name="Kari Nordmann", email="k@x.no", phone=None)]
    assert contacts_in({"contactList": "not a list"}) == []
