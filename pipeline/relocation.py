"""Relocation and visa help an ad offers: "relocation package", "we sponsor work permits", "flyttepakke",
"hjelp med bolig". A foreign job seeker sorts on it, so it is read with the phrase that decided it.

Only offers count: "you must have a valid work permit" or "we cannot sponsor visas" is the opposite,
and is read as such (`offered` False with its evidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import clauses, cues

# What the employer gives. Each alternative is a phrase a person reads as an offer of help to move.
_OFFER = re.compile(
    r"relocation (?:package|support|assistance|help|bonus|allowance|costs?|expenses)|"
    r"(?:help|assist|support)(?:s|ance)? (?:you )?(?:with|in) (?:your )?(?:relocation|relocating|moving|"
    r"visa|work permit|residence permit|housing|accommodation|finding (?:a )?(?:home|housing|accommodation))|"
    r"(?:we|will|can|do|happy to|able to) (?:\w+ )?sponsor(?:ship)? (?:\w+ )?(?:visas?|work permits?|residence permits?)|"
    r"(?:visa|work permit|immigration) (?:sponsorship|support|assistance) (?:is )?(?:available|provided|offered)|"
    r"(?:offer|provide)s? (?:\w+ ){0,2}(?:visa sponsorship|relocation|housing|accommodation)|"
    r"flyttepakke|flyttegodtgjørelse|flyttestøtte|dekker flytte\w*|dekning av flytte\w*|"
    r"flytteutgifter|hjelpe?r? (?:deg |dere |til )?(?:til|med) (?:å finne )?(?:bolig|bustad|husvære|flytting|arbeidstillatelse|"
    r"oppholdstillatelse|visum)|bistå\w* (?:med|ved) (?:å finne )?(?:bolig|bustad|flytting|"
    r"arbeidstillatelse|oppholdstillatelse)|(?:tilbyr|disponerer|stiller med) (?:\w+ ){0,2}"
    r"(?:bolig|bustad|hybel|personalbolig|tjenestebolig|leilighet)|personalbolig|tjenestebolig",
    re.IGNORECASE,
)
# Phrases that say the opposite: no sponsorship, a permit must already be held.
_REFUSAL = re.compile(
    r"(?:cannot|can ?not|can't|unable to|do not|don't|will not|won't|does not|doesn't) "
    r"(?:\w+ )?(?:offer |provide )?(?:visa |work permit )?sponsor|no (?:visa )?sponsorship|"
    r"(?:must|need to) (?:already )?(?:have|hold) (?:a )?(?:valid )?(?:work|residence) permit|"
    r"kan ikke (?:bistå|hjelpe) med (?:arbeidstillatelse|visum|bolig)|"
    r"må ha (?:gyldig )?arbeidstillatelse|without (?:visa )?sponsorship|no relocation",
    re.IGNORECASE,
)


# Words every match of each pattern holds (read off the patterns, pipeline/cues.py): a text without them
# skips the pattern. Run unguarded, the two searches cost 8 ms of CPU on a 3,000-character ad (no
# first-character shortcut for a case-insensitive alternation), which made `match --all` over 3,000
# synthetic ads spend 23 of its 55 s here; guarded, texts without the words cost a substring scan. The offer
# phrases are searched clause by clause (pipeline/clauses.py): a guard on the whole alternation let a tenth
# of the generated demo ads through ("tilbyr ... bolig" anywhere) to the search of every phrase.
_OFFER_CLAUSES = clauses.split(_OFFER)
_REFUSAL_GUARD = cues.cue_guard(_REFUSAL)


@dataclass(frozen=True)
class Relocation:
    """offered: True (help offered), False (explicitly not), None (the ad says nothing)."""

    offered: bool | None
    evidence: str | None


def read_relocation(text: str | None) -> Relocation:
    """Whether the ad offers help to relocate (moving, housing, visa or permit), with the phrase."""
    if not text:
        return Relocation(None, None)
    low = cues.fold(text)
    refusal = _REFUSAL.search(text) if cues.passes(low, _REFUSAL_GUARD) else None
    if refusal:
        return Relocation(False, f"stated: “{_around(text, refusal)}”")
    offer = clauses.leftmost(_OFFER_CLAUSES, text, low)
    if offer:
        return Relocation(True, f"stated: “{_around(text, offer)}”")
    return Relocation(None, None)


def _around(text: str, match: re.Match[str], width: int = 40) -> str:
    """The matched phrase with a little context, on one line."""
    start = max(0, match.start() - width)
    end = min(len(text), match.end() + width)
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")
