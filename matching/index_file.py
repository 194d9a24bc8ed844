"""The built index in a file beside the warehouse, so a warm `fjordjobs match` only reads it.

`matching.index_cache` spares a run the analysis of texts it has seen, but every run still read every
active ad's text from the warehouse, looked up its cached terms, and fitted idf and norms again: 6 s of
CPU on 50,000 ads, for an index that is the same as the last run's unless an ad came, went or changed.
This file holds that index (the TF-IDF rows, the idf, and the analysed terms `explain` and the profile's
word filters read) under a fingerprint of what it was built from: the analysis version, and each
candidate's id with a key of its text (warehouse/sql/match_candidate_rows.sql: the version the pipeline
loaded, so no ad text is read). A run whose candidates have that fingerprint maps the file; any other
rebuilds it (through the index cache) and replaces it. A contact purge deletes it (pipeline/contact_purge.py).

Measured on the 50,000 synthetic ads of benchmarks/bench_match_cli.py (CPU seconds of one warm run):
reading the texts and building the index from the warm index cache took 2.7 s (plus 2.5 s making a
`Listing` of every ad, see matching/candidates.py); mapping this file takes 0.01 s and the query for
the candidates' keys 0.15 s (0.5 s if it hashed the texts themselves): nine tenths of the phase saved.

The file is a JSON header and the raw arrays (no pickles), mapped into memory when read, written to a
temporary name and renamed, so a reader never sees half a file. A warehouse in memory, or a folder
that cannot be written, simply gets no file: the index is then built every run, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mmap
import os
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np

from matching.analyzer import Analyzer
from matching.index import N_FEATURES, Analysed, Index
from matching.rows import Rows, SparseRows
from warehouse.db import match_index_file

# Bump when the arrays this file holds change.
FILE_FORMAT = "match-index-1"
MAGIC = b"fjordjobs match index 1\n"
ALIGN = 64
HEADER = 4096  # the magic line, the header's length and the JSON header, padded with spaces


@dataclass(frozen=True)
class Built:
    """The searchable index and the analysed terms it was built from, row for row."""

    index: Index
    analysed: Analysed
    # How each term of `analysed.terms` was written in an ad ("" if unknown): what `explain` shows for a
    # stem. An index read from the file teaches the analyzer these for the rows it explains.
    surfaces: list[str]

    def teach_surfaces(self, analyzer: Analyzer, row: int) -> None:
        """Let `analyzer.display` show the written words of one row's terms."""
        T, terms, surfaces = self.analysed.T, self.analysed.terms, self.surfaces
        for i in T.indices[T.indptr[row] : T.indptr[row + 1]].tolist():
            if surfaces[i]:
                analyzer.surface.setdefault(terms[i], surfaces[i])


def index_path(con: duckdb.DuckDBPyConnection) -> Path | None:
    """Where the index of this connection's warehouse lives (`warehouse.db.match_index_file`)."""
    return match_index_file(con)


