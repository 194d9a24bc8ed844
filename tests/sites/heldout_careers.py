"""A held-out career site: 80 job ads in the page styles of eight ATS vendors, plus the pages around them.

Built to prove the `jsonld` spider on a site it was not written against (issue 3). Every ad carries
schema.org JobPosting JSON-LD, written the way the vendor or CMS in question writes it (NOTES.md §3 and
the real samples in /work/shared/fixtures/real/finn_ats, re-created by hand, none copied):

- Teamtailor-like (`/jobs/<id>-<slug>`): invalid JSON (raw newlines inside strings), description HTML
  escaped a second time, `identifier` as a PropertyValue, `address: {}`, no `url`, no canonical link.
- Jobylon-like (`/jobs/<id>-<slug>/`): `<` and `>` written as `\\u003c`/`\\u003e`, employmentType list,
  jobLocation list, baseSalary min/max per year, canonical link; the slash-less URL redirects.
- Webcruiter-like (`/wcmain/advertviewpublic.aspx?oppdragsnr=N&company_id=C`): `"@type": ["JobPosting"]`,
  plain-text description, a BOM or HTML comments inside the script; the ASP.NET page echoes the requested
  URL in its form, so the same ad under an upper-case URL is not byte-identical.
- ReachMee-like (`/ext/I003/1070/job?site=7&lang=NO&validator=...&job_id=N`): JSON with trailing commas,
  reached from a `table#jobsTable` with relative links.
- Recman-like (`/job/<slug>-<hex>`): a top-level array of BreadcrumbList + JobPosting, monthly salary.
- Workday-like (`/en-US/careers/job/<City>/<Title>_R-<n>`): mixed-case paths, one Place, no validThrough.
- WordPress + Yoast (`/stilling/<slug>/`): one `@graph` whose JobPosting names its employer by `@id`.
- Hand-written (`/karriere/<slug>.html`): each with its own quirk (see `_HAND_QUIRKS`).

Around them: a home page, about, blog posts that talk about "jobs", team and people pages, privacy,
department pages that list ads again, index pages 1..5, a search page, an RSS feed, a PDF, mailto/tel and
off-site links, a login page, a redirect, a dead link, a sitemap index with two nested sitemaps (one
gzipped), and robots.txt with a `Sitemap:` line and `Disallow: /admin/` (behind which sits a draft ad).
`BROKEN_AD` is an 81st ad page whose JSON-LD is an unrendered template: it can only be quarantined.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.sitehelpers import Page, Site, html_page

INDEX_PATH = "/jobs/"
SITEMAP_INDEX_PATH = "/sitemap_index.xml"
PAGE_SIZE = 16
DRAFT_PATH = "/admin/drafts/HX-090"


@dataclass(frozen=True)
class Ad:
    """One ad as the test expects to find it: its id, title and employer, and the URLs it answers at."""

    ad_id: str
    style: str
    title: str
    employer: str
    path: str
    city: str
    quirk: int
    aliases: tuple[str, ...] = field(default=())


_PROFESSIONS = [
    "Sykepleier",
    "Backend-utvikler",
    "Elektriker",
    "Regnskapsmedarbeider",
    "Lagermedarbeider",
    "Barnehagelærer",
    "Data engineer",
    "Tømrer",
    "Butikksjef",
    "Kokk",
    "Helsefagarbeider",
    "Prosjektleder bygg",
    "Salg & marked-koordinator",
    "Frontend developer",
    "Rørlegger",
    "Lærer i naturfag",
    "HR-rådgiver",
    "Sjåfør klasse C",
    "Controller",
    "Vernepleier",
    "DevOps engineer",
    "Servicetekniker",
    "Kundeservicemedarbeider",
    "Fysioterapeut",
    "Anleggsleder",
    "Innkjøper",
    "Økonomisjef",
    "Renholder",
    "Produktsjef",
    "Sveiser",
]
_CITIES = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Kristiansand", "Drammen", "Bodø"]
_EMPLOYERS = {
    "teamtailor": ["Fjellvind Software AS", "Nordkapp Logistikk AS", "Havbris Helse AS"],
    "jobylon": ["Solgløtt Barnehager AS", "Bryggen Mat & Drikke AS"],
    "webcruiter": ["Vestby kommune", "Helse Midtfjord HF"],
    "reachmee": ["Statens vegkontor Nord", "Nordisk Rør og Varme AS"],
    "recman": ["Polar Bemanning AS", "Tindefjell Bygg AS"],
    "workday": ["Norsk Kraftnett ASA"],
    "yoast": ["Nordlys Energi AS"],
    "hand": ["Kafé Fjordlys", "Elvebakken Tannlegesenter", "Sjøbua Regnskap AS"],
}
_STYLE_COUNTS = [
    ("teamtailor", 12),
    ("jobylon", 10),
    ("webcruiter", 10),
    ("reachmee", 10),
    ("recman", 8),
    ("workday", 8),
    ("yoast", 10),
    ("hand", 12),
]


def _slug(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "&": " "})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


def _paths(style: str, number: int, quirk: int, title: str, city: str) -> tuple[str, tuple[str, ...]]:
    """The canonical path of an ad and the other URLs the server answers for it."""
    slug = _slug(title)
    if style == "teamtailor":
        path = f"/jobs/{1593000 + number * 7}-{slug}"
        return path, (path + "/",)
    if style == "jobylon":
        return f"/jobs/{20400 + number}-{slug}/", ()
    if style == "webcruiter":
        query = f"oppdragsnr={3477715000 + number}&company_id={3281829219 + quirk % 2}"
        path = f"/wcmain/advertviewpublic.aspx?{query}"
        return path, (
            f"/WCMAIN/AdvertViewPublic.aspx?{query}",
            f"{path}&Link_source_id=500",
            f"{path}&culture_id=NB-NO",
        )
    if style == "reachmee":
        return f"/ext/I003/1070/job?site=7&lang=NO&validator=9a1c{number:02d}&job_id={2300 + number}", ()
    if style == "recman":
        path = f"/job/{slug}-{number * 4099:x}"
        return path, (path + "/",)
    if style == "workday":
        words = re.sub(r"[^A-Za-z0-9æøåÆØÅ]+", "-", title.split(" (")[0]).strip("-")
        return f"/en-US/careers/job/{city}/{_slug(words).title()}_R-{10200 + number}", ()
    if style == "yoast":
        return f"/stilling/{slug}/", ()
    return f"/karriere/{slug}.html", ()


def _make_ads() -> list[Ad]:
    ads: list[Ad] = []
    number = 0
    for style, count in _STYLE_COUNTS:
        employers = _EMPLOYERS[style]
        for quirk in range(count):
            number += 1
            ad_id = f"HX-{number:03d}"
            city = _CITIES[number % len(_CITIES)]
            title = f"{_PROFESSIONS[number % len(_PROFESSIONS)]} ({ad_id})"
            if style == "workday":
                title = f"{_PROFESSIONS[number % len(_PROFESSIONS)]} – {city} ({ad_id})"
            path, aliases = _paths(style, number, quirk, title, city)
            employer = employers[quirk % len(employers)]
            ads.append(Ad(ad_id, style, title, employer, path, city, quirk, aliases))
    return ads


ADS: list[Ad] = _make_ads()
BROKEN_AD = Ad(
    "HX-081",
    "hand",
    "Barnehagelærer (HX-081)",
    "Solgløtt Barnehager AS",
    "/karriere/barnehagelaerer-natt.html",
    "Oslo",
    0,
)
DRAFT_TITLE = "Utkast: Sommervikar (HX-090)"


# ---------------------------------------------------------------- ad text and JSON-LD pieces


def _description_html(ad: Ad) -> str:
    return (
        f"<p>{html.escape(ad.employer)} søker en engasjert {html.escape(ad.title.split(' (')[0].lower())} "
        f"til vårt team i {ad.city}.</p>\n<h3>Arbeidsoppgaver</h3>\n<ul>\n <li>Daglig drift og "
        "oppfølging</li>\n <li>Samarbeid på tvers av avdelinger</li>\n</ul>\n<h3>Vi tilbyr</h3>\n"
        "<p>Fast stilling, gode pensjonsvilkår og fleksibel arbeidstid.&nbsp;Søk i dag!</p>"
    )


def _description_text(ad: Ad) -> str:
    return re.sub(r"<[^>]+>", "", html.unescape(_description_html(ad)))


def _place(ad: Ad) -> dict[str, Any]:
    return {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Storgata 12",
            "postalCode": "0155",
            "addressLocality": ad.city,
            "addressCountry": "NO",
        },
    }


def _posting(ad: Ad, base: str, **extra: Any) -> dict[str, Any]:
    """The common JobPosting fields; each style adds, removes or rewrites some."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": ad.title,
        "description": _description_html(ad),
        "datePosted": "2026-11-02",
        "validThrough": "2026-12-15",
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": ad.employer, "sameAs": base},
        "jobLocation": _place(ad),
    }
    data.update(extra)
    return data


