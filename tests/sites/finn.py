"""A small Finn-style site: two search pages leading to ads in the real and the older templates.

The two real ad pages (tests/fixtures/finn, see SOURCES.md there) are served at their own codes.
The other ads are invented and follow the structures described in NOTES.md §2:

- `OLD_TEMPLATE_CODE`: a 2023-24 style page at `ad.html?finnkode=N`, facts in `<dl>`, JobPosting
  JSON-LD inside the `{"script:ld+json": ...}` wrapper, no initial state;
- `QUERY_STATE_CODE`: a 2026 style page (initial state with `working_language: ["Engelsk"]`,
  facts as `<li>Label: value</li>`), listed only in page 2's `data-react-query-state`;
- `BLANK_CODE`: a page with none of the known structures (a template change): quarantined;
- `DISALLOWED_CODE`: listed, but robots.txt forbids it.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from tests.sitehelpers import Page, Site, html_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "finn"
REAL_CODES = ("459777164", "472381832")
OLD_TEMPLATE_CODE = "401234567"
QUERY_STATE_CODE = "401234568"
BLANK_CODE = "401234569"
DISALLOWED_CODE = "401234570"
SEARCH_PATH = "/job/search"


def _card(code: str, title: str, employer: str, href: str) -> str:
    return (
        f'<div class="job-card"><article id="card-{code}"><a class="job-card-link" href="{href}">{title}</a>'
        f'<div class="text-caption"><strong>{employer}</strong></div></article></div>'
    )


def search_page_one(base: str) -> str:
    cards = [
        _card(
            REAL_CODES[0], "Dynamics 365 CRM-utvikler", "Kreftforeningen", f"{base}/job/ad/{REAL_CODES[0]}"
        ),
        _card(REAL_CODES[1], "KI - Utviklar", "Nordea Liv", f"/job/ad/{REAL_CODES[1]}?utm_source=search"),
        _card(
            OLD_TEMPLATE_CODE,
            "Tunnelingeniør",
            "Fjellsprengning Vest AS",
            f"/job/fulltime/ad.html?finnkode={OLD_TEMPLATE_CODE}",
        ),
        # The same ad again under the other URL form: fetched once.
        _card(OLD_TEMPLATE_CODE, "Tunnelingeniør", "Fjellsprengning Vest AS", f"/job/ad/{OLD_TEMPLATE_CODE}"),
    ]
    paging = '<nav><a aria-current="page">1</a> <a href="/job/search?q=utvikler&amp;page=2">2</a></nav>'
    return (
        '<!DOCTYPE html><html lang="nb"><head><title>utvikler | FINN.no</title></head><body><main>'
        f'<div class="results">{"".join(cards)}</div>{paging}</main></body></html>'
    )


def search_page_two(base: str) -> str:
    state = {
        "queries": [
            {
                "queryKey": ["search", "utvikler", 2],
                "state": {
                    "data": {
                        "docs": [
                            {
                                "ad_id": int(QUERY_STATE_CODE),
                                "heading": "Backend Engineer",
                                "company_name": "Polarlys Data AS",
                            },
                            {"ad_id": int(BLANK_CODE), "heading": "Systemutvikler", "company_name": "Ukjent"},
                            {
                                "ad_id": int(DISALLOWED_CODE),
                                "heading": "Testleder",
                                "company_name": "Skjult AS",
                            },
                        ],
                        "metadata": {"paging": {"param": "page", "current": 2, "last": 2}},
                    }
                },
            }
        ]
    }
    encoded = base64.b64encode(json.dumps(state).encode()).decode()
    return (
        '<!DOCTYPE html><html lang="nb"><head><title>utvikler | FINN.no</title></head><body><main>'
        '<div id="app"></div><nav><a href="/job/search?q=utvikler&amp;page=1">1</a> <span>2</span></nav></main>'
        f'<script type="application/json" data-react-query-state="">{encoded}</script></body></html>'
    )


def old_template_ad() -> str:
    """A 2023-24 style ad page: `<dl>` facts and wrapped JobPosting JSON-LD."""
    posting = {
        "script:ld+json": {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": "Tunnelingeniør",
            "description": "<p>Vi søker tunnelingeniør til prosjekter på Vestlandet.</p>",
            "datePosted": "2026-11-02T08:00:00+01:00",
            "validThrough": "2026-12-01T00:00:00+01:00",
            "employmentType": ["FULL_TIME"],
            "hiringOrganization": {"@type": "Organization", "name": "Fjellsprengning Vest AS"},
            "jobLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "postalCode": "5003",
                    "addressLocality": "Bergen",
                    "addressCountry": "NO",
                },
            },
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "NOK",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": 700000,
                    "maxValue": 850000,
                    "unitText": "YEAR",
                },
            },
        }
    }
    facts = [
        ("Arbeidsgiver", "Fjellsprengning Vest AS"),
        ("Stillingstittel", "Tunnelingeniør"),
        ("Frist", "Snarest"),
        ("Ansettelsesform", "Fast"),
        ("Sektor", "Privat"),
        ("Antall stillinger", "2"),
        ("Sted", "Bergen"),
        ("Stillingsfunksjon", "Ingeniør, Prosjektering"),
        ("Arbeidsspråk", "Engelsk, Norsk"),
    ]
    dl = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    return (
        '<!DOCTYPE html><html lang="nb"><head><title>Tunnelingeniør | FINN.no</title>'
        f'<script type="application/ld+json">{json.dumps(posting, ensure_ascii=False)}</script></head>'
        '<body><main><div class="grid"><section class="panel"><h1 class="u-t2">Tunnelingeniør med erfaring fra fjellanlegg</h1>'
        '<div class="import-decoration"><p>Vi søker tunnelingeniør til prosjekter på Vestlandet.</p>'
        "<ul><li>Sted for oppmøte avtales</li></ul></div>"
        f'<dl class="definition-list">{dl}</dl></section>'
        '<a class="button button--cta" href="https://ats.example.no/apply/777">Søk på stillingen</a></div></main></body></html>'
    )


def query_state_ad() -> str:
    """A 2026 style ad page known only from a search page's embedded query state."""
    state = {
        "config": {
            "adServer": {
                "gam": {
                    "targeting": [
                        {"key": "job_title", "value": ["Backend Engineer"]},
                        {"key": "company_name", "value": ["Polarlys Data AS"]},
                        {"key": "job_positions", "value": ["1"]},
                        {"key": "working_language", "value": ["Engelsk"]},
                    ]
                }
            }
        }
    }
    return (
        '<!DOCTYPE html><html lang="nb"><head><title>Backend Engineer | FINN.no</title>'
        f'<meta content="{QUERY_STATE_CODE}" name="adid"/></head><body>'
        f'<script id="advertising-initial-state" type="application/json">{json.dumps(state)}</script>'
        '<main><article id="ad-content"><section aria-label="Jobbdetaljer"><section><h2>Backend Engineer</h2>'
        "<p>Polarlys Data AS</p><ul><li>Søknadsfrist <span>10.12.2026</span></li>"
        "<li>Ansettelsesform <span>Engasjement</span></li></ul></section>"
        '<section><h1>Build data platforms in Tromsø</h1><div class="import-decoration"><p>We work in English.</p></div></section>'
        "<section><ul><li><span>Sektor:</span> Privat</li><li><span>Sted:</span> Storgata 3, 9008 Tromsø</li>"
        "<li><span>Stillingsfunksjon:</span> Backend-utvikler</li></ul></section></section></article></main></body></html>"
    )


