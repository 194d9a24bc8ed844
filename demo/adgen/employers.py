"""Employers for demo ads: invented companies and staffing agencies, plus real public bodies.

Companies and agencies are invented (homepages on the reserved `.example` domain, organisation numbers
drawn with a valid mod-11 check digit). Real public bodies (hospitals, municipalities, agencies,
universities) appear under their real names and homepages because that is who posts such ads; their
organisation number is left empty rather than risk a wrong one (NAV's `orgnr` is nullable).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from demo.adgen.tables import load


@dataclass(frozen=True)
class Employer:
    """Who posts an ad and what it says about itself."""

    name: str
    sector: str  # NAV's "Privat" or "Offentlig"
    groups: tuple[str, ...]  # occupation groups it hires for
    cities: tuple[str, ...]
    what: dict[str, str]  # language -> "what we do" clause, completing "<name> ..."
    homepage: str = ""
    real: bool = False
    agency: bool = False
    nynorsk: bool = False  # a public body that writes Nynorsk
    english: bool = True  # may write ads in English
    employees: int = 0


def slug(name: str) -> str:
    """A lower-case ASCII handle for an employer's name, for invented web addresses."""
    keep = name.lower().replace(" as", "").replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return "".join(ch for ch in keep if ch.isalnum())


# The employers are the entries of data/employers.json (invented companies, and real public bodies
# whose own words describe them).
EMPLOYERS: tuple[Employer, ...] = tuple(Employer(**entry) for entry in load("employers"))


def employers_for(group: str) -> tuple[Employer, ...]:
    """Employers that hire for an occupation group."""
    return tuple(employer for employer in EMPLOYERS if group in employer.groups)


def orgnr(rng: random.Random) -> str:
    """A nine-digit organisation number with a valid mod-11 check digit (invented companies only)."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [9, *(rng.randint(0, 9) for _ in range(7))]
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        check = 0 if remainder == 0 else 11 - remainder
        if check < 10:
            return "".join(map(str, digits)) + str(check)
