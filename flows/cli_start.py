"""`fjordjobs demo` and `fjordjobs init`: a newcomer's first two commands (issue 16)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from flows import locations
from flows.cli_common import die, report_ingest, write_report
from flows.output import console, shown
from warehouse import db
from warehouse.db import WarehouseError


def demo(
    db_path: Annotated[
        Path | None,
        typer.Option(
            "--db", help="Demo warehouse (default: demo/demo.duckdb in your data folder; replaced each run)."
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Rows to print.")] = 15,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Shortlist report (HTML; a CSV is written beside it; default: beside the demo warehouse).",
        ),
    ] = None,
) -> None:
    """The whole pipeline offline on the bundled demo feed, in files of its own. Example: fjordjobs demo --top 20."""
    from flows.demo import DEMO_DIR, DemoRefused, crawl_demo_feed, fresh_database, next_steps
    from flows.jobs import CrawlError
    from flows.lock import RunLocked, run_lock
    from flows.pipeline import crawl_flow
    from matching.reports.table import table
    from matching.run import run_match
    from pipeline.ingest import IngestError

    path = locations.absolute(db_path) if db_path else locations.demo_db()
    report = locations.absolute(out) if out else path.parent / "reports" / "demo-shortlist.html"
    console.print(f"demo warehouse: {path}", highlight=False, soft_wrap=True)
    try:
        with run_lock(path):
            fresh_database(path)
            console.print(
                "[bold]fjordjobs demo[/]: serving 320 generated ads as a local NAV feed on 127.0.0.1 ..."
            )
            result = crawl_demo_feed(path, lambda *args: crawl_flow(*args).result)
    except (CrawlError, IngestError, WarehouseError, RunLocked, DemoRefused) as exc:
        raise die(str(exc)) from None
    report_ingest(result.first)
    console.print(
        f"then {result.deactivated} ads deactivated and {result.retitled} retitled at the source; "
        f"incremental re-crawl from the saved cursor ({result.requests_second_crawl} requests):"
    )
    report_ingest(result.second)
    with db.connection(path) as con:
        run = run_match(con, DEMO_DIR / "sample_cv.md", DEMO_DIR / "sample_profile.toml")
    shown = dataclasses.replace(run, results=run.results[:top])
    console.print(table(shown))
    write_report(run, "html", report)
    write_report(run, "csv", report.with_suffix(".csv"))
    console.print(
        f"shortlist of {run.ranked} listings for the sample CV written to {report} and {report.with_suffix('.csv')}",
        highlight=False,
        soft_wrap=True,
    )
    for line in next_steps(path, has_web=_has_command("web")):
        console.print(line, highlight=False, soft_wrap=True, markup=False)


def init(
    path: Annotated[Path, typer.Argument(help="Where to write the example configuration.")] = Path(
        "fjordjobs.toml"
    ),
    cv: Annotated[
        Path | None,
        typer.Option("--cv", help="Your CV, for the profile `run` ranks for (default: the sample CV)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented example fjordjobs.toml. Example: fjordjobs init --cv ~/cv.pdf && fjordjobs run."""
    from flows.config import example_config
    from flows.demo import DEMO_DIR

    target = locations.absolute(path)
    if target.exists() and not force:
        raise die(f"{path} exists; pass --force to overwrite it")
    if cv is not None and not cv.is_file():
        raise die(f"no CV at {cv}")
    base = target.parent

    def rel(file: Path) -> str:
        try:
            return str(file.relative_to(base))
        except ValueError:
            return str(file)

    mine = locations.absolute(cv) if cv else None
    profile = None if mine else rel(DEMO_DIR / "sample_profile.toml")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(example_config(rel(mine or DEMO_DIR / "sample_cv.md"), profile), encoding="utf-8")
    run_cmd = (
        "fjordjobs run"
        if target == locations.absolute("fjordjobs.toml")
        else f"fjordjobs run --config {path}"
    )
    console.print(f"wrote {target}", highlight=False, soft_wrap=True)
    console.print(
        shown(
            f"next: `{run_cmd}` crawls its sources (the bundled demo feed until you set demo = false under "
            f"[sources.nav]) into {locations.choose(None, config=target).describe()}, "
            "ranks them for your CV and writes the reports beside the file"
        ),
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add `demo` and `init` to the command line."""
    app.command()(demo)
    app.command()(init)


def _has_command(name: str) -> bool:
    """Whether this fjordjobs has the command `name` (the web page is added by its own package)."""
    from flows.cli import app

    return any(
        (c.name or (c.callback.__name__ if c.callback else "")) == name for c in app.registered_commands
    )
