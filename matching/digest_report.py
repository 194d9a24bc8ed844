"""A digest as Markdown (also the e-mail's plain-text part) and as self-contained HTML (the e-mail's body).

Each listing carries the shortlist's evidence: English accepted and the phrase that decided it, the salary
and the words it was read from, the permit verdict, remote and its phrase, place and deadline. The HTML
has no external reference (no script, font, image or stylesheet from elsewhere) and escapes every scraped
string, so it opens offline and a hostile title shows as text.
"""

from __future__ import annotations

import html
from typing import Any

from matching.digest import Digest, DigestItem


def subject(digest: Digest) -> str:
    """The e-mail subject: "fjordjobs: 4 new for oslo-data (2026-11-21)"."""
    count = len(digest.items)
    return f"fjordjobs: {count} new or changed for {digest.search.name} ({digest.day.isoformat()})"


def _salary(row: dict[str, Any]) -> str:
    low, high = row.get("salary_min_nok"), row.get("salary_max_nok")
    if low is None and high is None:
        return "not stated"
    if low is not None and high is not None and high != low:
        return f"NOK {low:,}–{high:,}"
    return f"NOK {(low or high):,}"


def _english(row: dict[str, Any]) -> str:
    value = row.get("english_ok")
    return "yes" if value is True else "no" if value is False else "?"


def _permit(item: DigestItem) -> str:
    if item.permit_salary:
        return item.permit_salary
    value = item.listing.get("permit_salary_ok")
    return "ok" if value is True else "below" if value is False else "unknown"


def _deadline(row: dict[str, Any]) -> str:
    deadline = row.get("application_deadline")
    return deadline.isoformat() if deadline else "not stated"


def _md(text: Any) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(digest: Digest) -> str:
    """The digest as Markdown: a heading, the filter, one section per listing."""
    lines = [
        f"# {subject(digest)}",
        "",
        f"Filter: {digest.search.filters.describe()}",
        "",
    ]
    if digest.empty:
        lines.append("Nothing new since the last digest.")
        return "\n".join(lines) + "\n"
    for number, item in enumerate(digest.items, start=1):
        row = item.listing
        mark = " (changed)" if item.changed else ""
        lines += [
            f"## {number}. {_md(row.get('title'))} — {_md(row.get('employer'))}{mark}",
            "",
            f"- Place: {_md(row.get('place')) or 'not stated'}; deadline: {_deadline(row)}",
            f"- English: {_english(row)} — {_md(row.get('language_evidence'))}",
            f"- Salary: {_salary(row)}"
            + (f" — “{_md(row.get('salary_text'))}”" if row.get("salary_text") else ""),
            f"- Permit salary: {_permit(item)}",
            f"- Remote: {_md(row.get('remote'))} — {_md(row.get('remote_evidence'))}",
        ]
        if item.score is not None:
            lines.append(f"- Match: {item.score:.3f} — {_md(item.why)}")
        if row.get("url"):
            lines.append(f"- {row['url']}")
        lines.append("")
    return "\n".join(lines) + "\n"


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2430}"
    "article{border-top:1px solid #d6dbe3;padding:.6rem 0}h1{font-size:1.3rem}h2{font-size:1.05rem;margin:.2rem 0}"
    "dl{display:grid;grid-template-columns:9rem 1fr;gap:.15rem .8rem;margin:.3rem 0}dt{color:#5b6472}"
    ".changed{font-size:.8rem;background:#fff3c4;padding:0 .3rem;border-radius:.2rem}"
)


def _cell(label: str, value: str, evidence: Any = None) -> str:
    extra = f" <small>— {html.escape(str(evidence))}</small>" if evidence else ""
    return f"<dt>{label}</dt><dd>{html.escape(value)}{extra}</dd>"


def _article(number: int, item: DigestItem) -> str:
    row = item.listing
    title = html.escape(str(row.get("title") or ""))
    url = row.get("url")
    heading = f'<a href="{html.escape(str(url), quote=True)}">{title}</a>' if url else title
    changed = ' <span class="changed">changed</span>' if item.changed else ""
    cells = [
        _cell("Employer", str(row.get("employer") or "")),
        _cell("Place", str(row.get("place") or "not stated")),
        _cell("Deadline", _deadline(row)),
        _cell("English", _english(row), row.get("language_evidence")),
        _cell("Salary", _salary(row), row.get("salary_text")),
        _cell("Permit salary", _permit(item)),
        _cell("Remote", str(row.get("remote") or "not stated"), row.get("remote_evidence")),
    ]
    if item.score is not None:
        cells.append(_cell("Match", f"{item.score:.3f}", item.why))
    return f"<article><h2>{number}. {heading}{changed}</h2><dl>{''.join(cells)}</dl></article>"


def render_html(digest: Digest) -> str:
    """The digest as one self-contained HTML page."""
    head = html.escape(subject(digest))
    body = (
        "".join(_article(n, item) for n, item in enumerate(digest.items, start=1))
        if digest.items
        else "<p>Nothing new since the last digest.</p>"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{head}</title>'
        f"<style>{_CSS}</style></head><body><h1>{head}</h1>"
        f"<p>Filter: {html.escape(digest.search.filters.describe())}</p>{body}</body></html>\n"
    )
