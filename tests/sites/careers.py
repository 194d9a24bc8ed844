"""A career site of 40 invented job ads in the page styles real applicant-tracking systems use.

Every ad is made up (employers, people and places are fictional or generic); the markup follows
the quirks seen in real pages (see the shared finn_ats SOURCES.md and NOTES.md §3):

- teamtailor: description HTML-escaped twice with raw newlines (invalid JSON), no `url`,
  `identifier` as a PropertyValue, `address: {}`, a `?print=1` view of the same page without a
  canonical link; one ad is expired but still answers 200.
- jobylon: clean JSON with `url`, salary as QuantitativeValue min/max numbers, two Places.
- webcruiter: `.aspx?id=` pages, `@type` as a list, date-only `validThrough`, plain-text body,
  employer as a bare string.
- wordpress: block wrapped in an HTML comment, BOM, trailing commas.
- yoast: `@graph` with the organisation and place given by `@id` reference.
- reachmee: a top-level array (BreadcrumbList + JobPosting), hourly salary as a string.
- minimal: only the required properties.
- mainentity: JobPosting nested as a WebPage's `mainEntity`, `@type` "schema:JobPosting".

Around them: a paginated index (4 pages, links with tracking parameters and fragments), a
sitemap index with a nested index and a gzipped sitemap, robots.txt with a Sitemap line and a
disallowed preview area, pages that talk about jobs but are not ads, a broken-JSON ad, a 404 link
and one ad served under two URLs with a canonical link.
"""

from __future__ import annotations

import gzip
import html
import json
from dataclasses import dataclass
from typing import Any

from tests.sitehelpers import Page, Site, html_page

STYLES = ("teamtailor", "jobylon", "webcruiter", "wordpress", "yoast", "reachmee", "minimal", "mainentity")

_TITLES = (
    "Senior backend-utvikler (Kotlin)",
    "Frontend Developer, React",
    "Driftstekniker",
    "Data Engineer",
    "Sykepleier, medisinsk avdeling",
    "Elektriker med fagbrev",
    "Regnskapsmedarbeider",
    "Machine Learning Engineer",
    "Prosjektleder bygg",
    "Lærer i matematikk og naturfag",
    "DevOps Engineer",
    "Kundeservicemedarbeider",
    "Senior rådgiver informasjonssikkerhet",
    "Logistikkoordinator",
    "Fullstack-utvikler",
    "Vernepleier, nattevakt",
    "Controller",
    "Site Reliability Engineer",
    "Tømrer",
    "HR-rådgiver",
    "QA Engineer",
    "Butikksjef",
    "Maskinist, havbruk",
    "UX-designer",
    "Cloud Architect (Azure)",
    "Saksbehandler, byggesak",
    "Embedded Software Engineer",
    "Innkjøper",
    "Kokk",
    "Product Manager",
    "Barnehagelærer",
    "Salgskonsulent B2B",
    "Nettverksingeniør",
    "Anleggsleder",
    "Økonomisjef",
    "iOS-utvikler",
    "Helsefagarbeider",
    "Dataanalytiker",
    "Servicetekniker, varmepumper",
    "Scrum Master",
)
_EMPLOYERS = (
    ("Havbris Teknologi AS", "Vi lager programvare for havbruksnæringen fra kontorer i Bergen og Tromsø."),
    ("Nordlys Energi AS", "Nordlys Energi produserer fornybar kraft i Nord-Norge."),
    ("Fjellvik kommune", "Fjellvik kommune har 12 000 innbyggere og 900 ansatte."),
    ("Kystlinje Logistikk AS", "Vi frakter varer langs kysten fra Kristiansand til Kirkenes."),
    ("Solberg & Dahl Rådgivning", "Et rådgivende ingeniørfirma med 140 ansatte."),
    ("Grønnmo Helse AS", "Private helsetjenester i Trøndelag."),
)
_PLACES = (
    ("Strandkaien 12", "5013", "Bergen", "Vestland"),
    ("Storgata 3", "9008", "Tromsø", "Troms"),
    ("Kongens gate 20", "7011", "Trondheim", "Trøndelag"),
    ("Dronningens gate 5", "4610", "Kristiansand", "Agder"),
    ("Karl Johans gate 7", "0154", "Oslo", "Oslo"),
    ("Kirkegata 2", "4006", "Stavanger", "Rogaland"),
)


