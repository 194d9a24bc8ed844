"""Load a landing file (JSON lines from a spider) into the warehouse in one transaction.

Guarantees a user relies on:
- re-ingesting the same file changes nothing (the file's hash is recorded; rows are keyed by content);
- a process killed half-way leaves the warehouse as it was (one transaction, committed at the end);
- a record that cannot be read is filed in `quarantine` with its reason, and the rest still loads;
- an ad the source reports inactive is marked inactive at once, and its contact persons are removed from
  every stored payload (NAV's terms).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pyarrow as pa

from pipeline.contact_purge import purge_contacts
from pipeline.dates import parse_timestamp, today
from pipeline.dedup import find_duplicates, in_shared_blocks
from pipeline.health import HealthVerdict, assess_health
from pipeline.listing import COLUMNS, Listing, to_arrow
from pipeline.normalise import RecordError, listing_id
from pipeline.parallel import expect, normalise_many
from warehouse import db

RAW_COLUMNS: dict[str, pa.DataType] = {
    "listing_id": pa.string(),
    "run_id": pa.string(),
    "source": pa.string(),
    "source_id": pa.string(),
    "url": pa.string(),
    "fetched_at": pa.timestamp("us"),
    "status": pa.string(),
    "version_key": pa.string(),
    "content_hash": pa.string(),
    "payload": pa.string(),
    "fields": pa.string(),
}
INACTIVE_COLUMNS: dict[str, pa.DataType] = {"listing_id": pa.string(), "fetched_at": pa.timestamp("us")}
QUARANTINE_COLUMNS: dict[str, pa.DataType] = {
    "quarantine_id": pa.string(),
    "run_id": pa.string(),
    "source": pa.string(),
    "reason": pa.string(),
    "payload": pa.string(),
    "quarantined_at": pa.timestamp("us"),
}

Stage = Callable[[str], None]
# Called with the number of landing lines read so far (progress bars); every PROGRESS_EVERY lines and at the end.
Progress = Callable[[int], None]
PROGRESS_EVERY = 200


class IngestError(RuntimeError):
    """The landing file itself cannot be read (missing, not a file)."""


@dataclass
class IngestResult:
    """What one ingest did, as the CLI and `crawl_runs` report it."""

    run_id: str
    source: str
    items: int = 0
    new_listings: int = 0
    updated: int = 0
    deactivated: int = 0
    quarantined: int = 0
    requests: int | None = None
    already_loaded: bool = False
    health: HealthVerdict | None = None
    quarantine_reasons: list[str] = field(default_factory=list)
    failed_pages: int = 0  # pages the spider could not fetch or read (spiders/failures.py)
    failures: list[dict[str, str]] = field(default_factory=list)  # the first of them: url, reason

    @property
    def ok(self) -> bool:
        return self.health is None or self.health.ok


@dataclass
class _Batch:
    raw: list[dict[str, Any]] = field(default_factory=list)
    listings: dict[str, Listing] = field(default_factory=dict)
    inactive: dict[str, datetime] = field(default_factory=dict)
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    state: list[tuple[str, str, str | None]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    listing_records: int = 0
    incomplete: int = 0
    requests: int | None = None
    failed_pages: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(value: Any) -> str:
    """Key-sorted compact JSON: the same record always gives the same text (and hash)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def _utc_naive(moment: datetime | None) -> datetime:
    return moment if moment is not None else datetime.now(UTC).replace(tzinfo=None)


def _quarantine(
    batch: _Batch, run_id: str, source: str | None, reason: str, payload: str, now: datetime
) -> None:
    batch.quarantine.append(
        {
            "quarantine_id": _sha256(f"{run_id}\n{reason}\n{payload}".encode()),
            "run_id": run_id,
            "source": source,
            "reason": reason,
            "payload": payload,
            "quarantined_at": now,
        }
    )


def _take_failures(batch: _Batch, stats: dict[str, Any]) -> None:
    """The failed pages a spider's stats record names (spiders/failures.py), checked, bounded."""
    named = stats.get("failed_pages")
    if isinstance(named, list):
        batch.failures = [
            {"url": str(page.get("url"))[:500], "reason": str(page.get("reason"))[:200]}
            for page in named[:50]
            if isinstance(page, dict)
        ]
    count = stats.get("failed")
    batch.failed_pages = max(
        count if isinstance(count, int) and not isinstance(count, bool) else 0, len(batch.failures)
    )


def _read(path: Path, run_id: str, on: date, progress: Progress | None = None) -> _Batch:
    """Parse and normalise every line; nothing here touches the database."""
    batch = _Batch()
    now = _utc_naive(None)
    parsed: list[tuple[int, str, dict[str, Any]]] = []
    number = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        lines = handle.readlines()
    expect(len(lines))
    for number, line in enumerate(lines, start=1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number)
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a record must be a JSON object")
        except (orjson.JSONDecodeError, ValueError) as exc:
            _quarantine(batch, run_id, None, f"line {number}: not valid JSON ({exc})", line.strip(), now)
            continue
        parsed.append((number, line.strip(), record))
    keys: list[_Keys | str | None] = []

    def prepare() -> None:
        keys.extend(_keys(record, now) for _, _, record in parsed)

    normalised = normalise_many([r for _, _, r in parsed if _wants_normalising(r)], on, meanwhile=prepare)
    results = iter(normalised)
    for (number, line, record), key in zip(parsed, keys, strict=True):
        outcome = next(results) if _wants_normalising(record) else None
        _take(batch, record, line, run_id, now, number, outcome, key)
    if progress is not None:
        progress(number)
    return batch


