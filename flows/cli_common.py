"""What every `fjordjobs` command shares: the warehouse it uses, chosen once, and one-line errors."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import duckdb
import typer

from flows import locations
from flows.output import console, err_console, fail, shown
from hunt.errors import HuntError
from warehouse import db

if TYPE_CHECKING:  # pipeline.ingest loads the normalisers (a second of start-up) that `match` never uses
    from pipeline.ingest import IngestResult

DB_HELP = (
    "Warehouse file (default: $FJORDJOBS_DB, else the one ./fjordjobs.toml names, "
    "else fjordjobs.duckdb in your data folder)."
)
DbOption = Annotated[Path | None, typer.Option("--db", help=DB_HELP)]


def die(message: str) -> typer.Exit:
    fail(message)
    return typer.Exit(1)


# What the command used, said once it has succeeded (`said`, the app's result callback): on stderr, so
# a CSV on stdout stays a CSV, and after the work, so an error is still the one line the README promises.
_USED: list[str] = []


def tell(line: str) -> None:
    """Say `line` on stderr once the command has succeeded."""
    _USED.append(line)


def said(*_: object, **__: object) -> None:
    """Typer's result callback: print what `tell` collected."""
    while _USED:
        err_console.print(_USED.pop(0), highlight=False, soft_wrap=True)


def writing(db_path: Path | None, config: Path | None = None) -> Path:
    """The warehouse a writing command uses, chosen once; the command says which file (issue 16)."""
    try:
        chosen = locations.choose(db_path, config=config)
    except locations.LocationError as exc:
        raise die(str(exc)) from None
    tell(f"warehouse: {chosen.describe()}")
    return chosen.path


def reading(db_path: Path | None, *, pin: bool = True) -> Path:
    """The warehouse a reading command uses: it must exist (nothing is created); the demo's may stand in.

    `pin=False` leaves the demo's day to the caller (`pin_demo_day_on`, on a connection it opens anyway:
    each connection costs `fjordjobs match` a tenth of a second)."""
    try:
        chosen = locations.choose(db_path, reading=True)
    except locations.LocationError as exc:
        raise die(str(exc)) from None
    if not chosen.path.is_file():
        raise die(db.missing_warehouse(chosen.path))
    if chosen.is_demo_fallback:
        tell(f"warehouse: {chosen.describe()}")
    if pin:
        pin_demo_day(chosen.path)
    return chosen.path


def pin_demo_day(path: Path) -> None:
    """The demo's ads are judged on the day they were made for, whenever you look at them."""
    from flows.demo import demo_day, is_demo_warehouse

    if "FJORDJOBS_TODAY" not in os.environ and is_demo_warehouse(path):
        os.environ["FJORDJOBS_TODAY"] = demo_day()


def pin_demo_day_on(con: duckdb.DuckDBPyConnection) -> None:
    """`pin_demo_day` on an open connection (the day then applies from the next query on)."""
    from flows.demo import demo_day, is_demo

    if "FJORDJOBS_TODAY" not in os.environ and is_demo(con):
        os.environ["FJORDJOBS_TODAY"] = demo_day()


def report_ingest(result: IngestResult) -> None:
    if result.already_loaded:
        console.print(f"[yellow]already loaded[/] (run {result.run_id}): nothing changed")
        return
    console.print(
        f"[bold]{result.source}[/] run {result.run_id}: {result.items} records, "
        f"[green]{result.new_listings} new[/], {result.updated} updated, {result.deactivated} deactivated, "
        f"{result.quarantined} quarantined" + (f", {result.requests} requests" if result.requests else ""),
        highlight=False,
    )
    for reason in result.quarantine_reasons[:5]:
        console.print(f"  [yellow]quarantined:[/] {shown(reason)}", highlight=False)
    if result.failed_pages:
        console.print(
            f"  [red]{result.failed_pages} pages failed[/] (not loaded; the next crawl tries them again):",
            highlight=False,
        )
        for page in result.failures[:10]:
            console.print(
                f"    {shown(page['url'])}: {shown(page['reason'])}", highlight=False, soft_wrap=True
            )
        if result.failed_pages > 10:
            console.print(f"    ... {result.failed_pages - 10} more: `fjordjobs status`", highlight=False)


def write_report(run: object, fmt: str, out: Path) -> None:
    from matching.reports import render

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(run, fmt), encoding="utf-8")  # type: ignore[arg-type]


@contextmanager
def hunt_warehouse(db_path: Path | None, *, writes: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated connection; user errors inside become one line on stderr and exit status 1.

    A command that writes says which file it uses; one that only reads creates nothing: on a missing
    warehouse it says how to start one and exits 1.
    """
    if writes:
        path = writing(db_path)
    else:
        try:
            path = locations.choose(db_path).path
        except locations.LocationError as exc:
            fail(str(exc))
            raise typer.Exit(1) from None
        if not path.is_file():
            fail(
                f"no warehouse at {path} yet: nothing tracked there; `fjordjobs track LISTING_ID --status "
                "applied` or `fjordjobs contacts add NAME --relation ...` starts it"
            )
            raise typer.Exit(1)
    try:
        with db.connection(path) as con:
            yield con
    except (HuntError, db.WarehouseError) as exc:
        fail(str(exc))
        raise typer.Exit(1) from None
