"""The terminal table (rich), rendered to text so the CLI can print it or write it to a file.

Each row carries its evidence: the listing id (to paste into `fjordjobs track`), published date and
deadline with days left, the language evidence behind "English", the salary's own words and the
permit verdict's reason; the caption says what the shortlist left out and which degree it used.
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from matching.flags import FLAG_WORDS
from matching.model import MatchRun
from matching.reports.common import (
    FLAG_SHORT,
    deadline_text,
    flag_words,
    language_text,
    match_label,
    salary,
    summary,
    used_text,
    yes_no,
)

_PERMIT_STYLE = {"ok": "green", "below": "red", "unknown": "yellow"}
_BAND_STYLE = {"strong": "bold green", "partial": "yellow", "weak": "dim"}


def table(run: MatchRun) -> Group:
    """A rich Table of the shortlist with a caption; crawled strings stay text ('[bold]' is not a style)."""
    t = Table(
        title=f"Shortlist for {escape(run.cv_file)} ({run.on_date.isoformat()})",
        caption=escape(f"{summary(run)}. Flags used {used_text(run)}."),
        show_lines=True,
    )
    # Only the listing column keeps a width: the id in it must not fold (it is pasted into `track`).
    for name in ("#", "match", "listing", "dates", "English", "salary NOK / permit", "flags"):
        t.add_column(
            name,
            justify="right" if name == "#" else "left",
            overflow="fold",
            min_width=40 if name == "listing" else None,
        )
    seen: list[str] = []
    for r in run.results:
        style = _PERMIT_STYLE.get(r.permit_salary, "")
        for f in r.flags:
            if not f.startswith("permit_salary_") and f not in seen:
                seen.append(f)
        published = r.published.isoformat() if r.published else "?"
        pay = salary(r) or "not stated"
        if r.salary_text:
            pay += f"\n“{r.salary_text[:60]}”"
        # Text pieces, not markup: nothing crawled is read as a style, and rich skips parsing 48 rows of
        # markup (a sixth of the table's rendering time).
        t.add_row(
            str(r.rank),
            Text.assemble((match_label(r), _BAND_STYLE.get(r.band, ""))),
            Text.assemble(
                (r.title or "", "bold"),
                "\n" + (r.employer or "") + (f", {r.place}" if r.place else "") + "\n",
                (r.listing_id, "dim"),
            ),
            Text(f"published {published}\ndeadline {deadline_text(r, run.on_date)}"),
            Text(f"{yes_no(r.english_ok)}: {language_text(r)}"),
            Text.assemble(f"{pay}\n", (f"permit {r.permit_salary}", style), f": {r.permit_reason}"),
            Text(", ".join(flag_words(r))),
        )
    notes = Text("\n".join(f"{FLAG_SHORT.get(f, f)}: {FLAG_WORDS[f]}" for f in seen if f in FLAG_WORDS))
    return Group(t, notes)


def render_table(run: MatchRun, width: int = 160) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    console.print(table(run))
    return out.getvalue()
