"""Duplicates across sources through the real ingest: NAV ads re-published on career pages.

The career-page copies differ the way real ones do: the employer without "AS", a title with a
percentage or gender marker, the same text in other markup. Ads by the same employers for other
roles must stay separate.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

from demo.generate_ads import generate_ads
from pipeline.ingest import ingest_file
from spiders.extract_nav import ad_url, entry_fields
from tests.landing import write_landing
from warehouse import db

ON = date(2026, 11, 21)


def _nav(ad: dict[str, Any]) -> dict[str, Any]:
    entry = {
        "uuid": ad["uuid"],
        "status": "ACTIVE",
        "sistEndret": "2026-11-20T10:00:00+01:00",
        "ad_content": ad,
    }
    return {
        "kind": "listing",
        "source": "nav",
        "source_id": ad["uuid"],
        "url": ad_url(ad["uuid"]),
        "fetched_at": "2026-11-20T09:00:00+00:00",
        "status": "ACTIVE",
        "version_key": entry["sistEndret"],
        "payload": entry,
        "fields": entry_fields(entry),
    }


def _career_copy(ad: dict[str, Any], n: int, rng: random.Random) -> dict[str, Any]:
    fields = entry_fields({"uuid": ad["uuid"], "status": "ACTIVE", "ad_content": ad})
    fields["employer"] = (fields["employer"] or "").removesuffix(" AS")
    fields["title"] = rng.choice([fields["title"] + " (100 %)", fields["title"] + " (m/k)", fields["title"]])
    fields["description"] = "<div>" + fields["description"].replace("<p>", "<p class='x'>") + "</div>"
    url = f"https://careers.example.no/jobs/{n}"
    return {
        "kind": "listing",
        "source": "jsonld",
        "source_id": url,
        "url": url,
        "fetched_at": "2026-11-21T09:00:00+00:00",
        "status": "ACTIVE",
        "payload": {},
        "fields": fields,
    }


def test_career_page_copies_of_nav_ads_point_at_the_nav_listing(tmp_path: Path) -> None:
    rng = random.Random(3)
    ads = generate_ads(320, seed=7, today=ON)
    copied = rng.sample(ads, 40)
    others = [a for a in ads if a not in copied]
    # Same employer, other role: must not be taken for a copy.
    decoys = []
    for n, ad in enumerate(others[:20]):
        fields = entry_fields({"uuid": ad["uuid"], "status": "ACTIVE", "ad_content": ad})
        other = next(o for o in others[20 + 7 * n :] if o["title"] != ad["title"])
        fields["title"] = other["title"]
        fields["description"] = other["description"]
        url = f"https://careers.example.no/other/{n}"
        decoys.append(
            {
                "kind": "listing",
                "source": "jsonld",
                "source_id": url,
                "url": url,
                "fetched_at": "2026-11-21T09:00:00+00:00",
                "status": "ACTIVE",
                "payload": {},
                "fields": fields,
            }
        )
    records = [_nav(a) for a in ads] + [_career_copy(a, n, rng) for n, a in enumerate(copied)] + decoys
    with db.connection(tmp_path / "w.duckdb") as con:
        ingest_file(con, write_landing(tmp_path / "a.jsonl", records), on=ON)
        pairs = dict(
            con.execute(
                "SELECT listing_id, duplicate_of FROM listings WHERE duplicate_of IS NOT NULL"
            ).fetchall()
        )
    expected = {
        f"jsonld:https://careers.example.no/jobs/{n}": f"nav:{a['uuid']}" for n, a in enumerate(copied)
    }
    found = {k: v for k, v in pairs.items() if k in expected}
    assert found == expected, f"{len(found)} of 40 copies found"
    wrong = {k: v for k, v in pairs.items() if k not in expected}
    assert not wrong, f"false duplicates: {wrong}"
