"""Minimum required education level."""

from __future__ import annotations

import pytest

from pipeline.education import required_education


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Du har mastergrad i informatikk.", "master"),
        ("Requirements: Master's degree in computer science.", "master"),
        ("Høyere utdanning på masternivå.", "master"),
        ("Du har doktorgrad innen biologi.", "master"),
        ("Utdanning som sivilingeniør.", "master"),
        ("Krav: Bachelorgrad innen økonomi.", "bachelor"),
        ("Utdanning fra høyskole/universitet på minimum 3 år.", "bachelor"),
        ("You have a university degree in economics.", "bachelor"),
        ("Du har fagbrev som elektriker.", "vocational"),
        ("Svennebrev i tømrerfaget er et krav.", "vocational"),
        ("Fullført fagskole innen elkraft.", "vocational"),
        ("Ingen krav til utdanning.", "none"),
        ("No formal education required.", "none"),
        ("Vi søker deg med førerkort klasse B.", None),
        ("", None),
    ],
)
def test_levels(text: str, expected: str | None) -> None:
    assert required_education(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Du har bachelorgrad i informatikk, master er en fordel.", "bachelor"),
        ("Du har bachelorgrad. Master er ønskelig.", "bachelor"),
        ("Master er en fordel. Du har erfaring med salg.", None),
        ("A Master's degree is a plus.", None),
        ("A degree in design is a plus, but not required.", None),
        ("Fagbrev som kokk er ønskelig, men ikke et krav.", None),
    ],
)
def test_an_advantage_is_not_a_requirement(text: str, expected: str | None) -> None:
    assert required_education(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Bachelor or master in computer science.", "Relevant utdanning på bachelor- eller masternivå.",
     "You hold a Bachelor's or Master's degree in engineering."],
)  # fmt: skip
def test_alternatives_give_the_lowest(text: str) -> None:
    assert required_education(text) == "bachelor"


def test_compensating_experience_keeps_the_level() -> None:
    text = "Du har mastergrad i juss. Relevant erfaring kan kompensere for manglende utdanning."
    assert required_education(text) == "master"


def test_traps() -> None:
    assert required_education("We expect a high degree of independence.") is None
    assert required_education("Vi søker studenter som skriver masteroppgave.") is None
    assert required_education("Vi tilbyr mulighet for å ta master ved siden av jobben.") is None
    assert required_education("Fagbrev eller bachelor innen relevant fagområde.") == "vocational"


def test_master_mariner_is_a_certificate_not_a_degree() -> None:
    assert required_education("Certificate of Competency as Master Mariner (STCW II/2) required.") is None
    assert required_education("Fagskole i nautikk og sertifikat som Master Mariner.") == "vocational"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fagbrev som barne- og ungdomsarbeider, eller barnehagelærerstudent på tredje året.", "vocational"),
        (
            "Utdannet vernepleier, eller annen treårig helsefaglig utdanning med videreutdanning i rus.",
            "bachelor",
        ),
        ("Etter læretiden tar du fagprøven og får fagbrev som kokk.", None),
        ("We take interns currently enrolled in a master's programme in design.", None),
        ("Fagbrev i kontorfaget er ynskjeleg.", None),
        ("Autorisasjon som lege og godkjent spesialist i indremedisin.", "master"),
        ("Nordlandsbanen ble bygget i en treårig periode; vi samarbeider med Universitetet i Tromsø.", None),
        ("No specific educational background is required for this role.", "none"),
        ("Whether you studied design or taught yourself, your degree does not matter to us.", "none"),
    ],
)
def test_more_requirement_wordings(text: str, expected: str | None) -> None:
    assert required_education(text) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Vi søker autorisert sykepleier til avdelingen.", "", "bachelor"),
        ("Du har autorisasjon som vernepleier.", "", "bachelor"),
        ("Vi søker fastlege til legesenteret.", "", "master"),
        ("Vi har ledig stilling fra 1. mars.", "Turnuslege", "master"),
        ("Vi søker lektor i matematikk.", "", "master"),
        ("Stillingen er ledig fra august.", "Anestesisykepleier", "master"),
        ("Velkommen til oss!", "Sykepleiere til sommeren", "bachelor"),
        ("Ring legekontoret for spørsmål.", "Kontormedarbeider", None),
        ("Vi søker sykepleierstudenter til sommerjobb.", "", None),
        ("Du jobber tett sammen med sykepleiere og leger i teamet.", "Sekretær", None),
    ],
)
def test_regulated_professions_imply_their_degree(text: str, title: str, expected: str | None) -> None:
    """Issue 13: an ad for an authorised profession or a graded title asks for that profession's degree."""
    assert required_education(text, title=title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Krav: høyere utdannelse innen økonomi.", "bachelor"),
        ("Relevant utdanning, helst med mastergrad.", None),
        ("Bachelorgrad, fortrinnsvis mastergrad.", "bachelor"),
        ("You will master our tools quickly and grow with us.", None),
        ("We want you to master Kubernetes.", None),
        ("Masterclass in pastry every Friday.", None),
        ("You have a master in physics.", "master"),
        ("Høyere utdannelse på siviløkonom-/masternivå.", "master"),
        ("Tar høyere utdanning og vil ha en deltidsjobb.", None),
        ("Ufaglærte er også velkomne til å søke.", "none"),
    ],
)
def test_utdannelse_preferences_and_the_verb_master(text: str, expected: str | None) -> None:
    assert required_education(text) == expected


