"""The applicant's profile (TOML): what a CV alone does not say. Every key is optional.

```toml
degree = "master"            # master | bachelor | vocational | none: the permit threshold when an ad names none
years_experience = 6
places = ["Oslo", "Bergen"]  # preferred; ads there rank a little higher, others are kept
must_have = ["python"]       # an ad must mention every one (matched like the ranking: "utvikler" = "developer")
exclude = ["konsulent"]      # an ad mentioning any is left out
english_only = false         # keep only ads that accept English
min_salary_nok = 550000      # leave out ads whose stated salary cannot reach this

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


@dataclass(frozen=True)
class Profile:
    """Defaults: no degree known, no place preference, no filters."""

    degree: str | None = None
    years_experience: int | None = None
    places: list[str] = field(default_factory=list)
    must_have: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    english_only: bool = False
    min_salary_nok: int | None = None
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
        must_have=_strings(data, "must_have", source),
        exclude=_strings(data, "exclude", source),
        english_only=_bool(data, "english_only", source),
        min_salary_nok=_int(data, "min_salary_nok", source),
        filters=_filters(data, source),
    )


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
