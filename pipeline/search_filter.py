"""The filter vocabulary: one typed object for "show me only this", whatever said it.

The profile's `[filters]` table, `fjordjobs match` flags, a saved search and the web page's sidebar all
produce a `SearchFilter`; `warehouse/search.py` turns it into SQL over the `listing_search` view, the same
view a user can query. So "remote = hybrid" or "place = Vestland" means one thing everywhere.

| key | values | keeps a listing when |
| --- | --- | --- |
| place | county, municipality or city names (several) | one of its work places is named (any case) |
| occupation | NAV category names, level 1 or 2 (several) | one of its categories is named |
| sector | public, private, nonprofit (several) | its sector is one of them |
| extent | full, part | full time (100 %) or part time |
| min_extent_pct | 0-100 | its extent is at least this |
| engagement | permanent, temporary | so stated |
| remote | onsite, hybrid, remote (several) | its way of working is one of them |
| english | true | English is accepted |
| permit_salary | true | its lowest salary meets the permit threshold that could apply (see below) |
| min_salary_nok | NOK a year | its stated salary can reach this (unstated salaries are kept) |
| published_within_days | days | published (or first seen) within that many days |
| deadline_open | true | its deadline has not passed (no deadline counts as open) |
| relocation | true | it offers help to relocate (moving, housing, visa or permit; pipeline/relocation.py) |
| agencies | show, hide, only | staffing agencies shown (default), hidden, or only they |

`permit_salary` reasons as the `match` permit flag does (`pipeline/permit.py` `salary_verdict`): an ad that
asks for a master's or a bachelor's is held to that degree's threshold; for an ad that names none, the
applicant's degree decides when the search knows it (the profile's `degree`, else the CV's), and when it does
not, the lower salary bound must meet both thresholds (it passes whatever the degree).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

SECTORS = ("public", "private", "nonprofit")
EXTENTS = ("full", "part")
ENGAGEMENTS = ("permanent", "temporary")
REMOTE_MODES = ("onsite", "hybrid", "remote")
AGENCIES = ("show", "hide", "only")


class FilterError(ValueError):
    """A filter value a user wrote wrong; the message names the key and the allowed values."""


@dataclass(frozen=True)
class SearchFilter:
    """What a search keeps; every field's default keeps everything."""

    place: tuple[str, ...] = ()
    occupation: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    extent: str | None = None
    min_extent_pct: int | None = None
    engagement: str | None = None
    remote: tuple[str, ...] = ()
    english: bool = False
    permit_salary: bool = False
    min_salary_nok: int | None = None
    published_within_days: int | None = None
    deadline_open: bool = False
    agencies: str = "show"
    relocation: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Only the keys that restrict something, as JSON-friendly values (saved searches store this)."""
        out: dict[str, Any] = {}
        default = SearchFilter()
        for key, value in asdict(self).items():
            if value == getattr(default, key):
                continue
            out[key] = list(value) if isinstance(value, tuple) else value
        return out

    def merged(self, other: SearchFilter) -> SearchFilter:
        """This filter with every key `other` sets replaced by `other`'s (flags over the profile)."""
        return filter_from_mapping({**self.to_dict(), **other.to_dict()})

    def describe(self) -> str:
        """One line for headings: "place=Oslo,Bergen; remote=hybrid" (or "everything")."""
        parts = []
        for key, value in self.to_dict().items():
            shown = ",".join(str(v) for v in value) if isinstance(value, list) else str(value).lower()
            parts.append(f"{key}={shown}")
        return "; ".join(parts) or "everything"


def _names(key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise FilterError(f"filter {key} must be a name or a list of names, not {value!r}")
    return tuple(v.strip() for v in value if v.strip())


def _choices(key: str, value: Any, allowed: tuple[str, ...]) -> tuple[str, ...]:
    names = tuple(v.lower() for v in _names(key, value))
    for name in names:
        if name not in allowed:
            raise FilterError(f"filter {key}: {name!r} is not one of {', '.join(allowed)}")
    return names


def _choice(key: str, value: Any, allowed: tuple[str, ...]) -> str | None:
    names = _choices(key, value, allowed)
    if len(names) > 1:
        raise FilterError(f"filter {key} takes one of {', '.join(allowed)}, not several")
    return names[0] if names else None


def _whole(key: str, value: Any, top: int | None = None) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < 0
        or (top is not None and value > top)
    ):
        bound = f" up to {top}" if top is not None else ""
        raise FilterError(f"filter {key} must be a whole number ≥ 0{bound}, not {value!r}")
    return value


def _flag(key: str, value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str) and value.lower() in ("true", "yes", "1", "false", "no", "0"):
        return value.lower() in ("true", "yes", "1")
    if not isinstance(value, bool):
        raise FilterError(f"filter {key} must be true or false, not {value!r}")
    return value


def filter_from_mapping(data: dict[str, Any], source: str = "filters") -> SearchFilter:
    """A checked SearchFilter from a TOML table, saved JSON or parsed flags; unknown keys are an error."""
    known = {f.name for f in fields(SearchFilter)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise FilterError(f"{source}: unknown filter {unknown[0]!r}; filters: {', '.join(sorted(known))}")
    return SearchFilter(
        place=_names("place", data.get("place")),
        occupation=_names("occupation", data.get("occupation")),
        sector=_choices("sector", data.get("sector"), SECTORS),
        extent=_choice("extent", data.get("extent"), EXTENTS),
        min_extent_pct=_whole("min_extent_pct", data.get("min_extent_pct"), 100),
        engagement=_choice("engagement", data.get("engagement"), ENGAGEMENTS),
        remote=_choices("remote", data.get("remote"), REMOTE_MODES),
        english=_flag("english", data.get("english")),
        permit_salary=_flag("permit_salary", data.get("permit_salary")),
        min_salary_nok=_whole("min_salary_nok", data.get("min_salary_nok")),
        published_within_days=_whole("published_within_days", data.get("published_within_days")),
        deadline_open=_flag("deadline_open", data.get("deadline_open")),
        agencies=_choice("agencies", data.get("agencies"), AGENCIES) or "show",
        relocation=_flag("relocation", data.get("relocation")),
    )
