"""Builders for landing records (docs/records.md) used by the ingest and CLI tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def nav_record(
    uuid: str,
    *,
    title: str = "Backend-utvikler",
    employer: str = "Kartverket",
    description: str = "<p>Vi søker en utvikler. Arbeidsspråket er engelsk.</p><p>Lønn: 650 000–750 000 kr</p>",
    status: str = "ACTIVE",
    version: str = "2026-11-01T10:00:00+01:00",
    fetched_at: str = "2026-11-20T08:00:00+00:00",
    application_due: str = "15.12.2026",
    contacts: bool = True,
) -> dict[str, Any]:
    """A NAV listing record as the spider writes it."""
    ad = {
        "uuid": uuid,
        "title": title,
        "description": description,
        "employer": {"name": employer},
        "applicationDue": application_due,
        "contactList": [{"name": "Kari Nordmann", "email": "kari@example.no", "phone": "99999999"}]
        if contacts
        else [],
    }
    if status != "ACTIVE":
        return {
            "kind": "listing",
            "source": "nav",
            "source_id": uuid,
            "url": f"https://arbeidsplassen.nav.no/stillinger/stilling/{uuid}",
            "fetched_at": fetched_at,
            "status": "INACTIVE",
            "version_key": version,
            "payload": {"id": uuid, "_feed_entry": {"uuid": uuid, "status": "INACTIVE", "title": "..."}},
            "fields": {},
        }
    return {
        "kind": "listing",
        "source": "nav",
        "source_id": uuid,
        "url": f"https://arbeidsplassen.nav.no/stillinger/stilling/{uuid}",
        "fetched_at": fetched_at,
        "status": status,
        "version_key": version,
        "payload": {"uuid": uuid, "status": status, "sistEndret": version, "ad_content": ad},
        "fields": {
            "title": title,
            "employer": employer,
            "description": description,
            "locations": [{"city": "OSLO", "municipality": "OSLO", "county": "OSLO", "country": "NORGE"}],
            "published": "2026-11-01T08:00:00+01:00",
            "expires": "2026-12-15T00:00:00+01:00",
            "application_due": application_due,
            "extent": "Heltid",
            "engagement": "Fast",
            "employment_types": [],
            "work_language": None,
            "base_salary": None,
            "sector": "Offentlig",
            "occupation": ["IT", "Utvikling"],
        },
    }


def write_landing(path: Path, records: list[dict[str, Any]], extra_lines: list[str] | None = None) -> Path:
    """Write records as JSON lines (plus raw lines, e.g. broken JSON) and return the path."""
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines or [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
