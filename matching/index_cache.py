"""The index cache: each ad text is analysed once per analysis version, then read back from the warehouse.

A daily run sees mostly the ads it saw yesterday. Analysing them (tokenising, stemming, weighing sections)
is nearly all the cost of building the index, and its result depends only on the ad's title and
description and on the analyzer. So `cached_analysis` keeps each text's term weights in
`match_index_rows` (migration 005), analyses only the texts it has not seen, and hands back the same
`Analysed` matrix a fresh analysis would give; IDF and norms, which depend on the whole set of active
listings, are recomputed from it every run (`Analysed.index`).

Rows are keyed by a digest of the text rather than the listing's `content_hash`: an ad whose salary or
status changes keeps its row. The analysis version is the caller's scoring version, the row format
(`matching.index.ANALYSIS_FORMAT`) and a fingerprint of the analyzer's code and data files; writing under a
new version deletes every other version's rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np

from matching import analyzer as analyzer_module
from matching import index as index_module
from matching import sections as sections_module
from matching.analyzer import default_analyzer
from matching.index import (
    ANALYSIS_FORMAT,
    Analysed,
    Doc,
    TermIds,
    WordTable,
    WordTerms,
    analyse,
)
from warehouse.db import run_script, sql, transaction

if TYPE_CHECKING:
    import pyarrow as pa
    import scipy.sparse as sp

# Rows no run has asked for in this many days are deleted (expired ads, old versions of edited ads).
KEEP_DAYS = 14


@dataclass(frozen=True)
class CachedAnalysis:
    """The analysed listings, in the order given, and how many texts came from the cache."""

    analysed: Analysed
    reused: int  # distinct texts read from the cache
    added: int  # distinct texts analysed now and stored


def text_key(doc: Doc) -> str:
    """The cache key of an ad's text: what the analyzer reads, and nothing else."""
    title, description = doc
    h = hashlib.blake2b(digest_size=16)
    h.update((title or "").encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update((description or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def analysis_version(scoring_version: str) -> str:
    """Rows written under one scoring version, row format and analyzer are never read under another.

    The fingerprint of the analyzer's code and data files makes a stale cache impossible even when a
    change to a stop-word list or the glossary forgets to bump the scoring version.
    """
    return f"{scoring_version}/{ANALYSIS_FORMAT}/{analyzer_fingerprint()}"


def fingerprint(paths: Sequence[Path]) -> str:
    """A short digest of the files' names and contents, in the order given."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode("utf-8") + b"\x00" + path.read_bytes() + b"\x00")
    return h.hexdigest()[:12]


@cache
def analyzer_fingerprint() -> str:
    """The fingerprint of what decides an ad's terms: the analyzer, the index's analysis, their data."""
    package = Path(analyzer_module.__file__).parent
    data = sorted(p for p in (package / "data").rglob("*") if p.is_file())
    code = [Path(m.__file__) for m in (analyzer_module, sections_module, index_module) if m.__file__]
    return fingerprint([*code, *data])


def cached_analysis(
    con: duckdb.DuckDBPyConnection,
    docs: Sequence[Doc],
    scoring_version: str,
    *,
    on: date | None = None,
) -> CachedAnalysis:
    """Analyse `docs` (title, description), reusing and extending the cache in the warehouse.

    The result equals `matching.index.analyse(docs)` row for row (the same terms and weights). Writes
    (new terms and rows, last-used days, pruning) happen in one transaction. `on` is the day recorded
    as last use (default: today).
    """
    # A cursor of its own: the caller's pending results and registrations stay as they were.
    with con.cursor() as cur:
        return _cached_analysis(cur, docs, analysis_version(scoring_version), on or date.today())


def _cached_analysis(
    con: duckdb.DuckDBPyConnection, docs: Sequence[Doc], version: str, day: date
) -> CachedAnalysis:
    # Only a run that builds the index needs these (a warm run maps the index file: matching/rows.py).
    import pyarrow as pa
    import scipy.sparse as sp

    keys = [text_key(d) for d in docs]
    unique = list(dict.fromkeys(keys))
    position = {k: i for i, k in enumerate(unique)}
    wanted = pa.table(
        {"text_key": pa.array(unique, pa.string()), "pos": pa.array(range(len(unique)), pa.int64())}
    )

    terms = _load_terms(con, version)
    known_terms = len(terms)
    con.register("match_index_wanted", wanted)
    try:
        found = con.sql(sql("match_index_lookup"), params={"version": version}).to_arrow_table()
        found_pos = found.column("pos").to_numpy()
        found_mask = np.zeros(len(unique), dtype=bool)
        found_mask[found_pos] = True
        missing = np.flatnonzero(~found_mask)
        first_doc = {k: i for i, k in reversed(list(enumerate(keys)))}
        fresh = None
        if len(missing):
            table = WordTable(terms)
            table.learn(_load_words(con, version))
            fresh = analyse([docs[first_doc[unique[i]]] for i in missing], table)

        with transaction(con):
            if fresh is not None:
                # The words this analysis had to run through the analyzer: the warehouse lacks them.
                _store(
                    con,
                    version,
                    day,
                    [unique[i] for i in missing],
                    fresh,
                    terms,
                    known_terms,
                    fresh.new_words,
                )
            run_script(con, "match_index_touch", {"version": version, "today": day})
            run_script(
                con, "match_index_prune", {"version": version, "cutoff": day - timedelta(days=KEEP_DAYS)}
            )
    finally:
        con.unregister("match_index_wanted")

    U = _stack_unique(found, fresh, missing, len(unique), len(terms))
    new_words = fresh.new_words if fresh is not None else []
    del found, fresh
    order = np.fromiter((position[k] for k in keys), dtype=np.int64, count=len(keys))
    T = U if np.array_equal(order, np.arange(len(unique))) else sp.csr_matrix(U[order])
    return CachedAnalysis(
        Analysed(T=T, terms=list(terms), new_words=new_words), reused=len(found_pos), added=len(missing)
    )


def _load_terms(con: duckdb.DuckDBPyConnection, version: str) -> TermIds:
    """The stored term list of `version`; also teaches this process's analyzer how to display each term."""
    table = con.sql(sql("match_index_terms"), params={"version": version}).to_arrow_table()
    ids = table.column("term_id").to_numpy()
    if not np.array_equal(ids, np.arange(len(ids))):
        raise RuntimeError(
            f"the index cache's term list for {version!r} has gaps; delete its rows from match_index_terms"
        )
    terms = TermIds()
    surface = default_analyzer().surface
    for term, word in zip(table.column("term").to_pylist(), table.column("surface").to_pylist(), strict=True):
        terms[term] = len(terms)
        if word:
            surface.setdefault(term, word)
    return terms


def _load_words(con: duckdb.DuckDBPyConnection, version: str) -> list[WordTerms]:
    """Words analysed by earlier runs: this process need not run them through the analyzer again."""
    table = con.sql(sql("match_index_words"), params={"version": version}).to_arrow_table()
    return list(
        zip(
            table.column("word").to_pylist(),
            table.column("terms_no").to_pylist(),
            table.column("terms_en").to_pylist(),
            strict=True,
        )
    )


def _store(
    con: duckdb.DuckDBPyConnection,
    version: str,
    day: date,
    keys: list[str],
    fresh: Analysed,
    terms: TermIds,
    known_terms: int,
    words: list[WordTerms],
) -> None:
    """Insert the texts just analysed, the terms and the analysed words the cache did not know."""
    import pyarrow as pa

    surface = default_analyzer().surface
    new_terms = list(terms)[known_terms:]
    term_table = pa.table(
        {
            "term_id": pa.array(range(known_terms, known_terms + len(new_terms)), pa.int32()),
            "term": pa.array(new_terms, pa.string()),
            "surface": pa.array([surface.get(t) for t in new_terms], pa.string()),
        }
    )
    T = fresh.T
    offsets = pa.array(T.indptr.astype(np.int32))
    row_table = pa.table(
        {
            "text_key": pa.array(keys, pa.string()),
            "term_ids": pa.ListArray.from_arrays(offsets, pa.array(T.indices.astype(np.int32))),
            "weights": pa.ListArray.from_arrays(offsets, pa.array(T.data.astype(np.float64))),
        }
    )
    word_type = pa.list_(pa.string())
    word_table = pa.table(
        {
            "word": pa.array([w for w, _, _ in words], pa.string()),
            "terms_no": pa.array([list(t) for _, t, _ in words], word_type),
            "terms_en": pa.array([list(t) for _, _, t in words], word_type),
        }
    )
    con.register("match_index_new_terms", term_table)
    con.register("match_index_new_rows", row_table)
    con.register("match_index_new_words", word_table)
    try:
        run_script(con, "match_index_insert", {"version": version, "today": day})
        run_script(con, "match_index_insert_words", {"version": version})
    finally:
        con.unregister("match_index_new_terms")
        con.unregister("match_index_new_rows")
        con.unregister("match_index_new_words")


def _stack_unique(
    found: pa.Table, fresh: Analysed | None, missing: np.ndarray, n: int, n_terms: int
) -> sp.csr_matrix:
    """One row per distinct text, in key order: the cached rows and the fresh ones put in place."""
    import scipy.sparse as sp

    ids_col = found.column("term_ids").combine_chunks()
    w_col = found.column("weights").combine_chunks()
    if len(found):
        lengths = [np.diff(ids_col.offsets.to_numpy().astype(np.int64))]
        indices = [ids_col.flatten().to_numpy().astype(np.int32, copy=False)]
        data = [w_col.flatten().to_numpy().astype(np.float64, copy=False)]
        del ids_col, w_col  # the Arrow buffers live on in `found`; the caller drops it
    else:
        lengths, indices, data = [], [], []
    pos = [found.column("pos").to_numpy().astype(np.int64, copy=False)]
    if fresh is not None:
        lengths.append(np.diff(fresh.T.indptr).astype(np.int64, copy=False))
        indices.append(fresh.T.indices.astype(np.int32, copy=False))
        data.append(fresh.T.data.astype(np.float64, copy=False))
        pos.append(missing.astype(np.int64))
    indptr = np.zeros(n + 1, dtype=np.int64)
    if lengths:
        np.cumsum(np.concatenate(lengths), out=indptr[1:])
    stacked = sp.csr_matrix(
        (
            np.concatenate(data) if data else np.zeros(0),
            np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32),
            indptr,
        ),
        shape=(n, n_terms),
    )
    where = np.concatenate(pos)
    if np.array_equal(where, np.arange(n)):
        return stacked
    order = np.empty(n, dtype=np.int64)
    order[where] = np.arange(n)
    return sp.csr_matrix(stacked[order])
