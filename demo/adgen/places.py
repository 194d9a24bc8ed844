"""Real Norwegian work places for demo ads: city, municipality, county (2024 counties) and real postcodes.

NAV writes work locations in upper case; the pipeline has to bring them back to normal case, so the demo
uses real names with Norwegian letters (Æ, Ø, Å) and places where city and municipality differ
(Lysaker in Bærum, Leirvik in Stord). Street names are real streets in those places; house numbers are
drawn at random, so an address is plausible but not anybody's known address.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from demo.adgen.tables import load


@dataclass(frozen=True)
class Place:
    """One town with the postcodes and streets an ad there may use."""

    city: str
    municipal: str
    county: str
    postcodes: tuple[str, ...]
    streets: tuple[str, ...]
    weight: int = 1


# The towns are the entries of data/places.json.
PLACES: tuple[Place, ...] = tuple(Place(**entry) for entry in load("places"))

PLACES_BY_CITY: dict[str, Place] = {place.city: place for place in PLACES}

# Towns in the counties where public bodies often write Nynorsk.
NYNORSK_CITIES: frozenset[str] = frozenset({"Førde", "Sogndal", "Voss", "Leirvik", "Volda", "Ørsta"})


def pick_place(rng: random.Random, cities: tuple[str, ...] = ()) -> Place:
    """A place among `cities` (uniform), or among all places weighted towards the large cities."""
    if cities:
        return PLACES_BY_CITY[rng.choice(cities)]
    return rng.choices(PLACES, weights=[place.weight for place in PLACES])[0]


def work_location(rng: random.Random, place: Place, with_address: bool = True) -> dict[str, str]:
    """A NAV `workLocations` entry for the place, upper case as NAV writes it."""
    address = f"{rng.choice(place.streets)} {rng.randint(1, 60)}" if with_address else ""
    return {
        "country": "NORGE",
        "address": address.upper(),
        "city": place.city.upper(),
        "postalCode": rng.choice(place.postcodes),
        "county": place.county.upper(),
        "municipal": place.municipal.upper(),
    }
