"""A warm `fjordjobs match` reads its index from the file beside the warehouse and loads nothing it does
not use (issue 10: 50,000 listings in under 1.5 s; benchmarks/bench_match_cli.py measures it)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction import FeatureHasher

from matching.index import N_FEATURES, columns
from matching.run import run_match
from tests.test_match_support import COOK, DEV, NURSE, listing, warehouse
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[1]
CV = ROOT / "tests" / "fixtures" / "cv" / "cv.md"
ON = date(2026, 11, 20)
# What `match` never needs: the ingest pipeline and its language rules, the crawler, the flow engine,
# the spreadsheet and calendar writers of other commands.
NOT_FOR_MATCH = (
    "pipeline.ingest",
    "pipeline.language_rules",
    "pipeline.agency",
    "scrapy",
    "prefect",
    "openpyxl",
    "icalendar",
)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "FJORDJOBS_TODAY": ON.isoformat()}


def test_the_command_line_starts_without_the_ingest_pipeline() -> None:
    code = f"import sys, flows.cli; print(sorted(m for m in {NOT_FOR_MATCH!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "w.duckdb"
    extra = [listing(f"x{i}", f"Utvikler {i}", f"Kvalifikasjoner\nPython og SQL, del {i}.") for i in range(5)]
    warehouse(path, [DEV, NURSE, COOK, *extra]).close()
    yield path


def _match_in_a_new_process(db: Path) -> tuple[str, list[str]]:
    """`fjordjobs match` as a user runs it: its CSV, and which of the heavy modules it imported."""
    code = (
        "import sys\n"
        "from flows.cli import main\n"
        f"sys.argv = ['fjordjobs', 'match', '--db', {str(db)!r}, '--cv', {str(CV)!r}, '--format', 'csv', '--all']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        f"print(sorted(m for m in ('scipy', 'sklearn', *{NOT_FOR_MATCH!r}) if m in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True)
    return out.stdout, out.stderr.strip().splitlines()


def test_a_warm_match_reads_the_index_file_and_ranks_the_same(db: Path) -> None:
    cold_csv, cold_modules = _match_in_a_new_process(db)
    assert (db.parent / "w.duckdb.match-index").is_file()
    warm_csv, warm_modules = _match_in_a_new_process(db)
    assert warm_csv == cold_csv and "test:dev" in warm_csv
    assert cold_modules[-1] == "['scipy', 'sklearn']"  # building the index fits scikit-learn's idf
    # Reading it back needs neither scikit-learn, nor scipy (matching/rows.py), nor the ingest pipeline.
    assert warm_modules[-1] == "[]"


def test_a_damaged_index_file_is_rebuilt(db: Path) -> None:
    con = connect(db)
    try:
        first = [(r.listing_id, r.score) for r in run_match(con, CV, on=ON, show_all=True).results]
        (db.parent / "w.duckdb.match-index").write_bytes(b"fjordjobs match index 1\n" + b"\xff" * 100)
        again = [(r.listing_id, r.score) for r in run_match(con, CV, on=ON, show_all=True).results]
    finally:
        con.close()
    assert again == first


def test_a_filter_changes_which_listings_show_not_their_scores(db: Path) -> None:
    con = connect(db)
    try:
        everything = {r.listing_id: r.score for r in run_match(con, CV, on=ON, show_all=True).results}
        only = run_match(con, CV, on=ON, show_all=True, only_ids={"test:dev", "test:x1"}).results
    finally:
        con.close()
    assert {r.listing_id: r.score for r in only} == {k: everything[k] for k in ("test:dev", "test:x1")}


def test_term_columns_are_scikit_learns_feature_hasher_columns() -> None:
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyzæøåéü€@-_0123456789𝄞"
    terms = ["", "@electrician", "sykepleier", "høyspent"] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(20_000)
    ]
    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    expected = np.asarray(hasher.transform([[t] for t in terms]).indices)
    assert np.array_equal(columns(terms), expected)


def test_a_new_version_of_an_ad_from_the_pipeline_rebuilds_the_index(db: Path) -> None:
    con = connect(db)
    try:
        con.execute("UPDATE listings SET content_hash = 'v1', last_seen_at = TIMESTAMP '2026-11-19 06:00:00'")
        first = {r.listing_id: r.score for r in run_match(con, CV, on=ON, show_all=True).results}
        # The next crawl brings a new text of the cook's ad: the pipeline stores a new content hash.
        con.execute(
            "UPDATE listings SET description = 'Kvalifikasjoner\nPython, SQL og Docker. Backend-utvikler.', "
            "content_hash = 'v2', last_seen_at = TIMESTAMP '2026-11-20 06:00:00' WHERE listing_id = 'test:cook'"
        )
        again = {r.listing_id: r.score for r in run_match(con, CV, on=ON, show_all=True).results}
    finally:
        con.close()
    assert again.get("test:cook", 0.0) > first.get("test:cook", 0.0)