@dataclass(frozen=True)
class Ad:
    """One invented ad and where the site serves it."""

    number: int
    title: str
    employer: str
    about: str
    street: str
    postal_code: str
    city: str
    county: str
    style: str
    path: str

    @property
    def ad_id(self) -> str:
        return str(48100 + self.number)

    @property
    def slug(self) -> str:
        keep = "".join(ch if ch.isalnum() else "-" for ch in self.title.lower())
        return "-".join(part for part in keep.split("-") if part)

    @property
    def posted(self) -> str:
        return f"2026-11-{1 + self.number % 20:02d}"

    @property
    def due(self) -> str:
        return f"2026-12-{1 + self.number % 28:02d}"


def _path(number: int, style: str, slug: str) -> str:
    ad_id = 48100 + number
    return {
        "teamtailor": f"/jobs/{ad_id}-{slug}",
        "jobylon": f"/stillinger/{ad_id}/{slug}/",
        "webcruiter": f"/Vacancy/Details.aspx?id={ad_id}",
        "wordpress": f"/ledige-stillinger/{slug}/",
        "yoast": f"/karriere/{slug}/",
        "reachmee": f"/rm/job.html?job_id={ad_id}&lang=NO",
        "minimal": f"/ad/{ad_id}",
        "mainentity": f"/positions/{slug}",
    }[style]


def make_ads() -> list[Ad]:
    ads = []
    for number, title in enumerate(_TITLES, start=1):
        employer, about = _EMPLOYERS[number % len(_EMPLOYERS)]
        street, postal, city, county = _PLACES[number % len(_PLACES)]
        style = STYLES[(number - 1) % len(STYLES)]
        slug_source = Ad(number, title, employer, about, street, postal, city, county, style, "")
        path = _path(number, style, slug_source.slug)
        ads.append(Ad(number, title, employer, about, street, postal, city, county, style, path))
    return ads


ADS = make_ads()
# The jobylon-style ad also answers at a short URL whose page names the long one as canonical.
DUPLICATE_OF = ADS[1]
DUPLICATE_PATH = f"/stillinger/{DUPLICATE_OF.ad_id}/"
EXPIRED = ADS[8]
BROKEN_PATH = "/jobs/48999-lagerarbeider"
PREVIEW_PATH = "/intern/forhandsvisning/lagerleder"


def _body_html(ad: Ad) -> str:
    return (
        f"<p>{ad.employer} søker {ad.title.lower()} til vårt team i {ad.city}.</p>"
        "<h3>Arbeidsoppgaver</h3><ul><li>Utvikle og forbedre tjenestene våre</li>"
        "<li>Samarbeide tett med kolleger i flere fagmiljøer</li></ul>"
        "<h3>Kvalifikasjoner</h3><ul><li>Relevant utdanning eller erfaring</li>"
        "<li>Gode samarbeidsevner</li></ul><p>Vi tilbyr fleksitid, gode forsikringer og pensjon.</p>"
    )


def _body_text(ad: Ad) -> str:
    return (
        f"{ad.employer} søker {ad.title.lower()} til vårt team i {ad.city}.\n\n"
        "Arbeidsoppgaver: utvikle og forbedre tjenestene våre.\nKvalifikasjoner: relevant utdanning."
    )


def _address(ad: Ad) -> dict[str, str]:
    return {
        "@type": "PostalAddress",
        "streetAddress": ad.street,
        "postalCode": ad.postal_code,
        "addressLocality": ad.city,
        "addressRegion": ad.county,
        "addressCountry": "NO",
    }


def _document(title: str, head: str, body: str, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}"/>' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"/><title>{html.escape(title)}</title>'
        f'{link}{head}</head><body><header><nav><a href="/">Hjem</a> <a href="/karriere/">Ledige stillinger</a> '
        f'<a href="/om-oss/">Om oss</a></nav></header>{body}'
        '<footer><a href="/personvern/">Personvern</a> <a href="/kontakt/">Kontakt</a></footer></body></html>'
    )


def _script(payload: str) -> str:
    return f'<script type="application/ld+json">{payload}</script>'