def build_site(base: str) -> Site:
    """The Finn-style site for `base`."""
    site: Site = {
        "/robots.txt": Page(
            f"User-agent: GPTBot\nDisallow: /job/\n\nUser-agent: *\nDisallow: /job/ad/{DISALLOWED_CODE}\n".encode(),
            "text/plain",
        ),
        SEARCH_PATH: html_page(search_page_one(base)),
        f"{SEARCH_PATH}?q=utvikler&page=1": html_page(search_page_one(base)),
        f"{SEARCH_PATH}?q=utvikler&page=2": html_page(search_page_two(base)),
        f"/job/ad/{OLD_TEMPLATE_CODE}": html_page(old_template_ad()),
        f"/job/fulltime/ad.html?finnkode={OLD_TEMPLATE_CODE}": html_page(old_template_ad()),
        f"/job/ad/{QUERY_STATE_CODE}": html_page(query_state_ad()),
        f"/job/ad/{BLANK_CODE}": html_page(
            "<html><head><title>FINN.no</title></head><body><div id='root'></div></body></html>"
        ),
        f"/job/ad/{DISALLOWED_CODE}": html_page(query_state_ad()),
    }
    site[f"/job/ad/{REAL_CODES[0]}"] = html_page(
        (FIXTURES / "ad_459777164_2026-04.html").read_text(encoding="utf-8")
    )
    site[f"/job/ad/{REAL_CODES[1]}"] = html_page(
        (FIXTURES / "ad_472381832_2026-08_expired.html").read_text(encoding="utf-8")
    )
    return site
