"""The crawl-health gate: a run that finds nothing, or whose items mostly lack required fields, failed."""

from __future__ import annotations

from dataclasses import dataclass

# Above this share of listings without title, employer or url, the extraction is broken, not the ads.
MAX_INCOMPLETE_SHARE = 0.5


@dataclass(frozen=True)
class HealthVerdict:
    ok: bool
    reason: str | None = None


def assess_health(source: str, listing_records: int, incomplete: int, *, has_cursor: bool) -> HealthVerdict:
    """Judge a crawl by what it delivered.

    A NAV re-crawl with nothing new legitimately yields no listings but still reports its cursor, so
    "found nothing" means no listings and no cursor.
    """
    if listing_records == 0 and not has_cursor:
        return HealthVerdict(False, f"{source or 'crawl'}: found no listings")
    if listing_records and incomplete / listing_records > MAX_INCOMPLETE_SHARE:
        return HealthVerdict(
            False,
            f"{source}: {incomplete} of {listing_records} listings lack a title, employer or url "
            "(the page layout may have changed)",
        )
    return HealthVerdict(True)
