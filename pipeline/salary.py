"""Annual salary in NOK from an ad: JSON-LD baseSalary first, then the ad's salary sentences.

The rules are NOTES.md §5: monthly × 12, hourly × 1950 (37.5 h × 52), pay-scale steps through the
bundled dated state table (stale, see pipeline/pay_scale.py), and "etter avtale" / "konkurransedyktig"
/ tariff wording kept as a basis with no figures. Ads are full of numbers that are not pay (dates,
headcounts, budgets, bonuses, rent, percentages, codes), so only sentences with a salary cue are
read, those numbers are masked first, and an amount counts only when the nearest cue word beside it
is a salary word, or when it is written as money ("kr", "NOK", ",-") with no other word claiming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from pipeline import pay_scale
from pipeline.cues import cue_words, fold, holds_any
from pipeline.salary_amounts import PAY_SCALE, AmountGroup, groups, mask, mask_pay_scale
from pipeline.salary_currency import ROUGH_NOK_RATE, currency_of
from pipeline.salary_sentences import _already_plain, _salary_sentences, mentions_pay
from pipeline.text import html_to_text

HOURS_PER_YEAR = 1950  # 37.5 h × 52 weeks; shift work is 1,846, so hourly figures are approximate
MONTHS_PER_YEAR = 12
ANNUAL_MIN_NOK = 150_000
ANNUAL_MAX_NOK = 5_000_000
# A stated monthly or hourly figure is converted even when the year comes out below ANNUAL_MIN_NOK
# (part-time and student jobs), but the raw figure itself must look like pay.
_MONTHLY_RANGE = (Decimal(5_000), Decimal(420_000))
_HOURLY_RANGE = (Decimal(50), Decimal(3_000))
_FACTORS = {"annual": 1, "monthly": MONTHS_PER_YEAR, "hourly": HOURS_PER_YEAR}
_UNIT_PERIOD = {"YEAR": ("annual", 1), "MONTH": ("monthly", 12), "WEEK": ("weekly", 52)}
_UNIT_PERIOD |= {"DAY": ("daily", 260), "HOUR": ("hourly", HOURS_PER_YEAR)}

_I = re.IGNORECASE
_SALARY_WORD = re.compile(
    r"\b\w*løn(?:n)?(?:a|en|er)?\b|\b(?:av)?lønn(?:es|ast)\b|\b(?:av)?løn(?:ast|es)\b|\bremunerated\b|\b\w*lønns?(?:spenn|ramme|nivå|intervall|plassering|innplassering|"
    r"betingelse|vilkår|stige|bånd|-)\w*|\bsalar(?:y|ies)\b|\bbase pay\b|\bpay\b|\bpaid\b|\bwages?\b|"
    r"\bcompensation\b|\bremuneration\b|\bearn\w*|\bincome\b|\btjen(?:e|er)\b|\binntekt\b|\bhonorar\b",
    _I,
)
_DECOY_WORD = re.compile(
    r"\w*(?:bonus|provisjon|commission|tilskudd|tilskot|stipend(?!iat)|allowance|godtgjør|godtgjer|tillegg|"
    r"flytte|relocation|husleie|leiebolig|depositum|omsetning|revenue|turnover|budsjett|budget|"
    r"ansatte|tilsette|employees|medarbeidere|pensjon|pension|rabatt|discount|forsikring|insurance|"
    r"aksje|equity|opsjon|investering|investment|funding|kunder|customers|brukere|innbyggere|"
    r"feriepenger|overtid|overtime|premie|gavekort|utlegg|expenses|trening|studielån|kapital|capital|snitt|average)\w*|"
    r"\b(?:OTE|on-target|on target|tips|rent|moving|shares|options|users|loan|lån|leie|gym|value|verdi|signing|"
    r"sign-on|stock|prize|travel|reise\w*)\b",
    _I,
)
_PERIODS = {
    "monthly": re.compile(
        r"per\s+m[åa]ned|pr\.?\s*m[åa]ned|per\s+mnd|pr\.?\s*mnd|i\s+mnd\b|/\s*mnd|/\s*md\b|i\s+m[åa]neden|"
        r"\bm[åa]neds?løn\w*|\bmånadsløn\w*|per\s+m[åa]nad|i\s+m[åa]naden|(?:kr\.?|nok|,-)\s*mnd\b|"
        r"per\s+month|a\s+month|/\s*month|\bmonthly\b|\bmnd\.?\s*lønn",
        _I,
    ),
    "hourly": re.compile(
        r"per\s+time\b|pr\.?\s*time\b|/\s*t(?:ime)?\b|i\s+timen|\btimeløn\w*|per\s+hour|an\s+hour|"
        r"/\s*h(?:ou)?r\b|\bhourly\b",
        _I,
    ),
    "annual": re.compile(
        r"per\s+år\b|pr\.?\s*år\b|/\s*år\b|i\s+året|\bårsløn\w*|årlig\s+(?:brutto)?lønn|årleg\s+løn|"
        r"per\s+year|a\s+year|/\s*y(?:ea)?r\b|per\s+annum|\bp\.\s?a\.|\bannual\w*|\byearly\b",
        _I,
    ),
}
# Words that end one item of a list, so a word after them belongs to the next item
# ("kr 650 000 + bonus": the bonus does not claim the 650 000).
_CLAUSE_BREAK = re.compile(r"[+,;()]|\b(?:og|and|samt|plus|pluss|i tillegg|in addition)\b", _I)
_TARIFF = re.compile(
    r"tariff|lønnsregulativ|avtaleverk|statens lønnstabell|kollektiv\w* avtale|collective (?:\w+ )?agreement"
    r"|lønnstrinn|\bltr\.|lønnsramme\s*\d{1,2}\b",
    _I,
)
_BY_AGREEMENT = re.compile(
    r"etter (?:nærmere )?avtale|etter (?:nærare )?avtale|by agreement|negotiable|to be agreed|"
    r"etter forhandling|forhandles|\bavtales\b|etter kvalifikasjon|according to (?:qualifications|experience)",
    _I,
)
_COMPETITIVE = re.compile(
    r"konkurranse(?:dyktig|dyktige)|konkurransedyktig|\bcompetitive\b|attraktiv\w* (?:lønn|betingelser|vilkår)|"
    r"\bgode? lønn|attractive (?:salary|compensation|pay|package)|markedsmessig|market(?:-| )rate",
    _I,
)
_SAYS_PAY = re.compile(r"løn|salar|\bpay|compensation|wage|remunerat|betingelser|vilkår", _I)
_ANNUAL_FIRST = {"annual": 0, "monthly": 1, "hourly": 1}


@dataclass(frozen=True)
class SalaryVerdict:
    """What an ad says about pay, as annual NOK before tax, with the words it was read from."""

    min_nok: int | None  # annual NOK before tax
    max_nok: int | None  # None when only a minimum ("fra kr 580 000") is given
    text: str | None  # the words it was read from (the sentence or the span)
    basis: str | None  # "annual" | "monthly" | "hourly" | "structured" | "pay_scale:<date>" |
    #                    "by_agreement" | "competitive" | "tariff" | None
    currency: str | None = None  # "NOK" with figures in kroner; "USD", "EUR", ... for pay in another currency
    min_amount: int | None = None  # annual, in `currency` (equal to min_nok for NOK)
    max_amount: int | None = None


NO_SALARY = SalaryVerdict(None, None, None, None)


def parse_salary(
    text: str, base_salary: dict[str, Any] | None = None, published: date | None = None
) -> SalaryVerdict:
    """Salary verdict for an ad body (HTML or plain text) and its JSON-LD baseSalary, if any.

    A baseSalary in NOK (or with no currency) with plausible figures wins over the text. `published`
    picks the pay-scale table in force when the ad states lønnstrinn.
    """
    structured = _from_structured(base_salary) if base_salary else None
    if structured is not None and structured.currency == "NOK":
        return structured
    # A baseSalary in another currency yields to kroner stated in the text (the page's own Norwegian figure).
    from_text = _from_text(text, published)
    if structured is not None and from_text.min_nok is None and from_text.max_nok is None:
        return structured
    return from_text


def _from_text(text: str, published: date | None) -> SalaryVerdict:
    if not text or not mentions_pay(text):
        return NO_SALARY
    wording: SalaryVerdict | None = None
    for sentence in _salary_sentences(text if _already_plain(text) else html_to_text(text)):
        verdict = _from_sentence(sentence, published)
        if verdict.min_amount is not None or verdict.max_amount is not None:
            return verdict
        if wording is None and verdict.basis is not None:
            wording = verdict
    return wording or NO_SALARY


def clear_caches() -> None:
    """Forget remembered sentence verdicts (benchmarks clear them between passes)."""
    _from_sentence.cache_clear()


@lru_cache(maxsize=4096)
def _from_sentence(sentence: str, published: date | None) -> SalaryVerdict:
    # Remembered: salary sentences ("Lønn etter avtale", an ATS's benefits line) recur across ads.
    masked = mask(sentence)
    steps = PAY_SCALE.search(masked)
    if steps:
        first_step = int(steps.group(1))
        priced = pay_scale.annual_for_steps(first_step, int(steps.group(2) or first_step), published)
        if priced is not None:
            return SalaryVerdict(priced[0], priced[1], sentence, priced[2], "NOK", priced[0], priced[1])
        masked = mask_pay_scale(masked)
    amounts = _read_amounts(masked)
    if amounts:
        low, high, period, currency = amounts
        if currency != "NOK":  # pay in another currency: kept with it, never as NOK
            return SalaryVerdict(None, None, sentence, period, currency, low, high)
        return SalaryVerdict(low, high, sentence, period, "NOK", low, high)
    return SalaryVerdict(None, None, sentence, _wording(sentence, bool(steps)))


def _wording(sentence: str, has_steps: bool) -> str | None:
    """Basis for a salary sentence without figures: tariff, by agreement or competitive."""
    if has_steps or _TARIFF.search(sentence):
        return "tariff"
    if not _SAYS_PAY.search(sentence):
        return None  # "Tiltredelse etter avtale" is about the start date, not pay
    if _BY_AGREEMENT.search(sentence):
        return "by_agreement"
    if _COMPETITIVE.search(sentence):
        return "competitive"
    return None


def _read_amounts(masked: str) -> tuple[int | None, int | None, str, str] | None:
    """The salary among the amounts of one masked sentence, with its currency; a stated annual figure wins."""
    found = groups(masked)
    readings: list[tuple[int | None, int | None, str, str]] = []
    for i, group in enumerate(found):
        prev_end = found[i - 1].end if i else 0
        next_start = found[i + 1].start if i + 1 < len(found) else len(masked)
        back = masked[max(prev_end, group.start - 70) : group.start]
        ahead = masked[group.end : min(next_start, group.end + 50)]
        currency = currency_of(masked, group.start, group.end) or "NOK"
        rate = ROUGH_NOK_RATE.get(currency, Decimal(1))
        reading = _annualise(group, _cue(back, ahead), _period(back, ahead), rate)
        if reading is not None:
            readings.append((*reading, currency))
    if not readings:
        return None
    best = min(readings, key=lambda r: _ANNUAL_FIRST[r[2]])
    # Two figures of the same kind in one sentence are ranges for two titles or grades ("rådgiver 459 100 -
    # 569 000, seniorrådgiver 517 700 - 686 900"): the listing spans them, from the lowest to the highest.
    # Single figures are not combined: a supplement ("tillegg NOK 50 per hour") or a later step ("etter 6 mnd
    # kr 36.000") is not the pay's range.
    alike = [r for r in readings if r[2] == best[2] and r[3] == best[3] and _is_range(r)]
    if len(alike) < 2 or not _is_range(best):
        return best
    lows = [v for r in alike for v in (r[0], r[1]) if v is not None]
    return min(lows), max(lows), best[2], best[3]


def _is_range(reading: tuple[int | None, int | None, str, str]) -> bool:
    return reading[0] is not None and reading[1] is not None and reading[0] != reading[1]


# Cues (pipeline/cues.py), read off the patterns: a window without one of a pattern's words skips it. The
# decoy pattern is slow (each "\w*" prefix retries all its words at every letter).
DECOY_CUES = cue_words(_DECOY_WORD)
SALARY_CUES = cue_words(_SALARY_WORD)
_PERIOD_CUES = {period: cue_words(pattern) for period, pattern in _PERIODS.items()}


def _cue_words(window: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The cue patterns worth running on a window, in their order: those whose words the window holds."""
    low = fold(window)
    return tuple(
        (pattern, kind)
        for pattern, kind, words in (
            (_SALARY_WORD, "salary", SALARY_CUES),
            (_DECOY_WORD, "decoy", DECOY_CUES),
        )
        if holds_any(low, words)
    )


