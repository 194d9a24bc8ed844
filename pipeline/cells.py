"""Spreadsheet-safe cell text: ad text must never become a live formula (OWASP "CSV injection").

Titles, employers and ad text come from pages anyone can publish. A spreadsheet program reads a cell
that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula, and a
formula can fetch URLs with the sheet's data (`=HYPERLINK`, `=WEBSERVICE`) or, in old setups, run
commands (`=cmd|' /C calc'!A0`). OWASP's rule is to put a single quote in front of such a cell: the
spreadsheet then shows text, and a reader still sees the whole value after the quote.

This is the one rule for every spreadsheet-bound output (match CSV, `export --format csv`,
`hunt-export` CSV and XLSX). `sheet_safe` applies it to Python values; `FORMULA_STARTS` is bound as a
parameter into the SQL that writes CSV straight from DuckDB, so both apply the same characters.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"
"""First characters that make a spreadsheet cell a formula: OWASP's `= + - @`, tab and carriage
return, a line feed (some importers drop it and read what follows), and the full-width forms of the
four signs, which some spreadsheet programs fold to the ASCII ones."""


def sheet_safe(value: Any) -> Any:
    """`value`, with a `'` in front if it is text that a spreadsheet would read as a formula.

    Numbers, dates, booleans and None pass unchanged: a negative number is a number, not a formula.
    """
    if isinstance(value, str) and value[:1] and value[0] in FORMULA_STARTS:
        return "'" + value
    return value
