"""The index build and its cache: same terms, weights and scores as analysing every ad afresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pytest
from sklearn.feature_extraction import FeatureHasher

from matching.analyzer import Analyzer, default_analyzer
from matching.cv import read_cv
from matching.cv_facts import ranking_text
from matching.index import ANALYSIS_FORMAT, N_FEATURES, Doc, analyse, build_index, index_from_weights
from matching.index_cache import (
    KEEP_DAYS,
    analysis_version,
    analyzer_fingerprint,
    cached_analysis,
    fingerprint,
)
from matching.rank import cv_query_weights
from matching.run import SCORING_VERSION, run_match
from tests.test_match_support import COOK, DEV, NURSE, listing, warehouse

CVS = Path(__file__).parent / "fixtures" / "cv"
ON = date(2026, 11, 20)

DOCS: list[Doc] = [
    (DEV["title"], DEV["description"]),
    (NURSE["title"], NURSE["description"]),
    (COOK["title"], COOK["description"]),
    (
        "Senior Backend Developer",
        "About us\nWe are a fintech in Oslo.\nRequirements\nYou have five years of experience with Java, "
        "Kotlin and .NET, and you know full-stack work.\nWhat we offer\nA good pension.",
    ),
    ("Sykepleiervikar", "Vi søker sykepleiervikar til helsehuset.\nKvalifikasjoner\nNorsk autorisasjon."),
    ("Lærer i matematikk", "Arbeidsoppgåver\nUndervisning i matematikk og fysikk på vidaregåande."),
    (None, "Kokk søkes. Fagbrev som kokk er ønskelig."),
    ("Data engineer", None),
    (None, None),
    ("Kokk", "Arbeidsoppgaver\nMatlaging i restaurant.\nKvalifikasjoner\nFagbrev som kokk."),  # = COOK
]


def reference_weights(docs: list[Doc]) -> list[dict[str, float]]:
    analyzer = default_analyzer()
    return [analyzer.weigh_listing(title, description) for title, description in docs]


def assert_same_weights(got: list[dict[str, float]], expected: list[dict[str, float]]) -> None:
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert g.keys() == e.keys()
        assert all(g[t] == pytest.approx(e[t], rel=1e-12) for t in e)


def test_analysis_gives_the_analyzers_terms_and_weights() -> None:
    analysed = analyse(DOCS)
    weights = analysed.weights()
    assert_same_weights(weights, reference_weights(DOCS))
    assert weights[8] == {}  # an ad with neither title nor description has no terms
    assert len(weights[7]) == 2 and set(weights[7].values()) == {3.0}  # a title counts three times


def test_index_equals_the_one_built_from_analyzer_weights() -> None:
    ours = build_index(DOCS)
    plain = index_from_weights(reference_weights(DOCS))
    assert np.array_equal(ours.idf, plain.idf)
    assert abs(ours.X - plain.X).max() < 1e-6
    weights = cv_query_weights("Python developer with SQL and Docker")
    q = ours.query(weights)
    # the query vector is what scikit-learn's transformer gives for the hashed, damped CV terms
    counts = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False).transform(
        [weights]
    )
    counts.data = np.log1p(counts.data)
    assert plain.tfidf is not None
    assert np.allclose(q, plain.tfidf.transform(counts).toarray().ravel(), atol=1e-6)
    assert int(np.argmax(ours.scores(q))) == 0  # the Norwegian developer ad


def test_words_the_analysis_met_show_as_written() -> None:
    novel: Doc = ("Vindturbinmontørene", "Vi søker vindturbinmontører.\nKvalifikasjoner\nFagbrev.")
    analysed = analyse([*DOCS, novel])
    assert any(w == "vindturbinmontørene" for w, _, _ in analysed.new_words)
    fresh = Analyzer()
    terms = fresh.weigh_listing(*novel)
    assert any(fresh.display(t) != t for t in terms)
    assert {t: default_analyzer().display(t) for t in terms} == {t: fresh.display(t) for t in terms}


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    extra = [
        listing(f"x{i}", title, description or "", english_ok=i == 3)
        for i, (title, description) in enumerate(DOCS[3:8], start=3)
        if title
    ]
    c = warehouse(tmp_path / "w.duckdb", [DEV, NURSE, COOK, *extra])
    yield c
    c.close()


def cached_rows(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute("SELECT count(*) FROM match_index_rows").fetchone()
    return int(found[0]) if found else 0


def scores_without_cache(con: duckdb.DuckDBPyConnection, cv: Path) -> dict[str, float]:
    """What run_match scored before there was a cache: weigh every ad, index, cosine."""
    rows = con.execute(
        "SELECT listing_id, title, description FROM listings "
        "WHERE status = 'active' AND duplicate_of IS NULL ORDER BY listing_id"
    ).fetchall()
    index = index_from_weights(reference_weights([(t, d) for _, t, d in rows]))
    scores = index.scores(index.query(cv_query_weights(ranking_text(read_cv(cv)))))
    return {r[0]: round(float(s), 4) for r, s in zip(rows, scores, strict=True)}


def run_scores(con: duckdb.DuckDBPyConnection, cv: Path) -> dict[str, float]:
    return {r.listing_id: r.score for r in run_match(con, cv, on=ON, show_all=True).results}


def test_run_match_scores_the_same_cold_warm_and_after_changes(con: duckdb.DuckDBPyConnection) -> None:
    cv = CVS / "cv.txt"
    cold = run_scores(con, cv)
    assert cold == scores_without_cache(con, cv)
    assert cached_rows(con) == 7

    warm = run_scores(con, cv)
    assert warm == cold
    assert cached_rows(con) == 7  # nothing new to analyse

    con.execute(
        "UPDATE listings SET description = 'Kvalifikasjoner\nErfaring med Python og Kubernetes.' "
        "WHERE listing_id = 'test:cook'"
    )
    con.execute("UPDATE listings SET status = 'expired' WHERE listing_id = 'test:nurse'")
    con.execute("UPDATE listings SET salary_min_nok = 900000 WHERE listing_id = 'test:dev'")  # text unchanged
    changed = run_scores(con, cv)
    assert changed == scores_without_cache(con, cv)
    assert changed != cold  # the idf moved with the set of ads
    assert "test:nurse" not in changed
    assert cached_rows(con) == 8  # only the cook's new text was analysed


def test_run_match_explains_with_words_read_from_the_cache(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_match(con, CVS / "cv.md", on=ON).results
    # As in a new process: only the cache knows how the stems were written.
    monkeypatch.setattr(default_analyzer(), "surface", {})
    again = run_match(con, CVS / "cv.md", on=ON).results
    assert [(r.listing_id, r.score, r.top_terms, r.missing_terms) for r in again] == [
        (r.listing_id, r.score, r.top_terms, r.missing_terms) for r in first
    ]


def test_cache_reuses_texts_and_analyses_only_new_ones(con: duckdb.DuckDBPyConnection) -> None:
    first = cached_analysis(con, DOCS, "v1")
    assert (first.reused, first.added) == (0, 9)  # ten ads, two share a text
    docs = [*DOCS[:5], ("Ny tittel", "Helt ny tekst om en sykepleier."), *DOCS[6:]]
    second = cached_analysis(con, docs, "v1")
    assert (second.reused, second.added) == (8, 1)
    assert_same_weights(second.analysed.weights(), reference_weights(docs))
    assert second.analysed.weights()[5]["@nurse"] == pytest.approx(0.7)  # intro text weighs 0.7


def test_a_new_scoring_version_drops_the_old_rows(con: duckdb.DuckDBPyConnection) -> None:
    cached_analysis(con, DOCS, "v1")
    renewed = cached_analysis(con, DOCS, "v2")
    assert (renewed.reused, renewed.added) == (0, 9)
    versions = con.execute("SELECT DISTINCT analysis_version FROM match_index_rows").fetchall()
    assert versions == [(analysis_version("v2"),)]
    terms = con.execute("SELECT DISTINCT analysis_version FROM match_index_terms").fetchall()
    assert terms == [(analysis_version("v2"),)]
    assert analysis_version(SCORING_VERSION).startswith(SCORING_VERSION)


def test_texts_unused_for_two_weeks_are_pruned(con: duckdb.DuckDBPyConnection) -> None:
    cached_analysis(con, DOCS, "v1", on=ON)
    cached_analysis(con, DOCS[:2], "v1", on=ON + timedelta(days=KEEP_DAYS))
    assert cached_rows(con) == 9  # still within the window
    cached_analysis(con, DOCS[:2], "v1", on=ON + timedelta(days=KEEP_DAYS + 1))
    assert cached_rows(con) == 2


def test_words_analysed_once_are_read_back_by_a_new_process(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_analysis(con, DOCS, "v1")
    stored = con.execute("SELECT count(*) FROM match_index_words").fetchone()
    assert stored is not None and stored[0] > 20
    monkeypatch.setattr(default_analyzer(), "_cache", {"no": {}, "en": {}})  # as in a new process
    reworded: Doc = ("Kokk og sykepleier", "Kvalifikasjoner\nFagbrev som kokk. Erfaring med Python.")
    again = cached_analysis(con, [*DOCS, reworded], "v1")
    assert (again.reused, again.added) == (9, 1)
    assert again.analysed.new_words == []  # every word came from the warehouse, none was re-analysed
    assert_same_weights(again.analysed.weights()[-1:], reference_weights([reworded]))


def test_an_edited_stop_word_list_is_a_new_analysis_version(tmp_path: Path) -> None:
    stopwords = tmp_path / "stopwords.txt"
    stopwords.write_text("og i på\n", encoding="utf-8")
    before = fingerprint([stopwords])
    stopwords.write_text("og i på\nfamiliarity\n", encoding="utf-8")
    assert fingerprint([stopwords]) != before
    # The real version carries the fingerprint of the analyzer and its data, not only the scoring version.
    assert analysis_version("v1") == f"v1/{ANALYSIS_FORMAT}/{analyzer_fingerprint()}"
