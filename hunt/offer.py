"""Check a job offer against each skilled-worker permit rule (`pipeline.permit.RULES`).

The rules and thresholds are dated data in `pipeline.permit`; this module only decides, for one offer,
which rules pass, which fail and which need a closer look (a staffing agency as employer is allowed, but
brings extra conditions, so it is a warning rather than a failure).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hunt.errors import HuntError
from pipeline import permit
from pipeline.agency import is_staffing_agency

EDUCATIONS = ("master", "bachelor")
OUTCOMES = ("pass", "fail", "warn")


@dataclass(frozen=True)
class Offer:
    """What the user was offered."""

    salary_nok: int
    education: str  # what the position requires: master | bachelor
    percent: int  # extent, percent of full time
    employer: str
    written_contract: bool


@dataclass(frozen=True)
class RuleResult:
    """One rule, its outcome for this offer, and why."""

    rule_id: str
    outcome: str  # pass | fail | warn
    detail: str
    text: str
    source: str
    valid_from: date


def check(offer: Offer, on: date, *, agency_check: Callable[[str], bool] | None = None) -> list[RuleResult]:
    """Evaluate every rule in `pipeline.permit.RULES` for the offer, in their order, on a day."""
    if offer.education not in EDUCATIONS:
        raise HuntError(f"--education must be one of {', '.join(EDUCATIONS)}, not {offer.education!r}")
    if offer.salary_nok < 0 or not 0 < offer.percent <= 100:
        raise HuntError("--salary must be positive and --percent between 1 and 100")
    is_agency = agency_check or looks_like_staffing_agency
    deciders: dict[str, Callable[[], tuple[str, str]]] = {
        "salary_by_degree": lambda: _salary(offer, on),
        "extent": lambda: _extent(offer),
        "concrete_employer": lambda: _employer(offer, is_agency),
        "written_contract": lambda: _contract(offer),
    }
    results = []
    for rule in permit.RULES:
        decide = deciders.get(rule.id)
        outcome, detail = (
            decide() if decide else ("warn", "fjordjobs cannot check this rule: check it yourself")
        )
        results.append(RuleResult(rule.id, outcome, detail, rule.text, rule.source, rule.valid_from))
    return results


def all_pass(results: list[RuleResult]) -> bool:
    """True when no rule failed (warnings need attention but do not fail the offer)."""
    return all(r.outcome != "fail" for r in results)


def looks_like_staffing_agency(employer: str) -> bool:
    """Is this employer a staffing or recruitment agency? The pipeline's rule, so listings and offers agree."""
    return is_staffing_agency(employer, "")


def _salary(offer: Offer, on: date) -> tuple[str, str]:
    threshold = permit.threshold_for(offer.education, on)
    if threshold is None:
        return "fail", f"no threshold is known for {offer.education} on {on.isoformat()}"
    if offer.salary_nok >= threshold:
        return "pass", f"NOK {offer.salary_nok:,} ≥ NOK {threshold:,} ({offer.education}, {on.isoformat()})"
    return "fail", (
        f"NOK {offer.salary_nok:,} < NOK {threshold:,} ({offer.education}, {on.isoformat()}), "
        f"NOK {threshold - offer.salary_nok:,} short, unless a higher-paying tariff rate applies"
    )


def _extent(offer: Offer) -> tuple[str, str]:
    if offer.percent >= permit.MIN_EXTENT_PCT:
        return "pass", f"{offer.percent} % ≥ {permit.MIN_EXTENT_PCT} %"
    return "fail", f"{offer.percent} % < {permit.MIN_EXTENT_PCT} %"


def _employer(offer: Offer, is_agency: Callable[[str], bool]) -> tuple[str, str]:
    name = offer.employer.strip()
    if not name:
        return "fail", "no employer named"
    if is_agency(name):
        return "warn", f"{name} looks like a staffing agency: UDI sets extra conditions for hired-out workers"
    return "pass", f"offer from {name}"


def _contract(offer: Offer) -> tuple[str, str]:
    if offer.written_contract:
        return "pass", "written contract or offer in hand"
    return "fail", "no written contract or offer yet: ask the employer for one"
