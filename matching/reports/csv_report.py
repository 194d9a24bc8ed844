"""CSV with the contract columns (issue 5), then each row's evidence (issue 10), one row per listing."""

from __future__ import annotations

import csv
import io

from matching.model import MatchRun
from matching.reports.common import days_left, flag_words, language_text
from pipeline.cells import sheet_safe

COLUMNS = [
    "rank", "listing_id", "url", "title", "employer", "place", "score", "english_ok",
    "salary_min_nok", "salary_max_nok", "permit_salary", "extent_ok", "flags", "why",
    "band", "match_0_100", "published", "deadline", "days_left", "language_evidence", "salary_text",
    "permit_reason", "flags_in_words",
]  # fmt: skip


def _bool(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def render_csv(run: MatchRun) -> str:
    """The ranked listings as CSV; every cell passes the spreadsheet-safe rule (no live formulas)."""
    out = io.StringIO()
    # CRLF (RFC 4180), and not only for Excel: Python 3.11's writer quotes a field holding \r or \n only
    # when the terminator contains it, so with "\n" a title with a stray \r split its row in two.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in run.results:
        left = days_left(r, run.on_date)
        writer.writerow(
            map(sheet_safe, [
                r.rank, r.listing_id, r.url or "", r.title or "", r.employer or "", r.place or "",
                f"{r.score:.4f}", _bool(r.english_ok),
                "" if r.salary_min_nok is None else r.salary_min_nok,
                "" if r.salary_max_nok is None else r.salary_max_nok,
                r.permit_salary, _bool(r.extent_ok), ";".join(r.flags), r.why,
                r.band, r.points, r.published.isoformat() if r.published else "",
                r.application_deadline.isoformat() if r.application_deadline else "",
                "" if left is None else left, language_text(r), r.salary_text or "", r.permit_reason,
                "; ".join(flag_words(r, short=False)),
            ])
        )  # fmt: skip
    return out.getvalue()