@pytest.mark.parametrize(
    ("stated", "text", "expected"),
    [
        ("bachelor degree", "We build payment systems.", "bachelor"),
        ("postgraduate degree", "", "master"),
        ("Master's degree in computer science", "Nice team.", "master"),
        ("high school", "Nice team.", None),
        ("bachelor degree", "A master's degree is required.", "bachelor"),
    ],
)
def test_json_ld_education_requirements_are_read(stated: str, text: str, expected: str | None) -> None:
    assert required_education(text, stated=stated) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # Nynorsk titles and programmes.
        ("Kvalifikasjonar: Offentleg godkjent vernepleiar.", "", "bachelor"),
        ("Vi har ledig fast stilling frå 1. mars.", "Område Aust søkjer sjukepleiar - 100 %", "bachelor"),
        ("Høgare dansepedagogisk utdanning.", "", "bachelor"),
        ("Godkjent utdanning ihht kompetanseforskrifta.", "", "bachelor"),
        ("Utdanning på masternivå.", "", "master"),
        # A specialist title with its base authorisation asks for the specialist's degree.
        (
            "Autorisasjon som sjukepleiar og vidareutdanning som helsesjukepleiar.",
            "Helsesjukepleiar",
            "master",
        ),
        # Lists of what the ad accepts give the lowest.
        ("Sykepleier, vernepleier, helsefagarbeider, eller annen relevant utdanning.", "", "vocational"),
        ("Krav: sivilingeniør/Cand.scient/kjemiingeniør.", "", "bachelor"),
        ("Sivilingeniør/master i geoteknikk eller ingeniørgeologi.", "", "master"),
        ("Bachelor / Technical College / Skilled workers", "", "vocational"),
        ("Fagutdanning eller relevant høyere utdanning.", "", "vocational"),
        ("LEDIGE STILLINGER: • Helsefagarbeidere • Sykepleiere", "", "vocational"),
        ("Vi har ledige stillinger for sykepleiere og hjelpepleiere/helsefagarbeidere.", "", "vocational"),
        ("Krav: Elektriker (Gr. L), erfaring fra prosjektledelse.", "", "vocational"),
        # Master intended, a wish about the field, education made optional, nothing required.
        ("Høyere økonomisk utdannelse med Siv.øk./MSc nivå.", "", "master"),
        ("Har høgskoleutdannelse på bachelornivå gjerne innenfor salg.", "", "bachelor"),
        ("Utdanning på høyskolenivå og / eller relevant arbeidserfaring.", "", None),
        ("A formal degree not required.", "", "none"),
        (
            "Er du ufaglært og har interesse for arbeid med menneske er du også velkomen til å søkja.",
            "",
            "none",
        ),
        ("Vi ønsker både fagutdanna og personer med interesse for faget.", "", "none"),
    ],
)
def test_nynorsk_titles_lists_at_their_lowest_and_optional_education(
    text: str, title: str, expected: str | None
) -> None:
    """Issue 13 (held-out misses by class): what the ad accepts, read by the README's rules."""
    assert required_education(text, title=title) == expected


def test_a_wrapped_line_in_the_markup_does_not_cut_the_sentence() -> None:
    """'og/eller' at the end of a source line and 'relevant erfaring' on the next are one sentence."""
    from pipeline.text import html_to_text

    text = html_to_text("<p>Søkeren bør ha høyere utdannelse og/eller\n        relevant erfaring.</p>")
    assert required_education(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bør ha fagbrev som barne- ungdomsarbeider eller tilsvarende.", None),
        ("Applicants should have a degree in engineering.", None),
        ("Du må ha fagbrev som barne- og ungdomsarbeider.", "vocational"),
    ],
)
def test_what_the_applicant_should_have_is_a_wish(text: str, expected: str | None) -> None:
    assert required_education(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Det er inga krav til formell utdanning.", "none"),
        ("Formell utdanning er ikkje eit krav.", "none"),
        ("Det er ikkje noko krav om utdanning.", "none"),
        ("Det stilles ingen krav til formell kompetanse.", "none"),
        ("Du trenger ingen utdanning for å søke.", "none"),
        ("Du treng ikkje formell utdanning.", "none"),
        ("Du trenger utdanning innen helse og omsorg.", None),
    ],
)
def test_no_formal_education_in_bokmal_and_nynorsk(text: str, expected: str | None) -> None:
    assert required_education(text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Postdoctoral Fellow", "A post-doctoral position in cryptography is available.", "master"),
        ("Postdoktor i marinbiologi", "Ved instituttet er det ledig en stilling.", "master"),
        ("Stipendiat i fysikk", "Stillingen er knyttet til et forskningsprosjekt.", "master"),
        ("Førsteamanuensis i informatikk", "Vi søker en førsteamanuensis.", "master"),
        # Named in passing, the posts ask for nothing of the applicant.
        ("Laboratorieingeniør", "Du vil samarbeide med professorer, postdoktorer og stipendiater.", None),
    ],
)
def test_academic_posts_imply_their_degree(title: str, text: str, expected: str | None) -> None:
    """Issue 13, blind set: the post-doctoral fellow's doctorate was missed (research posts by regulation)."""
    assert required_education(text, title=title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Job training will be provided for, so no specific competence is needed.", "none"),
        ("No particular qualifications are required; we train you.", "none"),
        ("Ingen spesielle kvalifikasjoner kreves, vi gir opplæring.", "none"),
        ("No specific competence in SAP is a problem, but a degree in economics is required.", "bachelor"),
    ],
)
def test_no_specific_competence_needed_is_none(text: str, expected: str | None) -> None:
    """Issue 13, blind set: "no specific competence is needed" gave nothing instead of `none`."""
    assert required_education(text) == expected
