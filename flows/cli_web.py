"""`fjordjobs web`: the local page (web/), started from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.cli_common import DB_HELP, reading
from flows.output import fail


def web(
    db_path: Annotated[
        Path | None,
        typer.Option("--db", help=DB_HELP),
    ] = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")] = 8765,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; anything but 127.0.0.1 is reachable by others."),
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in your browser.")] = False,
    cv: Annotated[Path | None, typer.Option("--cv", help="Rank the listings against this CV first.")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="With --cv: your profile (TOML).")] = None,
) -> None:
    """The local page: Today, shortlist, listings, applications board, contacts, offer check. Example: fjordjobs web --cv cv.pdf --open."""
    from matching.errors import MatchError
    from web.server import rank, serve
    from web.store import WarehouseBusy

    path = reading(db_path)  # must exist; the demo's stands in until you have your own
    if cv is not None:
        try:
            ranked = rank(path, cv, profile)
        except (MatchError, WarehouseBusy) as exc:
            fail(str(exc).splitlines()[0])
            raise typer.Exit(1) from None
        print(f"fjordjobs web: ranked {ranked} listings against {cv.name} (the Shortlist page shows them)")
    try:
        serve(path, host=host, port=port, open_browser=open_browser)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --port")
        raise typer.Exit(1) from None


def register(app: typer.Typer) -> None:
    """Add `web` to the `fjordjobs` command."""
    app.command("web")(web)
