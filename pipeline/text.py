"""Turn ad bodies (HTML, escaped HTML or plain text) into plain text that keeps sentence breaks.

Every normaliser reads the same plain text, so block elements and list items must end sentences:
"Lønn: 650 000 kr</li><li>Søknadsfrist" must not run together into one number-rich sentence.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

_BLOCK_TAGS = [
    "p",
    "div",
    "li",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "ul",
    "ol",
    "section",
    "article",
    "dt",
    "dd",
]
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment; block elements become line breaks. Plain text passes through."""
    if not markup:
        return ""
    text = markup
    if text.lstrip().startswith("&lt;"):
        # Some ATS pages escape the HTML twice (NOTES.md §3): unescape once before parsing.
        text = html.unescape(text)
    if "<" not in text:
        return _tidy(html.unescape(text))
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return _tidy(soup.get_text())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def sentences(text: str) -> list[str]:
    """Split plain text into sentences and list items (a line break always ends one)."""
    parts: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        # End a sentence at . ! ? followed by a space and an upper-case letter or digit; keeps "kr 700.000,-".
        parts.extend(p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«\"(])", line) if p.strip())
    return parts
