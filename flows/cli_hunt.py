"""The job-hunt commands (issue 7): track, followups, contacts, week, offer-check, hunt-export.

Thin wrappers: each parses options, opens the warehouse (migrated on open), calls `hunt/`, and prints a
rich table. A user error prints one line on stderr and exits 1.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.table import Table

from flows.cli_common import DbOption
from flows.cli_common import hunt_warehouse as _warehouse
from flows.output import console, fail, shown
from hunt import applications, contacts, followups, weekly
from hunt.clock import parse_date, today
from hunt.errors import HuntError

DateOption = Annotated[
    str | None, typer.Option("--date", help="YYYY-MM-DD (default: today, or $FJORDJOBS_TODAY).")
]


def _day(text: str | None, what: str = "--date") -> date:
    try:
        return parse_date(text, what) if text else today()
    except HuntError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None


def _table(*columns: str) -> Table:
    table = Table(header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _s(value: object) -> str:
    """A cell: empty for None, ISO for a date, and escaped (see flows.output.shown)."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else shown(value)


# --- track -------------------------------------------------------------------------------------------


def track(
    listing_id: Annotated[
        str | None, typer.Argument(help="listing_id (e.g. nav:<uuid>) or open:<slug>.")
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="|".join(applications.STATUSES))] = None,
    on: DateOption = None,
    note: Annotated[str | None, typer.Option("--note", help="What happened, in your words.")] = None,
    is_open: Annotated[
        bool, typer.Option("--open", help="An open application to an employer with no listing.")
    ] = False,
    employer: Annotated[str | None, typer.Option("--employer", help="With --open: the employer.")] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="With --open: the role you asked about.")
    ] = None,
    db_path: DbOption = None,
) -> None:
    """Log a status change of an application. Without --status: its history; without an id: all of them.

    Example: fjordjobs track nav:4f0c... --status applied --note "via the form"
    """
    if is_open and not employer:
        fail("--open needs --employer NAME")
        raise typer.Exit(1)
    if employer and not is_open:
        fail("--employer is for open applications: add --open, or give a LISTING_ID alone")
        raise typer.Exit(1)
    day = _day(on)
    with _warehouse(db_path, writes=status is not None or is_open) as con:
        if status is None and not is_open:
            if listing_id:
                _print_history(con, listing_id)
            else:
                _print_applications(con)
            return
        if status is None:
            raise HuntError("give --status for the open application")
        result = applications.track(
            con, listing_id, status, day, note, open_employer=employer if is_open else None, open_title=title
        )
    what = " at ".join(p for p in (result.title, result.employer) if p)
    console.print(
        f"[bold]{result.application_id}[/]: {status} on {day.isoformat()}"
        + (f" ({what})" if what else "")
        + (f"; current status {result.status} since {result.status_date}" if result.status != status else ""),
        highlight=False,
    )


def _print_history(con: duckdb.DuckDBPyConnection, application_id: str) -> None:
    rows = applications.history(con, application_id)
    current = applications.get(con, application_id)
    assert current is not None
    table = _table("date", "status", "note")
    table.title = _s(f"{application_id}: " + " at ".join(p for p in (current.title, current.employer) if p))
    for row in rows:
        table.add_row(_s(row["event_date"]), _s(row["status"]), _s(row["note"]))
    console.print(table)


def _print_applications(con: duckdb.DuckDBPyConnection) -> None:
    rows = applications.list_applications(con)
    if not rows:
        console.print("no applications yet: fjordjobs track LISTING_ID --status saved")
        return
    table = _table("application", "status", "since", "title", "employer", "listing")
    for row in rows:
        table.add_row(
            _s(row["application_id"]),
            _s(row["status"]),
            _s(row["status_date"]),
            _s(row["title"]),
            _s(row["employer"]),
            _s(row["listing_status"] or "open"),
        )
    console.print(table)


# --- followups ---------------------------------------------------------------------------------------