def _trailing_commas(text: str) -> str:
    """Indented JSON with a comma after the last member of every object and array, as templates write it."""
    return re.sub(r"([^\s{\[,])\n(\s*[}\]])", r"\1,\n\2", text)


def _script(text: str, attrs: str = 'type="application/ld+json"') -> str:
    return f"<script {attrs}>{text}</script>"


def _page(
    title: str,
    head: str,
    body: str,
    *,
    canonical: str | None = None,
    base_href: str | None = None,
) -> str:
    links = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    base_tag = f'<base href="{base_href}">' if base_href else ""
    return (
        f'<!DOCTYPE html>\n<html lang="nb"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'{base_tag}{links}{head}</head>\n<body>\n<header><nav><a href="/">Forside</a> | '
        '<a href="/jobs/">Ledige stillinger</a> | <a href="/om-oss">Om oss</a></nav></header>\n'
        f'{body}\n<footer><a href="/personvern">Personvern</a> · '
        '<a href="https://www.linkedin.com/company/fjordlys-gruppen">LinkedIn</a> · '
        '<a href="mailto:jobb@fjordlys.example">jobb@fjordlys.example</a></footer>\n</body></html>\n'
    )


def _ad_body(ad: Ad, extra: str = "") -> str:
    return (
        f'<main><article class="job"><h1>{html.escape(ad.title)}</h1>'
        f'<p class="employer">{html.escape(ad.employer)} · {ad.city}</p>'
        f'<div class="description">{_description_html(ad)}</div>'
        f'<p><a href="mailto:rekruttering@fjordlys.example">Spørsmål?</a> '
        f'<a href="tel:+4722000000">22 00 00 00</a></p>{extra}</article></main>'
    )


# ---------------------------------------------------------------- one renderer per vendor style


