"""Formatting shared by the reports, so every format shows a value the same way."""

from __future__ import annotations

from matching.model import MatchResult


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
