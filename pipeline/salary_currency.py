"""Which currency an amount in an ad is written in, when it is not kroner.

A figure in another currency ("$120k – $150k", "EUR 60,000", "45 000 SEK/mån") is pay in that
currency: it is kept with its currency and never stored as NOK (issue 13). The rough rates below only
serve to tell a yearly figure from a monthly one and to reject implausible ones, with the same
thresholds as kroner; no converted figure is ever stored.
"""

from __future__ import annotations

import re
from decimal import Decimal

# The currency each marker names. "kr" alone is NOK (Norwegian ads); Swedish and Danish kroner are
# named by code or in words.
_MARKERS: dict[str, str] = {
    "$": "USD", "usd": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP",
    "sek": "SEK", "svenske kroner": "SEK", "kronor": "SEK",
    "dkk": "DKK", "danske kroner": "DKK",
    "chf": "CHF", "pln": "PLN", "złoty": "PLN", "zloty": "PLN",
}  # fmt: skip
# NOK per unit, rounded (late 2025): for telling a year from a month only.
ROUGH_NOK_RATE: dict[str, Decimal] = {
    "USD": Decimal(10), "EUR": Decimal(11), "GBP": Decimal(13), "SEK": Decimal(1), "DKK": Decimal("1.5"),
    "CHF": Decimal(12), "PLN": Decimal("2.5"),
}  # fmt: skip
CURRENCY = re.compile(
    r"(?:[$€£]|\bus\$|\b(?:usd|eur|gbp|sek|dkk|chf|pln|dollars?|euros?|pounds|svenske\s+kroner|danske\s+kroner|"
    r"kronor|złoty|zloty)\b)",
    re.IGNORECASE,
)
_WINDOW = 12


def currency_of(text: str, start: int, end: int) -> str | None:
    """The foreign currency written right before or after text[start:end], or None (kroner or none)."""
    nearby = [m for m in CURRENCY.finditer(text, max(0, start - _WINDOW), min(len(text), end + _WINDOW))]
    if not nearby:
        return None
    # The marker nearest the amount decides.
    nearest = min(nearby, key=lambda m: min(abs(m.end() - start), abs(m.start() - end)))
    key = re.sub(r"\s+", " ", nearest.group().lower())
    return _MARKERS.get(key)
