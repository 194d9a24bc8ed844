"""Sparse rows as three numpy arrays, and the two reads a run makes of them, in numpy alone.

A warm `fjordjobs match` maps the index an earlier run built (matching/index_file.py) and asks two
things of it: every listing's score against the CV (one pass over the TF-IDF rows), and which listings
hold given terms (the profile's word filters). scipy.sparse does both, but a run that only reads an
index has no other use for it, and importing it is the largest single cost of a warm run: scipy's
array-API layer clones numpy's namespace, which imports numpy.f2py and numpy.testing on the way.
Measured with `python -X importtime` and process_time: `import scipy.sparse` after numpy costs 0.15 s of
CPU on an idle machine, a sixth of a warm `fjordjobs match` on the demo warehouse (0.84 s of CPU with
this module) and a third of its start-up. The price is in `row_dot`: numpy gathers into a temporary
where scipy's loop does not, 40-60 ms against 20 ms for 50,000 listings (8.7 million entries), still
a net 0.1 s saved there. The index is still built by scipy and scikit-learn
(matching/index.py); only the reading side is here, and both the run that built an index and the run
that mapped it score through `row_dot`, so the two rank alike to the last bit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


class SparseRows(Protocol):
    """What scipy's `csr_matrix` and `Rows` both have: compressed sparse rows."""

    @property
    def data(self) -> np.ndarray: ...

    @property
    def indices(self) -> np.ndarray: ...

    @property
    def indptr(self) -> np.ndarray: ...

    @property
    def shape(self) -> tuple[int, int]: ...


@dataclass(frozen=True)
class Rows:
    """Compressed sparse rows over arrays as they were mapped from a file (no copy)."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    @property
    def nnz(self) -> int:
        return int(self.indptr[-1])


def row_dot(M: SparseRows, q: np.ndarray) -> np.ndarray:
    """`M @ q` for a dense vector q: each row's products summed in order, rows without entries 0."""
    n = int(M.shape[0])
    out = np.zeros(n, dtype=np.result_type(M.data.dtype, q.dtype))
    if n == 0 or M.data.size == 0:
        return out
    # take + an in-place product: one temporary of the entries' size (fancy indexing and `*` made two)
    products = np.take(q, M.indices).astype(out.dtype, copy=False)
    np.multiply(products, M.data, out=products)
    starts = np.asarray(M.indptr[:-1])
    filled = np.asarray(M.indptr[1:]) > starts
    # reduceat sums from each start to the next one given: with the empty rows left out, that is each
    # filled row's own entries.
    out[filled] = np.add.reduceat(products, starts[filled])
    return out


def rows_holding_all(M: SparseRows, columns: list[int]) -> np.ndarray:
    """Per row, whether it has a stored entry in every one of `columns` (distinct column numbers)."""
    n = int(M.shape[0])
    if not columns:
        return np.ones(n, dtype=bool)
    hit = np.flatnonzero(np.isin(M.indices, np.asarray(columns, dtype=M.indices.dtype)) & (M.data != 0))
    row_of_hit = np.searchsorted(np.asarray(M.indptr), hit, side="right") - 1
    found: np.ndarray = np.bincount(row_of_hit, minlength=n) == len(columns)
    return found
