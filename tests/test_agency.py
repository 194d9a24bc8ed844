"""Staffing-agency postings: known agencies and client-as-employer phrasing, not consultancies."""

from __future__ import annotations

import pytest

from pipeline.agency import is_agency_name, is_staffing_agency
from pipeline.employers import employer_key


@pytest.mark.parametrize(
    "employer",
    ["Manpower AS", "Adecco Norge AS", "Randstad AS", "Jobzone AS", "Personalhuset Staffing Group AS",
     "Academic Work Norway AS", "Experis AS", "Hays AS", "Michael Page International (Norway) AS",
     "Nordic Bemanning AS", "Vest Rekruttering AS"],
)  # fmt: skip
def test_known_agency_names(employer: str) -> None:
    assert is_staffing_agency(employer, "") is True


@pytest.mark.parametrize(
    "employer", ["Kartverket", "Haysville Bakeri AS", "Equinor ASA", "Oslo kommune", None]
)
def test_ordinary_employers(employer: str | None) -> None:
    assert is_agency_name(employer) is False
    assert is_staffing_agency(employer, "Vi søker en rådgiver.") is False


@pytest.mark.parametrize(
    "text",
    [
        "For vår kunde søker vi en erfaren regnskapsfører.",
        "På vegne av vår oppdragsgiver søker vi en driftsleder.",
        "Vår kunde, et veletablert entreprenørselskap på Vestlandet, søker prosjektleder.",
        "For kunden vår søkjer vi ein elektrikar.",
        "Our client is a fast-growing fintech company.",
        "We are recruiting a finance controller for one of our clients in Bergen.",
        "On behalf of our client we are looking for a CFO.",
        "Du blir fast ansatt hos vår kunde.",
        "Vi er et bemanningsbyrå og søker tømrere.",
        "Stillingen er en innleie med mulighet for fast ansettelse.",
    ],
)
def test_client_as_employer_phrasing(text: str) -> None:
    assert is_staffing_agency(None, text) is True


@pytest.mark.parametrize(
    "text",
    [
        "We help our clients build better software.",
        "Du vil jobbe i prosjekter hos våre kunder innen bank.",
        "You will be placed on long-term assignments for our customers.",
        "Henvendelser fra bemanningsbyråer frabedes.",
        "Vi ønsker ikke kontakt med rekrutteringsbyråer.",
        "Recruitment agencies: please do not contact us.",
        "Oslo kommune benytter ikke innleie fra bemanningsbyrå.",
        "Vi har mange fornøyde kunder.",
    ],
)
def test_consultancies_and_refusals_are_not_agency_postings(text: str) -> None:
    assert is_staffing_agency("Firma AS", text) is False


def test_employer_key_drops_legal_form() -> None:
    assert employer_key("Adecco Norge AS") == "adecco"
    assert employer_key("EQUINOR ASA") == "equinor"
    assert employer_key("Oslo universitetssykehus HF") == "oslo universitetssykehus hf"


@pytest.mark.parametrize(
    "text",
    [
        "Randstad søker en konsulentleder til vårt eget kontor i Drammen.",
        "Adecco is hiring a payroll specialist for an internal position at our head office.",
    ],
)
def test_agency_hiring_for_its_own_office_is_not_an_agency_posting(text: str) -> None:
    assert is_staffing_agency("Randstad AS", text) is False


def test_own_office_wording_does_not_hide_a_client_posting() -> None:
    text = "Du blir ansatt i vårt eget team av konsulenter og leid ut til vår kunde i Sandnes."
    assert is_staffing_agency("Randstad AS", text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Alle henvendelser behandles konfidensielt, også overfor oppdragsgiver.",
        "Alle henvendelser vil bli behandlet konfidensielt,\nogså overfor vår oppdragsgiver om ønskelig.",
        "Stillingen rekrutteres via vår rekrutteringspartner.",
        "Søk på stillingen via Fremobemanning.no innen 10. desember.",
        "Søk via adecco.no.",
        "I oppdrag fra vår kunde har vi fått i oppgave å finne en elektriker.",
        "Elektrikere søkes for kunde i Bergen.",
        "Vi er et norsk bemanningsforetak med kontorer i hele landet.",
        "Du leies ut til våre kunder i Oslo-området.",
        "For Rem Offshore søker vi Vessel Manager. Arbeidssted: Fosnavåg.",
    ],
)
def test_recruiter_lines_mark_an_agency_posting(text: str) -> None:
    """Issue 13: the recruiter's confidentiality line, its partner, applying through it, its self-description."""
    assert is_staffing_agency("Olavsfestdagene", text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Søknad sendes elektronisk via vårt rekrutteringssystem.",
        "Søk via jobbnorge.no.",
        "For vår avdeling i Bergen søker vi en rådgiver.",
        "Drift og vedlikehold av sykehusets boliger som leies ut til ansatte.",
        "Jobzone er et av Norges ledende bemannings- og rekrutteringsselskaper. Nå søker vi en salgskonsulent "
        "til vårt eget kontor i Oslo.",
    ],
)
def test_application_systems_flats_and_agency_own_staff_are_not(text: str) -> None:
    assert is_staffing_agency("Jobzone AS" if "Jobzone" in text else "Helse Nord", text) is False