@dataclass(frozen=True)
class _Keys:
    """What a listing record's raw row is keyed by: worked out while the pool normalises."""

    listing_id: str
    fetched_at: datetime
    status: str
    payload_text: str
    fields_text: str
    content_hash: str


def _keys(record: dict[str, Any], now: datetime) -> _Keys | str | None:
    """The raw-row keys of a listing record, the reason it has none, or None for other kinds."""
    if record.get("kind", "listing") != "listing":
        return None
    try:
        lid = listing_id(record)
        fetched_at = parse_timestamp(record.get("fetched_at")) or now
        status = str(record.get("status") or "ACTIVE").upper()
        payload_text, fields_text = _canonical(record.get("payload")), _canonical(record.get("fields"))
    except (RecordError, ValueError, TypeError) as exc:
        return str(exc)
    content_hash = _sha256(f"{status}\n{payload_text}\n{fields_text}".encode())
    return _Keys(lid, fetched_at, status, payload_text, fields_text, content_hash)


def _wants_normalising(record: dict[str, Any]) -> bool:
    return (
        record.get("kind", "listing") == "listing"
        and str(record.get("status") or "ACTIVE").upper() == "ACTIVE"
    )


def _take(
    batch: _Batch,
    record: dict[str, Any],
    line: str,
    run_id: str,
    now: datetime,
    number: int,
    outcome: Listing | str | None,
    keys: _Keys | str | None,
) -> None:
    """File one parsed record; `outcome` is its normalised row, or the reason it could not be normalised;
    `keys` its raw-row keys from `_keys`."""
    kind = record.get("kind", "listing")
    source = record.get("source")
    if isinstance(source, str):
        batch.sources.add(source)
    if kind == "cursor":
        batch.state.append((str(source), str(record.get("key") or "cursor"), record.get("value")))
        return
    if kind == "stats":
        if isinstance(record.get("requests"), int):
            batch.requests = record["requests"]
        _take_failures(batch, record)
        return
    if kind == "quarantine":
        reason = str(record.get("reason") or "the spider could not parse this page")
        where = record.get("url") or ""
        payload = record.get("payload")
        reason = f"{reason} ({where})" if where else reason
        _quarantine(batch, run_id, source, reason, payload if isinstance(payload, str) else line, now)
        return
    if kind != "listing":
        _quarantine(batch, run_id, source, f"line {number}: unknown record kind {kind!r}", line, now)
        return
    batch.listing_records += 1
    if isinstance(outcome, str):
        batch.incomplete += 1
        _quarantine(batch, run_id, source, f"line {number}: {outcome}", line, now)
        return
    if not isinstance(keys, _Keys):
        batch.incomplete += 1
        _quarantine(batch, run_id, source, f"line {number}: {keys}", line, now)
        return
    lid, fetched_at, status = keys.listing_id, keys.fetched_at, keys.status
    payload_text, fields_text, content_hash = keys.payload_text, keys.fields_text, keys.content_hash
    batch.raw.append(
        {
            "listing_id": lid,
            "run_id": run_id,
            "source": source,
            "source_id": str(record.get("source_id")),
            "url": record.get("url"),
            "fetched_at": fetched_at,
            "status": status,
            "version_key": record.get("version_key"),
            "content_hash": content_hash,
            "payload": payload_text,
            "fields": fields_text,
        }
    )
    if outcome is None:
        batch.listings.pop(lid, None)
        batch.inactive[lid] = fetched_at
        return
    fields = record.get("fields") or {}
    if not (fields.get("employer") and record.get("url")):
        batch.incomplete += 1
    batch.inactive.pop(lid, None)
    batch.listings[lid] = replace(
        outcome,
        first_seen_at=fetched_at,
        last_seen_at=fetched_at,
        content_hash=content_hash,
        normalised_at=now,
    )


def _table(rows: list[dict[str, Any]], columns: dict[str, pa.DataType]) -> pa.Table:
    schema = pa.schema(list(columns.items()))
    return pa.Table.from_pylist([{k: r.get(k) for k in columns} for r in rows], schema=schema)