def _cue(back: str, ahead: str) -> str | None:
    """ "salary", "decoy" or None: the nearest cue word to the amount on either side.

    A word ahead counts only up to a clause break, so "kr 650 000 + bonus" stays a salary.
    """
    nearest_back: tuple[int, str] | None = None
    for pattern, kind in _cue_words(back):
        for m in pattern.finditer(back):
            distance = len(back) - m.end()
            if nearest_back is None or distance < nearest_back[0]:
                nearest_back = (distance, kind)
    broken = _CLAUSE_BREAK.search(ahead)
    ahead = ahead[: broken.start()] if broken else ahead
    nearest_ahead: tuple[int, str] | None = None
    for pattern, kind in _cue_words(ahead):
        hit = pattern.search(ahead)
        if hit and (nearest_ahead is None or hit.start() < nearest_ahead[0]):
            nearest_ahead = (hit.start(), kind)
    if nearest_ahead is None or (nearest_back is not None and nearest_back[0] <= nearest_ahead[0]):
        return nearest_back[1] if nearest_back else None
    return nearest_ahead[1]


def _period(back: str, ahead: str) -> str | None:
    """The stated pay period nearest the amount, or None when none is stated."""
    best: tuple[int, str] | None = None
    ahead = ahead[:35]
    low_back, low_ahead = fold(back), fold(ahead)
    for period, pattern in _PERIODS.items():
        words = _PERIOD_CUES[period]
        for m in pattern.finditer(back) if holds_any(low_back, words) else ():
            distance = len(back) - m.end()
            if best is None or distance < best[0]:
                best = (distance, period)
        hit = pattern.search(ahead) if holds_any(low_ahead, words) else None
        if hit and (best is None or hit.start() <= best[0]):
            best = (hit.start(), period)
    return best[1] if best else None


