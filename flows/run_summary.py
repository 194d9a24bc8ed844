"""The end-of-run summary `fjordjobs run` prints: one row per source, the reports written, the failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from flows.output import shown

if TYPE_CHECKING:
    from flows.daily import DailySummary


def summary_table(summary: DailySummary) -> Table:
    """One row per configured source, failed ones in red with their reason."""
    table = Table(title="fjordjobs run", header_style="bold", title_justify="left")
    columns = (
        "source",
        "status",
        "items",
        "new",
        "updated",
        "deactivated",
        "quarantined",
        "failed pages",
        "reason",
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    for s in summary.sources:
        status = "[green]ok[/]" if s.ok else "[bold red]FAILED[/]"
        counts = [s.items, s.new_listings, s.updated, s.deactivated, s.quarantined, s.failed_pages]
        table.add_row(shown(s.name), status, *[str(c) for c in counts], shown(s.reason or ""))
    return table


def print_summary(summary: DailySummary, console: Console) -> None:
    """The table, a line per profile with its report files, and where `latest/` is."""
    console.print(summary_table(summary))
    for p in summary.profiles:
        if p.ok:
            files = ", ".join(str(f) for f in p.files)
            console.print(
                f"profile [bold]{shown(p.name)}[/]: {p.ranked} of {p.candidates} ranked -> {shown(files)}",
                highlight=False,
            )
        else:
            console.print(
                f"profile [bold]{shown(p.name)}[/]: [red]failed[/] {shown(p.reason)}", highlight=False
            )
    if summary.demo_retired:
        console.print(
            f"{summary.demo_retired} ads of the bundled demo feed marked inactive: your sources no longer "
            "include it (demo = false)",
            highlight=False,
        )
    for digest in summary.digests:
        console.print(f"digest {shown(digest.line())}", highlight=False)
    if summary.report_dir is not None:
        console.print(
            f"reports in {summary.report_dir} (and {summary.report_dir.parent / 'latest'})", highlight=False
        )
