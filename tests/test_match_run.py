"""run_match ranks, flags, filters and stores; every report reads the stored numbers."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from matching.errors import ScannedPdfError
from matching.reports import render
from matching.run import run_match
from tests.test_match_support import COOK, DEV, NURSE, ON, listing, warehouse

CVS = Path(__file__).parent / "fixtures" / "cv"


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    dup = listing("dup", "Systemutvikler backend", DEV["description"], duplicate_of="test:dev")
    gone = listing("gone", "Python-utvikler", DEV["description"], status="expired")
    c = warehouse(tmp_path / "w.duckdb", [DEV, NURSE, COOK, dup, gone])
    yield c
    c.close()


def test_english_cv_ranks_the_norwegian_developer_ad_first(con: duckdb.DuckDBPyConnection) -> None:
    run = run_match(con, CVS / "cv.md", on=ON, show_all=True)
    assert run.results[0].listing_id == "test:dev"
    assert run.candidates == 3  # the duplicate and the expired ad are not candidates
    assert [r.rank for r in run.results] == [1, 2, 3]
    top = run.results[0]
    assert "developer" in [t for t, _ in top.top_terms]
    assert "developer" in top.why and "python" in top.why


def test_flags_follow_the_permit_rules(con: duckdb.DuckDBPyConnection) -> None:
    run = run_match(con, CVS / "cv.txt", on=ON, show_all=True)
    by_id = {r.listing_id: r for r in run.results}
    dev, nurse = by_id["test:dev"], by_id["test:nurse"]
    assert (dev.permit_salary, dev.permit_threshold_nok, dev.extent_ok) == ("ok", 522_600, True)
    # No education in the ad and no profile, but the CV's "Master of Science" is read: 480,000 is
    # below both thresholds anyway.
    assert nurse.permit_salary == "below"
    assert {"part_time", "temporary", "norwegian_required"} <= set(nurse.flags)


def test_profile_degree_sets_the_threshold_and_deadline_soon(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    con.execute(
        "UPDATE listings SET application_deadline = ? WHERE listing_id = 'test:nurse'", [date(2026, 11, 23)]
    )
    profile = tmp_path / "p.toml"
    profile.write_text('degree = "bachelor"\n', encoding="utf-8")
    run = run_match(con, CVS / "cv.txt", profile, on=ON, show_all=True)
    nurse = next(r for r in run.results if r.listing_id == "test:nurse")
    assert nurse.permit_salary == "below"
    assert "deadline_soon" in nurse.flags
    assert "below the bachelor's threshold" in nurse.why


def test_profile_filters_and_top(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    assert [
        r.listing_id for r in run_match(con, CVS / "cv.txt", english_only=True, on=ON, show_all=True).results
    ] == ["test:dev"]
    profile = tmp_path / "p.toml"
    profile.write_text('exclude_text = ["developer"]\n', encoding="utf-8")
    run = run_match(con, CVS / "cv.txt", profile, on=ON, show_all=True)
    assert "test:dev" not in [r.listing_id for r in run.results]  # "developer" excludes "utvikler" too
    assert run.filtered == 1
    assert run_match(con, CVS / "cv.txt", top=1, on=ON, show_all=True).ranked == 1


def test_a_profile_ranks_an_empty_warehouse_to_an_empty_shortlist(tmp_path: Path) -> None:
    """`fjordjobs run` after every ad expired: the profile's exclusions ran over no rows and crashed
    ("ufunc 'bitwise_and' not supported") instead of giving an empty shortlist."""
    c = warehouse(
        tmp_path / "w.duckdb", [listing("gone", "Python-utvikler", DEV["description"], status="expired")]
    )
    profile = tmp_path / "p.toml"
    profile.write_text('exclude = ["senior manager"]\nenglish_only = true\n', encoding="utf-8")
    run = run_match(c, CVS / "cv.txt", profile, on=ON)
    c.close()
    assert (run.results, run.candidates) == ([], 0)


def test_sql_reads_the_numbers_the_report_shows(con: duckdb.DuckDBPyConnection) -> None:
    run = run_match(con, CVS / "cv.docx", on=ON, show_all=True)
    stored = con.execute(
        "SELECT listing_id, rank, score FROM matches WHERE run_id = ? ORDER BY rank", [run.run_id]
    ).fetchall()
    rows = list(csv.DictReader(io.StringIO(render(run, "csv"))))
    assert [(r["listing_id"], int(r["rank"]), f"{float(r['score']):.4f}") for r in rows] == [
        (lid, rank, f"{score:.4f}") for lid, rank, score in stored
    ]
    head = con.execute(
        "SELECT scoring_version, candidates, ranked, cv_file FROM match_runs WHERE run_id = ?", [run.run_id]
    ).fetchone()
    assert head == (run.scoring_version, 3, 3, "cv.docx")


def test_csv_has_the_contract_columns_then_the_evidence(con: duckdb.DuckDBPyConnection) -> None:
    header = render(run_match(con, CVS / "cv.txt", on=ON, show_all=True), "csv").splitlines()[0]
    assert header == (
        "rank,listing_id,url,title,employer,place,score,english_ok,salary_min_nok,salary_max_nok,"
        "permit_salary,extent_ok,flags,why,band,match_0_100,published,deadline,days_left,language_evidence,"
        "salary_text,permit_reason,flags_in_words"
    )


def test_json_md_and_table_show_the_shortlist(con: duckdb.DuckDBPyConnection) -> None:
    run = run_match(con, CVS / "cv.txt", on=ON, show_all=True)
    data = json.loads(render(run, "json"))
    assert [r["listing_id"] for r in data["results"]] == [r.listing_id for r in run.results]
    assert "| 1 |" in render(run, "md")
    assert "Systemutvikler backend" in render(run, "table")


def test_crawled_markup_is_escaped_in_html_and_markdown(tmp_path: Path) -> None:
    evil = listing(
        "evil", "<script>alert(1)</script>", "Utvikler | Python", employer="<b>X</b>", salary_min_nok=700_000
    )
    con = warehouse(tmp_path / "w.duckdb", [evil])
    run = run_match(con, CVS / "cv.txt", on=ON, show_all=True)
    page = render(run, "html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>X</b>" not in page
    assert "<svg" in page and "src=" not in page and "<link" not in page
    assert "<script>" not in render(run, "md")


def test_a_scanned_cv_stops_the_run_with_its_message(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ScannedPdfError, match="no text layer"):
        run_match(con, CVS / "scanned.pdf", on=ON, show_all=True)
    assert con.execute("SELECT count(*) FROM match_runs").fetchone() == (0,)
