"""The index a warm run maps from its file is scored and filtered in numpy alone (matching/rows.py):
the same numbers scipy gives, empty rows included, so a first run and a warm run rank alike."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from matching import rows
from matching.rows import Rows, row_dot, rows_holding_all


def _matrix(seed: int, *, set_row: int | None = None, set_cols: tuple[int, ...] = ()) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    M = sp.random(300, 5_000, density=0.01, format="lil", dtype=np.float32, random_state=rng)
    for row in [*range(0, 300, 7), 299]:  # every seventh row empty, the first and last included
        M.rows[row], M.data[row] = [], []
    for col in set_cols:
        M[set_row, col] = 1.0
    return sp.csr_matrix(M)


def _rows(M: sp.csr_matrix) -> Rows:
    return Rows(data=M.data, indices=M.indices, indptr=M.indptr, shape=M.shape)


def test_scores_equal_scipys_product_and_empty_rows_score_zero() -> None:
    M = _matrix(1)
    q = np.random.default_rng(2).random(5_000, dtype=np.float32)
    expected = np.asarray(M @ q).ravel()
    found = row_dot(_rows(M), q)
    assert np.allclose(found, expected, rtol=1e-6, atol=1e-7)
    assert np.array_equal(row_dot(M, q), found)  # a built index and a mapped one score alike
    assert found[0] == 0 and found[-1] == 0


def test_a_large_index_is_scored_by_scipy_whether_built_or_mapped(monkeypatch: pytest.MonkeyPatch) -> None:
    M = _matrix(4)
    q = np.random.default_rng(5).random(5_000, dtype=np.float32)
    monkeypatch.setattr(rows, "SCIPY_FROM", M.nnz)  # this index counts as large
    expected = np.asarray(M @ q).ravel()
    assert np.array_equal(row_dot(_rows(M), q), expected) and np.array_equal(row_dot(M, q), expected)


def test_rows_holding_all_columns_match_a_column_slice() -> None:
    cols = [11, 4_000]
    M = _matrix(3, set_row=5, set_cols=tuple(cols))
    expected = np.asarray((M[:, cols] != 0).sum(axis=1)).ravel() == len(cols)
    found = rows_holding_all(_rows(M), cols)
    assert found[5] and np.array_equal(found, expected)


def test_an_empty_index_scores_nothing() -> None:
    empty = Rows(
        data=np.zeros(0, np.float32),
        indices=np.zeros(0, np.int32),
        indptr=np.zeros(1, np.int32),
        shape=(0, 10),
    )
    assert row_dot(empty, np.ones(10, np.float32)).size == 0
    assert rows_holding_all(empty, [1]).size == 0
