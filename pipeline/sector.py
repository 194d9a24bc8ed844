"""Public or private employer, and the employer's organisation number.

NAV and Finn state the sector ("Offentlig", "Privat"; Finn also "Organisasjoner" for non-profits);
career pages do not, so a public body is recognised by its name ("... kommune", "Helse Bergen HF",
"Universitetet i Oslo", "Skatteetaten", "Direktoratet for ..."). A name that says nothing leaves the
sector unknown (None): filtering on "private" must not pick up every ad that merely did not say.

The organisation number (Brønnøysund, 9 digits) is kept only when its modulus-11 check digit holds,
so a phone number or an ad id is never taken for one.
"""

from __future__ import annotations

import re
from typing import Final

PUBLIC: Final = "public"
PRIVATE: Final = "private"
NONPROFIT: Final = "nonprofit"

_STATED = {
    "offentlig": PUBLIC, "public": PUBLIC, "statlig": PUBLIC, "kommunal": PUBLIC, "stat": PUBLIC,
    "kommune": PUBLIC, "fylkeskommune": PUBLIC, "privat": PRIVATE, "private": PRIVATE,
    "organisasjoner": NONPROFIT, "organisasjon": NONPROFIT, "ideell": NONPROFIT, "frivillig": NONPROFIT,
}  # fmt: skip
_PUBLIC_NAME = re.compile(
    r"\b(?:\w*kommune|fylkeskommune|\w*etaten|direktoratet\w*|\w*direktoratet|universitetet|høgskulen|høgskolen|"
    r"helse \w+(?: \w+)? hf|\w*sykehus\w* hf|\w*sjukehus\w*|statens \w+|\w*departementet|politiet|nav|"
    r"forsvaret|sykehuset|tilsynet|\w*tilsynet|fylkesmannen|statsforvalteren)\b"
    r"|\bhf$",
    re.IGNORECASE,
)
_ORGNR = re.compile(r"(?<!\d)(\d{3})\s?(\d{3})\s?(\d{3})(?!\d)")
_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def sector_of(stated: str | None, employer: str | None) -> str | None:
    """`public`, `private` or `nonprofit` as stated, else `public` when the name says so, else None."""
    if stated:
        key = stated.strip().casefold()
        if key in _STATED:
            return _STATED[key]
    if employer and _PUBLIC_NAME.search(employer):
        return PUBLIC
    return None


def _valid(digits: str) -> bool:
    remainder = sum(int(d) * w for d, w in zip(digits[:8], _WEIGHTS, strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return check != 10 and check == int(digits[8])


def organisation_number(value: str | None) -> str | None:
    """The 9-digit organisation number in `value` ("NO 974 760 673 MVA", "974760673"), or None."""
    if not value:
        return None
    match = _ORGNR.search(str(value))
    if not match:
        return None
    digits = "".join(match.groups())
    return digits if _valid(digits) else None
