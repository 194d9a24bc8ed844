"""Places in normal case, with today's county."""

from __future__ import annotations

from importlib import resources

import pytest

from pipeline.places import normal_case, normalise_place


def nav(city: str, municipality: str, county: str) -> list[dict[str, str]]:
    return [{"city": city, "municipality": municipality, "county": county, "country": "NORGE"}]


@pytest.mark.parametrize(
    ("locations", "expected"),
    [
        (nav("OSLO", "OSLO", "OSLO"), ("Oslo", "Oslo", "Oslo")),
        (nav("VINSTRA", "NORD-FRON", "INNLANDET"), ("Vinstra", "Nord-Fron", "Innlandet")),
        (nav("ÅLESUND", "ÅLESUND", "MØRE OG ROMSDAL"), ("Ålesund", "Ålesund", "Møre og Romsdal")),
        (nav("MO I RANA", "RANA", "NORDLAND"), ("Mo i Rana", "Rana", "Nordland")),
        (nav("EVJE", "EVJE OG HORNNES", "AGDER"), ("Evje", "Evje og Hornnes", "Agder")),
    ],
)
def test_nav_upper_case(locations: list[dict[str, str]], expected: tuple[str, str, str]) -> None:
    assert normalise_place(locations) == expected


@pytest.mark.parametrize(
    ("locations", "county"),
    [
        (nav("SANDVIKA", "BÆRUM", "VIKEN"), "Akershus"),
        (nav("DRAMMEN", "DRAMMEN", "VIKEN"), "Buskerud"),
        (nav("FREDRIKSTAD", "FREDRIKSTAD", "VIKEN"), "Østfold"),
        (nav("TØNSBERG", "TØNSBERG", "VESTFOLD OG TELEMARK"), "Vestfold"),
        (nav("SKIEN", "SKIEN", "VESTFOLD OG TELEMARK"), "Telemark"),
        (nav("KIRKENES", "SØR-VARANGER", "TROMS OG FINNMARK"), "Finnmark"),
        (nav("TROMSØ", "TROMSØ", "TROMS OG FINNMARK"), "Troms"),
        (nav("BERGEN", "BERGEN", "HORDALAND"), "Vestland"),
        (nav("HAMAR", "HAMAR", "HEDMARK"), "Innlandet"),
        (nav("VÅLER", "VÅLER", "VIKEN"), "Østfold"),
        (nav("VÅLER", "VÅLER", "HEDMARK"), "Innlandet"),
    ],
)
def test_old_counties_become_todays(locations: list[dict[str, str]], county: str) -> None:
    assert normalise_place(locations)[2] == county


def test_county_filled_from_municipality_or_town() -> None:
    assert normalise_place([{"city": "Trondheim"}]) == ("Trondheim", "Trondheim", "Trøndelag")
    assert normalise_place([{"city": "FORNEBU"}]) == ("Fornebu", "Bærum", "Akershus")
    assert normalise_place([{"municipality": "Lillestrøm"}]) == ("Lillestrøm", "Lillestrøm", "Akershus")
    assert normalise_place(nav("LILLESTRØM", "SKEDSMO", "AKERSHUS")) == (
        "Lillestrøm",
        "Lillestrøm",
        "Akershus",
    )


def test_free_text_and_postcodes() -> None:
    assert normalise_place([{"city": "Oslo, Norway"}]) == ("Oslo", "Oslo", "Oslo")
    assert normalise_place([{"city": "0250 Oslo", "country": "NO"}]) == ("Oslo", "Oslo", "Oslo")
    assert normalise_place([{"addressLocality": "Bergen", "addressRegion": "Vestland"}])[2] == "Vestland"


def test_ambiguous_municipality_without_county_leaves_county_empty() -> None:
    assert normalise_place([{"city": "Herøy"}]) == ("Herøy", "Herøy", None)


def test_abroad_and_empty() -> None:
    assert normalise_place([{"city": "Stockholm", "country": "Sweden"}]) == ("Stockholm", None, None)
    assert normalise_place([]) == (None, None, None)
    assert normalise_place([{}, {"city": "TROMSØ"}]) == ("Tromsø", "Tromsø", "Troms")


def test_first_location_wins() -> None:
    assert normalise_place([*nav("BODØ", "BODØ", "NORDLAND"), *nav("OSLO", "OSLO", "OSLO")])[0] == "Bodø"


def test_normal_case() -> None:
    assert normal_case("SØR-VARANGER") == "Sør-Varanger"
    assert normal_case("NORE OG UVDAL") == "Nore og Uvdal"


def test_table_has_every_2024_municipality_once_per_county() -> None:
    rows = (
        resources.files("pipeline")
        .joinpath("data/municipalities.csv")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    pairs = [tuple(r.split(";")) for r in rows if r and not r.startswith(("#", "municipality;"))]
    assert len(pairs) == 357
    assert len(set(pairs)) == 357
    assert len({county for _, county in pairs}) == 15
