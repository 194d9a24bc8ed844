"""Parse the almost-JSON that real web pages put in their script tags.

Career pages and ATS templates emit JSON-LD that `json.loads` rejects: raw newlines and tabs
inside strings, trailing commas, HTML comments or CDATA markers around the object, a byte-order
mark, JavaScript comments. We try the strict-enough parse first (control characters allowed),
then a fixed sequence of textual repairs, and report the first error when nothing works, so the
caller can quarantine the block with a reason instead of losing it silently.
"""

from __future__ import annotations

import json
import re
from typing import Any

_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")


class LenientJSONError(ValueError):
    """The text is not JSON even after the usual repairs; `reason` says where it broke."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _strip_wrappers(text: str) -> str:
    """Drop a BOM and the comment/CDATA wrappers some CMSes put around script bodies."""
    text = text.lstrip("\ufeff").strip()
    previous = None
    while previous != text:
        previous = text
        text = _WRAPPERS.sub("", text).strip()
    return text.rstrip(";").strip()


def _scan_outside_strings(text: str, drop_trailing_commas: bool, drop_comments: bool) -> str:
    """Rewrite `text` character by character, touching only what lies outside string literals.

    A regex cannot tell a comma inside a string from one between values; a small scanner can.
    """
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    while i < n:
        ch = text[i]
        if in_string:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == '"':
                in_string = False
            i += 1
            continue
        if ch == '"':
            in_string = True
            out.append(ch)
            i += 1
            continue
        if drop_comments and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if drop_comments and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if drop_trailing_commas and ch == ",":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] in "]}":
                i += 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _escape_stray_backslashes(text: str) -> str:
    """Double backslashes that do not start a valid JSON escape (`\\'`, `\\/x` typos, Windows paths)."""
    return re.sub(r'\\(?!["\\/bfnrtu])', r"\\\\", text)


def loads_lenient(text: str) -> Any:
    """Parse `text` as JSON, repairing the common defects of hand-built JSON-LD.

    Raises `LenientJSONError` with the parser's first complaint when every repair fails.
    """
    cleaned = _strip_wrappers(text)
    if not cleaned:
        raise LenientJSONError("empty script block")
    attempts = [
        cleaned,
        _scan_outside_strings(cleaned, drop_trailing_commas=True, drop_comments=True),
    ]
    attempts.append(_escape_stray_backslashes(attempts[-1]))
    first_error: json.JSONDecodeError | None = None
    for candidate in attempts:
        try:
            return json.loads(candidate, strict=False)
        except json.JSONDecodeError as err:
            first_error = first_error or err
    assert first_error is not None
    return _fallback_multiple(attempts[-1], first_error)


def _fallback_multiple(text: str, error: json.JSONDecodeError) -> Any:
    """Some pages concatenate several objects in one script (`{...}{...}`): read them as a list."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos = 0
    try:
        while pos < len(text):
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(text):
                break
            value, pos = decoder.raw_decode(text, pos)
            values.append(value)
    except json.JSONDecodeError:
        values = []
    if len(values) > 1:
        return values
    raise LenientJSONError(f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}")