def _teamtailor(ad: Ad, base: str) -> str:
    escaped = html.escape(_description_html(ad), quote=False).replace("&nbsp;", "&amp;nbsp;")
    escaped = escaped.replace("&lt;/ul&gt;", "\n\n&lt;/ul&gt;").replace("&lt;li&gt;", "\n\n &lt;li&gt;")
    number = ad.path.split("/jobs/")[1].split("-")[0]
    identifier: Any = int(number) if ad.quirk % 2 else number
    # Hand-assembled the way the vendor's template does it: the description goes in unescaped for JSON.
    text = (
        '\n  {\n    "@context": "http://schema.org/",\n    "@type": "JobPosting",\n'
        f'    "title": {json.dumps(ad.title, ensure_ascii=False)},\n'
        f'    "description": "{escaped}",\n'
        f'    "identifier": {{\n      "@type": "PropertyValue",\n      "name": {json.dumps(ad.employer, ensure_ascii=False)},\n'
        f'      "value": {json.dumps(identifier)}\n    }},\n'
        '    "datePosted": "2026-11-04T13:18:03+01:00",\n    "employmentType": "FULL_TIME",\n'
        f'    "hiringOrganization": {{\n      "@type": "Organization",\n      "name": {json.dumps(ad.employer, ensure_ascii=False)},\n'
        f'      "logo": "{base}/images/logo.png",\n      "sameAs": "{base}"\n    }},\n'
        '    "jobLocationType": "TELECOMMUTE",\n    "jobLocation": [{"@type":"Place","address":{}}]\n  }\n'
    )
    apply = f'<a href="{ad.path}/applications/new">Søk på stillingen</a> <a href="/people/ingrid-hansen">Ingrid Hansen, rekrutterer</a>'
    return _page(f"{ad.title} - {ad.employer}", _script(text), _ad_body(ad, apply))


def _jobylon(ad: Ad, base: str) -> str:
    data = _posting(
        ad,
        base,
        url=base + ad.path,
        employmentType=["FULL_TIME", "TEMPORARY"] if ad.quirk % 3 == 0 else ["FULL_TIME"],
        validThrough="2026-12-15T23:59:00+01:00",
        jobLocation=[
            _place(ad),
            {**_place(ad), "address": {**_place(ad)["address"], "addressLocality": "Bergen"}},
        ],
        baseSalary={
            "@type": "MonetaryAmount",
            "currency": "NOK",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": 520000,
                "maxValue": 610000,
                "unitText": "YEAR",
            },
        },
    )
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return _page(
        f"{ad.title} | {ad.employer} | Jobylon", _script(text), _ad_body(ad), canonical=base + ad.path
    )


def _webcruiter(ad: Ad, base: str, requested: str) -> str:
    data = _posting(
        ad,
        base,
        description=_description_text(ad),
        validThrough="2026-12-01T00:00:00",
        employmentType="Heltid",
    )
    data["@context"] = "http://schema.org"
    data["@type"] = ["JobPosting"]
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = "\ufeff" + text if ad.quirk % 2 == 0 else "<!--\n" + text + "\n-->"
    # The ad whose canonical link names itself with a different query (culture_id added).
    canonical = base + ad.path + "&culture_id=NB-NO" if ad.quirk == 3 else None
    form = f'<form method="post" action="{html.escape(requested)}" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MzE0MjEwNTs7Pg=="></form>'
    return _page(f"{ad.title} - Webcruiter", _script(text), form + _ad_body(ad), canonical=canonical)


def _reachmee(ad: Ad, base: str) -> str:
    data = _posting(ad, base, description=html.escape(_description_html(ad)))
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # A string-templated script: a comma after the last member of objects and arrays.
    text = _trailing_commas(text)
    back = '<p><a href="main?site=7&amp;lang=NO">Tilbake til ledige stillinger</a></p>'
    return _page(ad.title, _script(text), back + _ad_body(ad))


def _recman(ad: Ad, base: str) -> str:
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Jobber", "item": base + "/jobs/"},
            {"@type": "ListItem", "position": 2, "name": ad.title, "item": base + ad.path},
        ],
    }
    posting = _posting(
        ad,
        base,
        baseSalary={
            "@type": "MonetaryAmount",
            "currency": "NOK",
            "value": {"value": 46500, "unitText": "MONTH"},
        },
        employmentType="CONTRACTOR" if ad.quirk % 2 else "FULL_TIME",
    )
    text = json.dumps([crumbs, posting], ensure_ascii=False)
    return _page(f"{ad.title} – {ad.employer}", _script(text), _ad_body(ad), canonical=base + ad.path)


def _workday(ad: Ad, base: str) -> str:
    data = _posting(ad, base, identifier=ad.path.rsplit("_", 1)[1])
    data["@context"] = "http://schema.org"
    del data["validThrough"]
    data["jobLocation"] = {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressLocality": ad.city, "addressCountry": "Norway"},
    }
    data["hiringOrganization"] = {"@type": "Organization", "name": ad.employer}
    text = json.dumps(data, ensure_ascii=False)
    body = '<div id="root" data-automation-id="jobPostingPage"><noscript>Aktiver JavaScript.</noscript></div>'
    return _page(f"{ad.title}", _script(text), body + _ad_body(ad), canonical=base + ad.path)


