"""Read schema.org JobPosting JSON-LD from a career page: page in, landing-record fields out.

Pure functions, no Scrapy: the `jsonld` and `finn` spiders both call them, and tests feed them
saved pages. The field shape is the one in docs/records.md; values stay strings as the page wrote
them (numbers become their decimal text) because typing is the pipeline's job.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector
from w3lib.url import safe_url_string

from spiders.lenient_json import LenientJSONError, loads_lenient

# Query parameters that only say where a click came from; two URLs differing in them are one ad.
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "_ga",
     "ref", "referrer", "source", "src"}
)  # fmt: skip
_EXTENT_WORDS = frozenset({"FULL_TIME", "PART_TIME", "HELTID", "DELTID"})
_AD_HINT = re.compile(r"JobPosting|hiringOrganization", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# "0155 Oslo" at the end of a one-line address; a street ("Storgata 12") has its number last instead.
_POSTCODE_CITY = re.compile(r"^(?:(?:NO|N)-)?(\d{4})\s+(\D+)$")
_COUNTRY_WORDS = frozenset({"norge", "norway", "noreg", "no", "nor"})


@dataclass(frozen=True)
class Posting:
    """One JobPosting found on a page: its landing fields and the URL it claims for itself."""

    fields: dict[str, Any]
    url: str | None
    raw: dict[str, Any]


@dataclass(frozen=True)
class BlockError:
    """A JSON-LD block that stayed unparseable after every repair."""

    reason: str
    raw: str
    looks_like_ad: bool


@dataclass
class JsonLdPage:
    """Everything the `jsonld` spider needs from one HTML page."""

    url: str
    blocks: list[str] = field(default_factory=list)
    postings: list[Posting] = field(default_factory=list)
    errors: list[BlockError] = field(default_factory=list)
    canonical: str | None = None
    page_title: str = ""
    text: str = ""

    def payload(self) -> dict[str, Any]:
        """The raw part of a landing record: blocks as on the page, the ad text, the title."""
        return {"jsonld": list(self.blocks), "text": self.text, "page_title": self.page_title}


def canonical_url(url: str) -> str:
    """`url` without fragment, tracking parameters or default port; host in lower case.

    Two links to the same ad that differ only in `utm_*`, click ids, `#apply` or in whether
    non-ASCII path characters are percent-encoded become equal.
    """
    parts = urlsplit(safe_url_string(url.strip()))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in _TRACKING_PARAMS
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(sorted(query)), ""))


def script_blocks(selector: Selector) -> list[str]:
    """The text of every `<script type="application/ld+json">`, in page order."""
    blocks = selector.xpath(
        "//script[contains(translate(@type, 'APLICTONJSD+', 'aplictonjsd+'), 'ld+json')]/text()"
    ).getall()
    return [block for block in blocks if block.strip()]


def _type_names(node: dict[str, Any]) -> set[str]:
    """`@type` as bare names: "JobPosting", ["JobPosting", "Thing"], "schema:JobPosting", full IRIs."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {re.split(r"[/:#]", name)[-1] for name in names if isinstance(name, str)}


def walk_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in `value`, depth first, including ones nested in other objects."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from walk_objects(child)
    elif isinstance(value, list):
        for child in value:
            yield from walk_objects(child)


def _id_index(documents: list[Any]) -> dict[str, dict[str, Any]]:
    """Objects that carry an `@id` and more than that, so `{"@id": ...}` references can be resolved."""
    index: dict[str, dict[str, Any]] = {}
    for node in walk_objects(documents):
        node_id = node.get("@id")
        if isinstance(node_id, str) and len(node) > 1:
            index.setdefault(node_id, node)
    return index


def _resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    """Replace a bare `{"@id": ...}` reference (Yoast's @graph style) by the object it names."""
    if isinstance(value, dict) and set(value) == {"@id"}:
        return index.get(value["@id"], value)
    if isinstance(value, list):
        return [_resolve(item, index) for item in value]
    return value


def find_postings(documents: list[Any]) -> list[dict[str, Any]]:
    """JobPosting objects among parsed JSON-LD documents, with `@id` references resolved one level."""
    index = _id_index(documents)
    postings: list[dict[str, Any]] = []
    seen: set[int] = set()
    for node in walk_objects(documents):
        if "JobPosting" not in _type_names(node) or id(node) in seen:
            continue
        seen.add(id(node))
        postings.append({key: _resolve(value, index) for key, value in node.items()})
    return postings


def _text(value: Any) -> str | None:
    """A scalar as the page wrote it: strings stripped, numbers as decimal text, objects by name."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("value") or value.get("@value"))
    if isinstance(value, list):
        return _text(value[0]) if value else None
    return None


def _clean_title(value: Any) -> str | None:
    """Titles sometimes arrive entity-escaped ("R&amp;D engineer"): unescape once."""
    text = _text(value)
    return html.unescape(text) if text else None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def unescape_description(text: str) -> str:
    """Undo one layer of HTML escaping when the markup itself was escaped (`&lt;p&gt;...`).

    Teamtailor and others escape the description twice; plain text and real HTML pass unchanged.
    """
    stripped = text.strip()
    if stripped.startswith("&lt;") or ("&lt;" in stripped and "<" not in stripped):
        return html.unescape(stripped)
    return stripped


def _address_text(text: str) -> dict[str, str | None]:
    """An address written as one string, split the Norwegian way: "Storgata 12, 0155 Oslo".

    A bare place name ("Oslo") is the city; "street, [postcode] city[, country]" is split at the commas
    and the four-digit postcode; a lone street with a house number stays an address, not a city.
    """
    parts = [part.strip() for part in text.split(",") if part.strip()]
    found: dict[str, str | None] = {}
    if len(parts) > 1 and parts[-1].casefold() in _COUNTRY_WORDS:
        found["country"] = parts.pop()
    if not parts:
        return found
    last = _POSTCODE_CITY.match(parts[-1])
    if last:
        found["postal_code"], found["city"] = last.group(1), last.group(2).strip()
        parts.pop()
    elif len(parts) > 1 or not any(ch.isdigit() for ch in parts[-1]):
        found["city"] = parts.pop()
    if parts:
        found["address"] = ", ".join(parts)
    return found


def _location(place: Any) -> dict[str, str | None] | None:
    """One `Place` (or a bare address or place name) as the records.md location shape."""
    address: Any = place.get("address") if isinstance(place, dict) else place
    if isinstance(address, list):
        address = address[0] if address else None
    location: dict[str, str | None] = {
        "address": None,
        "postal_code": None,
        "city": None,
        "municipality": None,
        "county": None,
        "country": None,
    }
    if isinstance(address, str):
        location.update(_address_text(address))
    elif isinstance(address, dict):
        location["address"] = _text(address.get("streetAddress"))
        location["postal_code"] = _text(address.get("postalCode"))
        location["city"] = _text(address.get("addressLocality"))
        location["county"] = _text(address.get("addressRegion"))
        location["country"] = _text(address.get("addressCountry"))
    if location["city"] is None and isinstance(place, dict) and isinstance(place.get("name"), str):
        location["city"] = _text(place["name"])
    return location if any(location.values()) else None


def _salary(value: Any) -> dict[str, str | None] | None:
    """`baseSalary` flattened: MonetaryAmount with a number, a string or a QuantitativeValue."""
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    salary: dict[str, str | None] = {"currency": None, "min": None, "max": None, "value": None, "unit": None}
    if not isinstance(value, dict):
        salary["value"] = _text(value)
        return salary if salary["value"] else None
    salary["currency"] = _text(value.get("currency"))
    salary["unit"] = _text(value.get("unitText"))
    amount = value.get("value")
    if isinstance(amount, dict):
        salary["value"] = _text(amount.get("value"))
        salary["min"] = _text(amount.get("minValue"))
        salary["max"] = _text(amount.get("maxValue"))
        salary["unit"] = _text(amount.get("unitText")) or salary["unit"]
    else:
        salary["value"] = _text(amount)
        salary["min"] = _text(value.get("minValue"))
        salary["max"] = _text(value.get("maxValue"))
    if not any(salary[key] for key in ("min", "max", "value")):
        return None
    return salary


def _education(value: Any) -> str | None:
    """`educationRequirements`: a credential's category ("bachelor degree") or the text the page wrote."""
    for item in _as_list(value):
        found = (
            _text(item.get("credentialCategory") or item.get("description"))
            if isinstance(item, dict)
            else _text(item)
        )
        if found:
            return html.unescape(found)
    return None


def _apply_url(posting: dict[str, Any], base_url: str) -> str | None:
    """The ApplyAction target, if the posting names one."""
    for action in _as_list(posting.get("potentialAction")):
        if isinstance(action, dict) and "ApplyAction" in _type_names(action):
            target = action.get("target")
            if isinstance(target, dict):
                target = target.get("urlTemplate") or target.get("url")
            if isinstance(target, str) and target.strip():
                return urljoin(base_url, target.strip())
    return None


def posting_fields(posting: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The records.md `fields` of one (reference-resolved) JobPosting object."""
    employment_types = [
        text for text in (_text(item) for item in _as_list(posting.get("employmentType"))) if text
    ]
    extent = next((kind for kind in employment_types if kind.upper() in _EXTENT_WORDS), None)
    engagement = next((kind for kind in employment_types if kind.upper() not in _EXTENT_WORDS), None)
    organisation = posting.get("hiringOrganization")
    if isinstance(organisation, list):
        organisation = organisation[0] if organisation else None
    employer_description = None
    if isinstance(organisation, dict):
        employer = _clean_title(organisation.get("name") or organisation.get("legalName"))
        employer_description = _text(organisation.get("description"))
    else:
        employer = _clean_title(organisation)
    description = posting.get("description")
    languages = [text for text in (_text(item) for item in _as_list(posting.get("workLanguage"))) if text]
    occupation = [
        text for text in (_text(item) for item in _as_list(posting.get("occupationalCategory"))) if text
    ]
    locations = [loc for loc in (_location(place) for place in _as_list(posting.get("jobLocation"))) if loc]
    return {
        "title": _clean_title(posting.get("title") or posting.get("name")),
        "employer": employer,
        "description": unescape_description(description) if isinstance(description, str) else "",
        "employer_description": employer_description,
        "locations": locations,
        "published": _text(posting.get("datePosted")),
        "expires": _text(posting.get("validThrough")),
        "application_due": _text(posting.get("applicationDeadline")),
        "extent": extent or _text(posting.get("workHours")),
        "engagement": engagement,
        "employment_types": employment_types,
        "work_language": languages or None,
        "base_salary": _salary(posting.get("baseSalary")),
        "sector": None,
        "occupation": occupation,
        "apply_url": _apply_url(posting, base_url),
        "position_count": _text(posting.get("totalJobOpenings")),
        "education_requirements": _education(posting.get("educationRequirements")),
        "start": _text(posting.get("jobStartDate")),
        "employer_orgnr": _organisation_id(organisation),
        "remote": " ".join(t for t in (_text(v) for v in _as_list(posting.get("jobLocationType"))) if t)
        or None,
    }


def _organisation_id(organisation: Any) -> str | None:
    """The hiring organisation's `taxID`, `vatID` or `identifier` as written (the pipeline checks it)."""
    if not isinstance(organisation, dict):
        return None
    for key in ("taxID", "vatID", "identifier"):
        value = organisation.get(key)
        if isinstance(value, dict):
            value = value.get("value")
        if isinstance(value, list):
            value = value[0] if value else None
        text = _text(value)
        if text:
            return text
    return None


def page_text(selector: Selector) -> str:
    """The readable text of the page's main content (or body), scripts and styles left out."""
    roots = selector.xpath("//main") or selector.xpath("//body")
    root = roots[0] if roots else selector
    parts = root.xpath(
        ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
    ).getall()
    return _SPACE.sub(" ", " ".join(parts)).strip()


def extract_page(page_html: str, url: str) -> JsonLdPage:
    """Parse every JSON-LD block of `page_html` (fetched from `url`) and read its JobPostings."""
    selector = Selector(text=page_html)
    page = JsonLdPage(url=url)
    page.blocks = script_blocks(selector)
    documents: list[Any] = []
    for block in page.blocks:
        try:
            documents.append(loads_lenient(block))
        except LenientJSONError as err:
            page.errors.append(BlockError(err.reason, block, bool(_AD_HINT.search(block))))
    for raw in find_postings(documents):
        own_url = raw.get("url")
        page.postings.append(
            Posting(
                fields=posting_fields(raw, url),
                url=urljoin(url, own_url.strip()) if isinstance(own_url, str) and own_url.strip() else None,
                raw=raw,
            )
        )
    canonical = selector.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
    ).get()
    page.canonical = urljoin(url, canonical.strip()) if canonical and canonical.strip() else None
    page.page_title = _SPACE.sub(" ", selector.xpath("string(//title)").get() or "").strip()
    if page.postings or page.errors:
        page.text = page_text(selector)
    return page
