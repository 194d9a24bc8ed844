"""Temporary vs permanent positions."""

from __future__ import annotations

import pytest

from pipeline.engagement import is_temporary


@pytest.mark.parametrize(
    ("engagement", "expected"),
    [
        ("Vikariat", True), ("Engasjement", True), ("Prosjekt", True), ("Sesong", True), ("Feriejobb", True),
        ("Åremål", True), ("Lærling", True), ("Frilanser", True), ("TEMPORARY", True), ("CONTRACTOR", True),
        ("Sommer/Sesong", True), ("Fast", False), ("PERMANENT", False),
    ],
)  # fmt: skip
def test_engagement_field(engagement: str, expected: bool) -> None:
    assert is_temporary(engagement, [], "") is expected


@pytest.mark.parametrize(
    "types", [["TEMPORARY"], ["CONTRACTOR"], ["INTERN"], ["SEASONAL"], ["FULL_TIME", "TEMPORARY"]]
)
def test_employment_types_that_mean_temporary(types: list[str]) -> None:
    assert is_temporary(None, types, "") is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vikariat som lærer fra januar til juni.", True),
        ("Engasjement i 12 måneder med mulighet for forlengelse.", True),
        ("Stillingen er et engasjement ut 2027.", True),
        ("Midlertidig stilling i seks måneder.", True),
        ("Vi har ledig mellombels stilling.", True),
        ("This is a fixed-term contract of 12 months.", True),
        ("Maternity cover for our marketing manager.", True),
        ("Vi har ledig fast 100 % stilling.", False),
        ("We offer a permanent position.", False),
        ("Full-time, permanent.", False),
        ("Vi tilbyr fastlønn og gode pensjonsordninger.", None),
        ("Intern opplæring gis.", None),
        ("", None),
    ],
)
def test_text(text: str, expected: bool | None) -> None:
    assert is_temporary(None, [], text) is expected


def test_engasjement_as_commitment_is_not_a_fixed_term() -> None:
    assert is_temporary(None, [], "Du har stort engasjement for faget og et engasjement for miljøet.") is None


def test_prospect_of_permanence_keeps_a_vikariat_temporary() -> None:
    assert is_temporary(None, [], "Vikariat med mulighet for fast ansettelse for rett person.") is True


def test_field_beats_text() -> None:
    assert is_temporary("Fast", [], "Vi har 1 fast stilling og 2 vikariater.") is False
    assert is_temporary("Vikariat", [], "Fast stilling kan bli aktuelt.") is True


def test_trainee_depends_on_text() -> None:
    assert is_temporary("Trainee", [], "Traineeprogram over to år.") is True
    assert is_temporary("Trainee", [], "Du blir fast ansatt fra dag én.") is False


def test_annet_and_self_employed_fall_back_to_text() -> None:
    assert is_temporary("Annet", [], "Arbeid som vekter.") is None
    assert is_temporary("Selvstendig næringsdrivende", [], "") is None
    assert is_temporary("Annet", [], "Sommerjobb på kafé.") is True


def test_engasjement_with_stated_duration_is_temporary() -> None:
    text = "Stillingen er et engasjement med varighet på 14 måneder, med oppstart i mars."
    assert is_temporary(None, [], text) is True


@pytest.mark.parametrize(
    "text",
    [
        "You will join through our agency; the assignment runs initially for nine months at the client.",
        "Oppdraget er i første omgang for 8 måneder hos kunden.",
    ],
)
def test_assignment_with_a_duration_is_temporary(text: str) -> None:
    assert is_temporary(None, [], text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Vi har ledig en 40 % stilling, fast, på kveldstid.",
        "Ansettelsesform: Fast\nStillingsprosent: 100",
        "We offer a permanent part-time position of 60 % on weekdays.",
    ],
)
def test_more_ways_to_say_permanent(text: str) -> None:
    assert is_temporary(None, [], text) is False


