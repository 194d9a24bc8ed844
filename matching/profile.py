"""The applicant's profile (TOML): what a CV alone does not say. Every key is optional.

```toml
degree = "master"            # master | bachelor | vocational | none: the permit threshold when an ad names none
                             # (not set: read from the CV, and the report says so)
years_experience = 6         # an ad asking for more years is flagged seniority_gap (not set: read from the CV)
places = ["Oslo", "Bergen"]  # only ads in these places (city, municipality or county) are shown...
places_mode = "filter"       # ...or "boost": every ad is kept, those in the places rank higher
must_have = ["python"]       # an ad must mention every one (matched like the ranking: "utvikler" = "developer")
exclude = ["konsulent"]      # an ad whose title or employer contains any of these words is left out
exclude_text = ["java"]      # an ad whose text mentions any of these anywhere is left out
english_only = false         # keep only ads that accept English
min_salary_nok = 550000      # an ad whose stated salary cannot reach this is flagged below_min_salary...
min_salary_mode = "flag"     # ...or "filter": left out

[filters]                    # the filter vocabulary of `fjordjobs facets` (pipeline/search_filter.py)
place = ["Oslo", "Vestland"]
remote = ["hybrid", "remote"]
agencies = "hide"
```
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from matching.errors import ProfileError
from pipeline.search_filter import FilterError, SearchFilter, filter_from_mapping

DEGREES = ("master", "bachelor", "vocational", "none")
PLACES_MODES = ("filter", "boost")
MIN_SALARY_MODES = ("flag", "filter")


@dataclass(frozen=True)
class Profile:
    """Defaults: no degree known, no place preference, no filters."""

    degree: str | None = None
    years_experience: int | None = None
    places: list[str] = field(default_factory=list)
    places_mode: str = "filter"
    must_have: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    exclude_text: list[str] = field(default_factory=list)
    english_only: bool = False
    min_salary_nok: int | None = None
    min_salary_mode: str = "flag"
    filters: SearchFilter = field(default_factory=SearchFilter)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_profile(path: Path | str | None) -> Profile:
    """The profile in a TOML file, or the defaults when path is None; ProfileError names the bad key."""
    if path is None:
        return Profile()
    path = Path(path)
    if not path.is_file():
        raise ProfileError(f"profile not found: {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ProfileError(f"the profile {path}:{line} is not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"the profile {path.name} is not valid TOML: {exc}") from exc
    return profile_from_dict(data, source=path.name)


def profile_from_dict(data: dict[str, Any], source: str = "profile") -> Profile:
    """Check types and values; unknown keys are an error so a typo does not pass silently."""
    known = set(Profile.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ProfileError(f"{source}: unknown key {unknown[0]!r}; known keys: {', '.join(sorted(known))}")
    degree = data.get("degree")
    if degree is not None:
        degree = str(degree).strip().lower()
        if degree not in DEGREES:
            raise ProfileError(
                f"{source}: degree must be one of {', '.join(DEGREES)}, not {data['degree']!r}"
            )
    return Profile(
        degree=degree,
        years_experience=_int(data, "years_experience", source),
        places=_strings(data, "places", source),
        places_mode=_choice(data, "places_mode", PLACES_MODES, source),
        must_have=_strings(data, "must_have", source),
        exclude=_strings(data, "exclude", source),
        exclude_text=_strings(data, "exclude_text", source),
        english_only=_bool(data, "english_only", source),
        min_salary_nok=_int(data, "min_salary_nok", source),
        min_salary_mode=_choice(data, "min_salary_mode", MIN_SALARY_MODES, source),
        filters=_filters(data, source),
    )


def _choice(data: dict[str, Any], key: str, choices: tuple[str, ...], source: str) -> str:
    value = data.get(key, choices[0])
    if value not in choices:
        raise ProfileError(f"{source}: {key} must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _filters(data: dict[str, Any], source: str) -> SearchFilter:
    value = data.get("filters", {})
    if not isinstance(value, dict):
        raise ProfileError(f"{source}: filters must be a table ([filters]), not {value!r}")
    try:
        return filter_from_mapping(value, source=f"{source} [filters]")
    except FilterError as exc:
        raise ProfileError(str(exc)) from exc


def _int(data: dict[str, Any], key: str, source: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProfileError(f"{source}: {key} must be a whole number ≥ 0, not {value!r}")
    return value


def _bool(data: dict[str, Any], key: str, source: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ProfileError(f"{source}: {key} must be true or false, not {value!r}")
    return value


def _strings(data: dict[str, Any], key: str, source: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{source}: {key} must be a list of strings, not {value!r}")
    return [v.strip() for v in value if v.strip()]
