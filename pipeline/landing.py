"""Landing lines -> validated batches and quarantine reasons: the pure half of the ingest (no database).

A landing file (docs/records.md) is read line by line and handed on in batches of `BATCH_SIZE` records,
so the memory an ingest needs does not grow with the file: a 50,000-ad file took 3.3 GB when it was read
whole. The loader (`warehouse/load.py`) writes the batches in one transaction; `pipeline/ingest.py` joins
the two. Peak RSS of the whole ingest (benchmarks/bench_ingest.py and the same records profiled): 336 MB for
5,000 ads, 447 MB for 50,000 (once batches were no longer kept until the commit; see `warehouse/load.py`).

Normalising runs in this process. It used to be spread over a forked process pool; `benchmarks/bench_ingest.py`
on 20,000 ads measured 48.1 CPU s with the pool and 47.6 CPU s without it: the pool saved no CPU (it only
moved the work to the other core), so it does not meet the project's bar for a speed device (a quarter of
its phase's CPU), and it was what hung in its teardown and left `<db>.lock` to an orphan (issue 14.2).

A record that cannot become a listing is never fatal: it is filed for quarantine with a reason a person
understands (which line, what is wrong), a bounded excerpt and the hash of the whole record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa

from pipeline.dates import parse_timestamp
from pipeline.listing import Listing, to_arrow
from pipeline.normalise import RecordError, listing_id, normalise_record

# Records per batch: large enough that the per-batch SQL is a small share, small enough that a batch of
# large pages stays in the tens of MB.
BATCH_SIZE = 1000
# Quarantine keeps this many characters of a record (a 20 MB page is not worth keeping whole) and the
# sha256 of all of it, so the page can be recognised and re-fetched.
EXCERPT_CHARS = 4000
# Called with the number of landing lines read so far (progress bars): every PROGRESS_EVERY lines and at the end.
Progress = Callable[[int], None]
PROGRESS_EVERY = 200

RAW_SCHEMA = pa.schema(
    [
        ("listing_id", pa.string()),
        ("run_id", pa.string()),
        ("source", pa.string()),
        ("source_id", pa.string()),
        ("url", pa.string()),
        ("fetched_at", pa.timestamp("us")),
        ("status", pa.string()),
        ("version_key", pa.string()),
        ("content_hash", pa.string()),
        ("payload", pa.string()),
        ("fields", pa.string()),
    ]
)
INACTIVE_SCHEMA = pa.schema([("listing_id", pa.string()), ("fetched_at", pa.timestamp("us"))])
QUARANTINE_SCHEMA = pa.schema(
    [
        ("quarantine_id", pa.string()),
        ("run_id", pa.string()),
        ("source", pa.string()),
        ("reason", pa.string()),
        ("payload", pa.string()),
        ("payload_sha256", pa.string()),
        ("payload_chars", pa.int64()),
        ("quarantined_at", pa.timestamp("us")),
    ]
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(value: Any) -> str:
    """Key-sorted compact JSON: the same record always gives the same text (and hash)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class Batch:
    """Up to BATCH_SIZE records, filed by what the loader does with them."""

    raw: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    """Raw rows by (listing_id, content_hash): a record repeated in one batch is one row."""
    listings: dict[str, Listing] = field(default_factory=dict)
    """The newest normalised version of each active listing in the batch."""
    inactive: dict[str, datetime] = field(default_factory=dict)
    """Listings the source reports gone, with when it said so."""
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    state: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(source, key, value) the spider asks to keep: the feed cursor."""

    def tables(self) -> dict[str, pa.Table]:
        """The batch as the Arrow tables the loader registers, by their names in warehouse/sql."""
        inactive = [{"listing_id": k, "fetched_at": v} for k, v in self.inactive.items()]
        return {
            "batch_raw": pa.Table.from_pylist(list(self.raw.values()), schema=RAW_SCHEMA),
            "batch_listings": to_arrow(list(self.listings.values())),
            "batch_inactive": pa.Table.from_pylist(inactive, schema=INACTIVE_SCHEMA),
            "batch_quarantine": pa.Table.from_pylist(self.quarantine, schema=QUARANTINE_SCHEMA),
        }


@dataclass
class Tally:
    """What the whole file held, for the health gate and the run record."""

    sources: set[str] = field(default_factory=set)
    listing_records: int = 0
    incomplete: int = 0
    """Listing records without title, employer or url, or that could not be read."""
    requests: int | None = None
    has_cursor: bool = False
    quarantine_reasons: list[str] = field(default_factory=list)
    lines: int = 0
    failed_pages: int = 0
    """Pages the spider could not fetch or read, as its stats record counts them (spiders/failures.py)."""
    failures: list[dict[str, str]] = field(default_factory=list)
    """The first 50 of them: url and reason, each bounded."""

    def take_failures(self, stats: dict[str, Any]) -> None:
        """The failed pages a spider's stats record names, checked and bounded."""
        named = stats.get("failed_pages")
        if isinstance(named, list):
            self.failures = [
                {"url": str(page.get("url"))[:500], "reason": str(page.get("reason"))[:200]}
                for page in named[:50]
                if isinstance(page, dict)
            ]
        count = stats.get("failed")
        counted = count if isinstance(count, int) and not isinstance(count, bool) else 0
        self.failed_pages = max(counted, len(self.failures))


@dataclass(frozen=True)
class _Keys:
    """What a listing record's raw row is keyed by."""

    listing_id: str
    fetched_at: datetime
    status: str
    payload_text: str
    fields_text: str
    content_hash: str


