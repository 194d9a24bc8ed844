"""Cross-source duplicate detection."""

from __future__ import annotations

import random
from typing import Any

from pipeline.dedup import block_key, find_duplicates, shared_block_chunks, title_key

TEXT = (
    "Vi søker en erfaren backend-utvikler til vårt team i Oslo. Du vil jobbe med Python, PostgreSQL og "
    "skyløsninger, og bidra til å utvikle tjenester som brukes av hundretusener av kunder hver dag."
)
OTHER = (
    "Avdeling for akuttmedisin søker sykepleier til nattevakter. Du vil jobbe i et tverrfaglig team med "
    "leger og helsefagarbeidere, og har ansvar for pasientbehandling og dokumentasjon."
)


def ad(listing_id: str, **kw: Any) -> dict[str, Any]:
    base = {"listing_id": listing_id, "source": listing_id.split(":")[0], "employer": "Tibber AS",
            "title": "Backend-utvikler", "city": "Oslo", "description": TEXT, "first_seen_at": "2026-11-02T00:00:00"}  # fmt: skip
    return {**base, **kw}


def test_same_ad_on_three_sources_points_at_the_nav_copy() -> None:
    listings = [
        ad("jsonld:https://x.test/1", first_seen_at="2026-11-01T00:00:00"),
        ad("nav:abc", employer="TIBBER AS", city="OSLO", title="Backend-utvikler (m/k)"),
        ad("finn:123", employer="Tibber", description=TEXT + " Søk via Finn."),
    ]
    assert find_duplicates(listings) == {"jsonld:https://x.test/1": "nav:abc", "finn:123": "nav:abc"}


def test_without_nav_the_earliest_then_smallest_id_is_canonical() -> None:
    listings = [
        ad("jsonld:b", first_seen_at="2026-11-03T00:00:00"),
        ad("finn:z", first_seen_at="2026-11-01T00:00:00"),
    ]
    assert find_duplicates(listings) == {"jsonld:b": "finn:z"}
    same_time = [ad("jsonld:b"), ad("finn:z")]
    assert find_duplicates(same_time) == {"jsonld:b": "finn:z"}


def test_different_city_or_employer_or_text_is_not_a_duplicate() -> None:
    assert find_duplicates([ad("nav:a"), ad("jsonld:b", city="Bergen")]) == {}
    assert find_duplicates([ad("nav:a"), ad("jsonld:b", employer="Vipps AS")]) == {}
    assert find_duplicates([ad("nav:a"), ad("jsonld:b", description=OTHER)]) == {}


def test_same_title_at_one_employer_twice_on_nav_are_separate_positions() -> None:
    first = ad("nav:a", title="Sykepleier", description=OTHER)
    second = ad(
        "nav:b", title="Sykepleier", description=OTHER.replace("nattevakter", "dagvakter på barneklinikken")
    )
    assert find_duplicates([first, second]) == {}


def test_missing_descriptions_match_across_sources_only() -> None:
    assert find_duplicates([ad("nav:a", description=""), ad("finn:b", description=None)]) == {
        "finn:b": "nav:a"
    }
    assert find_duplicates([ad("nav:a", description=""), ad("nav:b", description="")]) == {}


def test_title_key_ignores_noise() -> None:
    assert title_key("Senior utvikler (m/k) - 100 % fast", ["Oslo"]) == title_key("Utvikler, senior", [])
    assert title_key("Senior utvikler Oslo", ["Oslo"]) == title_key("Senior utvikler", [])


def test_many_listings_are_grouped_exactly() -> None:
    rng = random.Random(7)
    words = [f"ord{i}" for i in range(500)]
    listings = []
    for i in range(3000):
        text = " ".join(rng.choices(words, k=60))
        employer = f"Firma {i % 400} AS"
        listings.append(ad(f"nav:{i}", employer=employer, title=f"Rolle {i % 3}", description=text))
        if i % 10 == 0:
            listings.append(
                ad(f"jsonld:{i}", employer=employer.upper(), title=f"Rolle {i % 3}", description=text)
            )
    result = find_duplicates(listings)
    assert result == {f"jsonld:{i}": f"nav:{i}" for i in range(0, 3000, 10)}


def test_chunks_of_shared_blocks_find_what_the_whole_warehouse_finds() -> None:
    """The ingest compares one chunk of blocks at a time (its memory must not grow with the warehouse):
    no block may be split, lone listings are left out, and the copies found are the same."""
    rng = random.Random(11)
    words = [f"ord{i}" for i in range(300)]
    listings = []
    for i in range(1200):
        text = " ".join(rng.choices(words, k=50))
        employer = f"Firma {i % 150} AS"
        listings.append(ad(f"nav:{i}", employer=employer, title=f"Rolle {i % 4}", description=text))
        if i % 7 == 0:
            listings.append(ad(f"finn:{i}", employer=employer, title=f"Rolle {i % 4}", description=text))
    listings.append(ad("nav:alone", employer="Einsom AS", title="Fyrvokter"))
    by_id = {listing["listing_id"]: listing for listing in listings}
    chunks = list(shared_block_chunks(((x["listing_id"], block_key(x)) for x in listings), size=100))
    assert len(chunks) > 5 and max(map(len, chunks)) <= 100
    assert "nav:alone" not in {i for chunk in chunks for i in chunk}
    block_of_chunk = {block_key(by_id[i]): n for n, chunk in enumerate(chunks) for i in chunk}
    assert all(block_of_chunk[block_key(by_id[i])] == n for n, chunk in enumerate(chunks) for i in chunk)
    found: dict[str, str] = {}
    for chunk in chunks:
        found.update(find_duplicates([by_id[i] for i in chunk]))
    assert found == find_duplicates(listings) and len(found) == len(range(0, 1200, 7))
