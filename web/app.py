"""The FastAPI application: routes that read a page's values (web.pages) and render its template.

Reads use a short-lived read-only connection; clicks go through the journal (web.journal), so a click
made while the daily run holds the warehouse is kept and applied when the run lets go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from hunt import contacts, followups, ics, offer
from hunt.clock import today
from hunt.errors import HuntError
from warehouse.db import WarehouseError
from web import pages, shortlist
from web.actions import APPLIERS
from web.journal import Click, Journal
from web.security import STALE_FORM, Guard
from web.store import READ_WAIT_SECONDS, WarehouseBusy, connection

HERE = Path(__file__).resolve().parent
BUSY_REFRESH_SECONDS = 5


@dataclass
class Site:
    """What every route needs: the warehouse, the journal of clicks, the guard's token."""

    db_path: Path
    guard: Guard
    journal: Journal = field(init=False)

    def __post_init__(self) -> None:
        self.journal = Journal(self.db_path, APPLIERS)


def create_app(db_path: Path, guard: Guard) -> FastAPI:
    """The page's application for one warehouse; `guard` holds the allowed hosts and the CSRF token."""
    site = Site(db_path, guard)
    app = FastAPI(title="fjordjobs", docs_url=None, redoc_url=None, openapi_url=None)
    app.middleware("http")(guard)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    app.state.site = site

    def render(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        values.update(
            csrf=guard.token,
            today=today(),
            pending=len(site.journal.pending()),
            failed=site.journal.failed[-5:],
            db_path=site.db_path,
            path=request.url.path,
            query=request.url.query,
        )
        return templates.TemplateResponse(request, name, values, status_code=status)

    def page(request: Request, name: str, build: Any, write: bool = False) -> HTMLResponse:
        try:
            with connection(site.db_path, write=write, wait=READ_WAIT_SECONDS) as con:
                values = build(con)
        except WarehouseBusy:
            return render(request, "busy.html", 503, refresh=BUSY_REFRESH_SECONDS)
        except (WarehouseError, HuntError) as exc:
            return render(request, "problem.html", 404, message=str(exc))
        if values is None:
            return render(request, "problem.html", 404, message="no such listing in the warehouse")
        return render(request, name, **values)

    @app.get("/", response_class=HTMLResponse)
    def today_view(request: Request) -> HTMLResponse:
        return page(request, "today.html", lambda con: pages.today_page(con, today()), write=True)

    @app.get("/shortlist", response_class=HTMLResponse)
    def shortlist_view(request: Request) -> HTMLResponse:
        # Writable: the search view is refreshed with today's permit thresholds (matching.searches).
        return page(
            request,
            "shortlist.html",
            lambda con: shortlist.shortlist_page(con, request.query_params, today()),
            write=True,
        )

    @app.get("/applications", response_class=HTMLResponse)
    def board_view(request: Request) -> HTMLResponse:
        def build(con: Any) -> dict[str, Any]:
            return {
                "columns": pages.board(con, today()),
                "due": followups.due(con, today()),
                "moves": pages.BOARD_COLUMNS[:-1],
            }

        return page(request, "board.html", build)

    @app.get("/contacts", response_class=HTMLResponse)
    def contacts_view(request: Request) -> HTMLResponse:
        def build(con: Any) -> dict[str, Any]:
            people = contacts.list_contacts(con)
            day = today()
            return {
                "people": people,
                "reconnect": {c.contact_id for c in people if contacts.needs_reconnect(c, day)},
                "relations": contacts.RELATIONS,
            }

        return page(request, "contacts.html", build)

    @app.get("/listing/{listing_id:path}", response_class=HTMLResponse)
    def listing_view(request: Request, listing_id: str) -> HTMLResponse:
        return page(request, "listing.html", lambda con: pages.listing(con, listing_id))

    @app.get("/offer", response_class=HTMLResponse)
    def offer_view(request: Request) -> HTMLResponse:
        form = dict(request.query_params)
        results, problem = None, None
        if form.get("salary"):
            try:
                checked = offer.Offer(
                    salary_nok=int(form["salary"]),
                    education=form.get("education", "master"),
                    percent=int(form.get("percent") or 100),
                    employer=form.get("employer", "").strip(),
                    written_contract=form.get("written_contract") == "yes",
                )
                results = offer.check(checked, today())
            except (ValueError, HuntError) as exc:
                problem = str(exc)
        return render(request, "offer.html", form=form, results=results, problem=problem)

    @app.get("/followups.ics")
    def followups_ics() -> Response:
        try:
            with connection(site.db_path) as con:
                items = followups.scheduled(con)
        except WarehouseBusy:
            return Response("the daily run is loading the warehouse; try again in a minute", 503)
        body = ics.calendar(items, today(), datetime.now(UTC))
        return Response(
            body,
            media_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="fjordjobs-followups.ics"'},
        )

    @app.post("/act/{kind}")
    async def act(request: Request, kind: str) -> Response:
        if kind not in APPLIERS:
            return Response("unknown action", 404)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        if not guard.token_ok(form.pop("csrf", None)):
            return Response(STALE_FORM, 403)
        back = form.pop("next", "/")
        form.setdefault("on", today().isoformat())
        site.journal.add(Click(kind, form))
        site.journal.apply(wait=1.0)
        return RedirectResponse(_local(back), status_code=303)

    return app


def _local(target: str) -> str:
    """A redirect target on this site only (a form cannot send the user elsewhere)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"
