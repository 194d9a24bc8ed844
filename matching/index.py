"""The TF-IDF index of listings: weighted terms per listing, hashed, built in parallel, scored in one pass.

Two layers. `Analysed` holds what is slow to compute and never changes for a given ad text: the summed
section weight of every term of every listing (a sparse listings x terms matrix over a term vocabulary).
`Index` holds what depends on the whole set of listings: hashed columns, sublinear tf, idf and the L2
norm; deriving it from an `Analysed` is a few vectorised passes, which is why `matching.index_cache` can
store the former per listing and recompute the latter every run.

Why hashing for the index: the query side (a CV) needs no vocabulary of the listings, and hashed rows
from several workers or from a cache stack without a shared vocabulary. Why `X @ q` with X in CSR and q
dense: it reads X once, row by row (about 25 ms on 100,000 ads), where `linear_kernel(q, X)` transposes
X first (about a second).
"""

from __future__ import annotations

import gc
import itertools
import math
import multiprocessing as mp
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize
from sklearn.utils import murmurhash3_32

from matching.analyzer import SECTION_WEIGHTS, TITLE_WEIGHT, default_analyzer, split_sections
from matching.wordscan import scan

N_FEATURES = 2**20
# Bump when what an `Analysed` row holds changes (it is stored by matching.index_cache).
ANALYSIS_FORMAT = "terms-f64-1"
# Fewer listings than this are analysed in the calling process: forking costs more than it saves.
PARALLEL_MIN_DOCS = 2000
# Ads whose words are found in one `wordscan.scan` call: larger batches meet each distinct word fewer
# times, smaller ones hold less text at once.
SCAN_BATCH = 1024

# (title, description) of one listing
Doc = tuple[str | None, str | None]
# (word, its terms read as Norwegian, its terms read as English): one word's analysis
WordTerms = tuple[str, Sequence[str], Sequence[str]]

_hash_cache: dict[str, int] = {}
_fork_docs: Sequence[Doc] = ()


def column(term: str) -> int:
    """The hashed column of a term (cached: there are far fewer distinct terms than occurrences)."""
    col = _hash_cache.get(term)
    if col is None:
        col = murmurhash3_32(term, positive=True) % N_FEATURES
        _hash_cache[term] = col
    return col


def hashed(weights: dict[str, float]) -> dict[int, float]:
    """Term weights -> column weights, damped with log1p so a word said ten times is not ten times as
    relevant (sublinear term frequency)."""
    row: dict[int, float] = {}
    for term, weight in weights.items():
        col = column(term)
        row[col] = row.get(col, 0.0) + weight
    return {col: math.log1p(w) for col, w in row.items()}


class TermIds(dict[str, int]):
    """A growing vocabulary: key -> dense id, a new key gets the next id. Looking up a whole token list
    with `map(ids.__getitem__, tokens)` stays in C for known keys; only a new key runs Python."""

    def __missing__(self, key: str) -> int:
        i = len(self)
        self[key] = i
        return i


class _Words(dict[str, int]):
    """The per-process vocabulary of surface words, each analysed once, when first seen.

    For every word it keeps the term ids it stands for in Norwegian and in English and whether it is a
    stop word of either language (which decides an ad's language). The per-token work is then a dict
    lookup in C and a few vectorised sparse products.
    """

    def __init__(self) -> None:
        super().__init__()
        self.terms = TermIds()  # term -> process-local term id
        self.stop_en: list[bool] = []
        self.stop_no: list[bool] = []
        # (word id, term id) pairs per language
        self.map_rows: dict[str, list[int]] = {"no": [], "en": []}
        self.map_cols: dict[str, list[int]] = {"no": [], "en": []}
        self.analysed: list[WordTerms] = []  # words this process ran through the analyzer, in order

    def __missing__(self, word: str) -> int:
        analyzer = default_analyzer()
        found = (word, analyzer.terms(word, "no"), analyzer.terms(word, "en"))
        self.analysed.append(found)
        return self._add(*found)

    def learn(self, word: str, terms_no: Sequence[str], terms_en: Sequence[str], *, fresh: bool) -> None:
        """Take a word's analysis from elsewhere instead of running the analyzer; the terms must be what
        `Analyzer.terms` gives for this analysis version. `fresh`: a worker of this process made it
        (so it counts as analysed here), rather than an earlier run (read from the warehouse)."""
        if word not in self:
            self._add(word, terms_no, terms_en)
            if fresh:
                self.analysed.append((word, terms_no, terms_en))

    def _add(self, word: str, terms_no: Sequence[str], terms_en: Sequence[str]) -> int:
        analyzer = default_analyzer()
        i = len(self)
        self[word] = i
        self.stop_en.append(word in analyzer.stop_en)
        self.stop_no.append(word in analyzer.stop_no and word not in analyzer.stop_en)
        for lang, terms in (("no", terms_no), ("en", terms_en)):
            for term in terms:
                self.map_rows[lang].append(i)
                self.map_cols[lang].append(self.terms[term])
        return i

    def stacked_map(self) -> sp.csr_matrix:
        """(2 x words) x terms: row w maps word w read as Norwegian, row words+w the same word as English."""
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


