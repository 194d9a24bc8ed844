"""The TF-IDF index of listings: our analyser decides the terms, scikit-learn does the vector work.

Two layers. `Analysed` holds what is slow to compute and never changes for a given ad text: the summed
section weight of every term of every listing (a sparse listings x terms matrix over a term list), as
`Analyzer.weigh_listing` gives it. `Index` holds what depends on the whole set of listings: scikit-learn's
`FeatureHasher` puts each term in a column, `TfidfTransformer` weighs by idf and normalises. Deriving an
`Index` from an `Analysed` is a few vectorised passes, which is why `matching.index_cache` can store the
former per listing and recompute the latter every run.

Why hashing: the query side (a CV) needs no vocabulary of the listings, and its terms unknown to every
ad still count in its norm, so a CV's score does not rise because the ads lack its other skills.
Why we damp term weights with `log1p` before `TfidfTransformer` instead of its `sublinear_tf`: our weights
are sums of section weights, not counts (a word in the company blurb weighs 0.3), and `1 + log(tf)` is
negative below 1. Why `X @ q` with X in CSR and q dense: it reads X once, row by row (about 25 ms on
100,000 ads), where `linear_kernel(q, X)` transposes X first (about a second).

How an ad's terms are found (`analyse`): the words of a batch of ads are found with the analyser's own
word pattern, each distinct word is run through the analyser once (`WordTable`), and the ad's terms are
one sparse product (ads x words, by section weight) @ (words x terms, in the ad's language). Same numbers
as `Analyzer.weigh_listing`, at the cost of the regex and one dict lookup per word occurrence. This is
the one speed device kept (issue 15: keep one only where it saves a quarter of its phase's CPU):
measured on 20,000 synthetic ads of `benchmarks.bench_match` whose words were already analysed, one
`weigh_listing` per ad took 16.7 s of CPU and this 8.0 s, half the analysis.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import mmh3
import numpy as np

from matching.analyzer import Analyzer, default_analyzer
from matching.rows import SparseRows, row_dot, rows_holding_all
from matching.sections import SECTION_WEIGHTS, TITLE_WEIGHT, split_sections

N_FEATURES = 2**20
# Bump when what an `Analysed` row holds changes (it is stored by matching.index_cache).
ANALYSIS_FORMAT = "terms-f64-1"
# Ads whose words are looked up together: larger batches build fewer small matrices, smaller ones hold
# fewer word strings at once.
BATCH = 2000

if TYPE_CHECKING:
    # scipy.sparse is imported where an index is built, not with this module: a warm run only reads
    # one (matching/rows.py says why and what it saves).
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer

# (title, description) of one listing
Doc = tuple[str | None, str | None]
# (word, its terms read as Norwegian, its terms read as English): one word's analysis
WordTerms = tuple[str, Sequence[str], Sequence[str]]

_INT_MIN = -(2**31)


def column(term: str) -> int:
    """The column scikit-learn's `FeatureHasher(alternate_sign=False)` gives a term: |MurmurHash3_32 of its
    UTF-8, seed 0, signed| modulo the width, with FeatureHasher's rule for the one hash whose absolute
    value does not fit (tests/test_match_index.py checks equality on 200,000 terms).

    Why not FeatureHasher itself: importing scikit-learn costs about 1.2 s of CPU, most of a warm
    `fjordjobs match`, which needs only the columns of the CV's terms (the index comes from
    matching.index_file). mmh3 is the same hash in a small C extension.
    """
    h = mmh3.hash(term, 0, signed=True)
    return (2**31 - 1 - (N_FEATURES - 1)) % N_FEATURES if h == _INT_MIN else abs(h) % N_FEATURES


def columns(terms: Iterable[str]) -> np.ndarray:
    """The column of each term in the index (`column`)."""
    return np.fromiter(map(column, terms), dtype=np.int64)


class TermIds(dict[str, int]):
    """A growing vocabulary: key -> dense id, a new key gets the next id. Looking up a whole token list
    with `map(ids.__getitem__, tokens)` stays in C for known keys; only a new key runs Python."""

    def __missing__(self, key: str) -> int:
        i = len(self)
        self[key] = i
        return i


class WordTable(dict[str, int]):
    """Surface words -> ids, each word run through the analyser once, when first seen.

    For every word it keeps the term ids it stands for in Norwegian and in English and whether it is a
    stop word of either language (which decides an ad's language). `terms` is the term list the ids
    refer to (matching.index_cache passes its stored one, to extend).
    """

    def __init__(self, terms: TermIds | None = None, analyzer: Analyzer | None = None) -> None:
        super().__init__()
        self.analyzer = analyzer or default_analyzer()
        self.terms = TermIds() if terms is None else terms
        self.stop_en: list[bool] = []
        self.stop_no: list[bool] = []
        # (word id, term id) pairs per language
        self.map_rows: dict[str, list[int]] = {"no": [], "en": []}
        self.map_cols: dict[str, list[int]] = {"no": [], "en": []}
        self.analysed: list[WordTerms] = []  # words this table ran through the analyser, in order

    def __missing__(self, word: str) -> int:
        found = (word, self.analyzer.terms(word, "no"), self.analyzer.terms(word, "en"))
        self.analysed.append(found)
        return self._add(*found)

    def learn(self, words: Iterable[WordTerms]) -> None:
        """Take words' analyses from an earlier run (read from the warehouse) instead of running the
        analyser; the terms must be what `Analyzer.terms` gives for this analysis version."""
        for word, terms_no, terms_en in words:
            if word not in self:
                self._add(word, terms_no, terms_en)

    def _add(self, word: str, terms_no: Sequence[str], terms_en: Sequence[str]) -> int:
        i = len(self)
        self[word] = i
        self.stop_en.append(word in self.analyzer.stop_en)
        self.stop_no.append(word in self.analyzer.stop_no and word not in self.analyzer.stop_en)
        for lang, terms in (("no", terms_no), ("en", terms_en)):
            for term in terms:
                self.map_rows[lang].append(i)
                self.map_cols[lang].append(self.terms[term])
        return i

    def stacked_map(self) -> sp.csr_matrix:
        """(2 x words) x terms: row w maps word w read as Norwegian, row words+w the same word as English."""
        import scipy.sparse as sp

        n = len(self)
        rows = np.concatenate(
            [
                np.asarray(self.map_rows["no"], dtype=np.int64),
                np.asarray(self.map_rows["en"], dtype=np.int64) + n,
            ]
        )
        cols = np.concatenate(
            [np.asarray(self.map_cols["no"], dtype=np.int64), np.asarray(self.map_cols["en"], dtype=np.int64)]
        )
        data = np.ones(len(rows), dtype=np.float64)
        return sp.csr_matrix((data, (rows, cols)), shape=(2 * n, len(self.terms)))


@dataclass
class Index:
    """Rows are listings (TF-IDF, L2-normalised); `query` turns a CV's term weights into a vector."""

    X: SparseRows  # a scipy matrix when this process built the index, `Rows` when read from the file
    # scikit-learn's idf of every column (`TfidfTransformer.idf_`); None for an empty warehouse, as
    # scikit-learn fits on one row or more. Kept as an array so that an index read back from a file
    # (matching.index_file) needs no scikit-learn.
    idf_values: np.ndarray | None
    # The column of every term of the listings, hashed once when the index is built (for `explain`).
    term_columns: dict[str, int] = field(default_factory=dict)
    # The fitted transformer, when this process built the index.
    tfidf: TfidfTransformer | None = None

    @property
    def size(self) -> int:
        return int(self.X.shape[0])

    @property
    def idf(self) -> np.ndarray:
        """The idf of every column (what a term unknown to every listing would get, if there are none)."""
        if self.idf_values is None:
            return np.ones(N_FEATURES, dtype=np.float32)
        return np.asarray(self.idf_values, dtype=np.float32)

    def query(self, weights: dict[str, float]) -> np.ndarray:
        """A dense, normalised query column from term weights (e.g. `Analyzer.weigh_cv(cv)`).

        The same vector as `self.tfidf.transform` of the hashed, damped weights, written out for one
        row: the transformer's input checks cost about 20 ms a call, as much as scoring 100,000 ads.
        """
        q = np.zeros(N_FEATURES, dtype=np.float32)
        if self.idf_values is None or not weights:
            return q
        cols = np.asarray(self.columns_of(list(weights)), dtype=np.int64)
        found = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        # Terms hashed to one column count as one, damped like the listings' (`_damped_counts`).
        hashed, where = np.unique(cols, return_inverse=True)
        summed = np.zeros(len(hashed), dtype=np.float64)
        np.add.at(summed, where, found)
        values = np.log1p(summed).astype(np.float32) * self.idf_values[hashed]
        norm = float(np.linalg.norm(values))
        q[hashed] = values / norm if norm else values
        return q

    def columns_of(self, terms: Sequence[str]) -> list[int]:
        """The columns of terms, looked up where the index hashed them already."""
        known = self.term_columns
        return [known[t] if t in known else column(t) for t in terms]

    def scores(self, q: np.ndarray) -> np.ndarray:
        """Cosine similarity of every listing with the query: one pass over the CSR rows."""
        return row_dot(self.X, q)


def _damped_counts(T: sp.csr_matrix, cols: np.ndarray) -> sp.csr_matrix:
    """Rows of summed term weights (term j in column `cols[j]`) -> hashed columns, damped with log1p so
    a word said ten times is not ten times as relevant. Two terms hashed to one column count as one."""
    import scipy.sparse as sp

    X = sp.csr_matrix(
        (T.data.astype(np.float64), cols[T.indices], T.indptr.copy()), shape=(T.shape[0], N_FEATURES)
    )
    X.sum_duplicates()
    X.data = np.log1p(X.data).astype(np.float32)
    return X


def _fit(X: sp.csr_matrix) -> Index:
    """scikit-learn's smoothed idf over these rows, then each row L2-normalised."""
    import scipy.sparse as sp

    if X.shape[0] == 0:
        return Index(X=X, idf_values=None)
    from sklearn.feature_extraction.text import TfidfTransformer  # 1.2 s of import: only when building

    tfidf = TfidfTransformer()
    fitted = sp.csr_matrix(tfidf.fit_transform(X))
    return Index(X=fitted, idf_values=np.asarray(tfidf.idf_), tfidf=tfidf)


@dataclass
class Analysed:
    """Listings x terms: the summed section weight of each term in each listing (before tf damping,
    idf and norms), over the term list `terms`. Row order is the order of the listings given."""

    T: SparseRows  # a scipy matrix when analysed by this process, `Rows` when read from the index file
    terms: list[str]
    # Words the analysis had to run through the analyser: what matching.index_cache stores so that
    # another process need not analyse them again.
    new_words: list[WordTerms] = field(default_factory=list)

    @property
    def size(self) -> int:
        return int(self.T.shape[0])

    def index(self) -> Index:
        """Hash, damp (log1p), weigh by idf over these listings and normalise: the searchable index."""
        cols = columns(self.terms)
        index = _fit(_damped_counts(self.T, cols))
        index.term_columns = dict(zip(self.terms, cols.tolist(), strict=True))
        return index

    def row_weights(self, row: int) -> dict[str, float]:
        """One listing's term weights as a dict (what `Analyzer.weigh_listing` returns)."""
        a, b = int(self.T.indptr[row]), int(self.T.indptr[row + 1])
        return {
            self.terms[int(i)]: float(w) for i, w in zip(self.T.indices[a:b], self.T.data[a:b], strict=True)
        }

    def holding_all(self, terms: set[str]) -> np.ndarray:
        """Per listing, whether it holds every one of `terms` (all False if no listing has one of them)."""
        ids = self._term_ids
        if not all(t in ids for t in terms):
            return np.zeros(self.size, dtype=bool)
        return rows_holding_all(self.T, [ids[t] for t in terms])

    @cached_property
    def _term_ids(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.terms)}

    def weights(self) -> list[dict[str, float]]:
        """Each listing's term weights as a dict (what `Analyzer.weigh_listing` returns)."""
        names = np.asarray(self.terms, dtype=object)
        T = self.T
        keys = names[T.indices].tolist()
        values = T.data.tolist()
        return [
            dict(zip(keys[a:b], values[a:b], strict=True)) for a, b in itertools.pairwise(T.indptr.tolist())
        ]


