"""How many people the ad hires: NAV's `positioncount`, Finn's "Antall stillinger", JSON-LD
`totalJobOpenings`, as a number ("1", "2 stillinger", "to")."""

from __future__ import annotations

import re

_COUNT = re.compile(r"\d+")
_NUMBER_WORDS = {"en": 1, "ett": 1, "én": 1, "ein": 1, "eitt": 1, "one": 1, "to": 2, "two": 2, "tre": 3,
                 "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5}  # fmt: skip
_MAX_POSITIONS = 500  # beyond this the number is a misread (a year, a postcode), not a head count


def parse_positions(text: str | None) -> int | None:
    """The number of positions, or None when not stated or not credible."""
    if not text:
        return None
    match = _COUNT.search(str(text))
    first_word = str(text).strip().casefold().split(" ")[0]
    count = int(match.group(0)) if match else _NUMBER_WORDS.get(first_word, 0)
    return count if 0 < count <= _MAX_POSITIONS else None
