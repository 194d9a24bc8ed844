"""The `fjordjobs` command line (DESIGN.md, "Command line")."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="fjordjobs",
    help="Crawl Norwegian job listings, load them into DuckDB and rank them against your CV.",
    no_args_is_help=True,
    add_completion=False,
)

# --- sub-command registrations (other modules add their commands below this line) ---


def main() -> None:
    """Console-script entry point."""
    app()