def _teamtailor(ad: Ad, base: str) -> str:
    escaped = html.escape(_body_html(ad)).replace("&lt;/li&gt;", "&lt;/li&gt;\n\n")
    block = (
        '{\n  "@context": "http://schema.org/",\n  "@type": "JobPosting",\n'
        f'  "title": "{ad.title}",\n  "description": "{escaped}",\n'
        f'  "identifier": {{"@type": "PropertyValue", "name": "{ad.employer}", "value": "{ad.ad_id}"}},\n'
        f'  "datePosted": "{ad.posted}T09:15:00+01:00",\n  "employmentType": "FULL_TIME",\n'
        f'  "hiringOrganization": {{"@type": "Organization", "name": "{ad.employer}", "sameAs": "{base}"}},\n'
        '  "jobLocation": [{"@type": "Place", "address": {}}]\n}'
    )
    notice = (
        "<p>This position is no longer active</p>"
        if ad is EXPIRED
        else '<a href="#apply">Søk på stillingen</a>'
    )
    # A print view of the same page, without a canonical link: the same ad, to be written once.
    notice += '<a href="?print=1">Skriv ut</a>'
    main = f"<main><h1>{ad.title}</h1><div>{_body_html(ad)}</div>{notice}</main>"
    return _document(f"{ad.title} - {ad.employer}", _script(block), main)


def _jobylon(ad: Ad, base: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": ad.title,
        "url": f"{base}{ad.path}",
        "description": _body_html(ad),
        "datePosted": f"{ad.posted}T08:00:00+01:00",
        "validThrough": f"{ad.due}T23:59:00+01:00",
        "employmentType": ["FULL_TIME", "TEMPORARY"],
        "hiringOrganization": {"@type": "Organization", "name": ad.employer, "description": ad.about},
        "jobLocation": [
            {"@type": "Place", "address": _address(ad)},
            {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Oslo"}},
        ],
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "NOK",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": 650000,
                "maxValue": 780000,
                "unitText": "YEAR",
            },
        },
    }
    main = f'<main><h1>{ad.title}</h1>{_body_html(ad)}<a href="/karriere/">Flere stillinger</a></main>'
    return _document(
        ad.title, _script(json.dumps(data, ensure_ascii=False)), main, canonical=f"{base}{ad.path}"
    )


def _webcruiter(ad: Ad, base: str) -> str:
    data = {
        "@context": "http://schema.org",
        "@type": ["JobPosting"],
        "title": ad.title,
        "description": _body_text(ad),
        "datePosted": ad.posted,
        "validThrough": ad.due,
        "employmentType": "Fast",
        "hiringOrganization": ad.employer,
        "jobLocation": {
            "@type": "Place",
            "address": {"addressLocality": ad.city, "postalCode": ad.postal_code},
        },
        "occupationalCategory": ["IT", "Utvikling"],
        "totalJobOpenings": 2,
    }
    main = f'<form id="aspnetForm"><div class="vacancy"><h2>{ad.title}</h2><pre>{_body_text(ad)}</pre></div></form>'
    return _document(
        f"Webcruiter - {ad.title}", _script(json.dumps(data, ensure_ascii=False, indent=1)), main
    )


def _wordpress(ad: Ad, base: str) -> str:
    block = (
        "\ufeff<!--\n{\n"
        '"@context": "https://schema.org",\n"@type": "JobPosting",\n'
        f'"title": "{ad.title}",\n"description": "{_body_html(ad)}",\n'
        f'"datePosted": "{ad.posted}",\n"validThrough": "{ad.due}T12:00:00Z",\n'
        f'"hiringOrganization": {{"@type": "Organization", "name": "{ad.employer}",}},\n'
        f'"jobLocation": {{"@type": "Place", "address": {{"@type": "PostalAddress", "addressLocality": "{ad.city}",}},}},\n'
        '"employmentType": ["PART_TIME",],\n}\n-->'
    )
    main = f'<div id="content"><article class="post"><h1 class="entry-title">{ad.title}</h1>{_body_html(ad)}</article></div>'
    return _document(f"{ad.title} – {ad.employer}", _script(block), main)


def _yoast(ad: Ad, base: str) -> str:
    page_url = f"{base}{ad.path}"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": page_url, "url": page_url, "name": ad.title},
            {
                "@type": "BreadcrumbList",
                "@id": f"{page_url}#breadcrumb",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Karriere", "item": f"{base}/karriere/"}
                ],
            },
            {
                "@type": "Organization",
                "@id": f"{base}/#organization",
                "name": ad.employer,
                "description": ad.about,
            },
            {"@type": "Place", "@id": f"{page_url}#place", "address": _address(ad)},
            {
                "@type": "JobPosting",
                "@id": f"{page_url}#jobposting",
                "title": ad.title,
                "description": _body_html(ad),
                "datePosted": f"{ad.posted}T10:00:00+00:00",
                "validThrough": f"{ad.due}T23:59:59+01:00",
                "employmentType": "FULL_TIME",
                "hiringOrganization": {"@id": f"{base}/#organization"},
                "jobLocation": {"@id": f"{page_url}#place"},
            },
        ],
    }
    main = f"<main><article><h1>{ad.title}</h1>{_body_html(ad)}</article></main>"
    return _document(ad.title, _script(json.dumps(graph, ensure_ascii=False)), main, canonical=page_url)


