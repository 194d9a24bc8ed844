"""JobPosting JSON-LD extraction on saved career pages and on the defects real sites emit."""

from __future__ import annotations

from pathlib import Path

import pytest

from spiders.extract_jsonld import canonical_url, extract_page, unescape_description
from spiders.lenient_json import LenientJSONError, loads_lenient

FIXTURES = Path(__file__).parent / "fixtures" / "jsonld"
BASE = "https://karriere.example.no"


def _page(name: str, path: str):
    return extract_page((FIXTURES / name).read_text(encoding="utf-8"), BASE + path)


def _script(body: str) -> str:
    return f'<html><head><title>Stilling</title><script type="application/ld+json">{body}</script></head><body><main>Tekst</main></body></html>'


def test_teamtailor_double_escaped_description_with_raw_newlines() -> None:
    page = _page("teamtailor_like.html", "/jobs/48101-senior-backend-utvikler-kotlin")
    assert page.errors == []
    [posting] = page.postings
    fields = posting.fields
    assert fields["title"] == "Senior backend-utvikler (Kotlin)"
    assert fields["employer"] == "Nordlys Energi AS"
    assert fields["description"].startswith("<p>Nordlys Energi AS søker senior backend-utvikler")
    assert "&lt;" not in fields["description"]
    assert fields["locations"] == []  # `address: {}` is no location
    assert fields["extent"] == "FULL_TIME"
    assert fields["employment_types"] == ["FULL_TIME"]
    assert fields["published"] == "2026-11-02T09:15:00+01:00"
    assert posting.url is None
    assert page.payload()["jsonld"][0].lstrip().startswith("{")
    assert "Søk på stillingen" in page.text
    assert page.page_title == "Senior backend-utvikler (Kotlin) - Nordlys Energi AS"


def test_jobylon_salary_range_two_places_and_own_url() -> None:
    page = _page("jobylon_like.html", "/stillinger/48102/frontend-developer-react/")
    [posting] = page.postings
    fields = posting.fields
    assert fields["base_salary"] == {
        "currency": "NOK",
        "min": "650000",
        "max": "780000",
        "value": None,
        "unit": "YEAR",
    }
    assert fields["employment_types"] == ["FULL_TIME", "TEMPORARY"]
    assert (fields["extent"], fields["engagement"]) == ("FULL_TIME", "TEMPORARY")
    assert [loc["city"] for loc in fields["locations"]] == ["Trondheim", "Oslo"]
    assert fields["locations"][0] == {
        "address": "Kongens gate 20",
        "postal_code": "7011",
        "city": "Trondheim",
        "municipality": None,
        "county": "Trøndelag",
        "country": "NO",
    }
    assert fields["employer_description"] == "Fjellvik kommune har 12 000 innbyggere og 900 ansatte."
    assert fields["expires"] == "2026-12-03T23:59:00+01:00"
    assert posting.url == BASE + "/stillinger/48102/frontend-developer-react/"
    assert page.canonical == BASE + "/stillinger/48102/frontend-developer-react/"


def test_webcruiter_type_list_plain_text_and_string_employer() -> None:
    fields = _page("webcruiter_like.html", "/Vacancy/Details.aspx?id=48103").postings[0].fields
    assert fields["title"] == "Driftstekniker"
    assert fields["employer"] == "Kystlinje Logistikk AS"
    assert fields["description"].startswith("Kystlinje Logistikk AS søker driftstekniker")
    assert fields["expires"] == "2026-12-04"
    assert fields["engagement"] == "Fast"
    assert fields["occupation"] == ["IT", "Utvikling"]
    assert fields["position_count"] == "2"
    assert fields["locations"][0]["city"] == "Kristiansand"


def test_wordpress_comment_wrapper_bom_and_trailing_commas() -> None:
    page = _page("wordpress_like.html", "/ledige-stillinger/data-engineer/")
    assert page.errors == []
    fields = page.postings[0].fields
    assert fields["title"] == "Data Engineer"
    assert fields["employer"] == "Solberg & Dahl Rådgivning"
    assert fields["employment_types"] == ["PART_TIME"]
    assert fields["expires"] == "2026-12-05T12:00:00Z"