def _yoast(ad: Ad, base: str) -> str:
    url = base + ad.path
    organization = {
        "@type": "Organization",
        "@id": base + "/#organization",
        "name": ad.employer,
        "url": base + "/",
        "logo": {"@type": "ImageObject", "@id": base + "/#/schema/logo/image/", "url": base + "/logo.png"},
    }
    posting = _posting(ad, base, url=url, **{"@id": url + "#jobposting"})
    del posting["@context"]
    posting["hiringOrganization"] = {"@id": base + "/#organization"}
    posting["mainEntityOfPage"] = {"@id": url}
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebPage",
                "@id": url,
                "url": url,
                "name": f"{ad.title} - Nordlys Energi",
                "isPartOf": {"@id": base + "/#website"},
                "breadcrumb": {"@id": url + "#breadcrumb"},
            },
            {
                "@type": "BreadcrumbList",
                "@id": url + "#breadcrumb",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Hjem", "item": base + "/"},
                    {"@type": "ListItem", "position": 2, "name": ad.title},
                ],
            },
            {
                "@type": "WebSite",
                "@id": base + "/#website",
                "url": base + "/",
                "name": "Nordlys Energi",
                "publisher": {"@id": base + "/#organization"},
            },
            organization,
            posting,
        ],
    }
    text = json.dumps(graph, ensure_ascii=False)
    head = _script(text, 'type="application/ld+json" class="yoast-schema-graph"')
    return _page(f"{ad.title} - Nordlys Energi", head, _ad_body(ad), canonical=url)


def _hand(ad: Ad, base: str) -> str:
    return _HAND_QUIRKS[ad.quirk](ad, base)


def _hand_string_employer(ad: Ad, base: str) -> str:
    data = _posting(ad, base, description=_description_text(ad), hiringOrganization=ad.employer)
    data["@context"] = "http://schema.org"
    return _page(ad.title, _script(json.dumps(data, ensure_ascii=False)), _ad_body(ad))


def _hand_main_entity(ad: Ad, base: str) -> str:
    posting = _posting(ad, base)
    del posting["@context"]
    data = {"@context": "https://schema.org", "@type": "WebPage", "name": ad.title, "mainEntity": posting}
    return _page(ad.title, _script(json.dumps(data, ensure_ascii=False)), _ad_body(ad))


def _hand_item_list(ad: Ad, base: str) -> str:
    posting = _posting(ad, base)
    del posting["@context"]
    data = {
        "@context": "https://schema.org/",
        "@type": "ItemList",
        "itemListElement": [{"@type": "ListItem", "position": 1, "item": posting}],
    }
    return _page(ad.title, _script(json.dumps(data, ensure_ascii=False)), _ad_body(ad))


def _hand_bom(ad: Ad, base: str) -> str:
    data = _posting(ad, base, baseSalary={"@type": "MonetaryAmount", "currency": "NOK", "value": 640000})
    return _page(ad.title, _script("\ufeff" + json.dumps(data, ensure_ascii=False)), _ad_body(ad))


def _hand_comment(ad: Ad, base: str) -> str:
    data = _posting(ad, base, employmentType="PART_TIME")
    text = "\n<!--\n" + json.dumps(data, ensure_ascii=False, indent=2) + "\n//-->\n"
    return _page(ad.title, _script(text), _ad_body(ad))


def _hand_trailing_single_quotes(ad: Ad, base: str) -> str:
    data = _posting(ad, base, validThrough="2026-12-31")
    text = _trailing_commas(json.dumps(data, ensure_ascii=False, indent=2))
    attrs = "id='jobposting-data' type='application/ld+json' nonce='r4nd0m'"
    return _page(ad.title, "", _ad_body(ad) + _script(text, attrs))


def _hand_separate_organization(ad: Ad, base: str) -> str:
    organization = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": base + "/#org",
        "name": ad.employer,
        "url": base,
    }
    posting = _posting(ad, base, hiringOrganization={"@id": base + "/#org"})
    head = _script(json.dumps(organization, ensure_ascii=False)) + _script(
        json.dumps(posting, ensure_ascii=False)
    )
    return _page(ad.title, head, _ad_body(ad))


def _hand_context_list(ad: Ad, base: str) -> str:
    data = _posting(ad, base, employmentType="Heltid")
    data["@context"] = ["https://schema.org", {"@language": "nb"}]
    return _page(ad.title, _script(json.dumps(data, ensure_ascii=False)), _ad_body(ad))


def _hand_escaped_html(ad: Ad, base: str) -> str:
    data = _posting(ad, base, description=html.escape(_description_html(ad)), baseSalary=598000)
    return _page(ad.title, _script(json.dumps(data, ensure_ascii=False)), _ad_body(ad))


def _hand_graph_inline(ad: Ad, base: str) -> str:
    posting = _posting(ad, base, jobLocation={"@type": "Place", "address": f"Storgata 12, 0155 {ad.city}"})
    del posting["@context"]
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Karriere"}, posting]}
    long_body = _ad_body(ad) + "<section>" + "<p>Om arbeidsplassen vår.</p>" * 200 + "</section>"
    return _page(ad.title, "", long_body + _script(json.dumps(data, ensure_ascii=False)))


def _hand_cdata(ad: Ad, base: str) -> str:
    data = _posting(ad, base)
    text = "\n//<![CDATA[\n" + json.dumps(data, ensure_ascii=False) + "\n//]]>\n"
    return _page(ad.title, _script(text), _ad_body(ad))


def _hand_organization_list(ad: Ad, base: str) -> str:
    data = _posting(ad, base, hiringOrganization=[{"@type": "Organization", "name": ad.employer}])
    return _page(ad.title, _script(json.dumps(data, ensure_ascii=False)), _ad_body(ad))


_HAND_QUIRKS: list[Callable[[Ad, str], str]] = [
    _hand_string_employer,
    _hand_main_entity,
    _hand_item_list,
    _hand_bom,
    _hand_comment,
    _hand_trailing_single_quotes,
    _hand_separate_organization,
    _hand_context_list,
    _hand_escaped_html,
    _hand_graph_inline,
    _hand_cdata,
    _hand_organization_list,
]