def _reachmee(ad: Ad, base: str) -> str:
    data: list[dict[str, Any]] = [
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Jobb", "item": f"{base}/karriere/"}
            ],
        },
        {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": ad.title,
            "description": _body_html(ad),
            "datePosted": ad.posted,
            "employmentType": "PART_TIME",
            "hiringOrganization": {"@type": "Organization", "name": ad.employer},
            "jobLocation": {"@type": "Place", "address": _address(ad)},
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "NOK",
                "value": {"value": "265", "unitText": "HOUR"},
            },
        },
    ]
    main = f'<table id="jobTable"><tr><td><h1>{ad.title}</h1>{_body_html(ad)}</td></tr></table>'
    return _document(ad.title, _script(json.dumps(data, ensure_ascii=False)), main)


def _minimal(ad: Ad, base: str) -> str:
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": ad.title,
        "hiringOrganization": {"name": ad.employer},
        "datePosted": ad.posted,
    }
    return _document(
        ad.title,
        _script(json.dumps(data, ensure_ascii=False)),
        f"<h1>{ad.title}</h1><p>Søk innen {ad.due}.</p>",
    )


def _mainentity(ad: Ad, base: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": ad.title,
        "mainEntity": {
            "@type": "schema:JobPosting",
            "title": ad.title,
            "description": _body_html(ad),
            "datePosted": ad.posted,
            "validThrough": ad.due,
            "employmentType": "CONTRACTOR",
            "workLanguage": ["Engelsk", "Norsk"],
            "hiringOrganization": {"@type": "Organization", "name": ad.employer},
            "jobLocation": {"@type": "Place", "address": f"{ad.city}, Norge"},
        },
    }
    main = f"<main><h1>{ad.title}</h1>{_body_html(ad)}</main>"
    return _document(ad.title, _script(json.dumps(data, ensure_ascii=False)), main)


_RENDER = {
    "teamtailor": _teamtailor,
    "jobylon": _jobylon,
    "webcruiter": _webcruiter,
    "wordpress": _wordpress,
    "yoast": _yoast,
    "reachmee": _reachmee,
    "minimal": _minimal,
    "mainentity": _mainentity,
}


def render_ad(ad: Ad, base: str) -> str:
    """The ad page in its ATS style."""
    return _RENDER[ad.style](ad, base)


def _broken_ad() -> str:
    block = (
        '{"@context": "https://schema.org", "@type": "JobPosting", "title": "Lagerarbeider"\n'
        '"hiringOrganization": {"name": "Kystlinje Logistikk AS"}, "description": "<p>Lager</p>"'
    )
    return _document(
        "Lagerarbeider", _script(block), "<main><h1>Lagerarbeider</h1><p>Skift på lageret.</p></main>"
    )


def _index_page(ads: list[Ad], page: int, pages: int) -> str:
    items = []
    for number, ad in enumerate(ads):
        href = ad.path
        if number % 3 == 0:
            href += ("&" if "?" in href else "?") + "utm_source=karriere&utm_medium=liste"
        elif number % 3 == 1:
            href += "#soknad"
        items.append(
            f'<li class="job"><a href="{html.escape(href)}">{ad.title}</a> <span>{ad.city}</span></li>'
        )
    extra = ""
    if page == 1:
        extra = (
            f'<li><a href="{BROKEN_PATH}">Lagerarbeider</a></li>'
            f'<li><a href="{PREVIEW_PATH}">Lagerleder (forhåndsvisning)</a></li>'
            '<li><a href="/stillinger/48000/utgaatt/">Utgått stilling</a></li>'
            '<li><a href="/blogg/slik-skriver-du-en-god-jobbsoknad/">Tips: slik skriver du en god jobbsøknad</a></li>'
        )
    if page == 2:
        extra = f'<li><a href="{DUPLICATE_PATH}">{DUPLICATE_OF.title}</a></li>'
    paging = "".join(
        f'<a href="/karriere/?page={n}">{n}</a> ' if n != page else f"<strong>{n}</strong> "
        for n in range(1, pages + 1)
    )
    if page < pages:
        paging += f'<a rel="next" href="/karriere/?page={page + 1}">Neste</a>'
    organisation = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Karrieresiden",
        "url": "/",
    }
    body = f'<main><h1>Ledige stillinger</h1><ul class="jobs">{"".join(items)}{extra}</ul><nav class="paging">{paging}</nav></main>'
    return _document(f"Ledige stillinger - side {page}", _script(json.dumps(organisation)), body)


