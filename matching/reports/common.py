"""Formatting shared by the reports, so every format shows a value, a flag and its evidence the same way."""

from __future__ import annotations

import dataclasses
from datetime import date

from matching.bands import BAND_WORDS
from matching.flags import FLAG_WORDS
from matching.model import MatchResult, MatchRun

# A flag's short name for a table cell; FLAG_WORDS says what it means (the legends print it).
FLAG_SHORT: dict[str, str] = {
    "permit_salary_ok": "permit salary ok",
    "permit_salary_below": "permit salary below",
    "permit_salary_unknown": "permit salary unknown",
    "expired": "deadline passed",
    "part_time": "under 80 %",
    "norwegian_required": "Norwegian required",
    "staffing_agency": "staffing agency",
    "temporary": "temporary",
    "deadline_soon": "deadline soon",
    "seniority_gap": "asks more experience",
    "below_min_salary": "under your minimum salary",
    "outside_places": "outside your places",
    "relocation_help": "relocation help",
}
SORTS: tuple[str, ...] = ("score", "relocation", "deadline", "salary")


def yes_no(value: bool | None) -> str:
    """'yes', 'no' or '?' for unknown."""
    return "?" if value is None else ("yes" if value else "no")


def salary(result: MatchResult) -> str:
    """'650,000–800,000', '650,000+' or '' (annual NOK)."""
    low, high = result.salary_min_nok, result.salary_max_nok
    if low is None and high is None:
        return ""
    if low is not None and high is not None and high != low:
        return f"{low:,}–{high:,}"
    if low is not None and high is None:
        return f"{low:,}+"
    return f"{(low or high):,}"


def flags_text(result: MatchResult) -> str:
    """Flags joined with ';' (the CSV's `flags` column)."""
    return ";".join(result.flags)


def flag_words(result: MatchResult, *, short: bool = True) -> list[str]:
    """The row's flags as a person reads them (permit salary is a column of its own, so left out)."""
    table = FLAG_SHORT if short else FLAG_WORDS
    return [table.get(f, f) for f in result.flags if not f.startswith("permit_salary_")]


def match_label(result: MatchResult) -> str:
    """'strong 82' : the band and the 0-100 figure on its scale."""
    return f"{result.band} {result.points}"


def deadline_text(result: MatchResult, on: date) -> str:
    """'2026-12-10 (7 days left)', 'today', 'passed 2026-11-30' or 'none stated (rolling)'."""
    deadline = result.application_deadline
    if deadline is None:
        return "none stated (rolling)"
    days = (deadline - on).days
    if days < 0:
        return f"{deadline.isoformat()} (passed)"
    if days == 0:
        return f"{deadline.isoformat()} (today)"
    return f"{deadline.isoformat()} ({days} day{'s' if days != 1 else ''} left)"


def days_left(result: MatchResult, on: date) -> int | None:
    """Days from the run's day to the deadline (negative once passed); None without a deadline."""
    return None if result.application_deadline is None else (result.application_deadline - on).days


def language_text(result: MatchResult) -> str:
    """The evidence behind 'English: yes/no' in words: 'stated: “…”' or 'no statement; the ad is
    written in Norwegian'."""
    evidence = (result.language_evidence or "").strip()
    if not evidence:
        return "no statement found"
    if evidence.startswith("ad written in ") and evidence.endswith("(no statement)"):
        language = evidence[len("ad written in ") : -len("(no statement)")].strip()
        return f"no statement; the ad is written in {language}"
    if evidence.startswith("field "):
        return "stated in the ad's " + evidence[len("field ") :]
    return evidence


def summary(run: MatchRun) -> str:
    """One line: what the shortlist holds and what it left out, and how to see it."""
    counts = {b: sum(r.band == b for r in run.results) for b in BAND_WORDS}
    shown = len(run.results)
    noun = "listing" if shown == 1 else "listings"
    parts = [f"{shown} {noun} shown ({counts['strong']} strong, {counts['partial']} partial"]
    parts[0] += f", {counts['weak']} weak)" if counts["weak"] else ")"
    if run.ranked > shown:
        parts[0] += f" of {run.ranked} in the shortlist"
    parts.append(f"from {run.candidates} active on {run.on_date.isoformat()}")
    if run.filtered:
        parts.append(f"{run.filtered} left out by the profile")
    if run.top_left_out:
        parts.append(f"{run.top_left_out} more below the top {shown}")
    if run.weak_left_out:
        parts.append(f"{run.weak_left_out} weak matches left out (--all shows them)")
    if run.expired_left_out:
        parts.append(f"{run.expired_left_out} expired left out (--include-expired ranks them)")
    return "; ".join(parts)


def used_text(run: MatchRun) -> str:
    """Which degree and years of experience the flags used, and where each came from."""
    used = run.profile.get("used") or {}
    out = []
    for key, name in (("degree", "degree"), ("years_experience", "years of experience")):
        value = run.profile.get(key)
        source = used.get(key, "profile" if value is not None else "unknown")
        out.append(f"{name}: {value if value is not None else 'unknown'} ({source})")
    return "; ".join(out)


def sort_results(run: MatchRun, key: str) -> MatchRun:
    """The run with its rows in another order (ranks stay the score ranks): relocation help first,
    nearest deadline first, or highest lower salary bound first."""
    if key == "score":
        return run
    orders = {
        "relocation": lambda r: (0 if "relocation_help" in r.flags else 1, r.rank),
        "deadline": lambda r: (r.application_deadline or date.max, r.rank),
        "salary": lambda r: (-(r.salary_min_nok or 0), r.rank),
    }
    if key not in orders:
        raise ValueError(f"unknown sort {key!r}: use one of {', '.join(SORTS)}")
    return dataclasses.replace(run, results=sorted(run.results, key=orders[key]))


def legend() -> list[tuple[str, str]]:
    """(name, meaning) for every band and flag, as the HTML and Markdown legends print them."""
    rows = [(b, w) for b, w in BAND_WORDS.items()]
    rows += [(FLAG_SHORT.get(code, code), words) for code, words in FLAG_WORDS.items()]
    return rows