_RENDER: dict[str, Callable[[Ad, str], str]] = {
    "teamtailor": _teamtailor,
    "jobylon": _jobylon,
    "reachmee": _reachmee,
    "recman": _recman,
    "workday": _workday,
    "yoast": _yoast,
    "hand": _hand,
}


def _broken_ad(base: str) -> str:
    # A CMS that failed to render its template: the JSON-LD is not JSON at all.
    text = (
        '{"@context": "https://schema.org", "@type": "JobPosting", "title": {{ job.title | json }}, '
        '"hiringOrganization": {"@type": "Organization", "name": {{ company.name }}}, '
        '"description": {% include "job_description.liquid" %}}'
    )
    body = f"<main><h1>{html.escape(BROKEN_AD.title)}</h1><p>Liquid error: undefined method 'json'</p></main>"
    return _page(BROKEN_AD.title, _script(text), body)


# ---------------------------------------------------------------- links to ads, in the forms sites use


def _href(ad: Ad, base: str, variant: int) -> str:
    """A link to `ad` as one of the site's pages might write it (all lead to the same ad)."""
    forms = [
        base + ad.path,
        ad.path,
        ad.path + ("&" if "?" in ad.path else "?") + "ref=forside",
        ad.path + ("&" if "?" in ad.path else "?") + "utm_source=karriere&utm_medium=liste",
        ad.path + "#sok",
        ad.aliases[0] if ad.aliases else ad.path,
        ad.aliases[1] if len(ad.aliases) > 1 else base + ad.path + "#beskrivelse",
    ]
    if ad.style == "yoast" and variant % 2:
        return ad.path.rstrip("/")  # WordPress redirects to the slash form
    if ad.style == "jobylon" and variant % 2:
        return ad.path.rstrip("/")  # so does Django's APPEND_SLASH
    return forms[variant % len(forms)]


def _job_link(ad: Ad, href: str) -> str:
    return f'<li><a href="{html.escape(href)}">{html.escape(ad.title)}</a> – {html.escape(ad.employer)}, {ad.city}</li>'


def _index_page(base: str, page: int) -> str:
    chunk = ADS[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    base_href = None
    items: list[str] = []
    for position, ad in enumerate(chunk):
        if ad.style == "webcruiter":
            # The page holding these sets <base href> to the Webcruiter folder and links them relative to it.
            base_href = base + "/wcmain/"
            items.append(_job_link(ad, ad.path.removeprefix("/wcmain/")))
        else:
            items.append(_job_link(ad, _href(ad, base, position + page)))
    if page == 5:
        items.append(_job_link(BROKEN_AD, BROKEN_AD.path))
    pager = " ".join(
        f'<a href="/jobs/?page={n}">{n}</a>' if n != page else f"<strong>{n}</strong>" for n in range(1, 6)
    )
    if page < 5:
        pager += f' <a rel="next" href="/jobs/?page={page + 1}">Neste »</a>'
    item_list = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": n + 1, "url": base + ad.path} for n, ad in enumerate(chunk)
        ],
    }
    body = (
        f"<main><h1>Ledige stillinger (side {page} av 5)</h1>"
        '<p><a href="/jobs/search?q=utvikler&amp;sted=oslo">Søk: utvikler i Oslo</a> · '
        '<a href="/jobs/feed.rss">RSS</a> · <a href="/jobs/varsler">Jobbvarsel</a> · '
        '<a href="/ext/I003/1070/main?site=7&amp;lang=NO">Stillinger i Statens vegkontor (ReachMee)</a></p>'
        f'<ul class="jobs">{"".join(items)}</ul><nav class="pager">{pager}</nav></main>'
    )
    head = '<link rel="alternate" type="application/rss+xml" href="/jobs/feed.rss">' + _script(
        json.dumps(item_list)
    )
    return _page(f"Ledige stillinger – side {page}", head, body, base_href=base_href)


_DEPARTMENTS = {
    "helse": ("Helse og omsorg", {"Sykepleier", "Helsefagarbeider", "Vernepleier", "Fysioterapeut"}),
    "it": ("IT og utvikling", {"Backend-utvikler", "Data engineer", "Frontend developer", "DevOps engineer"}),
    "bygg": (
        "Bygg og anlegg",
        {
            "Elektriker",
            "Tømrer",
            "Rørlegger",
            "Anleggsleder",
            "Sveiser",
            "Prosjektleder bygg",
            "Servicetekniker",
        },
    ),
    "handel": (
        "Handel og service",
        {
            "Butikksjef",
            "Kokk",
            "Kundeservicemedarbeider",
            "Lagermedarbeider",
            "Salg & marked-koordinator",
            "Renholder",
            "Innkjøper",
        },
    ),
}


def _department_ads(key: str) -> list[Ad]:
    professions = _DEPARTMENTS[key][1]
    chosen = [ad for ad in ADS if ad.title.split(" (")[0].split(" – ")[0] in professions]
    if key == "it":
        # Listed in two departments: the same ads appear under "helse" as well (digital health).
        chosen += [ad for ad in ADS if ad.title.startswith("Sykepleier")][:2]
    return chosen