def _info_page(title: str, text: str, jsonld: dict[str, Any] | None = None) -> str:
    head = _script(json.dumps(jsonld, ensure_ascii=False)) if jsonld else ""
    return _document(title, head, f"<main><h1>{title}</h1><p>{text}</p></main>")


def _urlset(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f"<url><loc>{html.escape(base + path)}</loc><lastmod>2026-11-20</lastmod></url>" for path in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    ).encode()


def _sitemapindex(base: str, paths: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{base}{path}</loc></sitemap>" for path in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


NON_AD_PAGES = {
    "/": ("Karrieresiden", "Finn din neste jobb hos oss. Se alle ledige stillinger."),
    "/om-oss/": ("Om oss", "Vi er en arbeidsplass der jobb og fritid går hånd i hånd."),
    "/kontakt/": ("Kontakt", "Spørsmål om en jobb? Ring sentralbordet."),
    "/personvern/": ("Personvern", "Slik behandler vi opplysningene i jobbsøknaden din."),
    "/blogg/slik-skriver-du-en-god-jobbsoknad/": (
        "Slik skriver du en god jobbsøknad",
        "Ti råd for deg som søker job (ja, job) i Norge: tilpass søknaden til stillingen.",
    ),
}


def build_site(base: str) -> Site:
    """The whole site for `base` (scheme, host and port, no trailing slash)."""
    xml = "application/xml"
    site: Site = {path: html_page(render_ad(ad, base)) for ad in ADS for path in [ad.path]}
    site[DUPLICATE_PATH] = html_page(render_ad(DUPLICATE_OF, base))
    site[BROKEN_PATH] = html_page(_broken_ad())
    preview = Ad(
        99, "Lagerleder", "Kystlinje Logistikk AS", "", "", "", "Bergen", "", "minimal", PREVIEW_PATH
    )
    site[PREVIEW_PATH] = html_page(render_ad(preview, base))
    pages = [ADS[i : i + 10] for i in range(0, len(ADS), 10)]
    for number, chunk in enumerate(pages, start=1):
        page_html = html_page(_index_page(chunk, number, len(pages)))
        site[f"/karriere/?page={number}"] = page_html
        if number == 1:
            site["/karriere/"] = page_html
    for path, (title, text) in NON_AD_PAGES.items():
        jsonld = None
        if path.startswith("/blogg/"):
            jsonld = {
                "@context": "https://schema.org",
                "@type": "Article",
                "headline": title,
                "about": "JobPosting tips",
            }
        site[path] = html_page(_info_page(title, text, jsonld))
    site["/robots.txt"] = Page(
        f"User-agent: *\nDisallow: /intern/\n\nSitemap: {base}/sitemap_index.xml\n".encode(), "text/plain"
    )
    site["/sitemap_index.xml"] = Page(
        _sitemapindex(
            base, ["/sitemaps/page-sitemap.xml", "/sitemaps/job-sitemap-1.xml", "/sitemaps/nested-index.xml"]
        ),
        xml,
    )
    site["/sitemaps/page-sitemap.xml"] = Page(_urlset(base, [*NON_AD_PAGES, "/karriere/"]), xml)
    site["/sitemaps/job-sitemap-1.xml"] = Page(_urlset(base, [ad.path for ad in ADS[:20]]), xml)
    site["/sitemaps/nested-index.xml"] = Page(_sitemapindex(base, ["/sitemaps/job-sitemap-2.xml.gz"]), xml)
    second = [ad.path for ad in ADS[20:]] + [BROKEN_PATH, DUPLICATE_PATH]
    site["/sitemaps/job-sitemap-2.xml.gz"] = Page(gzip.compress(_urlset(base, second)), "application/x-gzip")
    return site