def followups_cmd(
    ics_path: Annotated[
        Path | None, typer.Option("--ics", help="Also write every pending follow-up to this .ics file.")
    ] = None,
    done: Annotated[
        str | None, typer.Option("--done", help="Mark the follow-ups due for this application as done.")
    ] = None,
    on: DateOption = None,
    thank_you_days: Annotated[int, typer.Option(help="Days after an interview for a thank-you.")] = 1,
    status_call_days: Annotated[int, typer.Option(help="Days without an answer before a status call.")] = 7,
    ghosted_days: Annotated[
        int, typer.Option(help="Days without an answer before it counts as ghosted.")
    ] = 21,
    db_path: DbOption = None,
) -> None:
    """List the follow-ups due today and overdue. Example: fjordjobs followups --ics followups.ics"""
    day = _day(on)
    with _warehouse(db_path, writes=bool(done)) as con:
        rules = followups.FollowupRules(thank_you_days, status_call_days, ghosted_days)
        if done:
            marked = followups.mark_done(con, done, day, rules)
            console.print(f"done: {', '.join(f.kind for f in marked)} for {done}", highlight=False)
        items = followups.due(con, day, rules)
        upcoming = [f for f in followups.scheduled(con, rules) if f.due > day]
    if items:
        table = _table("due", "late", "to do", "application", "title", "employer")
        table.title = f"follow-ups due on {day.isoformat()}"
        for f in items:
            late = f.days_overdue(day)
            table.add_row(
                _s(f.due),
                f"{late} d" if late else "today",
                _s(f.action),
                _s(f.application_id),
                _s(f.title),
                _s(f.employer),
            )
        console.print(table)
    else:
        console.print(f"no follow-ups due on {day.isoformat()}")
    if ics_path:
        from hunt import ics  # icalendar: loaded only when asked for

        count = ics.write(ics_path, items + upcoming, day, datetime.now(UTC))
        console.print(f"wrote {count} follow-ups to {ics_path}", highlight=False)


# --- contacts ----------------------------------------------------------------------------------------

contacts_app = typer.Typer(
    help="Your network: who you know where, and when you last spoke.", no_args_is_help=True
)
RELATION_HELP = "; ".join(f"{key} = {text}" for key, text in contacts.RELATIONS.items())


@contacts_app.command("add")
def contacts_add(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    employer: Annotated[str | None, typer.Option("--employer", help="Where they work.")] = None,
    relation: Annotated[str | None, typer.Option("--relation", help=RELATION_HELP)] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="linkedin, email, phone, ...")] = None,
    last_contact: Annotated[
        str | None, typer.Option("--last-contact", help="YYYY-MM-DD of your last contact.")
    ] = None,
    recruiter: Annotated[
        bool,
        typer.Option("--recruiter", help="A recruiter: each touch counts as a recruiter message in `week`."),
    ] = False,
    note: Annotated[str | None, typer.Option("--note")] = None,
    db_path: DbOption = None,
) -> None:
    """Add a contact. Example: fjordjobs contacts add "Kari Nordmann" --employer Equinor --relation former_colleague"""
    if not relation:
        fail(f"--relation is required: one of {', '.join(contacts.RELATIONS)}")
        raise typer.Exit(1)
    last = _day(last_contact, "--last-contact") if last_contact else None
    with _warehouse(db_path, writes=True) as con:
        added = contacts.add(
            con,
            name,
            employer=employer,
            relation=relation.strip().lower().replace("-", "_"),
            channel=channel,
            recruiter=recruiter,
            last_contact=last,
            note=note,
        )
    console.print(
        f"added contact {added.contact_id}: {added.name}"
        + (f" at {added.employer}" if added.employer else ""),
        highlight=False,
    )


@contacts_app.command("list")
def contacts_list(
    employer: Annotated[
        str | None, typer.Option("--employer", help="Only contacts at this employer.")
    ] = None,
    on: DateOption = None,
    db_path: DbOption = None,
) -> None:
    """List contacts, marking those not touched for 3 months (reconnect). Example: fjordjobs contacts list --employer Equinor"""
    day = _day(on)
    with _warehouse(db_path, writes=False) as con:
        found = contacts.list_contacts(con, employer)
    if not found:
        console.print(
            "no contacts" + (f" at {employer}" if employer else "") + ": fjordjobs contacts add NAME"
        )
        return
    table = _table("id", "name", "employer", "relation", "channel", "last contact", "")
    reconnect = 0
    for c in found:
        due = contacts.needs_reconnect(c, day)
        reconnect += due
        table.add_row(
            str(c.contact_id),
            _s(c.name + (" (recruiter)" if c.recruiter else "")),
            _s(c.employer),
            _s(c.relation),
            _s(c.channel),
            _s(c.last_contact) or "never",
            "[yellow]reconnect[/]" if due else "",
        )
    console.print(table)
    if reconnect:
        console.print(
            f"{reconnect} to reconnect with (no contact for {contacts.RECONNECT_AFTER_MONTHS} months)"
        )


@contacts_app.command("touch")
def contacts_touch(
    ref: Annotated[str, typer.Argument(help="The contact's id or name.")],
    on: DateOption = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    db_path: DbOption = None,
) -> None:
    """Log that you were in touch with a contact. Example: fjordjobs contacts touch 3 --note "coffee" """
    day = _day(on)
    with _warehouse(db_path, writes=True) as con:
        touched = contacts.touch(con, ref, day, note)
    console.print(f"{touched.name}: last contact {_s(touched.last_contact)}", highlight=False)


