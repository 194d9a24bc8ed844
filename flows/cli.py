"""The `fjordjobs` command line (DESIGN.md, "Command line")."""

from __future__ import annotations

from flows import env

env.configure()

from pathlib import Path  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402

from flows import cli_common, locations  # noqa: E402
from flows import cli_filters as cf  # noqa: E402
from flows.cli_common import DB_HELP, DbOption  # noqa: E402, F401
from flows.cli_common import die as _die  # noqa: E402
from flows.cli_common import reading as _reading  # noqa: E402
from flows.cli_common import report_ingest as _report_ingest  # noqa: E402
from flows.cli_common import write_report as _write_report  # noqa: E402
from flows.cli_common import writing as _writing  # noqa: E402
from flows.output import ROW_FORMATS, console, fail, render_rows, shown  # noqa: E402
from warehouse import db  # noqa: E402
from warehouse.db import WarehouseError  # noqa: E402

app = typer.Typer(
    name="fjordjobs",
    help="Crawl Norwegian job listings, load them into DuckDB and rank them against your CV. "
    "Start with: fjordjobs demo",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    result_callback=cli_common.said,
)

# Commands that start processes of their own (Prefect's server, spiders, workers): a watchdog ends
# those if the command is killed (flows/orphans.py).
SPAWNING = frozenset({"crawl", "ingest", "demo", "run", "serve"})
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json")]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"fjordjobs {version('fjordjobs')}")
        except PackageNotFoundError:
            typer.echo("fjordjobs (not installed: running from a checkout)")
        raise typer.Exit()