@pytest.mark.parametrize("employer", ["Keepers AS", "Uniflex Norge AS", "Verto AS", "Nordic Personell AS"])
def test_agencies_the_list_lacked(employer: str) -> None:
    assert is_agency_name(employer) is True


@pytest.mark.parametrize(
    "text",
    [
        "For mer informasjon om stillingen, kontakt Siri Hjertø i Randstad, tlf. 932 54 964.",
        "Vil du vite mer om stillingen kan du kontakte: Anne Dordi Alseth i Experis Recruitment.",
        "Kontaktinformasjon\nTrond Sørensen, Rådgiver, Mentor Partner, (+47) 900 92 201",
        "Rekrutteringsprosessen utføres i samarbeid med Academic Work. Stillingen er fast hos Inmeta.",
        "Søk stillingen ved å registrere din profil på vår hjemmeside www.manpower.no.",
        "For ytterligere spørsmål kontakt Charlotte, mail: csb@toptemp.no, mobil: 958 32 353.",
        "Ikke nøl med å ta kontakt for mer informasjon om stillingen eller kunden.",
    ],
)
def test_an_agency_named_only_in_the_contact_or_apply_lines(text: str) -> None:
    """Issue 13 (held-out misses): the recruiter shows only where the ad says whom to call or where to apply."""
    assert is_staffing_agency("Kraemer Maritime", text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Spørsmål om stillingen kan rettes til Kari Nordmann, tlf. 932 54 964.",
        "Vi ønsker ikke kontakt med bemanningsbyråer som Manpower og Adecco.",
        "Søknad sendes til post@kraemer.no innen 7. januar.",
        "Du vil rapportere til daglig leder og jobbe med rekruttering og bemanning av butikkene.",
    ],
)
def test_contact_lines_without_an_agency_are_not(text: str) -> None:
    assert is_staffing_agency("Kraemer Maritime", text) is False


@pytest.mark.parametrize(
    "presentation",
    [
        "<p>Uniflex Bemanning er en bemannings- og rekrutteringsaktør med over 50 kontorer i Norden.</p>",
        "Keepers AS bemanner og rekrutterer fagpersonell og spesialister til hele Norge.",
        "CNP Bemanning AS er en landsdekkende leverandør av fagpersonell innen elektro.",
        "STOLT er en markedsutfordrer i sterk vekst. Personalutleie og rekruttering til faste stillinger.",
        "Hos oss i Dreamwork jobber vi med rekruttering og bemanning.",
    ],
)
def test_an_employer_presenting_itself_as_a_staffing_firm_is_one(presentation: str) -> None:
    """Issue 13: NAV's records often leave the employer name empty; its own presentation says what it is."""
    assert is_staffing_agency(None, "Vi søker elektrikere til prosjekter i Oslo.", presentation) is True
    assert (
        is_staffing_agency(None, "Vi søker en konsulent til vårt eget kontor i Oslo.", presentation) is False
    )


def test_a_client_presentation_is_not_an_agency() -> None:
    presentation = "Nettpartner AS bygger, drifter og vedlikeholder infrastruktur for kraft og bredbånd."
    assert is_staffing_agency(None, "Vi søker energimontører.", presentation) is False


@pytest.mark.parametrize(
    "employer",
    [
        "BackUp Byggpersonell AS, Bygg & Anlegg  (Construction) - Stavanger",
        "Barona Human Resource Services AS",
    ],
)
def test_agency_names_seen_in_the_real_ads(employer: str) -> None:
    assert is_agency_name(employer) is True


def test_the_listing_reads_the_employer_presentation_nav_gives() -> None:
    """A NAV record with no employer name whose presentation is a staffing firm's lists as an agency ad."""
    from datetime import date

    from pipeline.normalise import normalise_record

    record = {
        "kind": "listing",
        "source": "nav",
        "source_id": "eures-x",
        "status": "ACTIVE",
        "fields": {
            "title": "Elektriker med fagbrev",
            "employer": None,
            "description": "<p>Vi søker elektrikere til prosjekter i Haugesund.</p>",
            "employer_description": "<p>Personalhuset Staffing Group er et av Nordens største "
            "rekrutterings- og bemanningsselskaper.</p>",
        },
    }
    assert normalise_record(record, on=date(2026, 11, 21)).staffing_agency is True


def _spellings(key: str) -> list[str]:
    words = key.split()
    return [
        " ".join(w.capitalize() for w in words),
        " ".join(w.upper() for w in words),
        "-".join(w.capitalize() for w in words) + " AS",
        " ".join(w.capitalize() for w in words) + " Norge",
    ]


def test_the_listed_name_shortcut_never_changes_a_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping ads that hold no word of a listed agency (a speed device) finds every agency the full
    sentence search finds, for every name on the list in several spellings."""
    from pipeline import agency

    texts = [
        f"For spørsmål om stillingen, kontakt Kari Nordmann i {name}, tlf. 932 54 964."
        for key in agency._agency_keys()
        for name in _spellings(key)
    ]
    fast = [agency._names_agency_in_contact(text) for text in texts]
    monkeypatch.setattr(agency, "_may_name_listed_agency", lambda _folded: True)
    assert fast == [agency._names_agency_in_contact(text) for text in texts]
    assert sum(fast) > len(texts) * 3 // 4  # the spellings do name agencies
