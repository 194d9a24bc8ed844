"""Job share from the extent field, employmentType and the ad text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extent import parse_extent


@pytest.mark.parametrize(
    ("extent", "types", "text", "expected"),
    [
        ("100 % fast stilling", [], "", 100),
        ("80 % stilling", [], "", 80),
        ("deltid 60 %", [], "", 60),
        ("Heltid", [], "", 100),
        ("FULL_TIME", [], "", 100),
        ("full-time", [], "", 100),
        ("Heltid_og_Deltid", [], "", 100),
        ("Deltid", [], "", None),
        ("PART_TIME", [], "", None),
        (None, ["FULL_TIME"], "", 100),
        (None, ["PART_TIME"], "", None),
        (None, ["FULL_TIME", "PART_TIME"], "", None),
        ("80-100 %", [], "", 80),
        (None, [], "Vi har ledig 2 x 50 % stillinger i turnus.", 50),
        (None, [], "Ledig 30 prosent stilling som kirketjener.", 30),
        (None, [], "The position is 80% FTE.", 80),
        (None, [], "Vi søker deg til en heltidsstilling.", 100),
        (None, [], "", None),
    ],
)
def test_parse_extent(extent: str | None, types: list[str], text: str, expected: int | None) -> None:
    assert parse_extent(extent, types, text) == expected


def test_text_percentage_beats_a_bare_heltid_or_deltid() -> None:
    assert parse_extent("Heltid", [], "Renholder søkes til 40 % stilling.") == 40
    assert parse_extent("Deltid", [], "Vi søker en medarbeider i 60 % stilling.") == 60


@pytest.mark.parametrize(
    "text",
    [
        "Vi tilbyr 2 % pensjon og 50 % rabatt på treningssenter.",
        "This is a 100 % remote role.",
        "10 % commission on every sale.",
        "Selskapet hadde 20 % vekst og en markedsandel på 15 %.",
        "100 % av de ansatte trives hos oss.",
        "Vernepleier søkes. Vi dekker 100 % av reisekostnadene.",
    ],
)
def test_percentages_that_are_not_the_job_share_are_ignored(text: str) -> None:
    assert parse_extent(None, [], text) is None
    assert parse_extent("Heltid", [], text) == 100


def test_heltidskultur_is_not_a_full_time_position() -> None:
    assert parse_extent(None, [], "Kommunen jobber for en heltidskultur.") is None


def test_first_position_percentage_wins() -> None:
    assert parse_extent(None, [], "Ledig 75 % fast stilling. Mulighet for 100 % stilling senere.") == 75


@given(st.integers(min_value=1, max_value=100))
def test_any_stated_share_is_read(pct: int) -> None:
    assert parse_extent(None, [], f"Vi har ledig en {pct} % stilling.") == pct
    assert parse_extent(f"{pct} %", [], "") == pct


def test_pay_quoted_at_full_time_does_not_override_the_stated_share() -> None:
    text = "Lønn fra kr 545 000 i 100 % stilling etter ansiennitet.\nStillingen er på 70 % med nattevakter."
    assert parse_extent(None, ["PART_TIME"], text) == 70
    assert parse_extent(None, [], "Stillingen er på 80 %. Lønn: 600 000 kroner i 100 % stilling.") == 80


def test_abbreviation_before_the_share_keeps_its_context() -> None:
    assert parse_extent(None, ["PART_TIME"], "Vi tilbyr en deltidsstilling på ca. 35 % i helgene.") == 35


def test_labelled_share_without_percent_sign() -> None:
    assert parse_extent(None, [], "Ansettelsesform: Fast\nStillingsprosent: 60\nArbeidssted: Bodø") == 60
    assert parse_extent(None, [], "Stillingsstørrelse: 100") == 100


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Kultur- og fritidsenheten har ledig stilling.", "Fritidskontakt, 20 %", 20),
        ("Om oss.\nFritidskontakt, 20 %, tiltredelse januar 2018.", "Fritidskontakt", 20),
        ("Vi har en 57,4 % stilling ledig.", "", 57),
        ("Ledig 62,5% stilling som miljøterapeut.", "", 63),
        ("Vi gir 1,5 % rabatt til ansatte.", "", None),
    ],
)
def test_shares_in_titles_and_with_decimals(text: str, title: str, expected: int | None) -> None:
    """Issue 13: "Fritidskontakt, 20 %" gave 100, "57,4 % stilling" gave nothing."""
    assert parse_extent(None, [], text, title=title) == expected


@pytest.mark.parametrize(
    ("extent", "title", "text", "expected"),
    [
        # An on-call substitute has no fixed share; "inntil 90 %" is an upper bound, "Heltid" a default.
        ("Heltid", "Tilkallingsvikarar - Pleie- og omsorgstenesta", "Vi treng tilkallingsvikarar.", None),
        (None, "Sekretær, tilkallingsvikar inntil 90%, id 279", "Tilkallingsvikar inntil 90%.", None),
        # A regular post beside on-call work keeps its share; several posts give the lowest.
        (
            None,
            "Barne- og ungdomsarbeidere/tilkallingsvikarer",
            "Det er ledig 120% stilling ved Tømra barnehage, hvorav 60% på storbarn. "
            "Fra d.d. er det ledig 50% stilling på Kvellohaugen.",
            50,
        ),
        (
            "Deltid",
            "Ledige stillingar i Tysvær kommune",
            "Rektor - 100% fast. Pedagogisk leder 20% fast - Aksdal barnehage. Sjukepleiar 75% vikariat.",
            20,
        ),
        # A share offered later is not the share now.
        (
            "Deltid",
            "Salgskonsulent",
            "En deltidsjobb, med mulighet for å gå over i en 100 % stilling til høsten.",
            None,
        ),
        # One post: the first stated share still wins; "inntil" outside on-call work still counts.
        (None, "Sykepleier", "Vi har ledig 80 % fast stilling. Vikariat i 20 % kan også tilbys.", 80),
        (None, "Sykepleier", "Vikariat inntil 100 % stilling ved sengeposten.", 100),
    ],
)
def test_on_call_posts_several_posts_and_later_shares(
    extent: str | None, title: str, text: str, expected: int | None
) -> None:
    """Issue 13 (real-set misses by class), by the real set's README rules."""
    assert parse_extent(extent, [], text, title=title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Based on your performance we might offer you a part-time employment for the time of your "
            "studying after the internship. You will join us for 2 months on a full time basis.",
            100,
        ),
        ("Internship som kan videreføres som deltidsarbeid. Heltid i sommer.", 100),
        ("We offer full-time and part-time positions.", None),
    ],
)
def test_part_time_offered_later_does_not_cancel_full_time_now(text: str, expected: int | None) -> None:
    """Issue 13, blind set: a later part-time offer hid "on a full-time basis"."""
    assert parse_extent(None, [], text) == expected
