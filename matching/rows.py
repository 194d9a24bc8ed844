"""Sparse rows as three numpy arrays, and the two reads a run makes of them.

A warm `fjordjobs match` maps the index an earlier run built (matching/index_file.py) and asks two
things of it: every listing's score against the CV (one pass over the TF-IDF rows), and which listings
hold given terms (the profile's word filters). scipy.sparse does both, but importing it is the largest
single cost of a warm run on a small warehouse: its array-API layer clones numpy's namespace, which
imports numpy.f2py and numpy.testing on the way. Measured on an idle machine (`python -X importtime`,
process_time): `import scipy.sparse` after numpy costs 0.15 s of CPU, a sixth of a warm `fjordjobs
match` on the demo warehouse (0.84 s of CPU without it) and a third of its start-up.

So the scores come from numpy alone up to `SCIPY_FROM` stored entries, and from scipy's product above.
numpy's gather is the price: on 50,000 listings (8.7 million entries) `row_dot`'s numpy path takes
40 ms where scipy's fused loop takes 10 ms, so from about 4 million entries (25,000 listings of the
synthetic benchmark) scipy's loop is kept: the product is then repeated where it counts (a digest ranks
every saved search; `benchmarks.bench_match` wants 100,000 listings ranked in 50 ms), and the import is
a smaller share of a run. The choice depends on the index alone, so the run that built an index and
the runs that map it score it the same way, to the last bit.
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

    @property
    def nnz(self) -> int: ...


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


# From this many stored entries the scores come from scipy's product (see the module's docstring).
SCIPY_FROM = 4_000_000


def row_dot(M: SparseRows, q: np.ndarray) -> np.ndarray:
    """`M @ q` for a dense vector q, rows without entries 0: numpy for a small index, scipy for a large."""
    if int(M.indptr[-1]) >= SCIPY_FROM:
        import scipy.sparse as sp

        X = M if isinstance(M, sp.csr_matrix) else sp.csr_matrix((M.data, M.indices, M.indptr), shape=M.shape)
        return np.asarray(X @ q).ravel()
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
