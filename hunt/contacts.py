"""Network contacts: who you know at which employer, how you know them, and when you last spoke.

Advice for job seekers in Norway leans on the network, sorted by how close a tie is. The shortlist reads
`contacts_per_employer` to show how many people you know at each employer, keyed by `employer_key`, the
same normalisation it must apply to a listing's employer. Contacts not touched for three months since
they were added, or since the last touch, come up to reconnect: a contact added today is not overdue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from hunt.clock import months_before, today
from hunt.errors import HuntError
from warehouse.db import fetch_dicts, sql, transaction

RELATIONS: dict[str, str] = {
    "close": "close friends and family",
    "acquaintance": "acquaintances and friends of friends",
    "current_colleague": "current colleagues and manager",
    "former_colleague": "former colleagues and managers",
    "peripheral": "peripheral colleagues",
    "same_employer_other_time": "people who worked at the same employer at another time",
}
RECONNECT_AFTER_MONTHS = 3

# Legal-form words that differ between sources for the same employer ("Equinor ASA", "Equinor").
_LEGAL_FORMS = {
    "as",
    "asa",
    "sa",
    "ans",
    "da",
    "nuf",
    "ba",
    "kf",
    "iks",
    "hf",
    "ab",
    "ltd",
    "inc",
    "gmbh",
    "avd",
}
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Contact:
    """One person in the network."""

    contact_id: int
    name: str
    employer: str | None
    employer_key: str | None
    relation: str
    channel: str | None
    recruiter: bool
    last_contact: date | None
    note: str | None
    added_on: date  # when it was added (the hunt clock's day): the reconnect clock starts there


def employer_key(name: str | None) -> str | None:
    """Employer name for matching: case-folded, punctuation gone, legal forms dropped.

    'EQUINOR ASA', 'Equinor' and 'equinor asa.' all give 'equinor'. None or blank gives None.
    """
    if not name:
        return None
    words = [w for w in _NON_WORD.sub(" ", name.casefold()).split() if w not in _LEGAL_FORMS]
    return " ".join(words) or None


def add(
    con: duckdb.DuckDBPyConnection,
    name: str,
    *,
    employer: str | None,
    relation: str,
    channel: str | None = None,
    recruiter: bool = False,
    last_contact: date | None = None,
    note: str | None = None,
    added_on: date | None = None,
) -> Contact:
    """Add a contact (on `added_on`, default the hunt clock's today); a last-contact date is logged as their first touch."""
    if not name.strip():
        raise HuntError("a contact needs a name")
    if relation not in RELATIONS:
        raise HuntError(f"unknown relation {relation!r}; use one of {', '.join(RELATIONS)}")
    with transaction(con):
        row = con.execute(
            sql("hunt_contact_insert"),
            [
                name.strip(),
                employer,
                employer_key(employer),
                relation,
                _channel(channel),
                recruiter,
                None,
                note,
                datetime.combine(added_on or today(), datetime.now().time()),
            ],
        ).fetchone()
        assert row is not None
        contact_id = int(row[0])
        if last_contact is not None:
            _log_touch(con, contact_id, last_contact, None)
    return _by_id(con, contact_id)


def find(con: duckdb.DuckDBPyConnection, ref: str) -> Contact:
    """The contact with this id (digits) or this name (any case); a HuntError if none or several."""
    ref = ref.strip()
    if ref.isdigit():
        rows = fetch_dicts(con, sql("hunt_contact_by_id"), [int(ref)])
    else:
        rows = fetch_dicts(con, sql("hunt_contact_by_name"), [ref])
    if not rows:
        raise HuntError(f"no contact {ref!r}; see `fjordjobs contacts list`")
    if len(rows) > 1:
        ids = ", ".join(str(r["contact_id"]) for r in rows)
        raise HuntError(f"{len(rows)} contacts are called {ref!r} (ids {ids}); touch one by its id")
    return Contact(**rows[0])


def touch(con: duckdb.DuckDBPyConnection, ref: str, on: date, note: str | None = None) -> Contact:
    """Log that you were in touch with a contact (by id or name) on a day."""
    contact = find(con, ref)
    with transaction(con):
        _log_touch(con, contact.contact_id, on, note)
    return _by_id(con, contact.contact_id)


def list_contacts(con: duckdb.DuckDBPyConnection, employer: str | None = None) -> list[Contact]:
    """All contacts, or those at one employer (matched by `employer_key`), by employer then name."""
    key = employer_key(employer) if employer else None
    return [Contact(**row) for row in fetch_dicts(con, sql("hunt_contacts_list"), [key])]


def needs_reconnect(contact: Contact, today: date) -> bool:
    """True after three months without a touch: since the last touch, or since the contact was added.

    A contact added today is someone you just spoke to or just looked up; marking them overdue at
    once (as fjordjobs did) buries the ones that really are.
    """
    since = contact.last_contact or contact.added_on
    return since <= months_before(today, RECONNECT_AFTER_MONTHS)


def to_reconnect(con: duckdb.DuckDBPyConnection, today: date) -> list[Contact]:
    """Contacts due a reconnect, longest silence first."""
    due = [c for c in list_contacts(con) if needs_reconnect(c, today)]
    return sorted(due, key=lambda c: (c.last_contact or c.added_on, c.name))


def contacts_per_employer(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Number of contacts per employer, keyed by `employer_key(employer)`: look listings up the same way."""
    return {str(key): int(count) for key, count in con.execute(sql("hunt_contacts_per_employer")).fetchall()}


def as_row(contact: Contact) -> dict[str, Any]:
    """A contact as a flat dict (for export)."""
    return {
        "contact_id": contact.contact_id,
        "name": contact.name,
        "employer": contact.employer,
        "relation": contact.relation,
        "channel": contact.channel,
        "recruiter": contact.recruiter,
        "last_contact": contact.last_contact,
        "note": contact.note,
    }


def _channel(channel: str | None) -> str | None:
    return channel.strip().lower() or None if channel else None


def _log_touch(con: duckdb.DuckDBPyConnection, contact_id: int, on: date, note: str | None) -> None:
    con.execute(sql("hunt_touch_insert"), [contact_id, on, note])
    con.execute(sql("hunt_contact_refresh"), [contact_id])


def _by_id(con: duckdb.DuckDBPyConnection, contact_id: int) -> Contact:
    rows = fetch_dicts(con, sql("hunt_contact_by_id"), [contact_id])
    return Contact(**rows[0])
