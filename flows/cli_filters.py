"""CLI for filters: `facets`, `block`, `dismiss`, `search save|list|delete`, `digest`; and the filter flags
that `match`, `facets` and `search save` share. Wiring only: the work is in `matching/` and `hunt/`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer

from flows import cli_common
from flows.output import console, fail
from hunt import blocks
from hunt.clock import today
from hunt.errors import HuntError
from matching.errors import MatchError
from matching.mail import MailSettings
from matching.searches import SearchError
from pipeline.search_filter import FilterError, SearchFilter, filter_from_mapping
from warehouse import db
from warehouse.db import WarehouseError

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $FJORDJOBS_DB, else warehouse/fjordjobs.duckdb)."),
]
# The filter flags (pipeline/search_filter.py has the vocabulary); each command lists them the same way.
Place = Annotated[
    list[str] | None, typer.Option("--place", help="County, municipality or city (repeatable).")
]
Occupation = Annotated[
    list[str] | None, typer.Option("--occupation", help="NAV category, level 1 or 2, e.g. IT (repeatable).")
]
Sector = Annotated[
    list[str] | None, typer.Option("--sector", help="public, private or nonprofit (repeatable).")
]
Extent = Annotated[str | None, typer.Option("--extent", help="full or part.")]
MinExtent = Annotated[int | None, typer.Option("--min-extent", help="At least this % of full time.")]
Engagement = Annotated[str | None, typer.Option("--engagement", help="permanent or temporary.")]
Remote = Annotated[list[str] | None, typer.Option("--remote", help="onsite, hybrid or remote (repeatable).")]
English = Annotated[bool, typer.Option("--english", help="Only listings that accept English.")]
PermitSalary = Annotated[
    bool, typer.Option("--permit-salary", help="Only salaries that meet the permit threshold.")
]
MinSalary = Annotated[
    int | None, typer.Option("--min-salary", help="NOK a year the stated salary must reach.")
]
PublishedWithin = Annotated[
    int | None, typer.Option("--published-within", help="Published within this many days.")
]
DeadlineOpen = Annotated[
    bool, typer.Option("--deadline-open", help="Only listings whose deadline has not passed.")
]
Agencies = Annotated[str | None, typer.Option("--agencies", help="show, hide or only staffing agencies.")]
Relocation = Annotated[
    bool,
    typer.Option("--relocation", help="Only listings that offer help to relocate (moving, housing, visa)."),
]


FLAG_NAMES = (
    "place", "occupation", "sector", "extent", "min_extent", "engagement", "remote", "english",
    "permit_salary", "min_salary", "published_within", "deadline_open", "agencies", "relocation",
)  # fmt: skip


def filter_from_flags(**flags: Any) -> SearchFilter:
    """The SearchFilter the flags say (a flag left out restricts nothing); FilterError on a bad value."""
    names = {
        "place": "place", "occupation": "occupation", "sector": "sector", "extent": "extent",
        "min_extent": "min_extent_pct", "engagement": "engagement", "remote": "remote", "english": "english",
        "permit_salary": "permit_salary", "min_salary": "min_salary_nok",
        "published_within": "published_within_days", "deadline_open": "deadline_open", "agencies": "agencies",
        "relocation": "relocation",
    }  # fmt: skip
    data = {names[k]: v for k, v in flags.items() if k in names and v not in (None, False, [], ())}
    return filter_from_mapping(data, source="flags")


@contextmanager
def _warehouse(db_path: Path | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated connection; user errors inside become one line and exit status 1. The command says on
    stderr which warehouse file it read and wrote (`cli_common.writing`, as every writing command does),
    so a block or a saved search is not looked for in another warehouse."""
    path = cli_common.writing(db_path)
    try:
        with db.connection(path) as con:
            yield con
    except (HuntError, WarehouseError, SearchError, FilterError, MatchError) as exc:
        fail(str(exc))
        raise typer.Exit(1) from None


def flags_or_die(given: dict[str, Any]) -> SearchFilter:
    """The filter of a command's flags (its other parameters are ignored); a bad value exits with one line."""
    try:
        return filter_from_flags(**{k: v for k, v in given.items() if k in FLAG_NAMES})
    except FilterError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None


