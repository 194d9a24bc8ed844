"""The terminal table (rich), rendered to text so the CLI can print it or write it to a file."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from matching.model import MatchRun
from matching.reports.common import salary, yes_no

_PERMIT_STYLE = {"ok": "green", "below": "red", "unknown": "yellow"}


def table(run: MatchRun) -> Table:
    """A rich Table of the shortlist; crawled strings are escaped so '[bold]' in a title stays text."""
    t = Table(
        title=f"{run.ranked} of {run.candidates} listings for {escape(run.cv_file)} ({run.on_date.isoformat()})",
        show_lines=False,
    )
    for name, justify in (("#", "right"), ("score", "right"), ("title", "left"), ("employer", "left"),
                          ("place", "left"), ("EN", "center"), ("salary NOK", "right"), ("permit", "center"),
                          ("flags", "left")):  # fmt: skip
        t.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for r in run.results:
        style = _PERMIT_STYLE.get(r.permit_salary, "")
        flags = [f for f in r.flags if not f.startswith("permit_salary_")]
        t.add_row(
            str(r.rank), f"{r.score:.3f}", escape(r.title or ""), escape(r.employer or ""), escape(r.place or ""),
            yes_no(r.english_ok), salary(r), f"[{style}]{r.permit_salary}[/]", escape(", ".join(flags)),
        )  # fmt: skip
    return t


def render_table(run: MatchRun, width: int = 160) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    console.print(table(run))
    return console.file.getvalue()  # type: ignore[attr-defined]