def _annualise(
    group: AmountGroup, cue: str | None, stated: str | None, rate: Decimal = Decimal(1)
) -> tuple[int | None, int | None, str] | None:
    """Annual (min, max, basis) for an amount group, or None when it is not plausibly this job's pay.

    `rate` (NOK per unit of the amount's currency) only scales the checks: the figures stay as written.
    """
    if cue == "decoy" or (cue is None and not group.marked):
        return None
    values = [v * rate for v in (group.low, group.high) if v is not None]
    if not values:
        return None
    period = stated or _infer_period(max(values))
    if period is None or (stated is None and period != "annual" and cue != "salary"):
        return None  # size alone makes a month or an hour only beside a salary word
    if not _plausible(values, period, stated is not None):
        return None
    factor = _FACTORS[period]
    low = int(group.low * factor) if group.low is not None else None
    high = int(group.high * factor) if group.high is not None else None
    return low, high, period


def _infer_period(value: Decimal) -> str | None:
    """NOTES.md §5: with no period word, ≥150k is a year, 10k–150k a month, 100–999 an hour."""
    if value >= ANNUAL_MIN_NOK:
        return "annual"
    if 10_000 <= value < ANNUAL_MIN_NOK:
        return "monthly"
    if 100 <= value < 1000:
        return "hourly"
    return None


