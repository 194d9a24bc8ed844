"""Read NAV pam-stilling-feed responses into plain values: token text, feed pages, feed entries.

Pure functions (JSON or text in, plain data out), so the NAV spider only routes requests and these
can be tested on saved samples. Field values stay as NAV wrote them (upper-case places, free-text
`applicationDue`); normalisation is the pipeline's job. Shapes: shared NOTES.md §1.2.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

AD_PAGE_URL = "https://arbeidsplassen.nav.no/stillinger/stilling/{uuid}"
_JWT = re.compile(r"ey[\w-]+\.ey[\w-]+\.[\w-]+")
# categoryList types that carry STYRK occupation names (the feed uses STYRK08, the internal ad STYRK08NAV).
_STYRK_TYPES = {"STYRK08", "STYRK08NAV"}


class FeedEvent(NamedTuple):
    """The newest line for one ad on a feed page."""

    uuid: str
    status: str  # ACTIVE | INACTIVE
    sist_endret: str
    item: dict[str, Any]  # the feed item as received, kept as the payload of INACTIVE records


def token_from_text(text: str) -> str:
    """The bearer token in `/api/publicToken`'s body.

    The body is a headline and the JWT on the last line; sending the whole body as the token
    fails, so take the JWT by pattern, else the last non-empty line.
    """
    match = _JWT.search(text)
    if match:
        return match.group(0)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or " " in lines[-1]:
        raise ValueError("the token endpoint returned no token; check the feed URL")
    return lines[-1]


def page_id(page: dict[str, Any]) -> str | None:
    """The page's own id (its first event), the cursor to resume from when it is the tip."""
    value = page.get("id")
    return str(value) if value else None


def next_page_id(page: dict[str, Any]) -> str | None:
    """The id of the next page, or None at the tip of the feed."""
    value = page.get("next_id")
    return str(value) if value else None


def feed_events(page: dict[str, Any]) -> list[FeedEvent]:
    """One event per ad on the page: its last line wins (an ad changed twice appears twice).

    Ordered by where each ad's last line sits, so the output follows the log.
    """
    last: dict[str, FeedEvent] = {}
    for item in page.get("items") or []:
        entry = item.get("_feed_entry") or {}
        ad_uuid = entry.get("uuid") or item.get("id")
        if not ad_uuid:
            continue
        event = FeedEvent(
            uuid=str(ad_uuid),
            status=str(entry.get("status") or "").upper(),
            sist_endret=str(entry.get("sistEndret") or item.get("date_modified") or ""),
            item=item,
        )
        last.pop(event.uuid, None)
        last[event.uuid] = event
    return list(last.values())


def ad_content(entry: dict[str, Any]) -> dict[str, Any] | None:
    """The ad inside a feed entry, or None when the ad is inactive.

    The server writes `ad_content`; NAV's documentation page still calls it `json`, so take either.
    """
    content = entry.get("ad_content", entry.get("json"))
    return content if isinstance(content, dict) and content else None


def entry_is_active(entry: dict[str, Any]) -> bool:
    """ACTIVE with content; an entry without `ad_content` means NAV withdrew the ad."""
    return str(entry.get("status") or "").upper() == "ACTIVE" and ad_content(entry) is not None


def ad_url(ad_uuid: str) -> str:
    """The ad's public page on arbeidsplassen.nav.no."""
    return AD_PAGE_URL.format(uuid=ad_uuid)


class NavShapeError(ValueError):
    """A NAV record this module cannot read in full; the message is the quarantine reason."""


def entry_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """The `fields` of a landing record (docs/records.md) from a feed entry; {} when inactive.

    Contact persons are deliberately not read: they are personal data and stay out of `fields`.
    Raises NavShapeError when the entry's ad has no title or no text (a changed shape must be
    quarantined with its reason, never loaded half-empty).
    """
    ad = ad_content(entry)
    if ad is None:
        return {}
    return _complete(_feed_ad_fields(ad), "feed entry")


def ad_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The `fields` of any of NAV's public ad shapes, told apart by their keys.

    - the feed entry (`pam-stilling-feed`): `{uuid, status, sistEndret, ad_content}`;
    - a search-API hit (`pam-public-feed`, Elasticsearch): `{_id, _source: {title, properties.adtext, ...}}`,
      or its `_source` alone; NAV's internal ad (`pam-ad` AdDTO) has the same `properties` shape;
    - an import-API ad (`pam-import-api`, what ATS systems send NAV): `{reference, adText, employer, ...}`.
    Raises NavShapeError, naming the shape, for a record of none of them or one without title or text.
    """
    if "ad_content" in record or "json" in record:
        return entry_fields(record)
    if isinstance(record.get("_source"), dict):
        return _complete(_properties_fields(record["_source"]), "search-API hit")
    # An internal AdDTO imported from another board also carries `reference` (the board's id), so the
    # import-API shape is told by its top-level `adText`, or by `reference` without a properties text.
    props = record.get("properties")
    has_props_text = isinstance(props, dict) and bool(props.get("adtext"))
    if "adText" in record or ("reference" in record and not has_props_text):
        return _complete(_import_fields(record), "import-API ad")
    if isinstance(props, dict):
        return _complete(_properties_fields(record), "NAV ad (properties)")
    if "description" in record and ("workLocations" in record or "employer" in record):
        return _complete(_feed_ad_fields(record), "feed ad content")
    keys = ", ".join(sorted(record)[:8])
    raise NavShapeError(f"not a NAV ad shape this reader knows (keys: {keys}); nothing was loaded from it")


def _complete(fields: dict[str, Any], shape: str) -> dict[str, Any]:
    missing = [name for name in ("title", "description") if not fields.get(name)]
    if missing:
        raise NavShapeError(
            f"NAV {shape} without {' or '.join(missing)}: NAV may have changed the shape; quarantined "
            "rather than loaded half-empty"
        )
    return fields


def _properties_fields(ad: dict[str, Any]) -> dict[str, Any]:
    """A search hit's `_source` or an internal AdDTO: free-text values under `properties`."""
    props = ad.get("properties") or {}
    employer: dict[str, Any] = ad["employer"] if isinstance(ad.get("employer"), dict) else {}
    return {
        "title": _text(ad.get("title")) or _text(props.get("jobtitle")) or "",
        "employer": _text(ad.get("businessName"))
        or _text(props.get("employer"))
        or _text(employer.get("name")),
        "description": props.get("adtext") or "",
        "employer_description": _text(props.get("employerdescription")),
        "locations": [_location(place) for place in ad.get("locationList") or []],
        "published": _text(ad.get("published")),
        "expires": _text(ad.get("expires")),
        "application_due": _text(props.get("applicationdue")),
        "extent": _text(props.get("extent")),
        "engagement": _text(props.get("engagementtype")),
        "employment_types": [],
        "work_language": _json_list(props.get("workLanguage")),
        "base_salary": None,
        "sector": _text(props.get("sector")),
        "occupation": _occupation({"occupationCategories": ad.get("occupationList"), **ad}),
        "apply_url": _text(props.get("applicationurl")) or _text(props.get("sourceurl")),
        "position_count": _text(props.get("positioncount")),
    }