def analyse(docs: Sequence[Doc], words: WordTable | None = None) -> Analysed:
    """Summed section weight per term for each ad: the numbers of `Analyzer.weigh_listing` (up to float
    rounding in the last bits: sums are taken in another order), a batch of ads at a time.

    `words` is the word table to use and extend (matching.index_cache seeds it with stored words).
    """
    import scipy.sparse as sp

    table = WordTable() if words is None else words
    start = len(table.analysed)
    lengths: list[np.ndarray] = []
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    for first in range(0, len(docs), BATCH):
        T = _analyse_batch(docs[first : first + BATCH], table)
        lengths.append(np.diff(T.indptr))
        indices.append(T.indices)
        data.append(T.data)
    indptr = np.zeros(len(docs) + 1, dtype=np.int64)
    if lengths:
        np.cumsum(np.concatenate(lengths), out=indptr[1:])
    T = sp.csr_matrix(
        (
            np.concatenate(data) if data else np.zeros(0),
            np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32),
            indptr,
        ),
        shape=(len(docs), len(table.terms)),
    )
    return Analysed(T=T, terms=list(table.terms), new_words=table.analysed[start:])


def _analyse_batch(docs: Sequence[Doc], table: WordTable) -> sp.csr_matrix:
    import scipy.sparse as sp

    analyzer = table.analyzer
    tokens: list[str] = []
    span_lens: list[int] = []
    span_weight: list[float] = []  # one entry per (ad, section): its weight, whether body or title
    span_body: list[bool] = []
    spans_per_doc: list[int] = []
    for title, description in docs:
        sections = [("", title or ""), *split_sections(description or "")]
        for section, text in sections:
            found = analyzer.words(text)
            tokens.extend(found)
            span_lens.append(len(found))
            span_weight.append(SECTION_WEIGHTS[section] if section else TITLE_WEIGHT)
            span_body.append(bool(section))
        spans_per_doc.append(len(sections))
    # Known words are looked up in C; only a new word runs the analyser.
    ids = np.fromiter(map(table.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    lengths = np.asarray(span_lens, dtype=np.int64)
    span_start = np.zeros(len(spans_per_doc), dtype=np.int64)
    np.cumsum(np.asarray(spans_per_doc[:-1], dtype=np.int64), out=span_start[1:])
    per_doc = np.add.reduceat(lengths, span_start) if len(span_start) else np.zeros(0, dtype=np.int64)
    indptr = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum(per_doc, out=indptr[1:])
    # The ad's language: which stop words are more frequent in its description (ties: Norwegian).
    # +1 per English stop word, -1 per Norwegian one, summed over each ad's tokens by a running sum.
    vote = np.asarray(table.stop_en, dtype=np.int8) - np.asarray(table.stop_no, dtype=np.int8)
    votes = vote[ids] * np.repeat(np.asarray(span_body, dtype=np.int8), lengths)
    running = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(votes, dtype=np.int64, out=running[1:])
    is_en = running[indptr[1:]] > running[indptr[:-1]]
    # Each token becomes a column of W: a row of the stacked word map, its word read in the ad's language;
    # repeated words in a row are summed by the product.
    cols = ids + np.repeat(np.where(is_en, len(table), 0), per_doc)
    word_map = table.stacked_map()
    weights = np.repeat(np.asarray(span_weight, dtype=np.float64), lengths)
    W = sp.csr_matrix((weights, cols, indptr), shape=(len(docs), word_map.shape[0]))
    T = sp.csr_matrix(W @ word_map)
    T.eliminate_zeros()
    return T


def build_index(docs: Sequence[Doc]) -> Index:
    """Index the listings (no cache): `analyse`, then `Analysed.index`."""
    return analyse(docs).index()


def index_from_weights(weights: Sequence[dict[str, float]]) -> Index:
    """Index listings already analysed (`Analyzer.weigh_listing`): scikit-learn's `FeatureHasher` on the
    weight dicts, damped, then `TfidfTransformer`. The reference `Analysed.index` must equal."""
    import scipy.sparse as sp
    from sklearn.feature_extraction import FeatureHasher

    X = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False).transform(weights)
    X = sp.csr_matrix(X)
    X.data = np.log1p(X.data).astype(np.float32)
    return _fit(X)