def test_yoast_graph_resolves_organisation_and_place_references() -> None:
    page = _page("yoast_graph.html", "/karriere/sykepleier-medisinsk-avdeling/")
    [posting] = page.postings
    assert posting.fields["employer"] == "Grønnmo Helse AS"
    assert posting.fields["employer_description"] == "Private helsetjenester i Trøndelag."
    assert posting.fields["locations"][0]["city"] == "Stavanger"
    assert posting.fields["locations"][0]["postal_code"] == "4006"


def test_reachmee_array_with_breadcrumbs_and_hourly_salary() -> None:
    page = _page("reachmee_like.html", "/rm/job.html?job_id=48106&lang=NO")
    [posting] = page.postings
    assert posting.fields["title"] == "Elektriker med fagbrev"
    assert posting.fields["base_salary"] == {
        "currency": "NOK",
        "min": None,
        "max": None,
        "value": "265",
        "unit": "HOUR",
    }


def test_main_entity_prefixed_type_and_work_language() -> None:
    fields = _page("mainentity.html", "/positions/machine-learning-engineer").postings[0].fields
    assert fields["title"] == "Machine Learning Engineer"
    assert fields["work_language"] == ["Engelsk", "Norsk"]
    assert fields["engagement"] == "CONTRACTOR"
    # A one-string address is split: city and country apart.
    assert (fields["locations"][0]["city"], fields["locations"][0]["country"]) == ("Trondheim", "Norge")


def test_no_work_language_is_invented() -> None:
    fields = _page("jobylon_like.html", "/stillinger/48102/frontend-developer-react/").postings[0].fields
    assert fields["work_language"] is None


def test_salary_as_plain_number_and_as_strings() -> None:
    plain = _script(
        '{"@type":"JobPosting","title":"A","hiringOrganization":"B",'
        '"baseSalary":{"@type":"MonetaryAmount","currency":"NOK","value":55000,"unitText":"MONTH"}}'
    )
    strings = _script(
        '{"@type":"JobPosting","title":"A","hiringOrganization":"B",'
        '"baseSalary":{"currency":"NOK","value":{"minValue":"600 000","maxValue":"700 000","unitText":"YEAR"}}}'
    )
    monthly = extract_page(plain, BASE).postings[0].fields["base_salary"]
    assert monthly == {"currency": "NOK", "min": None, "max": None, "value": "55000", "unit": "MONTH"}
    assert extract_page(strings, BASE).postings[0].fields["base_salary"] == {
        "currency": "NOK",
        "min": "600 000",
        "max": "700 000",
        "value": None,
        "unit": "YEAR",
    }


def test_unparseable_block_is_reported_with_reason_and_ad_hint() -> None:
    page = extract_page(_script('{"@type": "JobPosting", "title": "Lagerarbeider"\n"x": 1'), BASE)
    assert page.postings == []
    [error] = page.errors
    assert error.looks_like_ad
    assert "Expecting ',' delimiter" in error.reason
    assert error.raw.startswith('{"@type": "JobPosting"')


def test_pages_without_job_posting_yield_nothing() -> None:
    page = extract_page(
        _script('{"@context":"https://schema.org","@type":"Article","headline":"Jobbtips"}'), BASE
    )
    assert page.postings == []
    assert page.errors == []


def test_several_blocks_and_http_context() -> None:
    html = (
        '<script type="application/ld+json">{"@context":"http://schema.org","@type":"Organization","name":"X"}</script>'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",'
        '"title":"R&amp;D engineer","hiringOrganization":{"name":"Y"}}</script>'
    )
    page = extract_page(html, BASE)
    assert len(page.blocks) == 2
    [posting] = page.postings
    assert posting.fields["title"] == "R&D engineer"
    assert posting.fields["employer"] == "Y"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": "line\nbreak"}', {"a": "line\nbreak"}),
        ('{"a": [1, 2,], "b": {"c": 3,},}', {"a": [1, 2], "b": {"c": 3}}),
        ('\ufeff<!-- {"a": 1} -->', {"a": 1}),
        ('<![CDATA[ {"a": "x, }"} ]]>', {"a": "x, }"}),
        ('{"a": 1} // note', {"a": 1}),
        ('{"a": "C:\\temp\\q"}', {"a": "C:\temp\\q"}),
        ('{"a": 1}{"b": 2}', [{"a": 1}, {"b": 2}]),
    ],
)
def test_lenient_json_repairs(text: str, expected: object) -> None:
    assert loads_lenient(text) == expected