_words = _Words()


@contextmanager
def _no_gc() -> Iterator[None]:
    """Analysing a chunk allocates millions of short lists and strings but no reference cycles; the
    cyclic collector would otherwise walk the heap again and again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Part:
    """Analysed rows of a run of listings, over the term list of the process that analysed them."""

    lengths: np.ndarray  # int64, entries per listing
    indices: np.ndarray  # int32, ids into `terms`
    data: np.ndarray  # float64, summed section weights
    terms: list[str]
    surfaces: list[str]  # a word each term came from ("" when the analyzer has none), for display
    new_words: list[WordTerms]  # words the analyzing process had to run through the analyzer


def _analyse_docs(docs: Sequence[Doc]) -> _Part:
    start = len(_words.analysed)
    part = _analyse_words(docs)
    part.new_words = _words.analysed[start:]
    return part


def _analyse_words(docs: Sequence[Doc]) -> _Part:
    """Summed section weight per term for each ad: the same numbers as `Analyzer.weigh_listing`, computed
    a chunk at a time (up to float rounding in the last bits: sums are taken in another order)."""
    analyzer = default_analyzer()
    word_id = _words.__getitem__
    token_ids: list[np.ndarray] = []
    span_lens: list[np.ndarray] = []
    span_weight: list[float] = []  # one entry per (ad, section): its weight, whether body or title
    span_body: list[bool] = []
    spans_per_doc: list[int] = []
    with _no_gc():
        for first in range(0, len(docs), SCAN_BATCH):
            texts: list[str] = []
            for title, description in docs[first : first + SCAN_BATCH]:
                texts.append(title or "")
                span_weight.append(TITLE_WEIGHT)
                span_body.append(False)
                sections = split_sections(description or "")
                for section, text in sections:
                    texts.append(text)
                    span_weight.append(SECTION_WEIGHTS[section])
                    span_body.append(True)
                spans_per_doc.append(1 + len(sections))
            found = scan(texts)
            # Each distinct word of the batch meets the vocabulary once, in order of first occurrence
            # (so words are numbered, and analysed, in the order a token-by-token pass would).
            ids = np.fromiter(map(word_id, found.words), dtype=np.int32, count=len(found.words))
            token_ids.append(ids[found.inverse])
            span_lens.append(found.counts)
    ids = np.concatenate(token_ids) if token_ids else np.zeros(0, dtype=np.int32)
    lengths = np.concatenate(span_lens) if span_lens else np.zeros(0, dtype=np.int64)
    span_start = np.zeros(len(spans_per_doc), dtype=np.int64)
    np.cumsum(np.asarray(spans_per_doc[:-1], dtype=np.int64), out=span_start[1:])
    per_doc = np.add.reduceat(lengths, span_start) if len(span_start) else np.zeros(0, dtype=np.int64)
    n = len(docs)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(per_doc, out=indptr[1:])
    # The ad's language: which stop words are more frequent in its description (ties: Norwegian).
    # +1 per English stop word, -1 per Norwegian one, summed over each ad's tokens by a running sum.
    vote = np.asarray(_words.stop_en, dtype=np.int8) - np.asarray(_words.stop_no, dtype=np.int8)
    votes = vote[ids] * np.repeat(np.asarray(span_body, dtype=np.int8), lengths)
    running = np.zeros(len(ids) + 1, dtype=np.int32)
    np.cumsum(votes, dtype=np.int32, out=running[1:])
    is_en = running[indptr[1:]] > running[indptr[:-1]]
    # Each token becomes a column of W: a row of the stacked word map, its word read in the ad's language.
    cols = ids + np.repeat(np.where(is_en, len(_words), 0).astype(np.int32), per_doc)
    word_map = _words.stacked_map()
    # Tokens are already grouped by ad, so the CSR matrix is written directly; repeated words in a row
    # are summed by the product.
    weights = np.repeat(np.asarray(span_weight, dtype=np.float64), lengths)
    W = sp.csr_matrix((weights, cols, indptr), shape=(n, word_map.shape[0]))
    T = sp.csr_matrix(W @ word_map)
    T.eliminate_zeros()
    terms = list(_words.terms)
    surface = analyzer.surface
    return _Part(
        lengths=np.diff(T.indptr).astype(np.int64),
        indices=T.indices.astype(np.int32),
        data=T.data.astype(np.float64),
        terms=terms,
        surfaces=[surface.get(t, "") for t in terms],
        new_words=[],
    )


def _analyse_range(bounds: tuple[int, int]) -> _Part:
    return _analyse_docs(_fork_docs[bounds[0] : bounds[1]])


@dataclass
class Index:
    """Rows are listings (TF-IDF, L2-normalised); `idf` turns a query's term weights into a vector."""

    X: sp.csr_matrix
    idf: np.ndarray

    @property
    def size(self) -> int:
        return int(self.X.shape[0])

    def query(self, weights: dict[str, float]) -> np.ndarray:
        """A dense, normalised query column from term weights (e.g. `Analyzer.weigh_text(cv)`)."""
        q = np.zeros(N_FEATURES, dtype=np.float32)
        for col, w in hashed(weights).items():
            q[col] += w * self.idf[col]
        norm = float(np.linalg.norm(q))
        return q / norm if norm else q

    def scores(self, q: np.ndarray) -> np.ndarray:
        """Cosine similarity of every listing with the query: one pass over the CSR matrix."""
        return np.asarray(self.X @ q).ravel()