@app.callback()
def _start(
    ctx: typer.Context,
    show_version: Annotated[
        bool | None,
        typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = None,
) -> None:
    """Crawl Norwegian job listings, load them into DuckDB and rank them against your CV.

    Start with `fjordjobs demo`, then `fjordjobs match --cv your-cv.pdf`. Example: fjordjobs demo
    """
    if ctx.invoked_subcommand in SPAWNING:
        from flows.orphans import guard_children

        guard_children()


@app.command()
def sql(
    query: Annotated[str | None, typer.Argument(help="SQL to run (read-only).")] = None,
    saved: Annotated[
        str | None, typer.Option("--saved", help="Run a saved query from warehouse/queries/.")
    ] = None,
    db_path: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Run read-only SQL on the warehouse. Example: fjordjobs sql "SELECT title FROM listings LIMIT 5"."""
    from flows.sqlcmd import ReadOnlyError, run_readonly, saved_query_params

    if fmt not in ROW_FORMATS:
        raise _die(f"unknown --format {fmt!r}; choose one of {', '.join(ROW_FORMATS)}")
    path = _reading(db_path)
    try:
        text = db.saved_query(saved) if saved else query
        if not text:
            raise _die("give a query, or --saved NAME")
        columns, rows = run_readonly(path, text, saved_query_params())
    except typer.Exit:
        raise
    except (ReadOnlyError, WarehouseError) as exc:
        raise _die(str(exc)) from None
    except Exception as exc:  # DuckDB's own errors: parser, binder, catalog
        raise _die(str(exc).splitlines()[0]) from None
    rendered = render_rows(columns, rows, fmt)
    if isinstance(rendered, str):
        typer.echo(rendered, nl=not rendered.endswith("\n"))
    else:
        console.print(rendered)


@app.command()
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Landing files (JSON lines) to load.")],
    db_path: DbOption = None,
) -> None:
    """Load landing files crawled elsewhere. Example: fjordjobs ingest landing/nav-2026.jsonl."""
    from flows.lock import RunLocked, run_lock
    from flows.pipeline import ingest_flow
    from pipeline.ingest import IngestError

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise _die(f"no such landing file: {', '.join(missing)}")
    path = _writing(db_path)
    try:
        with run_lock(path):
            results = ingest_flow([locations.absolute(f) for f in files], path)
    except (IngestError, WarehouseError, RunLocked) as exc:
        raise _die(str(exc)) from None
    for result in results:
        _report_ingest(result)
    failed = [r for r in results if not r.ok]
    if failed:
        raise _die("; ".join(r.health.reason or "failed" for r in failed if r.health))


@app.command()
def crawl(
    source: Annotated[str, typer.Argument(help="nav, finn or jsonld")],
    url: Annotated[list[str] | None, typer.Option("--url", help="Base or start URL (repeatable).")] = None,
    db_path: DbOption = None,
    i_have_permission: Annotated[
        bool,
        typer.Option("--i-have-permission", help="Finn only: you have Finn's written permission to crawl."),
    ] = False,
) -> None:
    """Crawl one source and load what came. Example: fjordjobs crawl nav --url http://127.0.0.1:8765."""
    from flows.jobs import SOURCES, CrawlError
    from flows.lock import RunLocked, run_lock
    from flows.pipeline import crawl_flow
    from pipeline.ingest import IngestError

    if source not in SOURCES:
        raise _die(f"unknown source {source!r}; choose one of {', '.join(SOURCES)}")
    if source == "finn" and not i_have_permission:
        raise _die(
            "Finn's terms forbid systematic collection without their written permission; "
            "pass --i-have-permission only if you have it"
        )
    if source == "jsonld" and not url:
        raise _die("the jsonld spider needs at least one --url (a career page, sitemap or site root)")
    loopback = bool(url) and all(u.startswith(("http://127.", "http://localhost")) for u in url or [])
    extra = {"i_have_permission": "yes"} if i_have_permission else None
    path = _writing(db_path)
    try:
        with run_lock(path):
            run = crawl_flow(source, url or [], path, loopback, extra)
    except (CrawlError, IngestError, WarehouseError, RunLocked) as exc:
        raise _die(str(exc)) from None
    _report_ingest(run.result)
    failure = run.failure()
    if failure:
        raise _die(failure)


@app.command()
def match(
    cv: Annotated[Path, typer.Option("--cv", help="Your CV: PDF, DOCX, Markdown or text.")],
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Profile TOML (degree, places, ...).")
    ] = None,
    db_path: DbOption = None,
    top: Annotated[int | None, typer.Option("--top", help="Keep the N best (default: all).")] = None,
    english_only: Annotated[
        bool, typer.Option("--english-only", help="Only listings that accept English.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, json, md or html")] = "table",
    out: Annotated[Path | None, typer.Option("--out", help="Write the report to this file.")] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show weak matches too (default: strong and partial only).")
    ] = False,
    include_expired: Annotated[
        bool, typer.Option("--include-expired", help="Rank listings whose deadline has passed too.")
    ] = False,
    sort: Annotated[
        str,
        typer.Option("--sort", help="Row order: score, relocation (help offered first), deadline or salary."),
    ] = "score",
    place: cf.Place = None, occupation: cf.Occupation = None, sector: cf.Sector = None, extent: cf.Extent = None,
    min_extent: cf.MinExtent = None, engagement: cf.Engagement = None, remote: cf.Remote = None,
    english: cf.English = False, permit_salary: cf.PermitSalary = False, min_salary: cf.MinSalary = None,
    published_within: cf.PublishedWithin = None, deadline_open: cf.DeadlineOpen = False,
    agencies: cf.Agencies = None, relocation: cf.Relocation = False,
) -> None:  # fmt: skip
    """Rank active listings against your CV. Example: fjordjobs match --cv cv.pdf --place Oslo --remote hybrid --top 20."""
    chosen = cf.flags_or_die(locals())
    from matching.cv import read_cv
    from matching.errors import MatchError
    from matching.profile import load_profile
    from matching.reports import FORMATS, render
    from matching.reports.common import SORTS, sort_results
    from matching.reports.table import table
    from matching.run import run_match

    if fmt not in FORMATS:
        raise _die(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if top is not None and top < 1:
        raise _die(f"--top must be 1 or more (the number of listings to keep), not {top}")
    if sort not in SORTS:
        raise _die(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    if not cv.is_file():
        raise _die(f"no CV at {cv}")
    path = _reading(db_path, pin=False)
    try:
        with db.connection(path) as con:  # one connection: each costs a tenth of a second
            cli_common.pin_demo_day_on(con)
            if db.active_listings_on(con) == 0:
                read_cv(cv)  # a CV or profile that cannot be read is still the first thing to fix
                load_profile(profile)
                raise _die(
                    f"no active listings in {path}: load some with `fjordjobs run` (after `fjordjobs init`) "
                    "or `fjordjobs crawl nav`, or try `fjordjobs demo`"
                )
            run = run_match(
                con, cv, profile, top=top, english_only=english_only, filters=chosen, show_all=show_all,
                include_expired=include_expired,
            )  # fmt: skip
            run = sort_results(run, sort)
    except (MatchError, WarehouseError) as exc:
        raise _die(str(exc)) from None
    if out is not None:
        _write_report(run, fmt, out)
        console.print(f"wrote {run.ranked} ranked listings to {out}", highlight=False)
    elif fmt == "table":
        console.print(table(run))
    else:
        typer.echo(render(run, fmt), nl=False)  # type: ignore[arg-type]


@app.command()
def status(
    db_path: DbOption = None, runs: Annotated[int, typer.Option(help="Runs to show per source.")] = 3
) -> None:
    """The last runs per source, listing counts, failures and what is new. Example: fjordjobs status."""
    from flows.sqlcmd import run_readonly

    path = _reading(db_path)
    console.print(f"warehouse: {path}", highlight=False, soft_wrap=True)
    try:
        columns, rows = run_readonly(path, db.sql("status_counts"))
        console.print(render_rows(columns, rows, "table"))
        columns, rows = run_readonly(path, db.sql("status_runs"), {"per_source": runs})
    except WarehouseError as exc:
        raise _die(str(exc)) from None
    console.print(render_rows(columns, rows, "table"))
    failed = [row for row in rows if row[3] != "ok"]
    for row in failed:
        console.print(f"[red]failed[/] {row[0]} run {row[1]}: {shown(row[9])}", highlight=False)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet or csv")] = "parquet",
    out: Annotated[Path, typer.Option("--out", help="Folder for the files.")] = Path("export"),
    db_path: DbOption = None,
) -> None:
    """Export listings and match results for other tools. Example: fjordjobs export --format csv --out out/."""
    from flows.export import export_tables

    try:
        written = export_tables(_reading(db_path), out, fmt)
    except (ValueError, WarehouseError) as exc:
        raise _die(str(exc)) from None
    for table, target, count in written:
        console.print(f"{table}: {count} rows -> {target}", highlight=False)


ConfigFileOption = Annotated[
    Path, typer.Option("--config", "-c", help="The configuration (fjordjobs init writes one).")
]


@app.command()
def run(
    config: ConfigFileOption = Path("fjordjobs.toml"),
    wait: Annotated[
        bool, typer.Option("--wait", help="Wait for a run in progress instead of refusing.")
    ] = False,
) -> None:
    """Crawl every enabled source, load, match every profile, write reports. Example: fjordjobs run --config fjordjobs.toml."""
    from contextlib import ExitStack

    from flows.config import ConfigError, load_config
    from flows.daily import daily_flow, warehouse_path
    from flows.lock import RunLocked, run_lock
    from flows.progress import terminal_progress
    from flows.run_summary import print_summary

    with ExitStack() as held:
        try:
            path = warehouse_path(load_config(config))
            cli_common.tell(f"warehouse: {path} (config: {config.resolve()})")
            try:
                held.enter_context(run_lock(path))
            except RunLocked:
                if not wait:
                    raise
                console.print(f"{path} is in use by another fjordjobs run; waiting for it (--wait) ...")
                held.enter_context(run_lock(path, wait=True))
            with terminal_progress(console):
                summary = daily_flow(str(config.resolve()), hold_lock=False)
        except (ConfigError, RunLocked, WarehouseError) as exc:
            raise _die(str(exc)) from None
    print_summary(summary, console)
    if not summary.ok:
        raise _die(summary.headline())


@app.command()
def serve(
    config: ConfigFileOption = Path("fjordjobs.toml"),
    cron: Annotated[
        str | None, typer.Option("--cron", help="Cron schedule, e.g. '0 6 * * *' (default: the file's).")
    ] = None,
) -> None:
    """Run `fjordjobs run` on a schedule with Prefect (starts a local Prefect server unless PREFECT_API_URL is set). Example: fjordjobs serve --cron '0 6 * * *'."""
    from flows.config import ConfigError
    from flows.serve import ServeError
    from flows.serve import serve as serve_flow

    try:
        serve_flow(config, cron, say=lambda line: console.print(line, highlight=False))
    except (ConfigError, ServeError) as exc:
        raise _die(str(exc)) from None


# --- sub-command registrations (other modules add their commands below this line) ---
from flows import cli_hunt, cli_start, cli_web  # noqa: E402

cli_start.register(app)
cli_hunt.register(app)
cli_web.register(app)
cf.register(app)


def main() -> None:
    """Console-script entry point: whatever goes wrong, the user reads one line, not a traceback.

    Known errors are caught where they happen, with a message that says what to do; this is the net
    under them, so a failure nobody foresaw still keeps the README's promise. Set FJORDJOBS_DEBUG=1
    to see the traceback.
    """
    import os
    import sys

    try:  # typer 0.20 and later carry their own copy of Click
        from typer._click import exceptions as click_errors
    except ImportError:  # pragma: no cover - older typer
        from click import exceptions as click_errors  # type: ignore[no-redef]

    if len(sys.argv) <= 1:
        app()  # no arguments: the help page, as Click shows it
        return
    try:
        code = app(standalone_mode=False)
    except click_errors.UsageError as exc:  # a missing option, an unknown command, a bad value
        where = exc.ctx.command_path if exc.ctx else "fjordjobs"
        fail(f"{exc.format_message()} (see `{where} --help`)")
        sys.exit(2)
    except typer.Abort:
        fail("interrupted")
        sys.exit(130)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        fail("interrupted")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("FJORDJOBS_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0]
        fail(f"{type(exc).__name__}: {first} (FJORDJOBS_DEBUG=1 shows where)")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
