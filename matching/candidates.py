"""What `run_match` ranks, read as cheaply as the ranking allows.

Scoring needs, per candidate, only its id, its row of the index and the few fields the profile filters
on; the whole `Listing` (description, salary text, dates, ...) is needed only for the rows a report
shows. Building a typed `Listing` for each of 50,000 candidates cost 2.5 s of CPU (benchmarks/
bench_match_cli.py), more than the rest of the ranking; now `read_candidates` reads those few columns as
Arrow and `listings_by_id` builds whole listings for the shown rows only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

import duckdb
import numpy as np

from matching.analyzer import default_analyzer
from matching.index_cache import analysis_version, cached_analysis
from matching.index_file import Built, fingerprint, index_path, load, save
from pipeline.listing import COLUMNS, Listing, from_row
from warehouse.db import expand, set_today, sql


@dataclass(frozen=True)
class Candidates:
    """The listings a run may rank, ordered by id (so equal scores rank the same every run)."""

    # Column name -> its values (warehouse/sql/match_candidate_rows.sql, which has no NULLs), as DuckDB's
    # `fetchnumpy` gives them. Not an Arrow table: a warm run then imports no pyarrow (0.04 s of CPU;
    # matching/rows.py says why start-up counts).
    table: dict[str, np.ndarray]
    include_expired: bool

    @property
    def size(self) -> int:
        return len(self.table["listing_id"])

    @cached_property
    def ids(self) -> list[str]:
        return [str(x) for x in self.table["listing_id"].tolist()]

    def column(self, name: str) -> list[Any]:
        """One field of every candidate, in candidate order."""
        return list(self.table[name].tolist())


def read_candidates(
    con: duckdb.DuckDBPyConnection, day: date, *, include_expired: bool = False
) -> Candidates:
    """Listings active on `day` (expiry decided then), non-duplicate; expired ones too when asked."""
    set_today(con, day)
    table = con.execute(sql("match_candidate_rows"), [include_expired]).fetchnumpy()
    return Candidates(table, include_expired)


def built_index(con: duckdb.DuckDBPyConnection, found: Candidates, scoring_version: str) -> Built:
    """The index over all candidates: read from the file beside the warehouse when it was built from
    exactly these texts (matching/index_file.py), else built through the index cache and stored."""
    version = analysis_version(scoring_version)
    hashes = np.array(found.table["text_hash"], dtype=np.uint64)
    unkeyed = np.asarray(found.table["unkeyed"], dtype=bool)
    if unkeyed.any():  # rows the pipeline did not write: their text itself is the key
        keys = con.execute(sql("match_candidate_text_keys"), [found.include_expired]).fetchnumpy()
        hashes[unkeyed] = keys["text_hash"]
    stamp = fingerprint(version, found.ids, hashes)
    path = index_path(con)
    loaded = load(path, stamp)
    if loaded is not None:
        return loaded
    docs = con.execute(sql("match_candidate_docs"), [found.include_expired]).fetchall()
    analysed = cached_analysis(con, [(t, d) for t, d in docs], scoring_version).analysed
    surface = default_analyzer().surface  # filled by the analysis and the index cache's term list
    built = Built(analysed.index(), analysed, [surface.get(t, "") for t in analysed.terms])
    save(path, stamp, built)
    return built


def listings_by_id(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, Listing]:
    """Whole listings for the rows a report shows, by id."""
    if not ids:
        return {}
    cursor = con.execute(expand("match_listings_by_id", COLUMNS), [ids])
    names = [d[0] for d in cursor.description or []]
    found = (from_row(names, row) for row in cursor.fetchall())
    return {x.listing_id: x for x in found}
