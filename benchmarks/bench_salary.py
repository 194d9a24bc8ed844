"""Salary parser: accuracy on the labelled evaluation set and throughput in ads per second.

Run: .venv/bin/python -m benchmarks.bench_salary
Targets: ≥ 5,000 ads/s for ads with no salary sentence (most ads say nothing about pay, so this is
the common path); no salary invented where the set expects none.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pipeline.salary import parse_salary

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "eval" / "normalise" / "salary.jsonl"

# A plain ad body with no salary sentence: numbers, dates and the everyday word "nok" ("enough").
_NO_SALARY_AD = (
    "Vi søker en erfaren utvikler som vil være med på å bygge neste generasjon av våre tjenester. "
    "Du blir en del av et team på 12 personer i Bergen, og jobber tett med produkt og design. "
    "Er du nysgjerrig nok til å prøve nye verktøy, og trives du med ansvar? "
    "Arbeidsoppgaver: utvikle og forvalte tjenester i skyen, delta i arkitekturarbeid og kodegjennomganger. "
    "Kvalifikasjoner: relevant utdanning på masternivå, minst 3 års erfaring og gode samarbeidsevner. "
    "Vi tilbyr fleksibel arbeidstid, hjemmekontor to dager i uken og et godt faglig miljø. "
    "Søknadsfrist: 15.12.2026. Tiltredelse etter avtale. Spørsmål kan rettes til avdelingsleder. "
) * 3
_NO_SALARY_HTML = "".join(f"<p>{s}.</p>" for s in _NO_SALARY_AD.split(". ") if s)
_SALARY_AD = _NO_SALARY_AD + "Vi tilbyr lønn: 650 000 – 750 000 kr, pensjon og forsikring. "
_SALARY_HTML = _NO_SALARY_HTML + "<ul><li>Lønn: 650 000 – 750 000 kr</li><li>God pensjonsordning</li></ul>"


def _rate(label: str, call: Callable[[], object], repeats: int) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        call()
    per_second = repeats / (time.perf_counter() - start)
    print(f"{label:48} {per_second:10,.0f} ads/s")
    return per_second


def accuracy() -> None:
    """Exact match of (min, max) and invented salaries on the evaluation set."""
    items = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    exact_min = exact_max = exact = invented = expected_null = 0
    for item in items:
        fields, expected = item["fields"], item["expected"]
        published = date.fromisoformat(fields["published"][:10]) if fields.get("published") else None
        verdict = parse_salary(fields["description"], fields.get("base_salary"), published)
        exact_min += verdict.min_nok == expected["salary_min_nok"]
        exact_max += verdict.max_nok == expected["salary_max_nok"]
        exact += (verdict.min_nok, verdict.max_nok) == (
            expected["salary_min_nok"],
            expected["salary_max_nok"],
        )
        if expected["salary_min_nok"] is None and expected["salary_max_nok"] is None:
            expected_null += 1
            invented += (verdict.min_nok, verdict.max_nok) != (None, None)
    n = len(items)
    print(f"evaluation set: {n} items, {expected_null} expect no salary")
    print(f"exact min {exact_min / n:.3f}  exact max {exact_max / n:.3f}  exact both {exact / n:.3f}")
    print(f"invented (salary where none expected): {invented}")


def speed() -> None:
    """Throughput on the common path (no salary sentence) and with one salary sentence."""
    _rate("plain ad, no salary sentence", lambda: parse_salary(_NO_SALARY_AD), 5_000)
    _rate("HTML ad, no salary sentence", lambda: parse_salary(_NO_SALARY_HTML), 500)
    _rate("plain ad with a salary sentence", lambda: parse_salary(_SALARY_AD), 2_000)
    _rate("HTML ad with a salary sentence", lambda: parse_salary(_SALARY_HTML), 500)


if __name__ == "__main__":
    accuracy()
    speed()