def test_complete_ad_without_a_fixed_term_is_permanent() -> None:
    ad = " ".join(["Vi søker en blid medarbeider til butikken vår på Lambertseter."] * 10)
    assert is_temporary(None, [], ad) is False
    assert is_temporary(None, [], "Vi søker en blid medarbeider til butikken.") is None
    assert is_temporary(None, [], ad + " Stillingen er et vikariat i ett år.") is True


@pytest.mark.parametrize(
    ("engagement", "text", "expected"),
    [
        ("Bemanning", "Bemanningen er satt til 6 mnd med mål om fast ansettelse.", True),
        (None, "Trainee (Heltid 12-24 mnd)", True),
        (None, "Oppdraget har en varighet på 18 måneder.", True),
        (None, "Vi søker turnuslege (LIS1) fra 1. september.", True),
        (None, "Fast stilling med prøvetid på 6 måneder.", False),
    ],
)
def test_a_stated_duration_is_a_fixed_term(engagement: str | None, text: str, expected: bool) -> None:
    """Issue 13: "Bemanningen er satt til 6 mnd med mål om fast ansettelse" read as permanent."""
    assert is_temporary(engagement, [], text) is expected


@pytest.mark.parametrize(
    ("engagement", "text", "expected"),
    [
        # Permanent and fixed-term posts offered alike: a permanent post is open.
        ("Engasjement", "Vi søker elektrikere for både prosjektansettelser og til faste stillinger.", False),
        ("Vikariat", "Vi har ledige faste stillinger og vikariater i hjemmetjenesten.", False),
        # A prospect of permanence: the post offered is not permanent yet.
        (None, "Junior prosjektleder. Gode muligheter for fast ansettelse for rett kandidat.", True),
        (None, "Elektriker. Stor mulighet for fast ansettelse etter 6 måneder.", True),
        # The title names the post fixed-term although the field says Fast.
        (
            "Fast",
            "50 % midlertidig stilling som integreringsveileder\nNAV Balsfjord trenger nye medarbeidere.",
            True,
        ),
        ("Fast", "Integreringsveileder\nNAV Balsfjord trenger nye medarbeidere. Prøvetid 6 måneder.", False),
    ],
)
def test_both_kinds_prospects_and_a_fixed_term_title(
    engagement: str | None, text: str, expected: bool
) -> None:
    """Issue 13 (real-set misses by class), by the real set's README rules."""
    assert is_temporary(engagement, [], text) is expected


def test_fields_appended_after_a_whole_html_document_are_read() -> None:
    """An extractor that appends fields after '</html>' ('Trainee (Heltid 12-24 mnd)') loses nothing."""
    from pipeline.text import html_to_text

    text = html_to_text(
        "<html><body><p>Constructa søker trainee.</p></body></html><br>Trainee (Heltid 12-24 mnd)"
    )
    assert "12-24 mnd" in text
    assert is_temporary(None, [], text) is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scope: 2 days a week. Duration: Until August 2023, with possibility of extension.", True),
        ("Varighet: ut juni 2025.", True),
        (
            "A post-doctoral position is available. The position is two years, with the possibility of extension.",
            True,
        ),
        ("Stillinga er på to år.", True),
        ("Prøvetid: Varighet 6 måneder.", None),
        ("The position is based in Bergen.", None),
    ],
)
def test_an_end_date_or_a_term_set_for_the_post_is_a_fixed_term(text: str, expected: bool | None) -> None:
    """Issue 13, blind set: "Duration: Until August 2023" and "The position is two years" read as open-ended."""
    assert is_temporary(None, [], text) is expected


def test_a_permanent_post_offered_beside_a_summer_job_is_not_temporary() -> None:
    """Issue 13, blind set: "en graduate-stilling eller sommerjobb" where the graduate is "fast ansatt"."""
    text = (
        "Da vil en graduate-stilling eller sommerjobb hos oss passe for deg! "
        "Som graduate vil du bli fast ansatt fra dag én."
    )
    assert is_temporary(None, [], text) is False
    assert is_temporary(None, [], "Da vil en sommerjobb hos oss passe for deg!") is True
