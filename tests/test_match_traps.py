"""Known traps: words that once stood for the wrong occupation. None may map to a wrong concept.

Each entry is (text, language of the text it appears in, concepts it must not produce). Found by
reading shortlists as a user would (issue 10) and by auditing the glossary's stems; add to the list
whenever a new one is seen.
"""

from __future__ import annotations

import pytest

from matching.analyzer import default_analyzer

TRAPS: list[tuple[str, str, set[str]]] = [
    ("FastAPI", "en", {"@doctor", "@fulltime", "@backend"}),
    ("FastAPI", "no", {"@doctor", "@fulltime", "@backend"}),
    ("build", "en", {"@construction"}),
    ("builds", "en", {"@construction"}),
    ("building scalable services", "en", {"@construction", "@support"}),
    ("site", "en", {"@construction"}),
    ("website", "en", {"@construction"}),
    ("websites", "no", {"@construction"}),
    ("site reliability engineering", "en", {"@construction"}),
    ("design", "en", {"@designer"}),
    ("system design", "en", {"@designer"}),
    ("accounts", "en", {"@accountant"}),
    ("user accounts", "en", {"@accountant"}),
    ("key account manager", "en", {"@accountant"}),
    ("TypeScript", "en", {"@frontend"}),
    ("JavaScript", "en", {"@frontend"}),
    ("service", "en", {"@support"}),
    ("microservices and services", "en", {"@support"}),
    ("REST API", "en", {"@backend"}),
    ("fast stilling", "no", {"@doctor"}),
    ("fast", "no", {"@doctor"}),
    ("overtid", "no", {"@doctor"}),
    ("over", "no", {"@doctor"}),
    ("lag", "no", {"@warehouse"}),
    ("led", "no", {"@manager"}),
    ("Linux servers", "en", {"@waiter"}),
    ("server", "no", {"@waiter"}),
    ("client libraries", "en", {"@customer"}),
    ("lead developer", "en", {"@manager"}),
    ("daglig drift", "no", {"@manager"}),
    ("personal qualities", "en", {"@hr"}),
    ("state management", "en", {"@government"}),
    ("public cloud", "en", {"@government"}),
    ("store prosjekter", "no", {"@retail"}),
    ("Power BI", "en", {"@energy"}),
    ("Microsoft Office", "en", {"@administration"}),
    ("data models", "en", {"@machinelearning"}),
    ("web app", "en", {"@mobile"}),
    ("computer science student", "en", {"@scientist", "@school"}),
    ("machine learning", "en", {"@machine"}),
    ("social media", "en", {"@social"}),
    ("CSS grid", "en", {"@energy"}),
    ("startup", "en", {"@commissioning"}),
    ("terminal", "en", {"@warehouse"}),
    ("mechanical engineering", "en", {"@mechanic"}),
    ("electrical engineering", "en", {"@electrician"}),
    ("tog", "no", {"@bus"}),
    ("NAV", "no", {"@social"}),
    ("truck driver", "en", {"@forklift"}),
    ("modern facilities", "en", {"@property"}),
    ("research assistant", "en", {"@care"}),
    ("maler", "no", {"@painter"}),
    ("born 1990", "en", {"@child"}),
    ("IT contractor", "en", {"@construction"}),
]

# What the glossary is for must still work: the same occupation meets across languages.
STILL_MAPS: list[tuple[str, str, str]] = [
    ("fastlege", "no", "@doctor"),
    ("overlege", "no", "@doctor"),
    ("lagermedarbeider", "no", "@warehouse"),
    ("construction", "en", "@construction"),
    ("byggeplass", "no", "@construction"),
    ("designer", "en", "@designer"),
    ("accountant", "en", "@accountant"),
    ("regnskapsfører", "no", "@accountant"),
    ("react", "en", "@frontend"),
    ("backend", "en", "@backend"),
    ("truck", "no", "@forklift"),
    ("servitør", "no", "@waiter"),
    ("sykepleieren", "no", "@nurse"),
]


@pytest.mark.parametrize(("text", "lang", "wrong"), TRAPS)
def test_no_trap_maps_to_a_wrong_concept(text: str, lang: str, wrong: set[str]) -> None:
    a = default_analyzer()
    got = {t for w in a.words(text) for t in a.terms(w, lang)}
    assert not got & wrong, f"{text!r} ({lang}) -> {sorted(got & wrong)}"


@pytest.mark.parametrize(("text", "lang", "concept"), STILL_MAPS)
def test_occupation_words_still_meet_their_concept(text: str, lang: str, concept: str) -> None:
    a = default_analyzer()
    assert concept in {t for w in a.words(text) for t in a.terms(w, lang)}


def test_a_backend_cv_names_no_other_trade() -> None:
    a = default_analyzer()
    cv = (
        "Backend engineer. I build APIs with FastAPI and Django, design services and run the site "
        "reliability rota; TypeScript on Node, Linux servers, user accounts and billing."
    )
    wrong = {"@doctor", "@construction", "@designer", "@accountant", "@frontend", "@waiter", "@support"}
    assert not set(a.weigh_cv(cv)) & wrong