def facets(
    db_path: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    place: Place = None, occupation: Occupation = None, sector: Sector = None, extent: Extent = None,
    min_extent: MinExtent = None, engagement: Engagement = None, remote: Remote = None, english: English = False,
    permit_salary: PermitSalary = False, min_salary: MinSalary = None, published_within: PublishedWithin = None,
    deadline_open: DeadlineOpen = False, agencies: Agencies = None, relocation: Relocation = False,
) -> None:  # fmt: skip
    """Each filter's values with how many active listings have each. Example: fjordjobs facets --place Oslo."""
    chosen = flags_or_die(locals())
    from matching.searches import facet_counts, filtered_ids

    with _warehouse(db_path) as con:
        counts = facet_counts(con, chosen, today())
        total = len(filtered_ids(con, chosen, today()))
    if fmt == "json":
        payload = {"filters": chosen.to_dict(), "listings": total}
        payload["facets"] = {
            name: [{"value": v, "count": n} for v, n in rows] for name, rows in counts.items()
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{total}[/] active listings ({chosen.describe()})", highlight=False)
    for name, rows in counts.items():
        shown = ", ".join(f"{value} {count}" for value, count in rows) or "none"
        console.print(f"[bold]{name}[/]: {shown}", highlight=False)


def block(
    employer: Annotated[str | None, typer.Argument(help="Employer name or organisation number.")] = None,
    staffing_agencies: Annotated[
        bool, typer.Option("--staffing-agencies", help="Hide every staffing agency's listings.")
    ] = False,
    remove: Annotated[bool, typer.Option("--remove", help="Lift the block instead.")] = False,
    show: Annotated[bool, typer.Option("--list", help="List the blocks.")] = False,
    db_path: DbOption = None,
) -> None:
    """Hide an employer's listings for good (AS/ASA and case do not matter). Example: fjordjobs block "Equinor ASA"."""
    with _warehouse(db_path) as con:
        if show or (employer is None and not staffing_agencies):
            for row in blocks.list_blocks(con):
                console.print(f"{row['written']} ({row['kind']}): hides {row['hides']}", highlight=False)
            return
        rule = blocks.block_rule(employer, staffing_agencies=staffing_agencies)
        if remove:
            lifted = blocks.unblock(con, rule)
            console.print(f"unblocked {rule.written}" if lifted else f"{rule.written} was not blocked")
            return
        hidden = blocks.block(con, rule)
    console.print(f"blocked {rule.written}: hides {hidden} active listings", highlight=False)


def dismiss(
    listing: Annotated[str, typer.Argument(help="Listing id, e.g. nav:3f2c...")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why (kept with the dismissal).")] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Show the listing again.")] = False,
    db_path: DbOption = None,
) -> None:
    """Hide one listing for good, keeping the reason. Example: fjordjobs dismiss nav:3f2c --reason "needs C1 Norwegian"."""
    with _warehouse(db_path) as con:
        if undo:
            blocks.undismiss(con, listing)
            console.print(f"{listing} is shown again", highlight=False)
            return
        blocks.dismiss(con, listing, reason)
    console.print(f"dismissed {listing}" + (f": {reason}" if reason else ""), highlight=False)


search_app = typer.Typer(help="Saved searches: a filter (and optionally a CV) under a name, for digests.")


@search_app.command("save")
def search_save(
    name: Annotated[str, typer.Argument(help="A short name, e.g. oslo-data.")],
    cv: Annotated[Path | None, typer.Option("--cv", help="Rank the digest against this CV.")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="Profile TOML for the ranking.")] = None,
    db_path: DbOption = None,
    place: Place = None, occupation: Occupation = None, sector: Sector = None, extent: Extent = None,
    min_extent: MinExtent = None, engagement: Engagement = None, remote: Remote = None, english: English = False,
    permit_salary: PermitSalary = False, min_salary: MinSalary = None, published_within: PublishedWithin = None,
    deadline_open: DeadlineOpen = False, agencies: Agencies = None, relocation: Relocation = False,
) -> None:  # fmt: skip
    """Save a search. Example: fjordjobs search save oslo-data --place Oslo --occupation IT --english --cv cv.pdf."""
    chosen = flags_or_die(locals())
    from matching.searches import filtered_ids, save_search

    with _warehouse(db_path) as con:
        saved = save_search(con, name, chosen, cv, profile)
        count = len(filtered_ids(con, saved.filters, today()))
    console.print(
        f"saved {saved.name} ({saved.filters.describe()}): {count} active listings", highlight=False
    )


@search_app.command("list")
def search_list(db_path: DbOption = None) -> None:
    """List saved searches. Example: fjordjobs search list."""
    from matching.searches import list_searches

    with _warehouse(db_path) as con:
        for saved in list_searches(con):
            last = saved.last_digest_at.isoformat(" ") if saved.last_digest_at else "never"
            cv = f"; cv {saved.cv_path}" if saved.cv_path else ""
            console.print(
                f"{saved.name}: {saved.filters.describe()}{cv}; last digest {last}", highlight=False
            )


@search_app.command("delete")
def search_delete(name: Annotated[str, typer.Argument()], db_path: DbOption = None) -> None:
    """Delete a saved search and its digest history. Example: fjordjobs search delete oslo-data."""
    from matching.searches import delete_search

    with _warehouse(db_path) as con:
        delete_search(con, name)
    console.print(f"deleted {name}", highlight=False)


def _mail_and_dir(config: Path | None, out: Path | None) -> tuple[MailSettings | None, Path]:
    """`[email]` and the reports folder from fjordjobs.toml when there is one; else no e-mail, ./reports."""
    from flows.config import ConfigError, load_config

    path = config or Path("fjordjobs.toml")
    if config is None and not path.is_file():
        return None, out or Path("reports") / "digests"
    try:
        loaded = load_config(path)
    except ConfigError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None
    return loaded.email, out or loaded.reports_dir / "digests"


def digest(
    name: Annotated[str | None, typer.Argument(help="One saved search (default: all).")] = None,
    db_path: DbOption = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="fjordjobs.toml with an [email] section.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Folder for the Markdown and HTML files.")] = None,
    no_email: Annotated[bool, typer.Option("--no-email", help="Write the files only.")] = False,
) -> None:
    """What is new or changed for each saved search since its last digest. Example: fjordjobs digest oslo-data."""
    from matching.digest_delivery import deliver_all

    mail, folder = _mail_and_dir(config, out)
    with _warehouse(db_path) as con:
        outcomes = deliver_all(con, today(), folder, None if no_email else mail, name)
    if not outcomes:
        console.print("no saved searches: save one with `fjordjobs search save NAME --place ...`")
    for outcome in outcomes:
        if outcome.error:
            fail(outcome.line())
        else:
            console.print(outcome.line(), highlight=False)
    if any(o.error for o in outcomes):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the filter commands to the main CLI."""
    app.command("facets")(facets)
    app.command("block")(block)
    app.command("dismiss")(dismiss)
    app.command("digest")(digest)
    app.add_typer(search_app, name="search")
