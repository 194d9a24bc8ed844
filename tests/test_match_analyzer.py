"""The analyzer makes an English CV meet a Norwegian ad and weighs the parts of an ad."""

from __future__ import annotations

from matching.analyzer import Analyzer, default_analyzer
from matching.sections import TITLE_WEIGHT, split_sections


def test_glossary_maps_norwegian_nynorsk_and_english_to_one_concept() -> None:
    a = default_analyzer()
    assert (
        a.terms("utvikler", "no")
        == a.terms("utviklar", "no")
        == a.terms("developer", "en")
        == ("@developer",)
    )
    assert a.terms("sjukepleiar", "no") == a.terms("nurse", "en") == ("@nurse",)
    assert a.terms("regnskapsfører", "no") == a.terms("accountant", "en")


def test_compounds_split_into_known_parts() -> None:
    a = default_analyzer()
    assert {"@software", "@developer"} <= set(a.terms("systemutvikler", "no"))
    assert {"@nurse", "@temporary"} <= set(a.terms("sykepleiervikar", "no"))


def test_stop_words_and_numbers_are_dropped() -> None:
    a = Analyzer()
    assert a.tokens("Vi søker deg som har 5 år med erfaring") == ["@experience"]
    assert a.tokens("We are looking for you") == []


def test_language_is_told_by_stop_words() -> None:
    a = default_analyzer()
    assert a.language(a.words("We are looking for a developer with the right skills")) == "en"
    assert a.language(a.words("Vi søker en utvikler som har erfaring med og i Python")) == "no"


def test_sections_are_recognised_in_norwegian_and_english() -> None:
    text = "Om oss\nVi er et selskap.\nArbeidsoppgaver\nKode.\nKvalifikasjoner\nPython.\nAbout us\nBlurb."
    labels = [label for label, _ in split_sections(text)]
    assert labels == ["blurb", "tasks", "requirements", "blurb"]


def test_title_and_requirements_weigh_more_than_the_blurb() -> None:
    a = default_analyzer()
    w = a.weigh_listing("Utvikler", "Om oss\nVi jobber med Java.\nKvalifikasjoner\nErfaring med Python.")
    assert w["@developer"] == TITLE_WEIGHT
    assert w["@python"] > w["@java"]


def test_norwegian_truck_is_a_forklift_and_a_licence_is_not_a_driving_job() -> None:
    a = default_analyzer()
    assert a.terms("truckførerbevis", "no")[0] != "@driver"
    assert "@forklift" in a.terms("truckførerbevis", "no")
    assert a.terms("forklift", "en") == ("@forklift",)
    assert "@driver" not in a.terms("førerkort", "no")
    assert a.terms("sjåfør", "no") == a.terms("driver", "en") == ("@driver",)


def test_process_engineering_terms_meet_across_languages() -> None:
    a = default_analyzer()
    assert {"@process", "@engineer"} <= set(a.terms("prosessingeniør", "no"))
    assert a.terms("kompressorer", "no") == a.terms("compressors", "en") == ("@compressor",)
    assert a.terms("legemiddelhåndtering", "no") == a.terms("medication", "en")


def test_cv_headline_counts_more_than_languages_and_headings_are_dropped() -> None:
    a = default_analyzer()
    cv = "Kari Nordmann\nSykepleier\n\nArbeidserfaring\nSykepleier på sengepost\n\nSpråk\nEngelsk, norsk\n"
    w = a.weigh_cv(cv)
    # headline 2.0 + experience 1.0
    assert w["@nurse"] == 3.0
    assert w["@english"] == 0.5
    assert "@experience" not in w


def test_an_english_phrase_meets_the_norwegian_word_for_it() -> None:
    """English names in two words what Norwegian writes as one: the glossary's phrases are one term.
    Before, every phrase of the glossary was dropped, and "trade certificate" (the English name of a
    fagbrev) made an electrician's CV share "trade" with ads about energy trading."""
    a = default_analyzer()
    assert a.tokens("Trade certificate as electrician") == a.tokens("Fagbrev som elektriker")
    assert "@certificate" not in a.tokens("Energy trading desk") and "@certificate" in a.tokens(
        "Trade  certificate"
    )
    assert a.tokens("Experience with machine learning") == a.tokens("Erfaring med maskinlæring")
    assert a.tokens("machine learning") == ["@machinelearning"]  # not the machinery concept
    # Whole words only: "fair trade" is no certificate.
    assert "@certificate" not in a.tokens("fair trade coffee")
