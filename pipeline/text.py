"""Turn ad bodies (HTML, escaped HTML or plain text) into plain text that keeps sentence breaks.

Every normaliser reads the same plain text, so block elements and list items must end sentences:
"Lønn: 650 000 kr</li><li>Søknadsfrist" must not run together into one number-rich sentence.
This runs once per ingested listing, so it uses lxml directly (BeautifulSoup is about 7x slower,
shared STACK.md) and regexes for the block boundaries.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import lxml.html
from lxml.etree import ParserError

_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(
    r"<\s*/?\s*(?:p|div|li|br|h[1-6]|tr|td|th|ul|ol|section|article|header|footer|dt|dd|dl|table|blockquote|pre|hr)\b[^>]*>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2009\u200b]+")
_ODD_SPACES = "\t\u00a0\u202f\u2009\u200b"  # the characters of _SPACES other than " "
_BLANK_LINES = re.compile(r"\n\s*\n+")
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment; block elements become line breaks. Plain text passes through."""
    if not markup:
        return ""
    text = markup
    if text.lstrip().startswith("&lt;"):
        # Some ATS pages escape the HTML twice (NOTES.md §3): unescape once before parsing.
        text = html.unescape(text)
    if not _LOOKS_LIKE_HTML.search(text):
        return _tidy(html.unescape(text))
    text = _BLOCK.sub("\n", _DROP.sub(" ", text))
    try:
        plain = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
    except (ParserError, ValueError):
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return _tidy(plain)


def _tidy(text: str) -> str:
    # One substitution over the whole text (no character of _SPACES ends a line, so this is the same as
    # substituting line by line), and none when every run of spaces is already one plain space.
    if "  " in text or any(space in text for space in _ODD_SPACES):
        text = _SPACES.sub(" ", text)
    joined = "\n".join(line.strip() for line in text.splitlines())
    # Lines are stripped, so a run of blank lines is a run of line breaks: only three or more change.
    return (_BLANK_LINES.sub("\n\n", joined) if "\n\n\n" in joined else joined).strip()


# Sentence ends at . ! ? before a space and an upper-case letter or digit; keeps "kr 700.000,-".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«\"(])")


def sentences(text: str) -> list[str]:
    """Split plain text into sentences and list items (a line break always ends one)."""
    return list(_sentences(text))


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[str, ...]:
    # Language, salary and language-ID tagging each split the same ad text: the cache splits it once.
    parts: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if "." not in line and "!" not in line and "?" not in line:
            parts.append(line)  # a list item or heading: nothing to split
            continue
        parts.extend(p.strip() for p in _SENTENCE_END.split(line) if p.strip())
    return tuple(parts)


def clear_caches() -> None:
    """Forget cached sentence splits (benchmarks clear them so each pass pays for its own splitting)."""
    _sentences.cache_clear()
