"""Apply pipeline/scrub.py to every stored copy of the ads a batch deactivated (NAV's terms).

Runs inside the ingest's transaction, right after the batch's inactive ads are marked, so a
deactivation and the removal of its contact persons commit together or not at all. The statements
are the `scrub_*.sql` files in warehouse/sql/.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from pipeline.scrub import Contact, contacts_in, scrub_text, scrub_value
from warehouse import db


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def purge_contacts(con: duckdb.DuckDBPyConnection) -> int:
    """Remove the contact persons of the batch's deactivated ads from all tables; return how many ads."""
    raw: dict[str, list[tuple[str, Any, Any]]] = {}
    for listing_id, content_hash, payload, fields in con.execute(db.sql("scrub_raw_rows")).fetchall():
        raw.setdefault(listing_id, []).append(
            (content_hash, json.loads(payload) if payload else None, json.loads(fields) if fields else None)
        )
    scrubbed = 0
    name_words: set[str] = set()
    for listing_id, rows in raw.items():
        contacts: list[Contact] = []
        for _, payload, fields in rows:
            contacts += [c for c in contacts_in(payload) + contacts_in(fields) if c not in contacts]
        if not contacts:
            continue
        scrubbed += 1
        for contact in contacts:
            name_words.update(w.strip(".,").lower() for w in (contact.name or "").split() if len(w) >= 2)
        for content_hash, payload, fields in rows:
            con.execute(
                db.sql("scrub_raw_update"),
                [
                    None if payload is None else _json_text(scrub_value(payload, contacts)),
                    None if fields is None else _json_text(scrub_value(fields, contacts)),
                    listing_id,
                    content_hash,
                ],
            )
        _scrub_listing(con, listing_id, contacts)
    if name_words:
        hits = con.execute(db.sql("scrub_index_hits"), {"words": sorted(name_words)}).fetchone()
        if hits and hits[0]:
            db.run_script(con, "clear_match_index")
        # The matcher's index file holds the words of every ad it was built from: it goes whenever a
        # contact is removed (the next `match` rebuilds it from the cache in seconds).
        path = db.match_index_file(con)
        if path is not None:
            path.unlink(missing_ok=True)
    return scrubbed


def _scrub_listing(con: duckdb.DuckDBPyConnection, listing_id: str, contacts: list[Contact]) -> None:
    texts = con.execute(db.sql("scrub_listing_text"), [listing_id]).fetchone()
    if texts is not None:
        cleaned = [None if t is None else scrub_text(t, contacts) for t in texts]
        con.execute(db.sql("scrub_listing_update"), [*cleaned, listing_id])
    for run_id, top_terms, missing_terms, why in con.execute(
        db.sql("scrub_match_rows"), [listing_id]
    ).fetchall():
        con.execute(
            db.sql("scrub_match_update"),
            [
                None if top_terms is None else _json_text(scrub_value(json.loads(top_terms), contacts)),
                None
                if missing_terms is None
                else _json_text(scrub_value(json.loads(missing_terms), contacts)),
                None if why is None else scrub_text(why, contacts),
                run_id,
                listing_id,
            ],
        )
    source_id = listing_id.split(":", 1)[-1]
    for quarantine_id, payload in con.execute(db.sql("scrub_quarantine_rows"), [source_id]).fetchall():
        con.execute(db.sql("scrub_quarantine_update"), [scrub_text(payload, contacts), quarantine_id])