@dataclass
class Analysed:
    """Listings x terms: the summed section weight of each term in each listing (before tf damping,
    idf and norms), over the term list `terms`. Row order is the order of the listings given."""

    T: sp.csr_matrix
    terms: list[str]
    # Words the analysis had to run through the analyzer (not known to this process before); what
    # matching.index_cache stores so that another process need not analyse them again.
    new_words: list[WordTerms] = field(default_factory=list)

    @property
    def size(self) -> int:
        return int(self.T.shape[0])

    def index(self) -> Index:
        """Hash, damp (log1p), weigh by idf over these listings and normalise: the searchable index."""
        T = self.T
        cols = np.fromiter(map(column, self.terms), dtype=np.int32, count=len(self.terms))
        X = sp.csr_matrix((T.data.copy(), cols[T.indices], T.indptr.copy()), shape=(T.shape[0], N_FEATURES))
        X.sum_duplicates()  # two terms hashed to one column count as one, as in `hashed`
        X.data = np.log1p(X.data).astype(np.float32)
        return _tfidf(X)

    def weights(self) -> list[dict[str, float]]:
        """Each listing's term weights as a dict (what `Analyzer.weigh_listing` returns)."""
        names = np.asarray(self.terms, dtype=object)
        T = self.T
        bounds = T.indptr.tolist()
        keys = names[T.indices].tolist()
        values = T.data.tolist()
        return [dict(zip(keys[a:b], values[a:b], strict=True)) for a, b in itertools.pairwise(bounds)]


