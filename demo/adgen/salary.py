"""Salary sentences as real ads write them, each with the annual NOK range a careful reader gets from it.

The shapes follow NOTES.md §5: annual ranges and single figures, "fra" (open upper bound), monthly (×12),
hourly (×1950), state pay-scale steps (via the 2022 table), a pay range behind a position code, and the
no-number forms (by agreement, competitive, collective agreement) that must read as no salary at all.
Numbers are written the ways Norwegians write them: "650 000", "650.000", "650&nbsp;000", "650,000".
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from demo.adgen.lonnstabell import ANNUAL_NOK_BY_STEP, annual_nok

HOURS_PER_YEAR = 1950  # 37.5 h × 52, NOTES.md §5
MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class Salary:
    """A salary sentence and the annual NOK it states (None where it states none)."""

    text: str
    min_nok: int | None
    max_nok: int | None
    kind: str


def number_style(lang: str, rng: random.Random) -> str:
    """How one ad writes thousands: English ads mostly with commas, Norwegian ones with spaces or dots."""
    if lang == "en":
        return rng.choices(("comma", "space"), weights=(3, 2))[0]
    return rng.choices(("space", "dot", "nbsp", "plain"), weights=(6, 2, 1, 1))[0]


def fmt(amount: int, style: str) -> str:
    """A whole NOK amount in the given style: "650 000", "650.000", "650&nbsp;000", "650000" or "650,000"."""
    digits = f"{amount:,}"
    if amount < 1000 or style == "comma":
        return digits
    separator = {"space": " ", "dot": ".", "nbsp": "&nbsp;", "plain": ""}[style]
    return digits.replace(",", separator)


def _round(value: float, step: int) -> int:
    return int(round(value / step) * step)


def _pick(rng: random.Random, options: Mapping[str, tuple[str, ...]], lang: str) -> str:
    return rng.choice(options.get(lang) or options["nb"])


_ANNUAL_RANGE = {
    "nb": (
        "Lønn: {a} – {b} kr",
        "Lønnsspenn: {a}–{b} kroner",
        "Vi tilbyr lønn fra {a} til {b} avhengig av erfaring",
        "Lønn i spennet kr {a}–{b}",
        "Årslønn {a}–{b} kr, avhengig av kompetanse",
    ),
    "nn": ("Løn: kr {a} – {b}", "Lønsspenn {a}–{b} kroner", "Lønn i spennet kr {a}–{b} etter kompetanse"),
    "en": (
        "Salary: NOK {a} – {b} per year",
        "Salary range: NOK {a}–{b}",
        "The salary range for the position is NOK {a} to {b} per year, depending on experience",
    ),
}
_ANNUAL_SINGLE = {
    "nb": (
        "Fast lønn kr {a},-",
        "Årslønn: {a}",
        "kr {a} per år",
        "Lønn: kr {a} per år",
        "kr {a},- i årslønn",
    ),
    "nn": ("Årsløn: kr {a}", "kr {a} per år"),
    "en": (
        "NOK {a},- per year",
        "Annual salary: NOK {a}",
        "The gross salary for the position is NOK {a} per annum before tax",
    ),
}
_ANNUAL_FROM = {
    "nb": ("Lønn fra kr {a}", "Lønn fra {a} kroner", "Lønn fra kr {a} avhengig av erfaring"),
    "nn": ("Løn frå kr {a}",),
    "en": ("Salary from NOK {a}", "Base salary from NOK {a} per year"),
}
_MONTHLY_SINGLE = {
    "nb": ("NOK {m} per måned", "Brutto månedslønn {m} kr", "Månedslønn: kr {m}"),
    "nn": ("Månadsløn kr {m}",),
    "en": ("NOK {m} per month", "Monthly salary: NOK {m}"),
}
_MONTHLY_RANGE = {
    "nb": ("Lønn: {m1} – {m2} kr/mnd",),
    "nn": ("Løn: {m1}–{m2} kr per månad",),
    "en": ("NOK {m1}–{m2} per month",),
}
_HOURLY = {
    "nb": ("kr {h} per time", "Timelønn: kr {h},-", "Timelønn {h} kr", "Vi tilbyr timelønn på kr {h}"),
    "nn": ("Timeløn kr {h}",),
    "en": ("NOK {h} per hour", "Hourly wage: NOK {h}"),
}
_HOURLY_RANGE = {
    "nb": ("Timelønn kr {h1}–{h2}", "kr {h1}–{h2} per time avhengig av erfaring"),
    "en": ("NOK {h1}–{h2} per hour",),
}
_STEPS = {
    "nb": (
        "Stillingen lønnes i lønnstrinn {s1}–{s2}",
        "Lønn i lønnstrinn {s1}–{s2}",
        "Lønn etter ltr. {s1}-{s2}",
        "Lønnstrinn {s1}–{s2} i statens lønnsregulativ, avhengig av kompetanse",
        "Stillingen lønnes som rådgiver (kode 1434) i lønnstrinn {s1}–{s2}",
    ),
    "nn": ("Stillinga vert løna i lønnstrinn {s1}–{s2}", "Løn etter lønnstrinn {s1}–{s2}"),
    "en": ("The position is paid at pay grade (lønnstrinn) {s1}–{s2} in the Norwegian State salary scale",),
}
_CODE_RANGE = {
    "nb": (
        "Stillingen lønnes som seniorrådgiver (stillingskode 1364) i lønnsspenn kr {a} – {b}",
        "Stillingskode 1434 rådgiver, lønnsspenn {a}–{b} kroner",
        "Stillingen lønnes som senioringeniør (stillingskode 1181) med lønn fra kr {a} til {b}",
    ),
    "nn": ("Stillinga blir løna som rådgjevar (stillingskode 1434) i lønnsspenn kr {a}–{b}",),
    "en": (
        "Salary NOK {a} – {b} per annum as Postdoctoral Research Fellow (position code 1352), depending on qualifications",
        "Position code 1364 Senior Adviser, salary range NOK {a}–{b}",
    ),
}
_AGREEMENT = {
    "nb": (
        "Lønn etter avtale",
        "Konkurransedyktige betingelser",
        "Konkurransedyktig lønn",
        "Lønn etter nærmere avtale",
        "Attraktive betingelser",
    ),
    "nn": ("Løn etter avtale", "Konkurransedyktige vilkår"),
    "en": ("Competitive compensation and benefits", "Competitive salary", "Salary by agreement"),
}
_TARIFF = {
    "nb": (
        "Lønn etter gjeldende tariffavtale",
        "Lønn etter Statens lønnsregulativ",
        "Lønn i henhold til hovedtariffavtalen",
        "Lønn etter tariff",
    ),
    "nn": ("Løn etter gjeldande tariffavtale", "Løn etter hovudtariffavtalen"),
    "en": ("Salary according to the collective agreement",),
}

# Shares of each salary kind per occupation group and sector (None = the ad says nothing about pay).
_KINDS_PRIVATE: dict[str, dict[str, int]] = {
    "it": {
        "agreement": 30,
        "none": 22,
        "annual_range": 20,
        "annual_single": 8,
        "from": 7,
        "monthly": 6,
        "monthly_range": 4,
        "monthly_from": 3,
    },
    "engineering": {"agreement": 35, "none": 20, "annual_range": 25, "annual_single": 10, "from": 10},
    "accounting": {
        "agreement": 30,
        "none": 15,
        "annual_range": 25,
        "annual_single": 10,
        "monthly": 10,
        "from": 10,
    },
    "construction": {"hourly": 35, "hourly_range": 15, "agreement": 20, "tariff": 15, "none": 15},
    "electrician": {
        "hourly": 35,
        "hourly_from": 10,
        "tariff": 20,
        "agreement": 15,
        "monthly": 10,
        "none": 10,
    },
    "logistics": {"hourly": 40, "hourly_range": 10, "tariff": 20, "agreement": 15, "none": 15},
    "sales": {
        "monthly": 25,
        "monthly_range": 15,
        "monthly_from": 5,
        "agreement": 25,
        "annual_range": 10,
        "none": 20,
    },
    "hospitality": {"hourly": 45, "tariff": 20, "agreement": 15, "none": 20},
    "nursing": {"hourly": 40, "tariff": 20, "annual_range": 15, "none": 25},
    "research": {"agreement": 30, "annual_range": 40, "none": 30},
    "teaching": {"tariff": 40, "annual_range": 20, "none": 40},
}
_KINDS_PUBLIC: dict[str, dict[str, int]] = {
    "default": {"annual_range": 30, "steps": 25, "code_range": 20, "tariff": 10, "none": 15},
    "nursing": {"tariff": 35, "annual_range": 20, "from": 15, "annual_single": 10, "none": 20},
    "teaching": {"tariff": 40, "annual_range": 20, "from": 10, "none": 30},
    "research": {"annual_single": 30, "annual_range": 25, "code_range": 15, "steps": 20, "none": 10},
}


def salary_kind(rng: random.Random, group: str, public: bool) -> str:
    """Draw how an ad of this group and sector talks about pay."""
    table = _KINDS_PUBLIC.get(group, _KINDS_PUBLIC["default"]) if public else _KINDS_PRIVATE[group]
    kinds = list(table)
    return rng.choices(kinds, weights=[table[kind] for kind in kinds])[0]


def salary_for(
    rng: random.Random, kind: str, lang: str, band: tuple[int, int], sales: bool = False
) -> Salary | None:
    """A salary sentence of the given kind inside the role's annual band, or None for kind "none"."""
    lo, hi = band
    a = _round(rng.uniform(lo, hi - (hi - lo) * 0.35), 10_000)
    b = _round(a + rng.uniform(0.15, 0.35) * (hi - lo) + 10_000, 10_000)
    m = _round(rng.uniform(lo, hi) / MONTHS_PER_YEAR, 500)
    h = _round(rng.uniform(lo, hi) / HOURS_PER_YEAR, 5)

    style = number_style(lang, rng)

    def f(n: int) -> str:
        return fmt(n, style)

    if kind == "none":
        return None
    if kind == "annual_range":
        return Salary(_pick(rng, _ANNUAL_RANGE, lang).format(a=f(a), b=f(b)), a, b, kind)
    if kind == "annual_single":
        return Salary(_pick(rng, _ANNUAL_SINGLE, lang).format(a=f(a)), a, a, kind)
    if kind == "from":
        return Salary(_pick(rng, _ANNUAL_FROM, lang).format(a=f(a)), a, None, kind)
    if kind == "monthly":
        template = (
            "Fastlønn {m} pr. måned + provisjon"
            if sales and lang == "nb" and rng.random() < 0.5
            else _pick(rng, _MONTHLY_SINGLE, lang)
        )
        return Salary(template.format(m=f(m)), m * MONTHS_PER_YEAR, m * MONTHS_PER_YEAR, kind)
    if kind == "monthly_range":
        m1 = _round(m * 0.9, 5000)
        m2 = m1 + rng.choice((5000, 10_000))
        if lang == "nb" and rng.random() < 0.5:
            # "60–70 000 kr/mnd": the first figure borrows the thousands of the second.
            text = f"{m1 // 1000}–{f(m2)} kr/mnd"
        else:
            text = _pick(rng, _MONTHLY_RANGE, lang).format(m1=f(m1), m2=f(m2))
        return Salary(text, m1 * MONTHS_PER_YEAR, m2 * MONTHS_PER_YEAR, kind)
    if kind == "monthly_from":
        text = "Monthly salary from NOK {m}" if lang == "en" else "Lønn fra kr {m},- pr mnd"
        return Salary(text.format(m=f(m)), m * MONTHS_PER_YEAR, None, kind)
    if kind == "hourly":
        return Salary(_pick(rng, _HOURLY, lang).format(h=h), h * HOURS_PER_YEAR, h * HOURS_PER_YEAR, kind)
    if kind == "hourly_from":
        text = "Hourly wage from NOK {h}.50" if lang == "en" else "Timelønn fra {h},50 kr"
        value = int(h * HOURS_PER_YEAR + HOURS_PER_YEAR / 2)
        return Salary(text.format(h=h), value, None, kind)
    if kind == "hourly_range":
        h2 = h + rng.choice((15, 20, 30))
        return Salary(
            _pick(rng, _HOURLY_RANGE, lang).format(h1=h, h2=h2), h * HOURS_PER_YEAR, h2 * HOURS_PER_YEAR, kind
        )
    if kind == "steps":
        s1, s2 = _steps_in(band, rng)
        return Salary(_pick(rng, _STEPS, lang).format(s1=s1, s2=s2), annual_nok(s1), annual_nok(s2), kind)
    if kind == "code_range":
        return Salary(_pick(rng, _CODE_RANGE, lang).format(a=f(a), b=f(b)), a, b, kind)
    if kind == "agreement":
        return Salary(_pick(rng, _AGREEMENT, lang), None, None, kind)
    if kind == "tariff":
        return Salary(_pick(rng, _TARIFF, lang), None, None, kind)
    raise ValueError(f"unknown salary kind {kind!r}")


def full_time_salary(rng: random.Random, lang: str, band: tuple[int, int]) -> Salary:
    """'Lønn 520 000 i 100 % stilling': a part-time ad quoting the full-time figure (NOTES.md §5 trap)."""
    a = _round(rng.uniform(*band), 10_000)
    template = {"en": "Salary NOK {a} for a 100 % position", "nn": "Løn kr {a} i 100 % stilling"}.get(
        lang, "Lønn {a} i 100 % stilling"
    )
    return Salary(template.format(a=fmt(a, number_style(lang, rng))), a, a, "annual_single")


def _steps_in(band: tuple[int, int], rng: random.Random) -> tuple[int, int]:
    """A pay-scale step range whose lower end falls inside the band."""
    lo, hi = band
    steps = [step for step, nok in ANNUAL_NOK_BY_STEP.items() if lo <= nok <= hi] or [54]
    s1 = rng.choice(steps[: max(1, len(steps) - 3)])
    return s1, min(s1 + rng.randint(3, 9), max(ANNUAL_NOK_BY_STEP))
