"""The page's clicks, written to disk before they reach the warehouse, so none is ever lost.

A click (applied, dismiss, a note, a touch) is appended to `<warehouse>.pending.jsonl` and flushed to
disk before the page answers. Then it is applied to the warehouse, at once when the warehouse is free,
or as soon as the daily run lets go of it (a background thread retries). A click applied is removed
from the file; the file itself is removed once empty. A crash between the two steps leaves the click in
the file, and the next start of the page applies it.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from web.store import WarehouseBusy, connection


@dataclass(frozen=True)
class Click:
    """One user action to apply to the warehouse: its kind (a key of the appliers) and its arguments."""

    kind: str
    args: dict[str, Any]
    at: str = field(default_factory=lambda: datetime.now().replace(microsecond=0).isoformat())
    click_id: str = field(default_factory=lambda: uuid.uuid4().hex)


Applier = Callable[[duckdb.DuckDBPyConnection, dict[str, Any]], None]


class Journal:
    """Pending clicks for one warehouse, applied in the order they were made."""

    def __init__(self, db_path: Path, appliers: dict[str, Applier]) -> None:
        self.path = db_path.with_name(db_path.name + ".pending.jsonl")
        self.db_path = db_path
        self.appliers = appliers
        self.failed: list[tuple[Click, str]] = []  # clicks the warehouse refused, with the reason
        self._lock = threading.Lock()

    def add(self, click: Click) -> None:
        """Append a click and flush it to disk; from here on it survives a crash."""
        if click.kind not in self.appliers:
            raise ValueError(f"unknown action {click.kind!r}")
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(asdict(click), ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())

    def pending(self) -> list[Click]:
        """The clicks not yet in the warehouse, oldest first."""
        with self._lock:
            return self._read()

    def apply(self, wait: float | None = None) -> int:
        """Apply what is pending; returns how many are still waiting (0 when all are in the warehouse).

        A click the warehouse refuses (a listing gone since, say) is dropped from the file and kept in
        `failed` with its reason, so the page can say so; it would fail the same way on every retry.
        """
        with self._lock:
            clicks = self._read()
            if not clicks:
                return 0
            try:
                with connection(self.db_path, write=True, wait=wait) as con:
                    while clicks:
                        click = clicks[0]
                        try:
                            self.appliers[click.kind](con, click.args)
                        except (ValueError, LookupError, RuntimeError, duckdb.Error) as exc:
                            self.failed.append((click, str(exc).splitlines()[0]))
                        clicks.pop(0)
                        self._write(clicks)
            except WarehouseBusy:
                pass
            return len(clicks)

    def _read(self) -> list[Click]:
        if not self.path.exists():
            return []
        clicks = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                clicks.append(Click(**json.loads(line)))
        return clicks

    def _write(self, clicks: list[Click]) -> None:
        if not clicks:
            self.path.unlink(missing_ok=True)
            return
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            "".join(json.dumps(asdict(c), ensure_ascii=False) + "\n" for c in clicks), encoding="utf-8"
        )
        os.replace(tmp, self.path)


class RetryThread(threading.Thread):
    """Retries the journal every few seconds while clicks wait for the daily run to finish."""

    def __init__(self, journal: Journal, every: float = 2.0) -> None:
        super().__init__(name="fjordjobs-journal", daemon=True)
        self.journal, self.every = journal, every
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            self.journal.apply(wait=0.5)
