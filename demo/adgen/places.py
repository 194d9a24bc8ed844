"""Real Norwegian work places for demo ads: city, municipality, county (2024 counties) and real postcodes.

NAV writes work locations in upper case; the pipeline has to bring them back to normal case, so the demo
uses real names with Norwegian letters (Æ, Ø, Å) and places where city and municipality differ
(Lysaker in Bærum, Leirvik in Stord). Street names are real streets in those places; house numbers are
drawn at random, so an address is plausible but not anybody's known address.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One town with the postcodes and streets an ad there may use."""

    city: str
    municipal: str
    county: str
    postcodes: tuple[str, ...]
    streets: tuple[str, ...]
    weight: int = 1


PLACES: tuple[Place, ...] = (
    Place(
        "Oslo",
        "Oslo",
        "Oslo",
        ("0150", "0154", "0160", "0185", "0250", "0484", "0580", "0661"),
        (
            "Karl Johans gate",
            "Dronning Eufemias gate",
            "Grensen",
            "Schweigaards gate",
            "Storgata",
            "Nydalsveien",
            "Sandakerveien",
            "Økernveien",
        ),
        30,
    ),
    Place(
        "Bergen",
        "Bergen",
        "Vestland",
        ("5003", "5006", "5014", "5020", "5057", "5068"),
        (
            "Strandgaten",
            "Kong Oscars gate",
            "Møllendalsveien",
            "Kanalveien",
            "Nygårdsgaten",
            "Thormøhlens gate",
        ),
        12,
    ),
    Place(
        "Trondheim",
        "Trondheim",
        "Trøndelag",
        ("7010", "7011", "7030", "7041"),
        ("Munkegata", "Olav Tryggvasons gate", "Fossegrenda", "Kjøpmannsgata", "Brattørkaia"),
        10,
    ),
    Place(
        "Stavanger",
        "Stavanger",
        "Rogaland",
        ("4005", "4006", "4014", "4020"),
        ("Kirkegata", "Løkkeveien", "Forusbeen", "Verksgata", "Strandkaien"),
        8,
    ),
    Place("Sandnes", "Sandnes", "Rogaland", ("4306", "4307"), ("Langgata", "Elvegata"), 2),
    Place(
        "Kristiansand",
        "Kristiansand",
        "Agder",
        ("4608", "4610", "4631"),
        ("Markens gate", "Dronningens gate", "Vestre Strandgate"),
        4,
    ),
    Place("Arendal", "Arendal", "Agder", ("4836",), ("Langbryggen", "Torvet"), 1),
    Place(
        "Tromsø",
        "Tromsø",
        "Troms",
        ("9008", "9019", "9037"),
        ("Storgata", "Sjøgata", "Hansine Hansens veg"),
        4,
    ),
    Place("Harstad", "Harstad", "Troms", ("9405",), ("Rikard Kaarbøs gate", "Strandgata"), 1),
    Place("Alta", "Alta", "Finnmark", ("9510",), ("Markedsgata", "Løkkeveien"), 1),
    Place("Hammerfest", "Hammerfest", "Finnmark", ("9600",), ("Strandgata", "Sjøgata"), 1),
    Place("Bodø", "Bodø", "Nordland", ("8005", "8006"), ("Storgata", "Sjøgata", "Dronningens gate"), 3),
    Place("Mo i Rana", "Rana", "Nordland", ("8622",), ("Jernbanegata", "Ole Tobias Olsens gate"), 1),
    Place("Narvik", "Narvik", "Nordland", ("8514",), ("Kongens gate", "Dronningens gate"), 1),
    Place(
        "Ålesund", "Ålesund", "Møre og Romsdal", ("6002", "6003"), ("Keiser Wilhelms gate", "Apotekergata"), 3
    ),
    Place("Molde", "Molde", "Møre og Romsdal", ("6413",), ("Storgata", "Kirkebakken"), 1),
    Place("Volda", "Volda", "Møre og Romsdal", ("6100",), ("Halkjelsvegen", "Stormyra"), 1),
    Place("Ørsta", "Ørsta", "Møre og Romsdal", ("6150",), ("Vikegata", "Anders Hovdens gate"), 1),
    Place("Førde", "Sunnfjord", "Vestland", ("6800",), ("Hafstadvegen", "Storehagen"), 1),
    Place("Sogndal", "Sogndal", "Vestland", ("6856",), ("Gravensteinsgata", "Fosshaugane"), 1),
    Place("Voss", "Voss", "Vestland", ("5700",), ("Uttrågata", "Vangsgata"), 1),
    Place("Leirvik", "Stord", "Vestland", ("5411",), ("Borggata", "Hamnegata"), 1),
    Place("Haugesund", "Haugesund", "Rogaland", ("5527", "5528"), ("Haraldsgata", "Smedasundet"), 2),
    Place(
        "Drammen", "Drammen", "Buskerud", ("3015", "3019"), ("Bragernes torg", "Grønland", "Tollbugata"), 3
    ),
    Place("Kongsberg", "Kongsberg", "Buskerud", ("3616",), ("Kirkegata", "Storgata"), 2),
    Place("Tønsberg", "Tønsberg", "Vestfold", ("3110", "3111"), ("Storgaten", "Nedre Langgate"), 2),
    Place("Skien", "Skien", "Telemark", ("3717",), ("Hesselbergs gate", "Torggata"), 1),
    Place("Porsgrunn", "Porsgrunn", "Telemark", ("3916",), ("Storgata", "Vestregata"), 1),
    Place("Fredrikstad", "Fredrikstad", "Østfold", ("1606", "1607"), ("Nygaardsgata", "Storgata"), 2),
    Place("Sarpsborg", "Sarpsborg", "Østfold", ("1706",), ("Glengsgata", "Roald Amundsens gate"), 1),
    Place("Moss", "Moss", "Østfold", ("1530",), ("Dronningens gate", "Kongens gate"), 1),
    Place("Lysaker", "Bærum", "Akershus", ("1366",), ("Lysaker torg", "Vollsveien"), 4),
    Place("Fornebu", "Bærum", "Akershus", ("1364",), ("Martin Linges vei", "Snarøyveien"), 3),
    Place("Sandvika", "Bærum", "Akershus", ("1337",), ("Rådmann Halmrasts vei", "Brodtkorbsgate"), 1),
    Place("Lillestrøm", "Lillestrøm", "Akershus", ("2000",), ("Storgata", "Jonas Lies gate"), 2),
    Place("Asker", "Asker", "Akershus", ("1384",), ("Knud Askers vei", "Drammensveien"), 1),
    Place("Ski", "Nordre Follo", "Akershus", ("1400",), ("Jernbaneveien", "Idrettsveien"), 1),
    Place("Hamar", "Hamar", "Innlandet", ("2317", "2318"), ("Torggata", "Grønnegata"), 2),
    Place("Lillehammer", "Lillehammer", "Innlandet", ("2609", "2615"), ("Storgata", "Kirkegata"), 2),
    Place("Gjøvik", "Gjøvik", "Innlandet", ("2815",), ("Jernbanegata", "Storgata"), 1),
    Place("Steinkjer", "Steinkjer", "Trøndelag", ("7713",), ("Kongens gate", "Sjøfartsgata"), 1),
    Place("Levanger", "Levanger", "Trøndelag", ("7600",), ("Kirkegata", "Sjøgata"), 1),
)

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
