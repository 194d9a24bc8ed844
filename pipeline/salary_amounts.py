"""Find money amounts in one salary sentence: mask the numbers that are never pay, then group ranges.

Splitting this from the verdict (pipeline/salary.py) keeps the number grammar in one place: Norwegian
and English thousands separators (space, NBSP, thin space, dot, comma), decimals, ",-" endings,
k/M/mill. suffixes, and ranges that share their scale ("60–70 000", "600-700k").
Masking keeps character positions (masked text is replaced by the same number of "#"), so spans in
the masked sentence are spans in the original one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pipeline.cues import cue_words, fold, holds_any

_I = re.IGNORECASE
_THIN_SPACES = " \u00a0\u202f\u2009"
_MONTHS = r"(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-zæøå]*\.?"

# Numbers that look like money but never are: dates, clock times, percentages, codes, phone numbers,
# postcodes and years. Applied before any amount is read (NOTES.md §5 "Traps").
_MASKS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?!\d)"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(rf"\b\d{{1,2}}\.?\s*{_MONTHS}(?:\s+\d{{4}})?(?![a-zæøå])", _I),
    re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"),
    re.compile(r"\bkl\.?\s*\d{1,2}(?:[:.]\d{2})?(?:\s*[-–—]\s*\d{1,2}(?:[:.]\d{2})?)?(?!\d)", _I),
    re.compile(r"\b\d{1,2}[:.]\d{2}(?!\d)\s*[-–—]\s*\d{1,2}[:.]\d{2}(?!\d)"),
    re.compile(r"\b\d{1,2}:\d{2}\b"),
    re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|prosent\b|percent\b|per cent\b|pst\b\.?)", _I),
    re.compile(
        r"\b(?:stillingskoden?|stillingsnummer|stillingsnr|kode|code|sko|styrk|org\.?\s?nr\.?|orgnr|"
        r"organisasjonsnummer|organisasjonsnr|org\.?\s?nummer|ref\.?\s?nr\.?|referanse(?:nummer)?|reference|"
        r"saksnr\.?|saksnummer|arkivsak|finn-?kode|postboks|pb\.?|id)\s*[:.]?\s*(?:nr\.?\s*)?"
        r"\d{2,6}(?:[ .]\d{3}){0,2}(?!\d)",
        _I,
    ),
    # A state position code written before its title: "1434 Rådgiver", "1364 Seniorrådgiver".
    re.compile(
        r"\b\d{4}\s+[A-ZÆØÅ]?[a-zæøå]*(?:rådgiver|konsulent|ingeniør|leder|sjef|direktør|forsker|"
        r"saksbehandler|arkitekt|fullmektig|controller)\b",
        _I,
    ),
    re.compile(
        r"\b(?:tlf|telefon|tel|mobil|mob|phone|ring|sms)\.?\s*(?:nr\.?)?\s*:?\s*(?:\+47\s?)?\d[\d ]{6,12}\d",
        _I,
    ),
    re.compile(r"\+47\s?\d[\d ]{6,12}\d"),
    re.compile(r"\b\d{2} \d{2} \d{2} \d{2}\b"),
    re.compile(r"\b\d{3} \d{2} \d{3}\b"),
    # Postcode before a place name ("0150 Oslo"), unless it is the tail of a thousands group.
    re.compile(
        r"(?:\bN-)?(?<!\d[ .\u00a0\u202f\u2009])\b\d{4}(?= [A-ZÆØÅ][A-ZÆØÅa-zæøå]+)(?! (?:Kr|KR|NOK|Kroner)\b)"
    ),
    # Years, unless they are the head of a thousands group ("2 025 000" is not a year).
    re.compile(r"(?<!\d[ .,\u00a0\u202f\u2009])\b(?:19|20)\d{2}\b(?![ .,\u00a0\u202f\u2009]?\d)"),
)

#: Pay-scale steps: "lønnstrinn 54–59", "ltr. 62-68", "lønnstrinn 55 til 65", "ltr 60"; English-language state
#: ads name the same steps "salary grade 57–63" or "pay grade 60".
PAY_SCALE = re.compile(
    r"\b(?:lønnstrinn(?:ene|a)?|lønstrinn|l\.?\s?tr\.?|(?:salary|pay|wage)\s+(?:grades?|levels?|steps?|scale\s+steps?))"
    r"\s*:?\s*(?:nr\.?\s*)?(\d{1,3})"
    r"(?:\s*(?:[-–—]|til|to)\s*(\d{1,3}))?(?![\d.,]?\d)",
    _I,
)

# An amount: integer part with one consistent thousands separator or none, an optional 1-2 digit
# decimal part, an optional ",-" ending and an optional scale suffix. "k" before a letter ("kr") is
# not thousands, and "Mnd" is not millions.
_AMOUNT = re.compile(
    r"(?<!\d)(?<!\d[.,])"
    rf"(?P<int>\d{{1,3}}(?P<sep>[{_THIN_SPACES}.,'])\d{{3}}(?!\d)(?:(?P=sep)\d{{3}}(?!\d))*|\d+)"
    r"(?:[.,](?P<dec>\d{1,2})(?!\d))?"
    r"(?P<dash>,[-–])?"
    r"(?:\s?(?P<suffix>k|K|tusen|MNOK|M|mill\.?|millioner|million|mln\.?|milliard(?:er)?|mrd\.?|billion|bn)"
    r"(?![A-Za-zæøåÆØÅ]))?"
)
_SUFFIX_SCALE = {
    "k": 1_000,
    "tusen": 1_000,
    "m": 1_000_000,
    "mnok": 1_000_000,
    "mill": 1_000_000,
    "millioner": 1_000_000,
}
_SUFFIX_SCALE |= {"million": 1_000_000, "mln": 1_000_000, "milliard": 10**9, "milliarder": 10**9}
_SUFFIX_SCALE |= {"mrd": 10**9, "billion": 10**9, "bn": 10**9}
_CURRENCY_BEFORE = re.compile(r"(?:\bkr\.?|\bnok|\bkroner|[$€£]|\b(?:usd|eur|gbp|sek|dkk|chf))\s*:?\s*$", _I)
_CURRENCY_AFTER = re.compile(r"^\s*(?:kr\b|kr\.|nok\b|kroner\b|,-|[€£]|(?:usd|eur|gbp|sek|dkk|chf)\b)", _I)
# A currency may stand on either side of the range's dash: "$120k – $150k", "EUR 60 000 - EUR 70 000".
_GAP_CURRENCY = r"(?:kr\.?|nok|kroner|,-|[$€£]|usd|eur|gbp|sek|dkk|chf)"
_RANGE_GAP = re.compile(
    rf"^\s*(?:{_GAP_CURRENCY}\s*)?(?:-|–|—|til|to|(?:og\s+|and\s+)?(?:opp ?til|up to|inntil))\s*(?:{_GAP_CURRENCY}\s*)?$",
    _I,
)
_AND_GAP = re.compile(r"^\s*(?:(?:kr\.?|nok|kroner|,-)\s*)?(?:og|and)\s*(?:(?:kr\.?|nok)\s*)?$", _I)
_BETWEEN = re.compile(r"(?:mellom|between)\s*(?:kr\.?|nok)?\s*:?\s*$", _I)
_FROM = re.compile(
    r"(?:\bfra|\bfrå|\bfrom|starting at|starting from|\bminimum|\bminst|\bmin\.|at least|fra og med|f\.o\.m\.)"
    r"\s*(?:kr\.?|nok)?\s*:?\s*$",
    _I,
)
_UP_TO = re.compile(
    r"(?:opp ?til|\binntil|up to|\bmaks(?:imalt)?\.?|\bmax(?:imum)?\.?|\bhøyst)\s*(?:kr\.?|nok)?\s*:?\s*$", _I
)

Kind = Literal["exact", "range", "from", "up_to"]


@dataclass(frozen=True)
class Amount:
    """One number as written, with its scale applied (a "k" suffix makes 600 into 600,000)."""

    value: Decimal
    start: int
    end: int
    scale: int  # 1, or what a k/M/mill. suffix multiplied it by
    thousands: bool  # written with a thousands separator ("70 000", "700.000")
    marked: bool  # currency or ",-" or a scale suffix right next to it


@dataclass(frozen=True)
class AmountGroup:
    """A single amount or a range, with how it was bounded ("fra 580 000" is a lower bound only)."""

    low: Decimal | None
    high: Decimal | None
    start: int
    end: int
    kind: Kind
    marked: bool


_DIGIT = re.compile(r"\d")


def _mask_cues(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        return cue_words(pattern)
    except ValueError:
        return None  # no word guards it: always run


# Cues (pipeline/cues.py), read off the masks: every match of mask i holds one of _MASK_CUES[i]
# (punctuation, month names, labels). Every mask needs a digit, so a sentence without one is left as it is.
_MASK_CUES: dict[int, tuple[str, ...] | None] = {i: _mask_cues(pattern) for i, pattern in enumerate(_MASKS)}


def _blank(match: re.Match[str]) -> str:
    return "#" * len(match.group(0))


def mask(sentence: str) -> str:
    """The sentence with dates, times, percentages, codes, phones, postcodes and years blanked out."""
    if not _DIGIT.search(sentence):
        return sentence
    low = fold(sentence)  # masking only writes "#", so a cue absent here is absent after every mask
    for i, pattern in enumerate(_MASKS):
        cues = _MASK_CUES.get(i)
        if cues is not None and not holds_any(low, cues):
            continue
        sentence = pattern.sub(_blank, sentence)
    return sentence


def mask_pay_scale(sentence: str) -> str:
    """Blank out pay-scale steps so "lønnstrinn 62" is never read as NOK 62."""
    return PAY_SCALE.sub(lambda m: "#" * len(m.group(0)), sentence)


_NON_DIGITS = re.compile(r"\D")


def _amounts(masked: str) -> list[Amount]:
    found: list[Amount] = []
    for m in _AMOUNT.finditer(masked):
        digits = _NON_DIGITS.sub("", m.group("int"))
        value = Decimal(digits) + (Decimal("0." + m.group("dec")) if m.group("dec") else Decimal(0))
        scale = _SUFFIX_SCALE.get((m.group("suffix") or "").rstrip(".").lower(), 1)
        value *= scale
        marked = bool(
            scale > 1
            or m.group("dash")
            or _CURRENCY_BEFORE.search(masked, max(0, m.start() - 8), m.start())
            or _CURRENCY_AFTER.match(masked[m.end() : m.end() + 8])
        )
        found.append(Amount(value, m.start(), m.end(), scale, m.group("sep") is not None, marked))
    return found


def _share_scale(low: Amount, high: Amount) -> Decimal:
    """Give the lower end of a range the scale of the upper end when it was written short."""
    value = low.value
    if high.scale > 1 and low.scale == 1 and value * high.scale <= high.value:
        return value * high.scale  # "600-700k", "1-1,2 mill."
    if not low.thousands and high.thousands and value < 1000 and value * 1000 <= high.value:
        return value * 1000  # "60–70 000 kr/mnd": the range shares the thousands
    return value


def groups(masked: str) -> list[AmountGroup]:
    """Amounts in a masked sentence, with neighbouring pairs joined into ranges."""
    amounts = _amounts(masked)
    out: list[AmountGroup] = []
    i = 0
    while i < len(amounts):
        first = amounts[i]
        prev_end = out[-1].end if out else 0
        before = masked[max(prev_end, first.start - 24) : first.start]
        if i + 1 < len(amounts):
            second = amounts[i + 1]
            gap = masked[first.end : second.start]
            if _RANGE_GAP.match(gap) or (_AND_GAP.match(gap) and _BETWEEN.search(before)):
                low = _share_scale(first, second)
                low, high = sorted((low, second.value))
                out.append(
                    AmountGroup(low, high, first.start, second.end, "range", first.marked or second.marked)
                )
                i += 2
                continue
        if _FROM.search(before):
            out.append(AmountGroup(first.value, None, first.start, first.end, "from", first.marked))
        elif _UP_TO.search(before):
            out.append(AmountGroup(None, first.value, first.start, first.end, "up_to", first.marked))
        else:
            out.append(AmountGroup(first.value, first.value, first.start, first.end, "exact", first.marked))
        i += 1
    return out
