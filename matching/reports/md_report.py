"""Markdown: a heading with the run's facts, the shortlist with each row's evidence, and a legend."""

from __future__ import annotations

from matching.model import MatchRun
from matching.reports.common import (
    deadline_text,
    flag_words,
    language_text,
    legend,
    match_label,
    salary,
    summary,
    used_text,
    yes_no,
)


def _cell(text: str | None) -> str:
    # A pipe or a newline in a crawled title would break the table; '<' would become HTML on render.
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render_md(run: MatchRun) -> str:
    lines = [
        f"# Shortlist for {_cell(run.cv_file)}",
        "",
        f"{_cell(summary(run))}. Scoring {run.scoring_version}, run `{run.run_id}`.",
        "",
        f"Flags used {_cell(used_text(run))}.",
        "",
        "| # | match | title | employer | place | listing id | published | deadline | English | salary NOK "
        "| permit salary | flags | why |",
        "|---:|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in run.results:
        title = f"[{_cell(r.title)}]({_cell(r.url)})" if r.url else _cell(r.title)
        english = f"{yes_no(r.english_ok)} ({_cell(language_text(r))})"
        pay = salary(r) + (f" (“{_cell(r.salary_text)}”)" if r.salary_text else "")
        permit = f"{r.permit_salary}: {_cell(r.permit_reason)}"
        lines.append(
            f"| {r.rank} | {match_label(r)} | {title} | {_cell(r.employer)} | {_cell(r.place)} | `{_cell(r.listing_id)}` "
            f"| {r.published.isoformat() if r.published else ''} | {deadline_text(r, run.on_date)} | {english} "
            f"| {pay} | {permit} | {_cell(', '.join(flag_words(r)))} | {_cell(r.why)} |"
        )
    lines += ["", "## Legend", "", "| band or flag | means |", "|---|---|"]
    lines += [f"| {_cell(name)} | {_cell(meaning)} |" for name, meaning in legend()]
    return "\n".join(lines) + "\n"