def _plausible(values: list[Decimal], period: str, stated: bool) -> bool:
    if stated and period == "monthly":
        return all(_MONTHLY_RANGE[0] <= v <= _MONTHLY_RANGE[1] for v in values)
    if stated and period == "hourly":
        return all(_HOURLY_RANGE[0] <= v <= _HOURLY_RANGE[1] for v in values)
    factor = _FACTORS[period]
    return all(ANNUAL_MIN_NOK <= v * factor <= ANNUAL_MAX_NOK for v in values)


def _from_structured(base_salary: dict[str, Any]) -> SalaryVerdict | None:
    """JSON-LD MonetaryAmount (flattened as in docs/records.md) as a verdict, or None to fall back to text."""
    currency = str(base_salary.get("currency") or "NOK").strip().upper()
    currency = "NOK" if currency == "KR" else currency
    rate = Decimal(1) if currency == "NOK" else ROUGH_NOK_RATE.get(currency)
    if rate is None:
        return None  # a currency we cannot even size: the text may say more
    low = _number(base_salary.get("min"))
    high = _number(base_salary.get("max"))
    value = _number(base_salary.get("value"))
    if low is None and high is None:
        low = high = value
    if low is None and high is None:
        return None
    unit = str(base_salary.get("unit") or "").strip().upper()
    known = [v * rate for v in (low, high) if v is not None]  # sized in kroner for the checks only
    if unit in _UNIT_PERIOD:
        period, factor = _UNIT_PERIOD[unit]
    elif unit:
        return None  # a unit we cannot convert: the text may say more
    else:
        inferred = _infer_period(max(known))
        if inferred is None:
            return None
        period, factor = inferred, _FACTORS[inferred]
    if period in ("monthly", "hourly") and unit:
        if not _plausible(known, period, stated=True):
            return None
    elif not all(ANNUAL_MIN_NOK <= v * factor <= ANNUAL_MAX_NOK for v in known):
        return None
    if low is not None and high is not None and low > high:
        low, high = high, low
    annual_low = int(low * factor) if low is not None else None
    annual_high = int(high * factor) if high is not None else None
    shown = "–".join(str(v) for v in (low, high) if v is not None) if low != high else str(low)
    text = f"baseSalary {currency} {shown} per {unit or '?'}"
    if currency != "NOK":
        return SalaryVerdict(None, None, text, "structured", currency, annual_low, annual_high)
    return SalaryVerdict(annual_low, annual_high, text, "structured", "NOK", annual_low, annual_high)


def _number(raw: object) -> Decimal | None:
    """A JSON-LD number or numeric string ("650000", "650 000", "650000.00"); None for zero or junk."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        number = Decimal(str(raw))
    else:
        cleaned = str(raw).strip()
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            found = groups(cleaned)  # written like text: "650 000", "650.000,-"
            if len(found) != 1 or found[0].low is None:
                return None
            number = found[0].low
    return number if number.is_finite() and number > 0 else None  # "NaN", "Infinity" are valid Decimals
