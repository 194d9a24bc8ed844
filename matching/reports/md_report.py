"""Markdown: a heading with the run's facts and a table of the shortlist."""

from __future__ import annotations

from matching.model import MatchRun
from matching.reports.common import salary, yes_no


def _cell(text: str | None) -> str:
    # A pipe or a newline in a crawled title would break the table; '<' would become HTML on render.
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render_md(run: MatchRun) -> str:
    lines = [
        f"# Shortlist for {_cell(run.cv_file)}",
        "",
        f"{run.ranked} of {run.candidates} active listings ranked ({run.filtered} left out by the profile), "
        f"{run.on_date.isoformat()}, scoring {run.scoring_version}, run `{run.run_id}`.",
        "",
        "| # | score | title | employer | place | English | salary NOK | permit salary | flags | why |",
        "|---:|---:|---|---|---|---|---|---|---|---|",
    ]
    for r in run.results:
        title = f"[{_cell(r.title)}]({_cell(r.url)})" if r.url else _cell(r.title)
        lines.append(
            f"| {r.rank} | {r.score:.4f} | {title} | {_cell(r.employer)} | {_cell(r.place)} | {yes_no(r.english_ok)} "
            f"| {salary(r)} | {r.permit_salary} | {', '.join(r.flags)} | {_cell(r.why)} |"
        )
    return "\n".join(lines) + "\n"