def test_lenient_json_gives_up_with_position() -> None:
    with pytest.raises(LenientJSONError, match=r"line 1 column"):
        loads_lenient('{"a": }')
    with pytest.raises(LenientJSONError, match="empty"):
        loads_lenient("  <!-- -->  ")


def test_unescape_only_when_markup_was_escaped() -> None:
    assert unescape_description("&lt;p&gt;Hei &amp;amp; velkommen&lt;/p&gt;") == "<p>Hei &amp; velkommen</p>"
    assert unescape_description("<p>Lønn &amp; pensjon</p>") == "<p>Lønn &amp; pensjon</p>"
    assert unescape_description("Ren tekst") == "Ren tekst"


def test_canonical_url_drops_tracking_and_fragment() -> None:
    assert (
        canonical_url("HTTPS://Karriere.Example.no:443/jobs/1?utm_source=li&b=2&fbclid=x&a=1#apply")
        == "https://karriere.example.no/jobs/1?a=1&b=2"
    )
    assert canonical_url("http://127.0.0.1:8080/ad/7") == "http://127.0.0.1:8080/ad/7"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("Oslo", {"city": "Oslo"}),
        ("Storgata 12, 0155 Oslo", {"address": "Storgata 12", "postal_code": "0155", "city": "Oslo"}),
        ("Storgata 12, Oslo, Norge", {"address": "Storgata 12", "city": "Oslo", "country": "Norge"}),
        ("0155 Oslo", {"postal_code": "0155", "city": "Oslo"}),
        (
            "Kongens gate 20, NO-7011 Trondheim",
            {"address": "Kongens gate 20", "postal_code": "7011", "city": "Trondheim"},
        ),
        ("Storgata 12", {"address": "Storgata 12"}),
        ("Mo i Rana, Norway", {"city": "Mo i Rana", "country": "Norway"}),
    ],
)
def test_address_written_as_one_string_is_split_into_street_postcode_and_city(
    address: str, expected: dict[str, str]
) -> None:
    body = (
        '{"@context":"https://schema.org","@type":"JobPosting","title":"Kokk","hiringOrganization":"Kafé",'
        f'"jobLocation":{{"@type":"Place","address":"{address}"}}}}'
    )
    [posting] = extract_page(_script(body), BASE).postings
    [location] = posting.fields["locations"]
    assert {key: value for key, value in location.items() if value} == expected


def test_education_requirements_are_read() -> None:
    credential = _script(
        '{"@type":"JobPosting","title":"A","hiringOrganization":"B","educationRequirements":'
        '{"@type":"EducationalOccupationalCredential","credentialCategory":"bachelor degree"}}'
    )
    text = _script('{"@type":"JobPosting","title":"A","educationRequirements":"Master&#39;s degree in IT"}')
    assert extract_page(credential, BASE).postings[0].fields["education_requirements"] == "bachelor degree"
    assert extract_page(text, BASE).postings[0].fields["education_requirements"] == "Master's degree in IT"


def test_html_comment_inside_a_block_is_dropped() -> None:
    body = (
        '<!-- generated by CareerCMS 4.2 -->\n{"@type":"JobPosting", <!-- ad 17 --> "title":"Lagerarbeider"}'
    )
    page = extract_page(_script(body), BASE)
    assert page.errors == []
    assert page.postings[0].fields["title"] == "Lagerarbeider"


def test_a_block_that_stays_broken_says_where_in_words() -> None:
    page = extract_page(_script('{"@type":"JobPosting","title": Lagerarbeider}'), BASE)
    [error] = page.errors
    assert "where the block reads 'Lagerarbeider}'" in error.reason