# --- week --------------------------------------------------------------------------------------------


def week_cmd(
    on: DateOption = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Change a weekly target, e.g. applications=12 (repeatable)."),
    ] = None,
    db_path: DbOption = None,
) -> None:
    """Progress this ISO week against the targets (applications, open applications, recruiter messages).

    Example: fjordjobs week --set applications=12
    """
    day = _day(on)
    with _warehouse(db_path, writes=bool(set_)) as con:
        for assignment in set_ or []:
            weekly.set_target(con, *weekly.parse_assignment(assignment))
        plan = weekly.week(con, day)
        reconnect = contacts.to_reconnect(con, day)
        due = followups.due(con, day)
    table = _table("target", "done", "goal", "left")
    table.title = f"week {plan.label} ({plan.monday} to {plan.sunday})"
    for p in plan.progress:
        table.add_row(
            weekly.LABELS[p.target], str(p.done), str(p.goal), "[green]done[/]" if not p.left else str(p.left)
        )
    console.print(table)
    if due:
        console.print(f"{len(due)} follow-ups due: fjordjobs followups", highlight=False)
    if reconnect:
        names = ", ".join(c.name + (f" ({c.employer})" if c.employer else "") for c in reconnect[:10])
        console.print(f"reconnect with: {names}", highlight=False)


# --- offer-check -------------------------------------------------------------------------------------


def offer_check(
    salary: Annotated[int, typer.Option("--salary", help="Annual salary before tax, NOK.")],
    education: Annotated[
        str, typer.Option("--education", help="What the position requires: master|bachelor.")
    ],
    percent: Annotated[int, typer.Option("--percent", help="Extent, percent of full time.")],
    employer: Annotated[str, typer.Option("--employer", help="Who the offer is from.")],
    written_contract: Annotated[str, typer.Option("--written-contract", help="yes|no")],
    on: DateOption = None,
) -> None:
    """Check an offer against each skilled-worker permit rule; exit 1 if any fails.

    Example: fjordjobs offer-check --salary 610000 --education master --percent 100 --employer "Equinor ASA" --written-contract yes
    """
    from hunt import offer  # the staffing-agency rules it uses are compiled only for this command

    day = _day(on)
    answer = written_contract.strip().lower()
    if answer not in ("yes", "no"):
        fail(f"--written-contract must be yes or no, not {written_contract!r}")
        raise typer.Exit(1)
    try:
        results = offer.check(
            offer.Offer(salary, education.strip().lower(), percent, employer, answer == "yes"), day
        )
    except HuntError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None
    colours = {"pass": "green", "fail": "red", "warn": "yellow"}
    table = _table("rule", "result", "why", "rule text", "since", "source")
    table.title = f"skilled-worker permit check on {day.isoformat()}"
    for r in results:
        table.add_row(
            r.rule_id,
            f"[{colours[r.outcome]}]{r.outcome}[/]",
            _s(r.detail),
            _s(r.text),
            _s(r.valid_from),
            _s(r.source),
        )
    console.print(table)
    failed = [r.rule_id for r in results if r.outcome == "fail"]
    if failed:
        fail(f"the offer fails {', '.join(failed)}")
        raise typer.Exit(1)
    console.print(
        "[green]all rules pass[/]"
        + (" (see the warnings)" if any(r.outcome == "warn" for r in results) else "")
    )


# --- hunt-export -------------------------------------------------------------------------------------


def hunt_export(
    out: Annotated[Path, typer.Option("--out", help="A .xlsx file, or a folder for CSV files.")],
    fmt: Annotated[str | None, typer.Option("--format", help="csv or xlsx (default: from --out).")] = None,
    db_path: DbOption = None,
) -> None:
    """Export applications (with history) and contacts (with touches) to CSV or XLSX. Example: fjordjobs hunt-export --out hunt.xlsx"""
    from hunt import export  # openpyxl: a third of a second of start-up every other command need not pay

    try:
        export.guess_format(out, fmt)  # before the warehouse is opened: a bad --out changes nothing
    except HuntError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None
    with _warehouse(db_path, writes=False) as con:
        counts = export.export(con, out, fmt)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    console.print(f"wrote {out}: {summary}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the job-hunt commands to the `fjordjobs` app."""
    app.command("track")(track)
    app.command("followups")(followups_cmd)
    app.add_typer(contacts_app, name="contacts")
    app.command("week")(week_cmd)
    app.command("offer-check")(offer_check)
    app.command("hunt-export")(hunt_export)
