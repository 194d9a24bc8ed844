"""The CV read as a CV: contact lines carry no weight; degree and years are read when the profile is silent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from matching.analyzer import default_analyzer
from matching.cv_facts import ranking_text, read_degree, read_years, strip_contact
from matching.run import run_match
from tests.test_match_support import DEV, NURSE, ON, listing, warehouse

CV = """Kari Nordmann
Backend developer
E-post: kari.nordmann@example.com · Tlf: +47 912 34 567
Storgata 5, 0155 Oslo
https://github.com/kari · linkedin.com/in/kari

Experience
Backend developer, Fjord Data AS, 2019 - present
Python, PostgreSQL and Kubernetes.

Education
MSc in Computer Science, NTNU, 2017-2019
"""


def test_contact_lines_carry_no_weight() -> None:
    weights = default_analyzer().weigh_cv(ranking_text(CV))
    contact = {
        "exampl",
        "example",
        "com",
        "kari",
        "nordmann",
        "storgata",
        "github",
        "linkedin",
        "oslo",
        "912",
    }
    assert not set(weights) & contact
    assert "@developer" in weights and "@python" in weights
    text, dropped = strip_contact(CV, set())
    assert "MSc in Computer Science, NTNU, 2017-2019" in text and dropped == 4


def test_degree_and_years_are_read_from_the_cv() -> None:
    degree = read_degree(CV)
    assert degree is not None and degree.value == "master" and "MSc" in degree.evidence
    years = read_years(CV, date(2026, 12, 3))
    assert years is not None and years.value == 7  # 2019 up to 2026
    assert (
        read_years("Senior engineer with 12 years of professional experience.", date(2026, 1, 1)).value == 12
    )  # type: ignore[union-attr]
    assert read_degree("Scrum Master, certified 2020") is None
    assert read_degree("Sivilingeniør, NTNU").value == "master"  # type: ignore[union-attr]
    assert read_degree("Cand.mag., UiO").value == "bachelor"  # type: ignore[union-attr]
    assert read_degree("Bachelor i sykepleie").value == "bachelor"  # type: ignore[union-attr]
    assert read_degree("PhD in chemistry").value == "master"  # type: ignore[union-attr]


def test_the_run_says_where_degree_and_years_came_from(tmp_path: Path) -> None:
    con: duckdb.DuckDBPyConnection = warehouse(
        tmp_path / "w.duckdb", [DEV, NURSE, listing("x", "Kokk", "Mat")]
    )
    cv = tmp_path / "cv.md"
    cv.write_text(CV, encoding="utf-8")
    run = run_match(con, cv, on=ON)
    assert run.profile["degree"] == "master"
    assert run.profile["used"]["degree"].startswith("CV: ") and "MSc" in run.profile["used"]["degree"]
    profile = tmp_path / "p.toml"
    profile.write_text('degree = "bachelor"\n', encoding="utf-8")
    run = run_match(con, cv, profile, on=ON)
    assert run.profile["degree"] == "bachelor" and run.profile["used"]["degree"] == "profile"
    assert run.profile["used"]["years_experience"].startswith("CV: ")