def _department_page(base: str, key: str) -> str:
    name = _DEPARTMENTS[key][0]
    ads = _department_ads(key)
    items = "".join(_job_link(ad, _href(ad, base, n + 3)) for n, ad in enumerate(ads))
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Avdelinger", "item": base + "/avdelinger/"},
            {"@type": "ListItem", "position": 2, "name": name, "item": f"{base}/avdelinger/{key}/"},
        ],
    }
    body = f"<main><h1>{name}</h1><p>Jobs i {name.lower()}: {len(ads)} ledige stillinger.</p><ul>{items}</ul></main>"
    return _page(f"{name} – ledige stillinger", _script(json.dumps(crumbs, ensure_ascii=False)), body)


def _reachmee_table(base: str) -> str:
    rows = "".join(
        f'<tr><td><a href="{html.escape(ad.path.removeprefix("/ext/I003/1070/"))}">{html.escape(ad.title)}</a></td>'
        f"<td>{html.escape(ad.employer)}</td><td>{ad.city}</td><td>15.12.2026</td></tr>"
        for ad in ADS
        if ad.style == "reachmee"
    )
    table = (
        '<table id="jobsTable" class="table"><thead><tr><th>Stilling</th><th>Arbeidsgiver</th><th>Sted</th>'
        f"<th>Søknadsfrist</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return _page("Ledige stillinger", "", f"<main>{table}</main>")


def _search_page(base: str) -> str:
    hits = [
        ad
        for ad in ADS
        if ad.title.split(" (")[0] in {"Backend-utvikler", "Frontend developer", "Data engineer"}
    ]
    items = "".join(_job_link(ad, ad.path + ("&" if "?" in ad.path else "?") + "q=utvikler") for ad in hits)
    body = (
        '<main><form action="/jobs/search" method="get"><input name="q" value="utvikler">'
        f'<input name="sted" value="oslo"></form><p>{len(hits)} treff</p><ul>{items}</ul></main>'
    )
    return _page("Søk i ledige stillinger", "", body)


def _rss(base: str) -> str:
    items = "".join(
        f"<item><title>{html.escape(ad.title)}</title><link>{html.escape(base + ad.path)}</link>"
        f"<guid>{ad.ad_id}</guid><description>{html.escape(ad.employer)}</description></item>"
        for ad in ADS[:20]
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Ledige stillinger</title>'
        f"<link>{base}/jobs/</link>{items}</channel></rss>"
    )


# ---------------------------------------------------------------- the other pages


def _home(base: str) -> str:
    org = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Fjordlys-gruppen",
        "url": base,
        "sameAs": ["https://www.linkedin.com/company/fjordlys-gruppen", "https://www.facebook.com/fjordlys"],
    }
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": base,
        "potentialAction": {
            "@type": "SearchAction",
            "target": base + "/jobs/search?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }
    body = (
        "<main><h1>Jobb i Fjordlys-gruppen</h1><p>Vi har 80 ledige jobs akkurat nå.</p><ul>"
        '<li><a href="/jobs/">Se alle ledige stillinger</a></li>'
        '<li><a href="/karriere">Karriere</a></li>'
        '<li><a href="/avdelinger/helse/">Helse</a></li><li><a href="/avdelinger/it/">IT</a></li>'
        '<li><a href="/avdelinger/bygg/">Bygg</a></li><li><a href="/avdelinger/handel/">Handel</a></li>'
        '<li><a href="/blogg/slik-skriver-vi-stillingsannonser">Blogg: slik skriver vi stillingsannonser</a></li>'
        '<li><a href="/blog/we-are-hiring-jobs-in-oslo">We are hiring: jobs in Oslo</a></li>'
        '<li><a href="/blogg/jobbmesse-2026">Jobbmesse 2026</a></li>'
        '<li><a href="/team/utvikling">Møt utviklingsteamet</a></li><li><a href="/people/ingrid-hansen">Ingrid</a></li>'
        '<li><a href="/files/arsrapport-2025.pdf">Årsrapport 2025 (PDF)</a></li>'
        '<li><a href="/login?next=%2Fadmin%2F">Logg inn</a></li>'
        '<li><a href="/jobs/gammel-stilling-som-er-borte">En gammel lenke</a></li>'
        '<li><a href="https://twitter.com/fjordlys">Twitter</a></li>'
        '<li><a href="tel:+4722000000">Ring oss</a></li></ul></main>'
    )
    head = _script(json.dumps(org)) + _script(json.dumps(website))
    return _page("Fjordlys-gruppen – karriere", head, body)


def _blog_how_we_write(base: str) -> str:
    example = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": "Eksempel: Kokk (HX-999)",
            "hiringOrganization": {"@type": "Organization", "name": "Eksempel AS"},
        },
        indent=2,
    )
    post = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "Slik skriver vi stillingsannonser (og hvorfor jobs-sidene våre har JobPosting)",
        "author": {"@type": "Person", "name": "Ingrid Hansen"},
        "datePublished": "2026-10-01",
    }
    body = (
        "<main><article><h1>Slik skriver vi stillingsannonser</h1><p>Alle jobs hos oss merkes med "
        "schema.org JobPosting, slik:</p>"
        f'<pre><code>&lt;script type="application/ld+json"&gt;\n{html.escape(example)}\n&lt;/script&gt;</code></pre>'
        '<p>Se <a href="/jobs/">alle ledige stillinger</a> eller les <a href="/blog/we-are-hiring-jobs-in-oslo">'
        "we are hiring</a>.</p></article></main>"
    )
    return _page("Slik skriver vi stillingsannonser", _script(json.dumps(post, ensure_ascii=False)), body)