def ingest_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    *,
    run_id: str | None = None,
    source: str | None = None,
    started_at: datetime | None = None,
    on: date | None = None,
    stage: Stage | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Load one landing file. `stage` is called at each step inside the transaction (tests use it to crash);
    `progress` with the number of lines read so far."""
    if not path.is_file():
        raise IngestError(f"no landing file at {path}")
    data_hash = _sha256(path.read_bytes())
    run_id = run_id or f"ingest-{data_hash[:16]}"
    on = on or today()
    done = con.execute(db.sql("run_by_sha"), [data_hash]).fetchone()
    if done:
        return IngestResult(run_id=done[0], source=source or "", already_loaded=True)

    batch = _read(path, run_id, on, progress)
    source = source or (
        sorted(batch.sources)[0] if len(batch.sources) == 1 else ",".join(sorted(batch.sources))
    )
    health = assess_health(source, batch.listing_records, batch.incomplete, has_cursor=bool(batch.state))
    result = IngestResult(
        run_id=run_id,
        source=source,
        items=batch.listing_records,
        quarantined=len(batch.quarantine),
        requests=batch.requests,
        health=health,
        quarantine_reasons=[q["reason"] for q in batch.quarantine],
        failed_pages=batch.failed_pages,
        failures=batch.failures,
    )
    step = stage or (lambda _name: None)

    con.execute("BEGIN TRANSACTION")
    try:
        _load(con, batch, result, on, step)
        now = _utc_naive(None)
        con.execute(
            db.sql("insert_run"),
            [
                run_id,
                source,
                started_at or now,
                now,
                "ok" if health.ok else "failed",
                health.reason,
                result.items,
                result.new_listings,
                result.updated,
                result.deactivated,
                result.quarantined,
                result.requests,
                str(path),
                data_hash if health.ok else None,
                result.failed_pages,
                orjson.dumps(result.failures).decode() if result.failures else None,
            ],
        )
        step("before_commit")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def _load(con: duckdb.DuckDBPyConnection, batch: _Batch, result: IngestResult, on: date, step: Stage) -> None:
    listings = list(batch.listings.values())
    # The same record twice in one file (a spider re-emitting an overlap line) is one raw row.
    raw = list({(r["listing_id"], r["content_hash"]): r for r in batch.raw}.values())
    con.register("batch_raw", _table(raw, RAW_COLUMNS))
    con.register("batch_listings", to_arrow(listings))
    con.register(
        "batch_inactive",
        _table([{"listing_id": k, "fetched_at": v} for k, v in batch.inactive.items()], INACTIVE_COLUMNS),
    )
    con.register("batch_quarantine", _table(batch.quarantine, QUARANTINE_COLUMNS))
    try:
        existing = {row[0]: row[1] for row in con.execute(db.sql("existing_versions")).fetchall()}
        result.new_listings = sum(1 for x in listings if x.listing_id not in existing)
        result.updated = sum(
            1 for x in listings if x.listing_id in existing and existing[x.listing_id] != x.content_hash
        )
        con.execute(db.sql("load_raw"))
        step("raw_loaded")
        con.execute(db.expand("merge_listings", COLUMNS))
        con.execute(db.sql("insert_versions"))
        step("listings_merged")
        before = con.execute("SELECT count(*) FROM listings WHERE status = 'inactive'").fetchone()
        con.execute(db.sql("deactivate"))
        after = con.execute("SELECT count(*) FROM listings WHERE status = 'inactive'").fetchone()
        result.deactivated = (after[0] if after else 0) - (before[0] if before else 0)
        purge_contacts(con)
        con.execute(db.sql("insert_quarantine"))
        for source, key, value in batch.state:
            con.execute(db.sql("upsert_state"), [source, key, value, _utc_naive(None)])
        db.run_script(con, "refresh_lifecycle", {"today": on})
        _mark_duplicates(con)
        step("loaded")
    finally:
        for name in ("batch_raw", "batch_listings", "batch_inactive", "batch_quarantine"):
            # After a failed statement DuckDB refuses everything until ROLLBACK; let the real error surface.
            with contextlib.suppress(duckdb.Error):
                con.unregister(name)


def _mark_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Point copies at their canonical listing; descriptions are read only where a block is shared."""
    shared = in_shared_blocks(db.fetch_dicts(con, db.sql("dedup_candidates")))
    ids = pa.Table.from_pylist(
        [{"listing_id": x["listing_id"]} for x in shared], schema=pa.schema([("listing_id", pa.string())])
    )
    con.register("batch_dedup_ids", ids)
    try:
        texts = dict(con.execute(db.sql("dedup_descriptions")).fetchall())
    finally:
        con.unregister("batch_dedup_ids")
    for listing in shared:
        listing["description"] = texts.get(listing["listing_id"])
    duplicates = find_duplicates(shared)
    con.register(
        "batch_duplicates",
        pa.Table.from_pylist(
            [{"listing_id": k, "canonical": v} for k, v in duplicates.items()],
            schema=pa.schema([("listing_id", pa.string()), ("canonical", pa.string())]),
        ),
    )
    try:
        db.run_script(con, "apply_duplicates")
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister("batch_duplicates")


def crawl_state_for_spider(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, Any]:
    """The state file a spider resumes from: its saved cursor and the versions already stored."""
    cursor = con.execute(db.sql("get_state"), [source, "feed_cursor"]).fetchone()
    known = dict(con.execute(db.sql("known_versions"), [source]).fetchall())
    return {"cursor": cursor[0] if cursor else None, "known": known}
