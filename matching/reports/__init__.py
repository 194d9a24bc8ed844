"""Render a stored match run: terminal table, CSV, JSON, Markdown or a self-contained HTML page."""

from __future__ import annotations

from typing import Literal

from matching.model import MatchRun
from matching.reports.csv_report import render_csv
from matching.reports.html_report import render_html
from matching.reports.json_report import render_json
from matching.reports.md_report import render_md
from matching.reports.table import render_table

Format = Literal["table", "csv", "json", "md", "html"]
FORMATS: tuple[str, ...] = ("table", "csv", "json", "md", "html")


def render(run: MatchRun, fmt: Format = "table") -> str:
    """The run in one format, as text ready to print or write to a file."""
    renderers = {
        "table": render_table,
        "csv": render_csv,
        "json": render_json,
        "md": render_md,
        "html": render_html,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderers[fmt](run)


__all__ = ["FORMATS", "Format", "render"]