def _import_fields(ad: dict[str, Any]) -> dict[str, Any]:
    """An import-API ad: the text as `adText`, the employer as an object, the rest under `properties`."""
    fields = _properties_fields(
        {**ad, "properties": {**(ad.get("properties") or {}), "adtext": ad.get("adText")}}
    )
    employer: dict[str, Any] = ad["employer"] if isinstance(ad.get("employer"), dict) else {}
    fields["employer"] = _text(employer.get("businessName")) or fields["employer"]
    fields["position_count"] = _text(ad.get("positions")) or fields["position_count"]
    if not fields["locations"] and isinstance(employer.get("location"), dict):
        fields["locations"] = [_location(employer["location"])]
    return fields


def _json_list(value: Any) -> list[str] | None:
    """NAV writes list properties as JSON text ('["Norsk","Engelsk"]')."""
    if isinstance(value, list):
        return [str(v) for v in value if v] or None
    if isinstance(value, str) and value.strip():
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value.strip()]
        return [str(v) for v in parsed if v] or None if isinstance(parsed, list) else None
    return None


def _feed_ad_fields(ad: dict[str, Any]) -> dict[str, Any]:
    employer = ad.get("employer") or {}
    return {
        "title": _text(ad.get("title")) or _text(ad.get("jobtitle")) or "",
        "employer": _text(employer.get("name")),
        "description": ad.get("description") or "",
        "employer_description": _text(employer.get("description")),
        "locations": [_location(place) for place in ad.get("workLocations") or []],
        "published": _text(ad.get("published")),
        "expires": _text(ad.get("expires")),
        "application_due": _text(ad.get("applicationDue")),
        "extent": _text(ad.get("extent")),
        "engagement": _text(ad.get("engagementtype")),
        "employment_types": [],
        "work_language": None,  # the feed has no working-language field: it comes from the text
        "base_salary": None,  # nor a salary
        "sector": _text(ad.get("sector")),
        "occupation": _occupation(ad),
        "apply_url": _text(ad.get("applicationUrl")) or _text(ad.get("sourceurl")),
        "position_count": _text(ad.get("positioncount")),
        "start": _text(ad.get("starttime")),
        "employer_orgnr": _text(employer.get("orgnr")),
        "remote": _text(ad.get("remote")),  # NAV's import property; the feed may leave it out
        "styrk_codes": _styrk_codes(ad),
        "occupation_levels": [
            {"level1": _text(c.get("level1")), "level2": _text(c.get("level2"))}
            for c in ad.get("occupationCategories") or []
            if isinstance(c, dict)
        ],
    }


def _text(value: Any) -> str | None:
    """NAV writes "" for a missing value; the landing contract says null."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _location(place: dict[str, Any]) -> dict[str, str | None]:
    return {
        "address": _text(place.get("address")),
        "postal_code": _text(place.get("postalCode")),
        "city": _text(place.get("city")),
        "municipality": _text(place.get("municipal")),
        "county": _text(place.get("county")),
        "country": _text(place.get("country")),
    }


def _styrk_codes(ad: dict[str, Any]) -> list[str]:
    """The STYRK-08 codes of `categoryList`, best score first (NAV maps them to its categories)."""
    coded = [
        c
        for c in ad.get("categoryList") or []
        if isinstance(c, dict)
        and str(c.get("categoryType") or "").upper() in _STYRK_TYPES
        and _text(c.get("code"))
    ]
    coded.sort(key=lambda c: -float(c.get("score") or 0))
    return [str(c["code"]).strip() for c in coded]


def _occupation(ad: dict[str, Any]) -> list[str]:
    """NAV's occupation categories (level 1, level 2), then STYRK names, without repeats."""
    names: list[str] = []
    for category in ad.get("occupationCategories") or []:
        names += [category.get("level1"), category.get("level2")]
    for category in ad.get("categoryList") or []:
        if str(category.get("categoryType") or "").upper() in _STYRK_TYPES:
            names.append(category.get("name"))
    seen: list[str] = []
    for name in names:
        text = _text(name)
        if text and text not in seen:
            seen.append(text)
    return seen
