"""Every work location of an ad, each as (city, municipality, county) in normal case.

`listings.city/municipality/county` keep the first place (DESIGN.md's contract); an ad for "Oslo,
Bergen or Trondheim" must still be found by a user filtering on Vestland, so every place is normalised
with the same rules (`pipeline.places.normalise_place`) and kept in order, without repeats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.places import normalise_place


@dataclass(frozen=True)
class WorkLocation:
    """One place of work."""

    city: str | None
    municipality: str | None
    county: str | None


def work_locations(locations: list[Any]) -> list[WorkLocation]:
    """The distinct places named by the ad's locations, first one first."""
    found: list[WorkLocation] = []
    for location in locations or []:
        city, municipality, county = normalise_place([location])
        place = WorkLocation(city, municipality, county)
        if (city or municipality or county) and place not in found:
            found.append(place)
    return found
