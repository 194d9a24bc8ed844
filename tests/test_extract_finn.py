"""Finn-style extraction on pages rebuilt from real Finn samples and on our older-template pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from parsel import Selector

from spiders.extract_finn import ad_url, extract_ad, extract_search, fact_rows, finn_code
from tests.sites.finn import old_template_ad, query_state_ad, search_page_two

FIXTURES = Path(__file__).parent / "fixtures" / "finn"


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://www.finn.no/job/ad/459777164", "459777164"),
        ("https://www.finn.no/job/fulltime/ad.html?finnkode=105360823", "105360823"),
        ("https://www.finn.no/job/management/ad.html?foo=1&finnkode=115526620#x", "115526620"),
        ("https://www.finn.no/459777164", "459777164"),
        ("https://www.finn.no/job/search?q=developer&page=2", None),
        ("https://www.finn.no/job/ad/12345", None),
    ],
)
def test_finn_code_from_both_url_forms(url: str, code: str | None) -> None:
    assert finn_code(url) == code


def test_ad_url_is_the_canonical_form_on_the_same_host() -> None:
    assert ad_url("http://127.0.0.1:8123/job/fulltime/ad.html?finnkode=401234567", "401234567") == (
        "http://127.0.0.1:8123/job/ad/401234567"
    )


def test_april_2026_ad_reads_state_and_labelled_facts() -> None:
    ad = extract_ad(_read("ad_459777164_2026-04.html"), "https://www.finn.no/job/ad/459777164")
    fields = ad.fields
    assert ad.code == "459777164"
    assert ad.canonical == "https://www.finn.no/job/ad/459777164"
    assert fields["title"] == "Dynamics 365 CRM-utvikler"
    assert fields["employer"] == "Kreftforeningen"
    assert fields["work_language"] == ["Norsk"]
    assert fields["application_due"] == "30.4.2026"
    assert fields["engagement"] == "Fast"
    assert fields["sector"] == "Organisasjoner"
    assert fields["occupation"] == ["Backend-utvikler", "CRM-spesialist", "Løsningsarkitekt"]
    assert fields["position_count"] == "1"
    assert fields["locations"] == [
        {
            "address": "Kongens gate 6",
            "postal_code": "0152",
            "city": "Oslo",
            "municipality": None,
            "county": None,
            "country": None,
        }
    ]
    assert fields["description"].startswith("<p></p><p>I Kreftforeningen spiller teknologi")
    assert "Semac AS" in fields["description"]
    assert fields["apply_url"].startswith(
        "https://candidate.hr-manager.net/ApplicationInit.aspx?cid=348&ProjectId=182453"
    )
    assert ad.payload["facts"]["Hjemmekontor"] == "Delvis hjemmekontor"
    assert ad.payload["facts"]["FINN-kode"] == "459777164"
    assert ad.payload["initial_state"]["config"]["vertical"] == "jobs"
    assert ad.payload["jsonld"] == []


def test_contact_persons_title_is_not_the_job_title() -> None:
    ad = extract_ad(_read("ad_459777164_2026-04.html"), "https://www.finn.no/job/ad/459777164")
    assert "Stillingstittel" not in ad.payload["facts"]
    assert "Seksjonsleder" not in (ad.fields["title"] or "")


def test_august_2026_expired_ad_without_jsonld_or_working_language() -> None:
    ad = extract_ad(_read("ad_472381832_2026-08_expired.html"), "https://www.finn.no/job/ad/472381832")
    fields = ad.fields
    assert (fields["title"], fields["employer"]) == ("KI - Utviklar", "Nordea Liv")
    assert fields["application_due"] == "15.8.2026"  # the label is "Søknadsfrist" since 2026
    assert fields["work_language"] is None  # the ad states none; nothing is invented
    assert fields["sector"] == "Privat"
    assert fields["locations"][0]["city"] == "Bergen"
    assert fields["employer_description"].startswith("<p>Hjå oss i Nordea Liv")
    assert fields["description"].startswith("<p></p><p><strong>Job ID: 5805</strong>")
    assert "Fristen er utløpt" in ad.payload["text"]
    assert not ad.empty


def test_old_template_with_dl_facts_and_wrapped_jsonld() -> None:
    ad = extract_ad(old_template_ad(), "https://www.finn.no/job/fulltime/ad.html?finnkode=401234567")
    fields = ad.fields
    assert ad.code == "401234567"
    assert ad.payload["initial_state"] is None
    assert fields["title"] == "Tunnelingeniør"  # from JSON-LD; the h1 is the ad's headline
    assert fields["employer"] == "Fjellsprengning Vest AS"
    assert fields["application_due"] == "Snarest"
    assert fields["work_language"] == ["Engelsk", "Norsk"]
    assert fields["position_count"] == "2"
    assert fields["published"] == "2026-11-02T08:00:00+01:00"
    assert fields["expires"] == "2026-12-01T00:00:00+01:00"
    assert fields["base_salary"] == {
        "currency": "NOK",
        "min": "700000",
        "max": "850000",
        "value": None,
        "unit": "YEAR",
    }
    assert fields["employment_types"] == ["FULL_TIME"]
    assert fields["locations"][0]["postal_code"] == "5003"
    assert fields["occupation"] == ["Ingeniør", "Prosjektering"]
    assert fields["apply_url"] == "https://ats.example.no/apply/777"


def test_body_bullets_are_not_mistaken_for_facts() -> None:
    facts = fact_rows(Selector(text=old_template_ad()))
    assert facts["Sted"] == "Bergen"


def test_state_only_ad_takes_working_language_from_targeting() -> None:
    ad = extract_ad(query_state_ad(), "https://www.finn.no/job/ad/401234568")
    assert ad.fields["title"] == "Backend Engineer"
    assert ad.fields["work_language"] == ["Engelsk"]
    assert ad.fields["engagement"] == "Engasjement"
    assert ad.fields["application_due"] == "10.12.2026"
    assert ad.fields["locations"][0]["city"] == "Tromsø"


def test_blank_page_is_empty() -> None:
    ad = extract_ad("<html><body><div id='root'></div></body></html>", "https://www.finn.no/job/ad/401234569")
    assert ad.empty


def test_search_page_cards_give_ad_urls_in_order() -> None:
    page = extract_search(
        _read("search_q-developer_2026-04.html"), "https://www.finn.no/job/search?q=developer"
    )
    assert page.ad_urls == [
        "https://www.finn.no/job/ad/457621225",
        "https://www.finn.no/job/ad/457170893",
        "https://www.finn.no/job/ad/459853544",
    ]
    assert page.page_urls == []


def test_search_page_query_state_adds_ads_and_paging() -> None:
    page = extract_search(search_page_two("http://h"), "http://h/job/search?q=utvikler&page=2")
    assert page.ad_urls == [
        "http://h/job/ad/401234568",
        "http://h/job/ad/401234569",
        "http://h/job/ad/401234570",
    ]
    assert "http://h/job/search?q=utvikler&page=1" in page.page_urls
