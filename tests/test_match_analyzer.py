"""The analyzer makes an English CV meet a Norwegian ad and weighs the parts of an ad."""

from __future__ import annotations

from matching.analyzer import TITLE_WEIGHT, Analyzer, default_analyzer, split_sections


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
