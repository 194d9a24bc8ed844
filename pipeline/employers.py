"""An employer's name as a key: "Eksempel AS", "EKSEMPEL ASA" and "Eksempel Norge" are one employer.

The block list (hunt/blocks.py), the duplicate finder (pipeline/dedup.py) and the staffing-agency list
(pipeline/agency.py) compare employers by this key. It lives apart from the agency rules so that the
commands that only compare names (a block list read by `fjordjobs match`) do not compile those rules.
"""

from __future__ import annotations

import re

_LEGAL_SUFFIX = re.compile(
    r"\b(?:as|asa|sa|ans|da|ab|a/s|ltd|limited|gmbh|inc|group|gruppen|norge|norway|norden|nordic|avd\.?.*)$"
)
_PUNCTUATION = re.compile(r"[^\w&/ ]+")
_WHITE = re.compile(r"\s+")


def employer_key(name: str) -> str:
    """Lower-case employer name without punctuation and trailing legal-form words ("AS", "Norge")."""
    key = _PUNCTUATION.sub(" ", name.casefold())
    key = _WHITE.sub(" ", key).strip()
    previous = None
    while previous != key:
        previous = key
        key = _LEGAL_SUFFIX.sub("", key).strip()
    return key
