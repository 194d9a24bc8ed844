"""Deliver the digests of saved searches: write the files, send the e-mail, and only then mark them sent.

Used by `fjordjobs digest` and by `fjordjobs run` after ranking. Order matters for "an e-mail failure loses
none": files are written first (they are harmless to rewrite), the e-mail is sent, and the search's cursor
moves only when that succeeded. A digest with nothing in it writes nothing and sends nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from matching.digest import build_digest, mark_sent
from matching.digest_report import render_html, render_markdown, subject
from matching.mail import MailError, MailSettings, build_message, send
from matching.searches import SavedSearch, get_search, list_searches


@dataclass(frozen=True)
class Delivery:
    """What happened to one saved search's digest."""

    search: str
    listings: int
    files: tuple[Path, ...] = ()
    emailed: bool = False
    error: str | None = None

    def line(self) -> str:
        """One line for the terminal."""
        if self.error:
            return f"{self.search}: {self.error} ({self.listings} listings kept for the next digest)"
        if not self.listings:
            return f"{self.search}: nothing new since the last digest; nothing sent"
        where = "e-mailed" if self.emailed else "written"
        files = ", ".join(str(p) for p in self.files)
        return f"{self.search}: {self.listings} new or changed listings {where} ({files})"


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "search"


def deliver(
    con: duckdb.DuckDBPyConnection,
    search: SavedSearch,
    day: date,
    out_dir: Path,
    mail: MailSettings | None = None,
    now: datetime | None = None,
) -> Delivery:
    """Build, write, send (when `mail` is set) and mark one search's digest."""
    digest = build_digest(con, search, day)
    if digest.empty:
        return Delivery(search.name, 0)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"digest-{_slug(search.name)}-{day.isoformat()}"
    markdown, page = render_markdown(digest), render_html(digest)
    md_path, html_path = stem.with_suffix(".md"), stem.with_suffix(".html")
    md_path.write_text(markdown, encoding="utf-8")
    html_path.write_text(page, encoding="utf-8")
    files = (md_path, html_path)
    if mail is not None:
        try:
            send(mail, build_message(mail, subject(digest), markdown, page))
        except MailError as exc:
            return Delivery(search.name, len(digest.items), files, error=str(exc))
    mark_sent(con, digest, now)
    return Delivery(search.name, len(digest.items), files, emailed=mail is not None)


def deliver_all(
    con: duckdb.DuckDBPyConnection,
    day: date,
    out_dir: Path,
    mail: MailSettings | None = None,
    name: str | None = None,
    now: datetime | None = None,
) -> list[Delivery]:
    """Every saved search's digest (or the named one's), each on its own: one failure stops no other."""
    searches = [get_search(con, name)] if name else list_searches(con)
    return [deliver(con, search, day, out_dir, mail, now) for search in searches]