def _blog_hiring(base: str) -> str:
    post = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "We are hiring: 20 new jobs in Oslo",
        "about": {"@type": "Thing", "name": "Jobs"},
    }
    links = "".join(_job_link(ad, base + ad.path) for ad in ADS[1:80:9])
    body = (
        "<main><article><h1>We are hiring: 20 new jobs in Oslo</h1><p>Our jobs page lists every open "
        f"position. A few of them:</p><ul>{links}</ul>"
        '<p>Share on <a href="https://www.linkedin.com/shareArticle?mini=true&amp;url=x">LinkedIn</a> or '
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>.</p></article></main>'
    )
    return _page("We are hiring", _script(json.dumps(post)), body)


def _blog_job_fair(base: str) -> str:
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Jobbmesse 2026 – møt oss og hør om ledige jobs",
        "startDate": "2026-11-28T10:00:00+01:00",
        "location": {"@type": "Place", "name": "Fjordlys Arena", "address": "Storgata 12, Oslo"},
        "organizer": {"@type": "Organization", "name": "Fjordlys-gruppen"},
    }
    body = "<main><h1>Jobbmesse 2026</h1><p>Kom og snakk med oss om jobs, karriere og sommerjobb.</p></main>"
    return _page("Jobbmesse 2026", _script(json.dumps(event, ensure_ascii=False)), body)


def _person(base: str) -> str:
    person = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Ingrid Hansen",
        "jobTitle": "Rekrutteringsansvarlig",
        "worksFor": {"@type": "Organization", "name": "Fjordlys-gruppen"},
    }
    body = (
        '<main><h1>Ingrid Hansen</h1><p>Rekrutteringsansvarlig. <a href="mailto:ingrid@fjordlys.example">E-post</a>'
        ' <a href="https://www.linkedin.com/in/ingrid-hansen-fjordlys">LinkedIn</a>'
        f' <a href="{DRAFT_PATH}">Rediger annonseutkast</a></p></main>'
    )
    return _page("Ingrid Hansen", _script(json.dumps(person, ensure_ascii=False)), body)


def _simple(title: str, text: str) -> str:
    return _page(title, "", f"<main><h1>{html.escape(title)}</h1><p>{text}</p></main>")


def _draft(base: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": DRAFT_TITLE,
        "description": "Ikke publisert.",
        "hiringOrganization": {"@type": "Organization", "name": "Fjordlys-gruppen"},
    }
    return _page(DRAFT_TITLE, _script(json.dumps(data, ensure_ascii=False)), "<main>Utkast</main>")


def _pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _urlset(base: str, paths: list[str]) -> str:
    urls = "".join(
        f"<url><loc>{html.escape(base + path)}</loc><lastmod>2026-11-02</lastmod></url>" for path in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
    )


OTHER_PATHS = [
    "/",
    "/om-oss",
    "/personvern",
    "/blogg/slik-skriver-vi-stillingsannonser",
    "/blog/we-are-hiring-jobs-in-oslo",
    "/blogg/jobbmesse-2026",
    "/team/utvikling",
    "/people/ingrid-hansen",
    "/avdelinger/helse/",
    "/avdelinger/it/",
    "/avdelinger/bygg/",
    "/avdelinger/handel/",
    "/jobs/",
    "/jobs/varsler",
    "/jobs/search",
    "/jobs/feed.rss",
    "/ext/I003/1070/main",
    "/files/arsrapport-2025.pdf",
    "/login",
]


def _ignored_queries(ad: Ad) -> tuple[str, ...]:
    """Parameters the server ignores on query-string ad URLs (the test server only drops utm_* itself)."""
    if "?" not in ad.path:
        return ()
    return (ad.path + "&ref=forside", ad.path + "&q=utvikler")


