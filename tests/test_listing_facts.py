"""The pure extractors of the filter fields: remote, occupation categories, sector, orgnr, start, places."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import ingest_file
from pipeline.listing import from_row
from pipeline.occupation import Category, from_styrk, from_text, occupation_categories, styrk_table
from pipeline.positions import parse_positions
from pipeline.remote import HYBRID, NO_STATEMENT, ONSITE, REMOTE, assess_remote
from pipeline.sector import organisation_number, sector_of
from pipeline.worklocations import WorkLocation, work_locations
from tests.landing import nav_record, write_landing
from warehouse import db


@pytest.mark.parametrize(
    ("structured", "text", "mode"),
    [
        ("TELECOMMUTE", "", REMOTE),
        ("Delvis hjemmekontor", "", HYBRID),
        ("Hjemmekontor ikke mulig", "Vi har hybrid arbeidsmodell", ONSITE),
        ("Hybridkontor", "", HYBRID),
        ("Kun hjemmekontor", "", REMOTE),
        ("TELECOMMUTE", "You work from home, with 1 day a week at the office in Oslo.", REMOTE),
        ("Hjemmekontor", "Du kan jobbe inntil 2 dager hjemmefra i uka.", HYBRID),
        (None, "Vi tilbyr mulighet for 2 dager hjemmefra i uka.", HYBRID),
        (None, "Hos oss kan du ha hjemmekontor to dager i uken.", HYBRID),
        (None, "We work hybrid: three days in the office.", HYBRID),
        (None, "This role is fully remote within Norway.", REMOTE),
        (None, "Stillingen kan utføres helt fra hjemmekontor.", REMOTE),
        (None, "Det er dessverre ikke mulighet for hjemmekontor i denne stillingen.", ONSITE),
        (None, "You will operate remote-controlled vehicles (ROV) offshore.", ONSITE),
        (None, "Arbeidssted er Bergen sentrum.", ONSITE),
    ],
)
def test_remote_mode(structured: str | None, text: str, mode: str) -> None:
    assert assess_remote(structured, text).mode == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Vi treffes på kontoret, men ved behov sitter vi hos kunde eller på hjemmekontor.", HYBRID),
        ("Hjemmekontor ved behov.", HYBRID),
        ("You can work from home when needed.", HYBRID),
        ("Ved behov må du reise til kunder.", ONSITE),
    ],
)
def test_home_office_when_needed_is_hybrid(text: str, mode: str) -> None:
    """Issue 13, blind set: "ved behov ... på hjemmekontor" read as on-site."""
    assert assess_remote(None, text).mode == mode


def test_remote_evidence_is_the_deciding_phrase_or_says_nothing_was_stated() -> None:
    verdict = assess_remote(None, "Gode betingelser.\nVi tilbyr 2 dager hjemmefra. Søk nå!")
    assert verdict.evidence == "Vi tilbyr 2 dager hjemmefra"
    assert assess_remote("TELECOMMUTE", "").evidence == "field: TELECOMMUTE"
    assert assess_remote(None, "Kontor i Oslo.").evidence == NO_STATEMENT


def test_styrk_codes_map_through_navs_table_and_sub_codes_fall_back_to_four_digits() -> None:
    assert len(styrk_table()) > 400
    assert [(c.level1, c.level2) for c in from_styrk(["2512"])] == [("IT", "Utvikling")]
    assert [(c.level1, c.level2) for c in from_styrk(["2342.07"])] == [("Utdanning", "Barnehagelærer")]
    assert from_styrk(["0000"]) == []  # "Ikke konvertert": nothing to filter on


@pytest.mark.parametrize(
    ("title", "level1", "level2"),
    [
        ("Senior backendutvikler", "IT", "Utvikling"),
        ("Teamleder backend", "IT", "Utvikling"),
        ("Intensivsykepleier, 80 %", "Helse og sosial", "Sykepleier"),
        ("Prosjektleder", "Kontor og økonomi", "Ledelse, administrasjon og rådgivning"),
        ("Lektor i matematikk", "Utdanning", "Videregående skole"),
        ("Lastebilsjåfør", "Transport og lager", "Tog-, sporvogn- og vegtrafikk"),
    ],
)
def test_title_decides_the_category_for_other_sources(title: str, level1: str, level2: str) -> None:
    categories = occupation_categories([], [], title, "")
    assert [(c.level1, c.level2, c.basis) for c in categories] == [(level1, level2, "title")]


def test_a_role_word_title_is_read_by_the_classifier_before_the_role_word_decides() -> None:
    """ "Head of" says only that the job leads; the title classifier learnt from NAV's titles reads the
    rest ("Data Engineering") as IT, where the role word alone filed it under office management."""
    categories = occupation_categories([], [], "Head of Data Engineering", "")
    assert [(c.level1, c.basis) for c in categories] == [("IT", "model")]


def test_a_trade_word_in_the_title_comes_first_and_a_conflicting_code_is_kept_beside_it() -> None:
    found = occupation_categories(["7221"], [], "Elektriker", "")  # coded "Smeder" by the employer
    assert [(c.level1, c.basis) for c in found] == [
        ("Håndverkere", "title"),
        ("Industri og produksjon", "styrk:7221"),
    ]
    assert (
        occupation_categories(["5120"], [], "Senior rådgiver", "")[0].level2 == "Kokk"
    )  # a role word is weak


def test_role_words_decide_only_when_nothing_else_does() -> None:
    assert occupation_categories([], [], "Pedagogisk rådgiver", "")[0].level1 == "Utdanning"
    assert occupation_categories([], [], "Sales manager", "")[0].level1 == "Salg og service"
    assert occupation_categories([], [], "Seniorrådgiver", "")[0].level1 == "Kontor og økonomi"


def test_the_sources_own_category_names_are_read() -> None:
    assert occupation_categories([], [], "Verkstedmedarbeider", "", ["Bilmekaniker"])[0].level2 == "Mekaniker"
    named = occupation_categories([], [], "Ledige stillinger", "", ["Helse / Sosial"])[0]
    assert (named.level1, named.level2, named.basis) == ("Helse og sosial", None, "source")


def test_nynorsk_agent_nouns_read_like_bokmal() -> None:
    assert occupation_categories([], [], "Driftsteknikar", "")[0].level1 == "IT"
    assert occupation_categories([], [], "Sjukepleiar", "")[0].level2 == "Sykepleier"


def test_one_passing_mention_in_text_decides_nothing() -> None:
    assert occupation_categories([], [{"level1": "IT", "level2": "Utvikling"}], "Xyz", "")[0].basis == "nav"
    assert from_text("Du vil samarbeide med sykepleiere.") == []
    assert from_text("Vi søker sykepleier. Som sykepleier hos oss ...")[0].level2 == "Sykepleier"


def test_sector_as_stated_else_from_a_public_bodys_name_else_unknown() -> None:
    assert sector_of("Offentlig", "Equinor ASA") == "public"
    assert sector_of("Privat", "Bergen kommune") == "private"
    assert sector_of("Organisasjoner", None) == "nonprofit"
    assert sector_of(None, "Bergen kommune") == "public"
    assert sector_of(None, "Helse Bergen HF") == "public"
    assert sector_of(None, "Skatteetaten") == "public"
    assert sector_of(None, "Acme AS") is None


def test_organisation_number_needs_a_valid_check_digit() -> None:
    assert organisation_number("NO 974 760 673 MVA") == "974760673"
    assert organisation_number("974760673") == "974760673"
    assert organisation_number("974760674") is None  # wrong check digit
    assert organisation_number("Ring 12345678") is None
    assert organisation_number(None) is None


def test_every_work_location_is_kept_in_order_without_repeats() -> None:
    places = work_locations(
        [
            {"city": "OSLO", "municipality": "OSLO", "county": "OSLO"},
            {"city": "BERGEN", "municipality": "BERGEN", "county": "VESTLAND"},
            {"city": "OSLO", "municipality": "OSLO", "county": "OSLO"},
            {"city": None, "municipality": None, "county": None},
        ]
    )
    assert places == [WorkLocation("Oslo", "Oslo", "Oslo"), WorkLocation("Bergen", "Bergen", "Vestland")]


def test_positions_are_a_credible_head_count() -> None:
    assert parse_positions("2") == 2
    assert parse_positions("to stillinger") == 2
    assert parse_positions("1200") is None  # a postcode or a year, not a head count
    assert parse_positions(None) is None


def test_the_filter_fields_reach_the_warehouse_and_its_side_views(tmp_path: Path) -> None:
    record = nav_record("f1", employer="Equinor ASA")
    record["fields"].update(
        styrk_codes=["2512"], remote="Hybridkontor", employer_orgnr="923609016", position_count="2",
        locations=[{"municipality": "OSLO", "county": "OSLO"}, {"municipality": "BERGEN", "county": "VESTLAND"}],
    )  # fmt: skip
    with db.connection(tmp_path / "w.duckdb") as con:
        ingest_file(con, write_landing(tmp_path / "l.jsonl", [record]))
        cursor = con.execute("SELECT * FROM listings")
        stored = from_row([d[0] for d in cursor.description or []], cursor.fetchone() or ())
        places = con.execute("SELECT county FROM listing_locations ORDER BY county").fetchall()
        levels = con.execute("SELECT level1, level2, basis FROM listing_occupations").fetchall()
    assert stored.occupation_categories == (Category("IT", "Utvikling", "title"),)  # the code agrees
    assert stored.work_locations[1] == WorkLocation("Bergen", "Bergen", "Vestland")
    assert (stored.remote, stored.positions, stored.employer_orgnr, stored.employer_key) == (
        "hybrid", 2, "923609016", "equinor",
    )  # fmt: skip
    assert stored.sector == "public"  # NAV's "Offentlig", in the one vocabulary
    assert places == [("Oslo",), ("Vestland",)]
    assert levels == [("IT", "Utvikling", "title")]