def _fetched_at(record: dict[str, Any], now: datetime) -> datetime:
    value = record.get("fetched_at")
    if value is None or value == "":
        return now
    if not isinstance(value, str):
        raise RecordError(f"fetched_at must be an ISO date-time text, not {value!r}")
    moment = parse_timestamp(value)
    if moment is None:
        raise RecordError(f"fetched_at {value[:40]!r} is not a date-time")
    return moment


def _keys(record: dict[str, Any], now: datetime) -> _Keys:
    """The raw-row keys of a listing record; RecordError says why it has none."""
    lid = listing_id(record)
    fetched_at = _fetched_at(record, now)
    status = str(record.get("status") or "ACTIVE").upper()
    try:
        payload_text, fields_text = _canonical(record.get("payload")), _canonical(record.get("fields"))
    except TypeError as exc:
        raise RecordError(f"payload or fields cannot be stored as JSON ({exc})") from exc
    content_hash = sha256(f"{status}\n{payload_text}\n{fields_text}".encode())
    return _Keys(lid, fetched_at, status, payload_text, fields_text, content_hash)


def normalise_one(record: dict[str, Any], on: date) -> Listing | str:
    """The listing, or the reason (one line) the record cannot become one. A record of the wrong shape
    (a number where text belongs) is that record's problem, never the whole file's."""
    try:
        return normalise_record(record, on)
    except (RecordError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return str(exc) or type(exc).__name__


class LandingReader:
    """Reads one landing file into batches; `tally` fills in as it goes and is complete at the end."""

    def __init__(
        self, path: Path, run_id: str, on: date, *, progress: Progress | None = None, size: int = BATCH_SIZE
    ) -> None:
        self.path, self.run_id, self.on, self.progress, self.size = path, run_id, on, progress, size
        self.tally = Tally()
        self.now = utc_now()

    def batches(self) -> Iterator[Batch]:
        batch, count, number = Batch(), 0, 0
        with self.path.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if self.progress is not None and number % PROGRESS_EVERY == 0:
                    self.progress(number)
                text = line.strip()
                if not text:
                    continue
                self._take_line(batch, number, text)
                count += 1
                if count >= self.size:
                    yield batch
                    batch, count = Batch(), 0
        self.tally.lines = number
        if self.progress is not None:
            self.progress(number)
        yield batch

    def _quarantine(self, batch: Batch, source: Any, reason: str, payload: str) -> None:
        digest = sha256(payload.encode())
        batch.quarantine.append(
            {
                "quarantine_id": sha256(f"{self.run_id}\n{reason}\n{digest}".encode()),
                "run_id": self.run_id,
                "source": source if isinstance(source, str) else None,
                "reason": reason,
                "payload": payload[:EXCERPT_CHARS],
                "payload_sha256": digest,
                "payload_chars": len(payload),
                "quarantined_at": self.now,
            }
        )
        self.tally.quarantine_reasons.append(reason)

    def _take_line(self, batch: Batch, number: int, line: str) -> None:
        try:
            record = orjson.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a record must be a JSON object")
        except (orjson.JSONDecodeError, ValueError) as exc:
            self._quarantine(batch, None, f"line {number}: not valid JSON ({exc})", line)
            return
        kind, source = record.get("kind", "listing"), record.get("source")
        if isinstance(source, str):
            self.tally.sources.add(source)
        if kind == "cursor":
            batch.state.append((str(source), str(record.get("key") or "cursor"), record.get("value")))
            self.tally.has_cursor = True
        elif kind == "stats":
            if isinstance(record.get("requests"), int):
                self.tally.requests = record["requests"]
            self.tally.take_failures(record)
        elif kind == "quarantine":
            reason = str(record.get("reason") or "the spider could not parse this page")
            where, payload = record.get("url") or "", record.get("payload")
            reason = f"{reason} ({where})" if where else reason
            self._quarantine(batch, source, reason, payload if isinstance(payload, str) else line)
        elif kind != "listing":
            self._quarantine(batch, source, f"line {number}: unknown record kind {kind!r}", line)
        else:
            self._take_listing(batch, number, line, record)

    def _take_listing(self, batch: Batch, number: int, line: str, record: dict[str, Any]) -> None:
        self.tally.listing_records += 1
        source = record.get("source")
        try:
            keys = _keys(record, self.now)
        except RecordError as exc:
            self.tally.incomplete += 1
            self._quarantine(batch, source, f"line {number}: {exc}", line)
            return
        outcome = normalise_one(record, self.on) if keys.status == "ACTIVE" else None
        if isinstance(outcome, str):
            self.tally.incomplete += 1
            self._quarantine(batch, source, f"line {number}: {outcome}", line)
            return
        batch.raw[(keys.listing_id, keys.content_hash)] = {
            "listing_id": keys.listing_id,
            "run_id": self.run_id,
            "source": source,
            "source_id": str(record.get("source_id")),
            "url": record.get("url"),
            "fetched_at": keys.fetched_at,
            "status": keys.status,
            "version_key": record.get("version_key"),
            "content_hash": keys.content_hash,
            "payload": keys.payload_text,
            "fields": keys.fields_text,
        }
        if outcome is None:
            batch.listings.pop(keys.listing_id, None)
            batch.inactive[keys.listing_id] = keys.fetched_at
            return
        fields = record.get("fields") or {}
        if not (fields.get("employer") and record.get("url")):
            self.tally.incomplete += 1
        batch.inactive.pop(keys.listing_id, None)
        batch.listings[keys.listing_id] = replace(
            outcome,
            first_seen_at=keys.fetched_at,
            last_seen_at=keys.fetched_at,
            content_hash=keys.content_hash,
            normalised_at=self.now,
        )
