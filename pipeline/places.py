"""City, municipality and county in normal case, with the county filled in from the municipality.

NAV writes places in upper case ("NORD-FRON", "MØRE OG ROMSDAL") and, in older ads, under counties that
no longer exist (Viken, Vestfold og Telemark, Troms og Finnmark were split on 1 January 2024; Hordaland,
Hedmark and others were merged in 2020). Career pages give free text ("Oslo, Norway", "0150 Oslo").
The tables in `data/` (municipality → county, and postal towns / merged municipalities → municipality)
turn all of these into today's names, so a user filtering on "Akershus" finds a 2023 "VIKEN" ad in Bærum.
When only a municipality is known, it is also the city (the place name a user would search for).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

# Counties that no longer exist → today's county, or None where it was split (decided by municipality).
_OLD_COUNTIES: dict[str, str | None] = {
    "viken": None, "vestfold og telemark": None, "troms og finnmark": None,
    "troms og finnmark romsa ja finnmárku": None, "troms og finnmark - romsa ja finnmárku": None,
    "hordaland": "Vestland", "sogn og fjordane": "Vestland", "hedmark": "Innlandet", "oppland": "Innlandet",
    "aust-agder": "Agder", "vest-agder": "Agder", "sør-trøndelag": "Trøndelag", "nord-trøndelag": "Trøndelag",
    "troms romsa": "Troms", "troms - romsa": "Troms", "romsa": "Troms", "finnmark finnmárku": "Finnmark",
    "finnmark - finnmárku": "Finnmark", "finnmárku": "Finnmark",
}  # fmt: skip
# Which of today's counties each split or merged county may now be (to pick between Herøy/Våler namesakes).
_OLD_COUNTY_SPAN: dict[str, set[str]] = {
    "viken": {"Østfold", "Akershus", "Buskerud"},
    "vestfold og telemark": {"Vestfold", "Telemark"},
    "troms og finnmark": {"Troms", "Finnmark"},
    "hedmark": {"Innlandet"}, "oppland": {"Innlandet", "Akershus"},
}  # fmt: skip
_COUNTRIES_NORWAY = {"norge", "norway", "no", "nor", "noreg"}
_SMALL_WORDS = {"og", "i", "på", "ved", "under", "ja"}
_POSTCODE = re.compile(r"^\s*\d{4}\s+")
_WORD_BREAK = re.compile(r"(\s+|-|/)")
_WHITE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[tuple[str, str]]], dict[str, tuple[str, str | None]], dict[str, str]]:
    """(municipality key → [(name, county)], place key → (municipality, county hint), county key → name)."""
    data = resources.files("pipeline").joinpath("data")
    municipalities: dict[str, list[tuple[str, str]]] = {}
    counties: dict[str, str] = {}
    for line in data.joinpath("municipalities.csv").read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith(("#", "municipality;")):
            continue
        name, county = line.split(";")
        municipalities.setdefault(name.casefold(), []).append((name, county))
        counties[county.casefold()] = county
    aliases: dict[str, tuple[str, str | None]] = {}
    for line in data.joinpath("place_aliases.csv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "place;")):
            continue
        parts = line.split(";")
        aliases[parts[0].casefold()] = (parts[1], parts[2] if len(parts) > 2 and parts[2] else None)
    return municipalities, aliases, counties


def normal_case(name: str) -> str:
    """ "NORD-FRON" → "Nord-Fron", "MØRE OG ROMSDAL" → "Møre og Romsdal", "MO I RANA" → "Mo i Rana"."""
    words = _WORD_BREAK.split(name.strip().lower())
    out = []
    for i, word in enumerate(words):
        if (word and word not in _SMALL_WORDS) or i == 0:
            word = word[:1].upper() + word[1:]
        out.append(word)
    return "".join(out)


def _clean(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    value = _POSTCODE.sub("", value)
    return _WHITE.sub(" ", value).strip(" ,.")


def _county_name(raw: str) -> tuple[str | None, str | None]:
    """(today's county, old-county key) for a county as written; unknown names give (None, None)."""
    _, _, counties = _tables()
    key = raw.casefold()
    if key in counties:
        return counties[key], None
    if key in _OLD_COUNTIES:
        return _OLD_COUNTIES[key], key.split(" romsa")[0].split(" -")[0]
    return None, None


def _municipality(name: str, hint: set[str] | None) -> tuple[str, str | None] | None:
    """(municipality, county) for a municipality or place name; county None when ambiguous."""
    municipalities, aliases, _ = _tables()
    key = name.casefold()
    candidates = municipalities.get(key)
    if candidates is None and key in aliases:
        municipality, county_hint = aliases[key]
        candidates = municipalities.get(municipality.casefold(), [])
        if county_hint:
            candidates = [c for c in candidates if c[1] == county_hint]
    if not candidates:
        return None
    if hint:
        narrowed = [c for c in candidates if c[1] in hint]
        candidates = narrowed or candidates
    if len(candidates) == 1:
        return candidates[0]
    return candidates[0][0], None


def _place_parts(location: dict[str, Any]) -> tuple[str, str, str, str]:
    city = _clean(location.get("city") or location.get("addressLocality"))
    municipality = _clean(location.get("municipality") or location.get("municipal"))
    county = _clean(location.get("county") or location.get("addressRegion"))
    country = _clean(location.get("country") or location.get("addressCountry"))
    if "," in city:
        # Free text "Oslo, Norway" or "Bergen, Vestland": the first part is the place, the rest may be
        # the county or the country.
        first, *rest = [p.strip() for p in city.split(",") if p.strip()] or [""]
        city = _clean(first)
        for part in rest:
            if part.casefold() in _COUNTRIES_NORWAY or part.casefold() in {"norge", "norway"}:
                country = country or part
            elif not county and _county_name(part) != (None, None):
                county = part
    return city, municipality, county, country


def normalise_place(locations: list[dict[str, Any]]) -> tuple[str | None, str | None, str | None]:
    """(city, municipality, county) of the first location that names a place; normal case, today's county."""
    for location in locations or []:
        if not isinstance(location, dict):
            continue
        city, municipality, county, country = _place_parts(location)
        if not (city or municipality or county):
            continue
        abroad = bool(country) and country.casefold() not in _COUNTRIES_NORWAY
        if abroad:
            return (
                normal_case(city) if city else None,
                normal_case(municipality) if municipality else None,
                None,
            )
        county_out, old_key = _county_name(county) if county else (None, None)
        hint = {county_out} if county_out else _OLD_COUNTY_SPAN.get(old_key or "")
        found = None
        if municipality:
            found = _municipality(municipality, hint)
        if found is None and city:
            found = _municipality(city, hint)
        municipality_out = found[0] if found else (normal_case(municipality) if municipality else None)
        if found and found[1] and (county_out is None or old_key is not None):
            county_out = found[1]
        if county_out is None and county and old_key is None:
            county_out = normal_case(county)
        city_out = _canonical_city(city) if city else municipality_out
        return city_out, municipality_out, county_out
    return None, None, None


def _canonical_city(city: str) -> str:
    """The table's spelling when the city is a known place ("BØ I TELEMARK" → "Bø i Telemark")."""
    municipalities, _, counties = _tables()
    key = city.casefold()
    if key in municipalities:
        return municipalities[key][0][0]
    if key in counties:
        return counties[key]
    return normal_case(city) if city.isupper() or city.islower() else city


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every word of a Norwegian municipality, county or known place name, lower-cased ("oslo", "møre")."""
    municipalities, aliases, counties = _tables()
    names = [*municipalities, *aliases, *counties]
    return frozenset(w for name in names for w in re.findall(r"\w+", name.casefold()) if len(w) > 2)
