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

import ftfy
import lxml.html
from lxml.etree import ParserError

# Dropped with their content; the document tags themselves are dropped too, since lxml stops reading a
# fragment at "</html>" and some extractors append fields after a whole document ("...</html><br>Trainee").
_DROP = re.compile(
    r"<(script|style|noscript|template|head)\b.*?</\1\s*>|<!--.*?-->|<\s*/?\s*(?:html|body|!doctype)\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK = re.compile(
    r"<\s*/?\s*(?:p|div|li|br|h[1-6]|tr|td|th|ul|ol|section|article|header|footer|dt|dd|dl|table|blockquote|pre|hr)\b[^>]*>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2009\u200b]+")
_ODD_SPACES = "\t\u00a0\u202f\u2009\u200b"  # the characters of _SPACES other than " "
_BLANK_LINES = re.compile(r"\n\s*\n+")
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
# Markup escaped as text ("&lt;br /&gt;&lt;h2&gt;", as NAV's import records carry it), wherever it starts.
_ESCAPED_TAG = re.compile(
    r"&lt;\s*/?\s*(?:p|br|div|li|ul|ol|h[1-6]|strong|b|i|em|span|a|table|tr|td)\b", re.I
)
# Tags left as literal text after one round of parsing: the markup was escaped twice. Only as a parser reads
# a tag, the name right after "<" or "</": "a < b og c > d" is prose, and reading it again would change
# nothing and never end (it recursed until Python gave up, which stopped the whole ingest of its file).
_LITERAL_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|strong|b|em|span|table|tr|td)\b[^>]*>", re.I)
# UTF-8 read as Latin-1 or Windows-1252 ("TromsÃ¸", "â€“", "ï¿½"): no Norwegian or English text has these.
_MOJIBAKE_SIGNS = ("Ã", "Â", "â€", "ï¿½")


def repair(text: str) -> str:
    """`text` with mojibake already in the source undone (ftfy), when it shows any sign of it.

    Checking for the signs first costs nothing on clean text; ftfy itself takes about a millisecond
    per ad. A character the source lost entirely ("ï¿½", the replacement character read as Latin-1)
    comes back as "\ufffd", not as a guess.
    """
    if "Ã" in text or "Â" in text or "â€" in text or "ï¿½" in text:  # _MOJIBAKE_SIGNS, without a generator
        return ftfy.fix_text(text, normalization="NFC")
    return text


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment; block elements become line breaks. Plain text passes through."""
    if not markup:
        return ""
    text = repair(markup)
    if "&lt;" in text and _ESCAPED_TAG.search(text) and not _LOOKS_LIKE_HTML.search(text):
        # Some ATS pages and NAV import records escape the HTML (NOTES.md §3): unescape once before parsing.
        text = html.unescape(text)
    if not _LOOKS_LIKE_HTML.search(text):
        return _tidy(html.unescape(text))
    # A line break in the markup is only a space (an editor's wrap inside a paragraph, "og/eller\n relevant
    # erfaring"); the block elements make the text's lines. Sentence-wise rules read those lines.
    text = _BLOCK.sub("\n", _DROP.sub(" ", text.replace("\n", " ") if "\n" in text else text))
    try:
        plain = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
    except (ParserError, ValueError):
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
    if "<" in plain and _LITERAL_TAG.search(plain):
        return html_to_text(plain)  # escaped twice inside real markup: its tags were text the first time
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