def _merge(parts: Sequence[_Part], terms: TermIds | None = None) -> Analysed:
    """Stack parts analysed by different processes onto one term list (`terms`, extended in place)."""
    vocab = TermIds() if terms is None else terms
    indices: list[np.ndarray] = []
    for part in parts:
        remap = np.fromiter(map(vocab.__getitem__, part.terms), dtype=np.int32, count=len(part.terms))
        indices.append(remap[part.indices])
    n = int(sum(len(p.lengths) for p in parts))
    indptr = np.zeros(n + 1, dtype=np.int64)
    if parts:
        np.cumsum(np.concatenate([p.lengths for p in parts]), out=indptr[1:])
    T = sp.csr_matrix(
        (
            np.concatenate([p.data for p in parts]) if parts else np.zeros(0),
            np.concatenate(indices) if parts else np.zeros(0, dtype=np.int32),
            indptr,
        ),
        shape=(n, len(vocab)),
    )
    # Workers' analyzers are gone with them: keep a readable form of each term in this process.
    surface = default_analyzer().surface
    for part in parts:
        for term, word in zip(part.terms, part.surfaces, strict=True):
            if word:
                surface.setdefault(term, word)
    # What workers analysed, this process learns: the next build here need not analyse it again.
    new_words = [w for part in parts for w in part.new_words]
    for word, terms_no, terms_en in new_words:
        _words.learn(word, terms_no, terms_en, fresh=True)
    return Analysed(T=T, terms=list(vocab), new_words=list({w[0]: w for w in new_words}.values()))


def learn_words(words: Sequence[WordTerms]) -> None:
    """Seed this process's word vocabulary with analyses stored by earlier runs."""
    for word, terms_no, terms_en in words:
        _words.learn(word, terms_no, terms_en, fresh=False)


def forget_words() -> None:
    """Start this process's word vocabulary afresh, as a new process would (benchmarks, tests)."""
    global _words
    _words = _Words()


def analysed_words() -> list[WordTerms]:
    """Every word this process (or its workers) ran through the analyzer, in the order first seen."""
    return list(_words.analysed)


def analyse(docs: Sequence[Doc], *, jobs: int | None = None, terms: TermIds | None = None) -> Analysed:
    """Analyse listings; `jobs` worker processes (default: up to 2 cores) share the work.

    Workers are forked, so the texts are inherited rather than pickled; each returns compact arrays.
    `terms`, if given, is the term list to extend (matching.index_cache passes its stored one).
    """
    jobs = jobs or min(2, os.cpu_count() or 1)
    parts: list[_Part]
    if jobs > 1 and len(docs) >= PARALLEL_MIN_DOCS and "fork" in mp.get_all_start_methods():
        global _fork_docs
        _fork_docs = docs
        # A few chunks per worker even out uneven ads; more would repeat the per-chunk overhead.
        step = math.ceil(len(docs) / (jobs * 4))
        bounds = [(i, min(i + step, len(docs))) for i in range(0, len(docs), step)]
        try:
            with mp.get_context("fork").Pool(jobs) as pool:
                parts = pool.map(_analyse_range, bounds, chunksize=1)
        finally:
            _fork_docs = ()
    else:
        parts = [_analyse_docs(docs)]
    return _merge(parts, terms)


def build_index(docs: Sequence[Doc], *, jobs: int | None = None) -> Index:
    """Index the listings (no cache): `analyse`, then `Analysed.index`."""
    return analyse(docs, jobs=jobs).index()


def index_from_weights(weights: Sequence[dict[str, float]]) -> Index:
    """Index listings already analysed (`Analyzer.weigh_listing`), e.g. to filter on the same terms."""
    lengths: list[int] = []
    indices: list[int] = []
    data: list[float] = []
    for w in weights:
        row = hashed(w)
        lengths.append(len(row))
        indices.extend(row.keys())
        data.extend(row.values())
    indptr = np.zeros(len(weights) + 1, dtype=np.int64)
    np.cumsum(np.asarray(lengths, dtype=np.int64), out=indptr[1:])
    X = sp.csr_matrix(
        (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
        shape=(len(weights), N_FEATURES),
    )
    return _tfidf(X)


def _tfidf(X: sp.csr_matrix) -> Index:
    """Weigh damped term frequencies by idf over these rows and normalise each row."""
    n = X.shape[0]
    df = np.bincount(X.indices, minlength=N_FEATURES)
    # sklearn's smoothed idf, so scores are comparable with a TfidfVectorizer's.
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    X.data *= idf[X.indices]
    if n:  # scikit-learn refuses an empty matrix; an empty warehouse is an empty index
        X = normalize(X, norm="l2", copy=False)
    return Index(X=X.tocsr(), idf=idf)
