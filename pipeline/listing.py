"""The normalised listing, declared once.

`Listing` is what `normalise_record` returns, what the ingest loads into `listings`, and what the
matcher and the reports read back. Everything that used to spell the columns out by hand follows from
this declaration:

- the Arrow schema of the load batch (`arrow_schema`, `to_arrow`);
- the column lists of the load and its MERGE (`warehouse/sql/merge_listings.sql` is a template that
  `warehouse.db.expand` fills with the batch's columns, so the SQL names no listing column it does not
  treat specially);
- the check that the migrations create the same columns with the same types (`tests/test_listing.py`
  compares `duckdb_columns()` with `DESCRIBE listings`);
- reading rows back as typed values (`from_row`).

Adding a field: see `docs/adding-a-field.md`.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin, get_type_hints

from pipeline.occupation import Category
from pipeline.worklocations import WorkLocation

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass(frozen=True, slots=True)
class Listing:
    """One listing as normalised from a landing record: one row of `listings` (DESIGN.md's contract
    columns first, then ours). Columns the warehouse maintains itself are in `WAREHOUSE_COLUMNS`."""

    listing_id: str
    """`source:source_id`, stable across crawls."""
    source: str
    """The spider's name: `nav`, `finn`, `jsonld`."""
    source_id: str
    """NAV's ad uuid, Finn's ad number, or the career page's URL."""
    url: str | None
    """The ad's own page (for career pages, the page the JSON-LD was read from)."""
    title: str
    employer: str | None
    description: str | None
    """Plain text (HTML removed)."""
    city: str | None
    municipality: str | None
    county: str | None
    published_at: datetime | None
    expires_at: datetime | None
    application_deadline: date | None
    """None for "Snarest" and the like."""
    extent_pct: int | None
    """100 for full time; None if unknown."""
    temporary: bool | None
    """Vikariat, engasjement, fixed-term project; None where nothing says either way."""
    staffing_agency: bool
    """Posted by a staffing or recruitment agency for a client."""
    education: str | None
    """`master`, `bachelor`, `vocational`, `none`, or None (nothing asked)."""
    salary_min_nok: int | None
    """Annual NOK before tax; None if not stated."""
    salary_max_nok: int | None
    salary_text: str | None
    """The words the salary was read from."""
    english_ok: bool | None
    """English accepted as working language."""
    language_requirement: str | None
    """`english_ok`, `norwegian_required`, `scandinavian_required`."""
    language_evidence: str | None
    """The phrase or signal that decided `language_requirement`."""
    status: str
    """`active`, `expired` or `inactive` on the day of normalising."""
    first_seen_at: datetime
    """When the record was fetched; the MERGE keeps the earliest."""
    last_seen_at: datetime
    engagement: str | None
    """Fast, Vikariat, Engasjement, ... as the source says it."""
    sector: str | None
    occupation: str | None
    """The source's categories joined by " / ", e.g. `IT / Utvikling`."""
    salary_basis: str | None
    """How the salary was read: `stated`, `monthly`, `hourly`, `pay_scale:2022-05-01`, ..."""
    version_key: str | None
    """NAV's sistEndret, or a hash of the page content (from the spider)."""
    content_hash: str | None = None
    """sha256 of the raw record (status, payload, fields); set by the ingest, which keys versions by it."""
    normalised_at: datetime | None = None
    """When the ingest normalised it; set by the ingest."""
    start_date: date | None = None
    """When the job starts (NAV `starttime`, Finn "Tiltredelse"); None for "Snarest", "Etter avtale"."""
    start_text: str | None = None
    """The start as the ad wrote it."""
    extent_source: str | None = None
    """Where `extent_pct` came from: `stated` (a percentage the ad gives), `full_time_word` (a bare
    "Heltid"/FULL_TIME), `nav_heltid` (NAV's "Heltid", which NAV also writes when the ad it imported gave
    no extent: not evidence of full time on its own), or None."""
    salary_currency: str | None = None
    """The currency of `salary_min`/`salary_max`: `NOK`, or `USD`, `EUR`, ... for pay in another currency
    (then `salary_min_nok`/`salary_max_nok` stay None: a foreign figure is never stored as NOK)."""
    salary_min: int | None = None
    """Annual pay before tax in `salary_currency` (equal to `salary_min_nok` for NOK)."""
    salary_max: int | None = None
    salary_note: str | None = None
    """A caveat a reader must see beside the figure, e.g. that pay-scale steps were priced with an older
    state pay table than the ad's."""
    remote: str | None = None
    """`onsite`, `hybrid` or `remote` (pipeline/remote.py); `onsite` when nothing says otherwise."""
    remote_evidence: str | None = None
    """The phrase or field that decided `remote`."""
    occupation_categories: tuple[Category, ...] = ()
    """NAV's two category levels, one listing possibly several (pipeline/occupation.py)."""
    work_locations: tuple[WorkLocation, ...] = ()
    """Every place of work, first first (`city`/`municipality`/`county` keep the first)."""
    positions: int | None = None
    """Number of positions; None when not stated."""
    apply_url: str | None = None
    employer_orgnr: str | None = None
    """The employer's 9-digit organisation number, check digit verified."""
    employer_key: str | None = None
    """The employer's name without case, punctuation or AS/ASA: what block lists match."""
    relocation: bool | None = None
    """Help to relocate offered (moving, housing, visa or permit: pipeline/relocation.py): True; explicitly
    not ("no visa sponsorship"): False; the ad says nothing: None."""
    relocation_evidence: str | None = None
    """The phrase that decided `relocation`."""

    def as_row(self) -> dict[str, Any]:
        """Field name -> value, for the few readers that look fields up by name (the evaluation)."""
        return {name: getattr(self, name) for name in COLUMNS}


COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Listing))
"""The listing's columns in declaration order."""

WAREHOUSE_COLUMNS: dict[str, str] = {
    "duplicate_of": "VARCHAR",
    "inactive_since": "TIMESTAMP",
}
"""Columns of `listings` that the warehouse maintains, not the normaliser: `duplicate_of` (set by the
dedup after each load) and `inactive_since` (set when the source reports the ad gone)."""

# Python type -> DuckDB type: the only types a listing field may have (each has its Arrow type in
# `_arrow_types`).
_TYPES: dict[type, str] = {
    str: "VARCHAR",
    int: "INTEGER",
    bool: "BOOLEAN",
    datetime: "TIMESTAMP",
    date: "DATE",
}


@cache
def _arrow_types() -> dict[type, pa.DataType]:
    """Python type -> Arrow type. pyarrow is imported here, not with the module: the matcher and the
    reports read listings but never build a load batch, and importing pyarrow costs a `fjordjobs match`
    about 50 ms of CPU (`python -X importtime`)."""
    import pyarrow as pa

    return {
        str: pa.string(),
        int: pa.int32(),
        bool: pa.bool_(),
        datetime: pa.timestamp("us"),
        date: pa.date32(),
    }


def _nested(hint: Any) -> type | None:
    """The element type of `tuple[Element, ...]` where Element is a dataclass of text fields, else None.

    Such a field is a list of structs in Arrow and DuckDB: one listing, several of them (categories,
    places), written and replaced with the listing in one piece.
    """
    args = get_args(hint)
    if (
        get_origin(hint) is tuple
        and len(args) == 2
        and args[1] is Ellipsis
        and isinstance(args[0], type)
        and dataclasses.is_dataclass(args[0])
    ):
        return args[0]
    return None


def _struct_fields(element: type) -> list[str]:
    return [f.name for f in dataclasses.fields(element)]


def _base_type(hint: Any) -> type:
    """`X | None` -> X; a field must be one of `_TYPES` (a new type needs a line there), or a `_nested` tuple."""
    if _nested(hint) is not None:
        found_tuple: type = hint
        return found_tuple
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"a listing field must be one type or None, not {hint}")
        hint = args[0]
    if hint not in _TYPES:
        raise TypeError(f"no column type for a listing field of type {hint}")
    found: type = hint
    return found


@cache
def field_types() -> dict[str, type]:
    """Field name -> its Python type (without `None`)."""
    hints = get_type_hints(Listing)
    return {name: _base_type(hints[name]) for name in COLUMNS}


def _arrow_type(kind: type) -> pa.DataType:
    import pyarrow as pa

    element = _nested(kind)
    if element is not None:
        return pa.list_(pa.struct([(name, pa.string()) for name in _struct_fields(element)]))
    return _arrow_types()[kind]


def _duckdb_type(kind: type) -> str:
    element = _nested(kind)
    if element is not None:
        return "STRUCT(" + ", ".join(f"{name} VARCHAR" for name in _struct_fields(element)) + ")[]"
    return _TYPES[kind]


@cache
def arrow_schema() -> pa.Schema:
    """The Arrow schema of a batch of listings, as the load registers it."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(kind)) for name, kind in field_types().items()])


def duckdb_columns() -> dict[str, str]:
    """Column name -> DuckDB type: what the migrations must have created for `listings`."""
    declared = {name: _duckdb_type(kind) for name, kind in field_types().items()}
    return {**declared, **WAREHOUSE_COLUMNS}


@cache
def _nested_columns() -> dict[str, type]:
    """Column name -> element dataclass, for the list-of-struct columns."""
    found = {name: _nested(kind) for name, kind in field_types().items()}
    return {name: element for name, element in found.items() if element is not None}


def to_arrow(listings: Sequence[Listing]) -> pa.Table:
    """A batch of listings as an Arrow table (column by column: no dict per row)."""
    import pyarrow as pa

    schema = arrow_schema()
    nested = {name: _struct_fields(element) for name, element in _nested_columns().items()}

    def values(name: str) -> list[Any]:
        if name in nested:
            # The elements hold text fields only: a flat dict each, not `dataclasses.asdict`'s deep copy
            # (to_arrow 0.023 -> 0.017 and 0.032 -> 0.020 CPU ms per listing in paired runs on generated demo ads).
            keys = nested[name]
            return [[{k: getattr(item, k) for k in keys} for item in getattr(x, name)] for x in listings]
        return [getattr(x, name) for x in listings]

    arrays = [pa.array(values(name), type=schema.field(name).type) for name in COLUMNS]
    return pa.Table.from_arrays(arrays, schema=schema)


def from_row(columns: Sequence[str], row: Iterable[Any]) -> Listing:
    """A `listings` row read back from DuckDB (any column order; warehouse-only columns are dropped)."""
    values = dict(zip(columns, row, strict=True))
    for name, element in _nested_columns().items():
        if name in values:
            values[name] = tuple(element(**item) for item in values[name] or ())
    return Listing(**{name: values[name] for name in COLUMNS if name in values})
