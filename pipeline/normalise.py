"""One landing record in, one `Listing` out (declared in `pipeline/listing.py`).

This module only composes: each field has its own small module (language, salary, extent, ...) so
that a field's path is easy to follow and each rule set is tested on its own.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pipeline.agency import is_staffing_agency
from pipeline.dates import (
    closed_notice,
    find_deadline_in_text,
    lifecycle_status,
    oslo_date,
    parse_deadline,
    parse_timestamp,
    with_stated_year,
)
from pipeline.education import required_education
from pipeline.employers import employer_key
from pipeline.engagement import is_temporary
from pipeline.extent import FULL_TIME_WORD, extent_and_source
from pipeline.language import assess_language
from pipeline.listing import Listing
from pipeline.occupation import occupation_categories
from pipeline.pay_scale import stale_table_note
from pipeline.places import normalise_place
from pipeline.positions import parse_positions
from pipeline.relocation import read_relocation
from pipeline.remote import assess_remote
from pipeline.salary import parse_salary
from pipeline.sector import organisation_number, sector_of
from pipeline.start import parse_start
from pipeline.text import html_to_text, repair
from pipeline.worklocations import work_locations


class RecordError(ValueError):
    """A landing record that cannot become a listing; its message is the quarantine reason."""


def listing_id(record: dict[str, Any]) -> str:
    """The stable id `source:source_id` (DESIGN.md)."""
    source, source_id = record.get("source"), record.get("source_id")
    if not source or not source_id:
        raise RecordError("record has no source or source_id")
    return f"{source}:{source_id}"


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)]


def _clean(value: Any) -> str | None:
    """A field's text stripped, with mojibake already in the source repaired; None when empty."""
    if value is None:
        return None
    text = repair(str(value).strip())
    return text or None


def _places(value: Any) -> list[dict[str, Any]]:
    """The extracted locations with their texts repaired ("TromsÃ¸" is Tromsø)."""
    if not isinstance(value, list):
        return []
    return [
        {key: repair(v) if isinstance(v, str) else v for key, v in place.items()}
        if isinstance(place, dict)
        else place
        for place in value
    ]


def _source_status(record: dict[str, Any], description: str) -> str:
    """The source's status, INACTIVE when the page itself says the ad is closed (it may still answer 200)."""
    payload = record.get("payload")
    page_text = payload.get("text") if isinstance(payload, dict) else None
    if closed_notice(page_text if isinstance(page_text, str) else None) or closed_notice(description):
        return "INACTIVE"
    return str(record.get("status") or "ACTIVE")


def normalise_record(record: dict[str, Any], on: date) -> Listing:
    """The listing for an ACTIVE landing record; raises RecordError for one that cannot be read."""
    lid = listing_id(record)
    fields = record.get("fields")
    if not isinstance(fields, dict):
        raise RecordError("record has no extracted fields")
    title = _clean(fields.get("title"))
    if not title:
        raise RecordError("listing has no title")

    description = html_to_text(fields.get("description"))
    employer = _clean(fields.get("employer"))
    full_text = f"{title}\n{description}"
    employment_types = _as_list(fields.get("employment_types"))

    published = parse_timestamp(_clean(fields.get("published")))
    expires = parse_timestamp(_clean(fields.get("expires")))
    # Year-less dates ("søknadsfrist 15. mars") are read near the day the ad was published, not today.
    reference = published.date() if published else None
    due = _clean(fields.get("application_due"))
    deadline = with_stated_year(parse_deadline(due, reference), due, description) or find_deadline_in_text(
        description, reference
    )
    if deadline is None and expires is not None and record["source"] == "jsonld":
        # A career page's JobPosting has one date, validThrough: the last day to apply there. (NAV's
        # `expires` is the ad's own expiry, and a "Snarest" NAV ad keeps no deadline.)
        deadline = oslo_date(expires)

    language = assess_language(full_text, _as_list(fields.get("work_language")) or None, title=title)
    salary = parse_salary(
        full_text, fields.get("base_salary") or None, published.date() if published else None
    )
    extent_pct, extent_source = extent_and_source(
        _clean(fields.get("extent")), employment_types, full_text, title=title
    )
    if extent_source == FULL_TIME_WORD and record.get("source") == "nav" and _clean(fields.get("extent")):
        extent_source = "nav_heltid"  # NAV writes "Heltid" also when its source gave no extent
    city, municipality, county = normalise_place(_places(fields.get("locations")))
    engagement = _clean(fields.get("engagement"))
    occupation = " / ".join(_as_list(fields.get("occupation"))) or None
    fetched_at = parse_timestamp(_clean(record.get("fetched_at"))) or datetime.now()
    start_date, start_text = parse_start(_clean(fields.get("start")), reference)
    remote = assess_remote(_clean(fields.get("remote")), full_text)
    relocation = read_relocation(description)
    categories = occupation_categories(
        _as_list(fields.get("styrk_codes")),
        fields.get("occupation_levels") or [],
        title,
        description,
        _as_list(fields.get("occupation")),
    )

    return Listing(
        listing_id=lid,
        source=record["source"],
        source_id=str(record["source_id"]),
        url=_clean(record.get("url")),
        title=title,
        employer=employer,
        description=description,
        city=city,
        municipality=municipality,
        county=county,
        published_at=published,
        expires_at=expires,
        application_deadline=deadline,
        extent_pct=extent_pct,
        temporary=is_temporary(engagement, employment_types, full_text),
        staffing_agency=is_staffing_agency(employer, full_text, _clean(fields.get("employer_description"))),
        education=required_education(
            full_text, title=title, stated=_clean(fields.get("education_requirements"))
        ),
        salary_min_nok=salary.min_nok,
        salary_max_nok=salary.max_nok,
        salary_text=salary.text,
        english_ok=language.english_ok,
        language_requirement=language.requirement,
        language_evidence=language.evidence,
        status=lifecycle_status(_source_status(record, description), deadline, expires, on),
        first_seen_at=fetched_at,
        last_seen_at=fetched_at,
        engagement=engagement,
        sector=sector_of(_clean(fields.get("sector")), employer),
        occupation=occupation,
        salary_basis=salary.basis,
        version_key=_clean(record.get("version_key")),
        start_date=start_date,
        start_text=start_text,
        extent_source=extent_source,
        salary_currency=salary.currency,
        salary_min=salary.min_amount,
        salary_max=salary.max_amount,
        salary_note=stale_table_note(salary.basis, reference, on),
        remote=remote.mode,
        remote_evidence=remote.evidence,
        occupation_categories=tuple(categories),
        work_locations=tuple(work_locations(_places(fields.get("locations")))),
        positions=parse_positions(_clean(fields.get("position_count"))),
        apply_url=_clean(fields.get("apply_url")),
        employer_orgnr=organisation_number(_clean(fields.get("employer_orgnr"))),
        employer_key=employer_key(employer) if employer else None,
        relocation=relocation.offered,
        relocation_evidence=relocation.evidence,
    )
