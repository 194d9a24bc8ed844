"""Cross-source duplicates: the same ad on NAV, a career page and Finn becomes one canonical listing.

Two listings are copies when their normalised employer and title match (and their places agree when both
name one); when both carry a description, the descriptions must also be alike (word 3-shingle Jaccard
≥ 0.6), which tells apart an employer's several ads with the same title ("Sykepleier" on two wards).
Within one source the bar is higher (≥ 0.9): separate ads there are usually separate positions.
Work is blocked by (employer, title) key, so 50,000 listings cost about one pass, not n².
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from pipeline.employers import employer_key

CROSS_SOURCE_SIMILARITY = 0.6
SAME_SOURCE_SIMILARITY = 0.9
_SHINGLE_WORDS = 400
_LARGE_BLOCK = 200  # beyond this many ads with one employer+title, compare only identical descriptions

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TITLE_NOISE = re.compile(
    r"\d+\s*(?:%|prosent\b)|\b(?:m/k|k/m|f/m/d|m/w/d|ny|new|ledig|stilling|vi\s+søker|we\s+are\s+hiring|"
    r"fast|vikariat|heltid|deltid|full[- ]time|part[- ]time)\b",
    re.I,
)
_WORD = re.compile(r"\w+")
_PUNCTUATION = "\"'.,;:!?()[]{}«»–-•*/"


def title_key(title: str | None, place: Iterable[str | None] = ()) -> str:
    """Sorted word set of the title without gender markers, percentages, "fast"/"vikariat" and the place."""
    if not title:
        return ""
    text = _TITLE_NOISE.sub(" ", _BRACKETS.sub(" ", title.casefold()))
    drop = {p.casefold() for p in place if p}
    words = {w for w in _WORD.findall(text) if w not in drop}
    return " ".join(sorted(words))


def _shingles(text: str | None) -> frozenset[tuple[str, ...]]:
    """Word 3-shingles of the first `_SHINGLE_WORDS` words (enough to tell two ad texts apart)."""
    # str.split is several times faster than a regex here, and this runs once per listing.
    raw = (text or "")[: _SHINGLE_WORDS * 12].casefold().split()[:_SHINGLE_WORDS]
    words = [w for w in (r.strip(_PUNCTUATION) for r in raw) if w]
    if len(words) < 3:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def _shingles_of(
    text: str | None, seen: dict[str | None, frozenset[tuple[str, ...]]]
) -> frozenset[tuple[str, ...]]:
    """`_shingles`, worked out once per distinct text (templated ads share whole descriptions)."""
    found = seen.get(text)
    if found is None:
        found = seen[text] = _shingles(text)
    return found


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Share of shingles two descriptions have in common (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _places_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    names_a = {str(a[k]).casefold() for k in ("city", "municipality") if a.get(k)}
    names_b = {str(b[k]).casefold() for k in ("city", "municipality") if b.get(k)}
    return not names_a or not names_b or bool(names_a & names_b)


def _seen_key(listing: dict[str, Any]) -> tuple[int, datetime | str, str]:
    """Sort key of canonical preference: NAV first, then earliest first_seen_at, then smallest id."""
    seen = listing.get("first_seen_at")
    if isinstance(seen, str):
        try:
            seen = datetime.fromisoformat(seen.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            seen = None
    if not isinstance(seen, datetime):
        seen = datetime.max
    elif seen.tzinfo is not None:
        seen = seen.replace(tzinfo=None)
    return (0 if listing.get("source") == "nav" else 1, seen, str(listing["listing_id"]))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _same_ad(
    a: dict[str, Any], b: dict[str, Any], sa: frozenset[tuple[str, ...]], sb: frozenset[tuple[str, ...]]
) -> bool:
    if not _places_agree(a, b):
        return False
    same_source = a.get("source") == b.get("source")
    if not sa or not sb:
        # Without text to compare, only a cross-source match on employer, title and place is trusted.
        return not same_source
    bar = SAME_SOURCE_SIMILARITY if same_source else CROSS_SOURCE_SIMILARITY
    # Jaccard can be no more than the ratio of the set sizes: skip the intersection when that is already short.
    if min(len(sa), len(sb)) < bar * max(len(sa), len(sb)):
        return False
    return jaccard(sa, sb) >= bar


def block_key(listing: dict[str, Any]) -> tuple[str, str] | None:
    """(employer key, title key): only listings with the same block key can be copies of each other."""
    return _block_key(
        listing.get("employer") or "", listing.get("title"), listing.get("city"), listing.get("municipality")
    )


@lru_cache(maxsize=65536)
def _block_key(
    employer: str, title: str | None, city: str | None, municipality: str | None
) -> tuple[str, str] | None:
    """Remembered: every ingest keys the whole warehouse, and employers repeat their titles and places."""
    employer_part = employer_key(employer)
    title_part = title_key(title, (city, municipality))
    return (employer_part, title_part) if employer_part and title_part else None


def shared_block_chunks(
    keyed: Iterable[tuple[str, tuple[str, str] | None]], size: int = 2000
) -> Iterator[list[str]]:
    """Ids of the listings whose block holds at least one other, in chunks of whole blocks of about
    `size` ids (one larger block is a chunk of its own).

    `find_duplicates` on each chunk gives what it gives on all of them together (copies share a block), so
    a caller can fetch descriptions and compare one chunk at a time: the ingest's memory then stays near
    one chunk's, not the warehouse's (a 50,000-ad warehouse's shingles alone would take gigabytes).
    """
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for listing_id, key in keyed:
        if key is not None:
            blocks[key].append(listing_id)
    chunk: list[str] = []
    for ids in blocks.values():
        if len(ids) < 2:
            continue
        if chunk and len(chunk) + len(ids) > size:
            yield chunk
            chunk = []
        chunk.extend(ids)
    if chunk:
        yield chunk


def find_duplicates(listings: list[dict[str, Any]]) -> dict[str, str]:
    """listing_id → listing_id of its canonical copy, for every listing that is a copy of another.

    Each listing needs `listing_id`; it may carry source, employer, title, city, municipality,
    description, first_seen_at. Canonical copies do not appear as keys.
    """
    blocks: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for listing in listings:
        key = block_key(listing)
        if key is not None:
            blocks[key].append(listing)
    groups = _UnionFind()
    for members in blocks.values():
        if len(members) < 2:
            continue
        # Shingles live for one block only: kept for all blocks they took ~50 KB per listing.
        seen_texts: dict[str | None, frozenset[tuple[str, ...]]] = {}
        shingles = [_shingles_of(m.get("description"), seen_texts) for m in members]
        if len(members) > _LARGE_BLOCK:
            by_text: dict[frozenset[tuple[str, ...]], str] = {}
            for member, sh in zip(members, shingles, strict=True):
                if sh:
                    first = by_text.setdefault(sh, member["listing_id"])
                    groups.union(first, member["listing_id"])
            continue
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if _same_ad(members[i], members[j], shingles[i], shingles[j]):
                    groups.union(members[i]["listing_id"], members[j]["listing_id"])
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_id = {listing["listing_id"]: listing for listing in listings}
    for listing_id in list(groups.parent):
        clusters[groups.find(listing_id)].append(by_id[listing_id])
    result: dict[str, str] = {}
    for members in clusters.values():
        if len(members) < 2:
            continue
        canonical = min(members, key=_seen_key)["listing_id"]
        for member in members:
            if member["listing_id"] != canonical:
                result[member["listing_id"]] = canonical
    return result