def fingerprint(version: str, ids: list[str], text_hashes: np.ndarray) -> str:
    """What an index was built from: the analysis version, the candidates in order, their texts' hashes."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FILE_FORMAT}\x00{version}\x00{duckdb.__version__}\x00{len(ids)}\x00".encode())
    h.update("\x00".join(ids).encode("utf-8", "surrogatepass"))
    h.update(np.ascontiguousarray(text_hashes, dtype=np.uint64).tobytes())
    return h.hexdigest()


def load(path: Path | None, expected: str) -> Built | None:
    """The index stored at `path` if it was built from `expected` (a `fingerprint`), else None.

    The arrays are mapped, not read: a run touches the TF-IDF rows once (the scoring pass) and the
    analysed terms only for the rows it explains.
    """
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                return None
            (size,) = struct.unpack("<Q", f.read(8))
            if size != HEADER - len(MAGIC) - 8:
                return None
            head = json.loads(f.read(size))
            if head.get("fingerprint") != expected:
                return None
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        arrays = {
            name: np.frombuffer(
                mapped, dtype=np.dtype(spec["dtype"]), count=spec["count"], offset=spec["offset"]
            )
            for name, spec in head["arrays"].items()
        }
        n_rows, n_terms = head["shape"]
        X = _csr(arrays["x_data"], arrays["x_indices"], arrays["x_indptr"], (n_rows, N_FEATURES))
        T = _csr(arrays["t_data"], arrays["t_indices"], arrays["t_indptr"], (n_rows, n_terms))
        idf = arrays["idf"] if arrays["idf"].size else None
        terms = _strings(arrays["terms"], n_terms)
        surfaces = _strings(arrays["surfaces"], n_terms)
    except (OSError, ValueError, KeyError, TypeError, OverflowError, struct.error):
        return None  # unreadable or of another format: rebuilt and replaced
    return Built(Index(X=X, idf_values=idf), Analysed(T=T, terms=terms), surfaces)


def save(path: Path | None, stamp: str, built: Built) -> None:
    """Store `built` under the fingerprint `stamp`; a folder that cannot be written is left alone.

    Layout: a magic line, the length of a JSON header, the header (fingerprint, shape, and each array's
    dtype, count and offset), then the arrays, each at an offset aligned to 64 bytes.
    """
    if path is None:
        return
    X, T = built.index.X, built.analysed.T
    idf = built.index.idf_values
    x_indices, x_indptr = _index_arrays(X)
    t_indices, t_indptr = _index_arrays(T)
    arrays = {
        "x_data": X.data,
        "x_indices": x_indices,
        "x_indptr": x_indptr,
        "idf": idf if idf is not None else np.zeros(0, dtype=np.float32),
        "t_data": T.data,
        "t_indices": t_indices,
        "t_indptr": t_indptr,
        "terms": _joined(built.analysed.terms),
        "surfaces": _joined(built.surfaces),
    }
    specs: dict[str, dict[str, object]] = {}
    offset = HEADER
    for name, array in arrays.items():
        offset = -(-offset // ALIGN) * ALIGN
        specs[name] = {"dtype": array.dtype.str, "count": int(array.size), "offset": offset}
        offset += array.nbytes
    head = {"fingerprint": stamp, "shape": [int(X.shape[0]), int(T.shape[1])], "arrays": specs}
    body = json.dumps(head).encode().ljust(HEADER - len(MAGIC) - 8)
    if len(body) != HEADER - len(MAGIC) - 8:
        return  # cannot happen with these few arrays; never write a file that would not read back
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + struct.pack("<Q", len(body)) + body)
            for name, array in arrays.items():
                out.seek(int(specs[name]["offset"]))  # type: ignore[call-overload]
                out.write(np.ascontiguousarray(array).tobytes())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _joined(strings: list[str]) -> np.ndarray:
    """Strings as one NUL-separated UTF-8 byte array (no pickles in the file)."""
    return np.frombuffer("\x00".join(strings).encode("utf-8", "surrogatepass"), dtype=np.uint8)


def _strings(stored: np.ndarray, n: int) -> list[str]:
    found = bytes(stored).decode("utf-8", "surrogatepass").split("\x00") if n else []
    if len(found) != n:
        raise ValueError("the stored strings do not match the index")
    return found


def _csr(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]) -> Rows:
    """The mapped arrays as rows, checked enough that a damaged file is rebuilt, not misread."""
    if len(indptr) != shape[0] + 1 or len(indices) != len(data) or (len(indptr) and indptr[-1] != len(data)):
        raise ValueError("the stored rows do not match their shape")
    return Rows(data=data, indices=indices, indptr=indptr, shape=shape)


def _index_arrays(M: SparseRows) -> tuple[np.ndarray, np.ndarray]:
    """indices and indptr in one dtype (int32 where it fits): half the file, and one dtype to read."""
    kind = np.int32 if M.indptr[-1] < 2**31 and max(M.shape) < 2**31 else np.int64
    return M.indices.astype(kind, copy=False), M.indptr.astype(kind, copy=False)
