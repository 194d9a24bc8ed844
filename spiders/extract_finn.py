"""Read Finn-style job pages: ad pages into landing fields, search pages into ad and page links.

Finn renames its CSS classes every release or two; its embedded JSON and its Norwegian labels
have held since 2019 (NOTES.md §2). So the extraction is layered, most durable first:

1. `advertising-initial-state` JSON: ad-server targeting keys (`job_title`, `company_name`,
   `working_language`, `job_positions`);
2. JobPosting JSON-LD where the page still has it (also inside a `{"script:ld+json": ...}` wrapper);
3. fact rows found by their labels (Søknadsfrist/Frist, Ansettelsesform, Sektor, Sted,
   Arbeidsspråk, Stillingsfunksjon, ...), whatever element or class holds them.

Expired ads ("Fristen er utløpt", `robots noindex`) keep status ACTIVE: the deadline goes into
`application_due` and the badge stays in the payload text, so the pipeline decides expiry from the
date with the same rule it uses for every source.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

from parsel import Selector

from spiders.extract_jsonld import find_postings, posting_fields, script_blocks, walk_objects
from spiders.lenient_json import LenientJSONError, loads_lenient

_CODE = re.compile(r"(?:[?&]finnkode=|/job/ad/|finn\.no/)(\d{6,})(?!\d)")
_SPACE = re.compile(r"\s+")
# Labels as Finn prints them. "Stillingstittel" is left out on purpose: on ad pages it is the
# contact person's title, not the job's.
FACT_LABELS = (
    "Søknadsfrist",
    "Frist",
    "Ansettelsesform",
    "Sektor",
    "Sted",
    "Hjemmekontor",
    "Bransje",
    "Stillingsfunksjon",
    "Arbeidsspråk",
    "Antall stillinger",
    "Omfang",
    "Arbeidsgiver",
    "FINN-kode",
    "Sist endret",
)
_FACT = re.compile(
    r"^("
    + "|".join(re.escape(label) for label in sorted(FACT_LABELS, key=len, reverse=True))
    + r")\s*:?\s+(.+)$"
)
_PLACE = re.compile(r"^(?:(?P<address>.*?),\s*)?(?P<postal>\d{4})\s+(?P<city>.+)$")


def finn_code(url: str) -> str | None:
    """The numeric ad code in either URL form (`/job/ad/N`, `ad.html?finnkode=N`), else None."""
    match = _CODE.search(url)
    return match.group(1) if match else None


def ad_url(any_url: str, code: str) -> str:
    """The canonical ad URL `/job/ad/<code>` on the host of `any_url`."""
    parts = urlsplit(any_url)
    return f"{parts.scheme}://{parts.netloc}/job/ad/{code}"


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def initial_state(selector: Selector) -> dict[str, Any] | None:
    """The `advertising-initial-state` script as JSON, or None when absent or unreadable."""
    raw = selector.xpath("//script[@id='advertising-initial-state']/text()").get()
    if not raw:
        return None
    try:
        state = loads_lenient(raw)
    except LenientJSONError:
        return None
    return state if isinstance(state, dict) else None


def targeting(state: dict[str, Any] | None) -> dict[str, list[str]]:
    """Ad-server targeting `{key: values}` from the initial state (GAM first, then Prebid)."""
    result: dict[str, list[str]] = {}
    ad_server = ((state or {}).get("config") or {}).get("adServer") or {}
    for server in ("gam", "prebid"):
        for entry in (ad_server.get(server) or {}).get("targeting") or []:
            if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                values = [str(value) for value in entry.get("value") or [] if str(value).strip()]
                result.setdefault(entry["key"], values)
    return result


def fact_rows(selector: Selector) -> dict[str, str]:
    """Labelled facts `{label: value}`: `<li>Label: value</li>`, `<li>Label <span>value</span>`, `<dt>/<dd>`.

    The ad body is skipped so a bullet point that happens to start with "Sted" is not a fact.
    """
    facts: dict[str, str] = {}
    for node in selector.xpath("//li[not(ancestor::div[contains(@class, 'import-decoration')])] | //dt"):
        if node.root.tag == "dt":
            label = _norm(node.xpath("string(.)").get() or "").rstrip(":").strip()
            value = _norm(node.xpath("string(following-sibling::dd[1])").get() or "")
            if label in FACT_LABELS and value:
                facts.setdefault(label, value)
            continue
        match = _FACT.match(_norm(node.xpath("string(.)").get() or ""))
        if match:
            facts.setdefault(match.group(1), match.group(2).strip())
    return facts


def _postings(selector: Selector) -> tuple[list[str], list[dict[str, Any]]]:
    """JSON-LD blocks as on the page and the JobPostings in them (unwrapping `script:ld+json`)."""
    blocks = script_blocks(selector)
    documents: list[Any] = []
    for block in blocks:
        try:
            document = loads_lenient(block)
        except LenientJSONError:
            continue
        if isinstance(document, dict) and "script:ld+json" in document:
            document = document["script:ld+json"]
        documents.append(document)
    return blocks, find_postings(documents)


def _inner_html(selector: Selector, xpath: str) -> str | None:
    nodes = selector.xpath(xpath)
    if not nodes:
        return None
    inner = "".join(nodes[0].xpath("node()").getall()).strip()
    return inner or None


def _location(value: str) -> dict[str, str | None]:
    match = _PLACE.match(value)
    location: dict[str, str | None] = dict.fromkeys(
        ("address", "postal_code", "city", "municipality", "county", "country")
    )
    if match:
        location["address"] = (match.group("address") or "").strip() or None
        location["postal_code"] = match.group("postal")
        location["city"] = match.group("city").strip()
    else:
        location["city"] = value
    return location


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _og_title_parts(selector: Selector) -> list[str]:
    """og:title reads "Job title · Place · Employer | FINN Jobb"."""
    og = selector.xpath("//meta[@property='og:title']/@content").get() or ""
    og = re.sub(r"\s*\|\s*FINN.*$", "", og)
    return [part.strip() for part in og.split("·") if part.strip()]


@dataclass(frozen=True)
class FinnAd:
    """One ad page read: its code, the landing `fields` and the raw `payload`."""

    code: str | None
    canonical: str | None
    fields: dict[str, Any]
    payload: dict[str, Any]

    @property
    def empty(self) -> bool:
        """Nothing recognisable on the page: the template changed or this is no ad."""
        return not (self.fields.get("title") or self.payload["facts"] or self.payload["initial_state"])


def extract_ad(page_html: str, url: str) -> FinnAd:
    """Read a Finn-style ad page fetched from `url`."""
    selector = Selector(text=page_html)
    state = initial_state(selector)
    keys = targeting(state)
    blocks, postings = _postings(selector)
    ld = posting_fields(postings[0], url) if postings else {}
    facts = fact_rows(selector)
    og_parts = _og_title_parts(selector)
    canonical = selector.xpath("//link[@rel='canonical']/@href").get()
    code = (
        finn_code(url)
        or selector.xpath("//meta[@name='adid']/@content").get()
        or facts.get("FINN-kode")
        or (finn_code(canonical) if canonical else None)
    )

    title = (
        _first(keys.get("job_title"))
        or ld.get("title")
        or _norm(selector.xpath("string(//section[.//h1]//h2[1])").get() or "")
        or (og_parts[0] if og_parts else None)
    )
    employer = (
        _first(keys.get("company_name"))
        or ld.get("employer")
        or facts.get("Arbeidsgiver")
        or (og_parts[-1] if len(og_parts) > 1 else None)
    )
    description = _inner_html(selector, "//h1/following-sibling::div[1]") or ld.get("description") or ""
    employer_description = _inner_html(
        selector, "//section[h2[normalize-space()='Om arbeidsgiveren']]/div[1]"
    ) or ld.get("employer_description")
    languages = keys.get("working_language") or _split(facts.get("Arbeidsspråk")) or ld.get("work_language")
    apply_url = selector.xpath(
        "//a[@id='job-apply-button']/@href | //a[normalize-space()='Søk her' or normalize-space()='Søk på stillingen']/@href"
    ).get()
    locations = ld.get("locations") or ([_location(facts["Sted"])] if facts.get("Sted") else [])

    fields: dict[str, Any] = {
        "title": title or None,
        "employer": employer or None,
        "description": description,
        "employer_description": employer_description,
        "locations": locations,
        "published": ld.get("published"),
        "expires": ld.get("expires"),
        "application_due": facts.get("Søknadsfrist") or facts.get("Frist") or ld.get("application_due"),
        "extent": facts.get("Omfang") or ld.get("extent"),
        "engagement": facts.get("Ansettelsesform") or ld.get("engagement"),
        "employment_types": ld.get("employment_types") or [],
        "work_language": languages or None,
        "base_salary": ld.get("base_salary"),
        "sector": facts.get("Sektor"),
        "occupation": _split(facts.get("Stillingsfunksjon")) or ld.get("occupation") or [],
        "apply_url": urljoin(url, apply_url.strip()) if apply_url else ld.get("apply_url"),
        "position_count": facts.get("Antall stillinger") or _first(keys.get("job_positions")),
        "start": facts.get("Tiltredelse") or ld.get("start"),
        "employer_orgnr": ld.get("employer_orgnr"),
        "remote": facts.get("Hjemmekontor") or ld.get("remote"),
    }
    roots = selector.xpath("//article") or selector.xpath("//main") or selector.xpath("//body")
    text_parts = roots[0].xpath(
        ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::template)]"
    )
    payload = {
        "initial_state": state,
        "jsonld": blocks,
        "facts": facts,
        "text": _norm(" ".join(text_parts.getall())) if roots else "",
    }
    return FinnAd(
        code=code,
        canonical=urljoin(url, canonical) if canonical else None,
        fields=fields,
        payload=payload,
    )


# Search pages ---------------------------------------------------------------------------------


def _query_state(selector: Selector) -> list[Any]:
    """The `data-react-query-state` JSON (plain or base64) of a search page, if any."""
    documents = []
    for raw in selector.xpath("//script[@data-react-query-state]/text()").getall():
        text = raw.strip()
        if not text.startswith(("{", "[")):
            try:
                text = base64.b64decode(text).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                continue
        try:
            documents.append(loads_lenient(text))
        except LenientJSONError:
            continue
    return documents


@dataclass(frozen=True)
class SearchPage:
    """What a search result page points to: ad URLs (canonical form) and further result pages."""

    ad_urls: list[str]
    page_urls: list[str]


def extract_search(page_html: str, url: str) -> SearchPage:
    """Ad links and paging links of a search page; embedded query state adds what links miss."""
    selector = Selector(text=page_html)
    ads: dict[str, str] = {}
    for href in selector.xpath("//a/@href").getall():
        absolute = urljoin(url, href.strip())
        code = finn_code(absolute)
        if code and urlsplit(absolute).netloc == urlsplit(url).netloc:
            ads.setdefault(code, ad_url(url, code))
    pages: list[str] = []
    parts = urlsplit(url)
    for document in _query_state(selector):
        for node in walk_objects(document):
            for doc in node.get("docs") or []:
                code = str(doc.get("ad_id") or doc.get("id") or "") if isinstance(doc, dict) else ""
                if code.isdigit():
                    ads.setdefault(code, ad_url(url, code))
            paging = node.get("paging")
            if isinstance(paging, dict) and str(paging.get("last", "")).isdigit():
                param = str(paging.get("param") or "page")
                query = [(k, v) for k, v in parse_qsl(parts.query) if k != param]
                for number in range(1, int(paging["last"]) + 1):
                    paged = "&".join(f"{k}={v}" for k, v in [*query, (param, str(number))])
                    pages.append(f"{parts.scheme}://{parts.netloc}{parts.path}?{paged}")
    for href in selector.xpath("//a/@href").getall():
        absolute = urljoin(url, href.strip())
        target = urlsplit(absolute)
        if (
            target.netloc == parts.netloc
            and target.path == parts.path
            and any(key == "page" for key, _ in parse_qsl(target.query))
        ):
            pages.append(absolute.split("#", 1)[0])
    return SearchPage(ad_urls=list(ads.values()), page_urls=list(dict.fromkeys(pages)))