def build_site(base: str) -> Site:
    """The whole site for `base` (scheme://host:port, no trailing slash)."""
    site: Site = {}
    for ad in ADS:
        if ad.style == "webcruiter":
            for path in (ad.path, *ad.aliases, *_ignored_queries(ad)):
                site[path] = html_page(_webcruiter(ad, base, path))
            continue
        page = html_page(_RENDER[ad.style](ad, base))
        for path in (ad.path, *ad.aliases, *_ignored_queries(ad)):
            site[path] = page
        if ad.path.endswith("/"):
            site[ad.path.rstrip("/")] = Page(b"", status=301, headers=(("Location", base + ad.path),))
        if ad.style == "teamtailor":
            site[ad.path + "/applications/new"] = html_page(
                _simple(
                    "Søk på stillingen",
                    f'<form method="post"><input name="cv" type="file"></form>'
                    f'<a href="{ad.path}">Tilbake til {html.escape(ad.title)}</a>',
                )
            )
    site[BROKEN_AD.path] = html_page(_broken_ad(base))
    site[DRAFT_PATH] = html_page(_draft(base))
    site["/admin/"] = html_page(_simple("Administrasjon", f'<a href="{DRAFT_PATH}">Utkast</a>'))

    site["/"] = html_page(_home(base))
    site["/karriere"] = Page(b"", status=301, headers=(("Location", base + "/jobs/"),))
    for page_number in range(1, 6):
        site[f"/jobs/?page={page_number}"] = html_page(_index_page(base, page_number))
    site["/jobs/"] = site["/jobs/?page=1"]
    site["/jobs"] = site["/jobs/?page=1"]
    for key in _DEPARTMENTS:
        site[f"/avdelinger/{key}/"] = html_page(_department_page(base, key))
    site["/avdelinger/"] = html_page(
        _simple(
            "Avdelinger",
            " ".join(f'<a href="/avdelinger/{key}/">{name}</a>' for key, (name, _) in _DEPARTMENTS.items()),
        )
    )
    site["/ext/I003/1070/main?site=7&lang=NO"] = html_page(_reachmee_table(base))
    site["/jobs/search?q=utvikler&sted=oslo"] = html_page(_search_page(base))
    site["/jobs/search"] = html_page(_simple("Søk", '<form action="/jobs/search"><input name="q"></form>'))
    site["/jobs/feed.rss"] = Page(
        _rss(base).encode("utf-8"), content_type="application/rss+xml; charset=utf-8"
    )
    site["/jobs/varsler"] = html_page(
        _simple("Jobbvarsel", 'Få nye jobs på e-post. <form method="post"><input name="email"></form>')
    )
    site["/om-oss"] = html_page(
        _simple(
            "Om oss",
            'Fjordlys-gruppen har 1200 ansatte. Se <a href="/jobs/">jobs</a> og '
            '<a href="https://www.linkedin.com/company/fjordlys-gruppen/jobs">LinkedIn jobs</a>.',
        )
    )
    site["/personvern"] = html_page(
        _simple(
            "Personvern",
            'Vi lagrer søknader i 6 måneder. <a href="mailto:personvern@fjordlys.example">Kontakt</a>',
        )
    )
    site["/blogg/slik-skriver-vi-stillingsannonser"] = html_page(_blog_how_we_write(base))
    site["/blog/we-are-hiring-jobs-in-oslo"] = html_page(_blog_hiring(base))
    site["/blogg/jobbmesse-2026"] = html_page(_blog_job_fair(base))
    site["/team/utvikling"] = html_page(
        _simple(
            "Utviklingsteamet",
            'Vi er 14 utviklere. <a href="/avdelinger/it/">Ledige jobs i IT</a> '
            '<a href="/people/ingrid-hansen">Ingrid</a>',
        )
    )
    site["/people/ingrid-hansen"] = html_page(_person(base))
    site["/login"] = html_page(
        _simple(
            "Logg inn",
            '<form method="post" action="/login"><input name="user"></form><a href="/admin/">Admin</a>',
        )
    )
    site["/files/arsrapport-2025.pdf"] = Page(_pdf(), content_type="application/pdf")

    ad_paths = [ad.path for ad in ADS] + [BROKEN_AD.path]
    first, second = ad_paths[:40], ad_paths[40:]
    site["/job-sitemap.xml"] = Page(
        _urlset(base, first + OTHER_PATHS[:8]).encode("utf-8"), content_type="application/xml"
    )
    site["/sitemaps/jobs-2.xml.gz"] = Page(
        gzip.compress(_urlset(base, second + OTHER_PATHS[8:12]).encode("utf-8")),
        content_type="application/x-gzip",
    )
    site[SITEMAP_INDEX_PATH] = Page(
        (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/job-sitemap.xml</loc><lastmod>2026-11-02</lastmod></sitemap>"
            f"<sitemap><loc>{base}/sitemaps/jobs-2.xml.gz</loc><lastmod>2026-11-02</lastmod></sitemap>"
            "</sitemapindex>\n"
        ).encode(),
        content_type="application/xml",
    )
    site["/robots.txt"] = Page(
        f"User-agent: *\nDisallow: /admin/\n\nSitemap: {base}{SITEMAP_INDEX_PATH}\n".encode(),
        content_type="text/plain",
    )
    return site


def ad_urls(base: str) -> dict[str, Ad]:
    """Every URL under which an ad can be reached (canonical and aliases), to its ad."""
    urls: dict[str, Ad] = {}
    for ad in ADS:
        for path in (ad.path, *ad.aliases):
            urls[base + path] = ad
    return urls


@dataclass(frozen=True)
class Expected:
    """Fields beyond title and employer that the ad's JSON-LD states, as the spider should pass them on."""

    employment_types: tuple[str, ...]
    expires: str | None
    salary_numbers: tuple[int, ...]
    city_given: bool
    location_count: int


_HAND_EXPECTED = {
    3: Expected(("FULL_TIME",), "2026-12-15", (640000,), True, 1),
    4: Expected(("PART_TIME",), "2026-12-15", (), True, 1),
    5: Expected(("FULL_TIME",), "2026-12-31", (), True, 1),
    7: Expected(("Heltid",), "2026-12-15", (), True, 1),
    8: Expected(("FULL_TIME",), "2026-12-15", (598000,), True, 1),
}


def expected_fields(ad: Ad) -> Expected:
    """What `ad`'s page states in its JSON-LD, style by style (mirrors the renderers above)."""
    if ad.style == "teamtailor":
        return Expected(("FULL_TIME",), None, (), False, 0)  # `address: {}` is no place
    if ad.style == "jobylon":
        types = ("FULL_TIME", "TEMPORARY") if ad.quirk % 3 == 0 else ("FULL_TIME",)
        return Expected(types, "2026-12-15T23:59:00+01:00", (520000, 610000), True, 2)
    if ad.style == "webcruiter":
        return Expected(("Heltid",), "2026-12-01T00:00:00", (), True, 1)
    if ad.style == "recman":
        return Expected(("CONTRACTOR",) if ad.quirk % 2 else ("FULL_TIME",), "2026-12-15", (46500,), True, 1)
    if ad.style == "workday":
        return Expected(("FULL_TIME",), None, (), True, 1)
    if ad.style == "hand" and ad.quirk in _HAND_EXPECTED:
        return _HAND_EXPECTED[ad.quirk]
    return Expected(("FULL_TIME",), "2026-12-15", (), True, 1)
