"""Issue 10: a shortlist a job seeker can trust. Bands and a floor, expiry at read time, a profile that
does what it says, relocation help, and evidence on every row in every format."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from matching.bands import band, points
from matching.reports import render
from matching.run import run_match
from tests.test_match_support import COOK, DEV, NURSE, ON, listing, warehouse

CVS = Path(__file__).parent / "fixtures" / "cv"
CV = CVS / "cv.txt"  # a backend developer, MSc, Python/SQL/Docker


def _ids(con: duckdb.DuckDBPyConnection, profile: Path | None = None, **kw: object) -> list[str]:
    return [r.listing_id for r in run_match(con, CV, profile, on=ON, show_all=True, **kw).results]  # type: ignore[arg-type]


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bands_and_the_0_100_scale() -> None:
    assert [band(s) for s in (0.5, 0.2, 0.1, 0.02)] == ["strong", "strong", "partial", "weak"]
    assert points(0.0) == 0 and points(0.049) < 40 <= points(0.05) < points(0.199) < 70 <= points(0.2)
    assert points(0.45) == 100 == points(0.9)


def test_the_default_shortlist_leaves_weak_matches_out_and_says_how_many(tmp_path: Path) -> None:
    con = warehouse(tmp_path / "w.duckdb", [DEV, NURSE, COOK])
    run = run_match(con, CV, on=ON)
    assert [r.listing_id for r in run.results] == ["test:dev"]
    assert run.results[0].band == "strong" and run.weak_left_out == 2
    assert "2 weak matches left out (--all shows them)" in render(run, "table")
    everything = run_match(con, CV, on=ON, show_all=True)
    assert len(everything.results) == 3 and everything.weak_left_out == 0
    assert {r.band for r in everything.results[1:]} == {"weak"}


def test_a_top_cut_says_how_many_more_matches_are_below_it(tmp_path: Path) -> None:
    dev2 = listing("dev2", "Backend-utvikler", DEV["description"])
    dev3 = listing("dev3", "Python-utvikler", DEV["description"])
    con = warehouse(tmp_path / "w.duckdb", [DEV, dev2, dev3, NURSE, COOK])
    run = run_match(con, CV, on=ON, top=1)
    assert len(run.results) == 1 and run.top_left_out == 2 and run.weak_left_out == 2
    assert "1 listing shown" in render(run, "table") and "2 more below the top 1" in render(run, "table")
    assert run_match(con, CV, on=ON).top_left_out == 0


def test_expiry_is_decided_when_read_not_when_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Loaded as active on the 20th with a deadline of the 25th; read on 3 December it has expired.
    late = listing("late", "Python-utvikler", DEV["description"], application_deadline=date(2026, 11, 25))
    rolling = listing("rolling", "Backend-utvikler", DEV["description"])  # "Snarest": no deadline
    con = warehouse(tmp_path / "w.duckdb", [late, rolling])
    assert _ids(con) == ["test:late", "test:rolling"] or set(_ids(con)) == {"test:late", "test:rolling"}
    dec3 = date(2026, 12, 3)
    run = run_match(con, CV, on=dec3, show_all=True)
    assert [r.listing_id for r in run.results] == ["test:rolling"] and run.expired_left_out == 1
    asked = run_match(con, CV, on=dec3, show_all=True, include_expired=True)
    late_row = next(r for r in asked.results if r.listing_id == "test:late")
    assert "expired" in late_row.flags and late_row.status == "expired"
    con.close()
    # Every reader agrees: `fjordjobs sql` (a read-only connection) sees it expired too.
    from warehouse.db import connect

    monkeypatch.setenv("FJORDJOBS_TODAY", "2026-12-03")
    ro = connect(tmp_path / "w.duckdb", read_only=True)
    status = dict(ro.execute("SELECT listing_id, status FROM listings").fetchall())
    assert status == {"test:late": "expired", "test:rolling": "active"}
    ro.close()


def test_expires_at_is_a_day_in_norway(tmp_path: Path) -> None:
    # NAV's "2026-12-15T00:00:00+01:00" is 23:00 UTC on the 14th: open through the 15th.
    ad = listing("x", "Python-utvikler", DEV["description"])
    con = warehouse(tmp_path / "w.duckdb", [ad])
    con.execute("UPDATE listings SET expires_at = ?", [datetime(2026, 12, 14, 23, 0)])
    assert _ids_on(con, date(2026, 12, 15)) == ["test:x"]
    assert _ids_on(con, date(2026, 12, 16)) == []


def _ids_on(con: duckdb.DuckDBPyConnection, day: date) -> list[str]:
    return [r.listing_id for r in run_match(con, CV, on=day, show_all=True).results]


def test_places_filter_by_default_and_boost_when_asked(tmp_path: Path) -> None:
    bergen = listing("bergen", "Backend-utvikler", DEV["description"], city="Bergen")
    con = warehouse(tmp_path / "w.duckdb", [DEV, bergen])
    assert _ids(con, _profile(tmp_path, 'places = ["bergen"]\n')) == ["test:bergen"]
    boosted = run_match(con, CV, _profile(tmp_path, 'places = ["Bergen"]\nplaces_mode = "boost"\n'), on=ON)
    assert boosted.results[0].listing_id == "test:bergen" and len(boosted.results) == 2
    assert "outside_places" in boosted.results[1].flags


def test_exclude_is_title_and_employer_and_exclude_text_is_the_text(tmp_path: Path) -> None:
    java = listing(
        "java", "Backend-utvikler", DEV["description"] + "\nJava er en fordel.", employer="Java AS"
    )
    js = listing("js", "JavaScript-utvikler", DEV["description"])
    text_only = listing("t", "Backend-utvikler", DEV["description"] + "\nVi bruker også Java.")
    con = warehouse(tmp_path / "w.duckdb", [DEV, java, js, text_only])
    kept = _ids(con, _profile(tmp_path, 'exclude = ["java"]\n'))
    assert "test:java" not in kept  # the employer's name
    assert {"test:js", "test:t", "test:dev"} <= set(
        kept
    )  # "JavaScript" is not "java"; the text does not count
    kept = _ids(con, _profile(tmp_path, 'exclude_text = ["java"]\n'))
    assert "test:t" not in kept and "test:java" not in kept and "test:dev" in kept


def test_years_experience_flags_a_seniority_gap(tmp_path: Path) -> None:
    senior = listing(
        "senior", "Senior backend-utvikler", DEV["description"] + "\nMinst 8 års erfaring med Python."
    )
    con = warehouse(tmp_path / "w.duckdb", [DEV, senior])
    rows = {
        r.listing_id: r
        for r in run_match(con, CV, _profile(tmp_path, "years_experience = 2\n"), on=ON).results
    }
    assert "seniority_gap" in rows["test:senior"].flags and "8+ years" in rows["test:senior"].why
    assert "seniority_gap" not in rows["test:dev"].flags
    rows = {
        r.listing_id: r
        for r in run_match(con, CV, _profile(tmp_path, "years_experience = 9\n"), on=ON).results
    }
    assert "seniority_gap" not in rows["test:senior"].flags


def test_min_salary_flags_or_filters_as_chosen(tmp_path: Path) -> None:
    cheap = listing(
        "cheap", "Backend-utvikler", DEV["description"], salary_min_nok=450_000, salary_max_nok=500_000
    )
    con = warehouse(tmp_path / "w.duckdb", [DEV, cheap])
    flagged = run_match(con, CV, _profile(tmp_path, "min_salary_nok = 600000\n"), on=ON)
    rows = {r.listing_id: r for r in flagged.results}
    assert "below_min_salary" in rows["test:cheap"].flags and "below_min_salary" not in rows["test:dev"].flags
    filtered = _ids(con, _profile(tmp_path, 'min_salary_nok = 600000\nmin_salary_mode = "filter"\n'))
    assert filtered == ["test:dev"]


def test_the_sample_profile_loads_and_says_what_each_key_does() -> None:
    from matching.profile import Profile, load_profile

    sample = Path(__file__).parents[1] / "demo" / "sample_profile.toml"
    profile = load_profile(sample)
    text = sample.read_text(encoding="utf-8")
    for key in Profile.__dataclass_fields__:
        assert f"\n{key} = " in text or f"\n[{key}]" in text, f"sample profile does not show {key}"
    assert "1.15" not in text and profile.places_mode in ("filter", "boost")


def test_relocation_help_is_read_flagged_and_sortable(tmp_path: Path) -> None:
    from pipeline.relocation import read_relocation

    for text in ("We offer a relocation package.", "Vi tilbyr flyttepakke.", "We sponsor work permits.",
                 "Vi kan hjelpe med bolig.", "Relocation support and help with visa."):  # fmt: skip
        assert read_relocation(text).offered is True, text
    for text in ("We cannot sponsor visas.", "You must have a valid work permit."):
        assert read_relocation(text).offered is False, text
    assert read_relocation("Vi tilbyr gode pensjonsordninger.").offered is None
    moving = listing(
        "moving", "Backend-utvikler", DEV["description"] + "\nVi tilbyr flyttepakke og hjelp med bolig."
    )
    con = warehouse(tmp_path / "w.duckdb", [DEV, moving])
    run = run_match(con, CV, on=ON, show_all=True)
    row = next(r for r in run.results if r.listing_id == "test:moving")
    assert "relocation_help" in row.flags and "flyttepakke" in row.why
    from matching.reports.common import sort_results

    assert sort_results(run, "relocation").results[0].listing_id == "test:moving"


def test_every_format_carries_the_evidence(tmp_path: Path) -> None:
    ad = listing(
        "ev", "Backend-utvikler", DEV["description"], application_deadline=date(2026, 11, 27),
        salary_min_nok=650_000, salary_max_nok=750_000, education="master",
    )  # fmt: skip
    con = warehouse(tmp_path / "w.duckdb", [ad])
    con.execute(
        "UPDATE listings SET published_at = ?, salary_text = ?, language_evidence = ?",
        [datetime(2026, 11, 2, 9, 0), "Lønn 650 000 - 750 000 kr", "ad written in Norwegian (no statement)"],
    )
    run = run_match(con, CV, on=ON)
    expected = ["test:ev", "2026-11-02", "2026-11-27", "7 days left", "no statement; the ad is written in Norwegian",
                "Lønn 650 000 - 750 000 kr"]  # fmt: skip
    from matching.reports.table import render_table

    for fmt in ("table", "md", "html"):
        page = render_table(run, width=400) if fmt == "table" else render(run, fmt)  # type: ignore[arg-type]
        for text in expected:
            assert text in page, (fmt, text)
    row = next(csv.DictReader(io.StringIO(render(run, "csv"))))
    assert (row["listing_id"], row["published"], row["deadline"], row["days_left"]) == (
        "test:ev", "2026-11-02", "2026-11-27", "7",
    )  # fmt: skip
    assert row["language_evidence"] == expected[4] and row["salary_text"] == expected[5]
    data = json.loads(render(run, "json"))["results"][0]
    assert data["days_left"] == 7 and data["language_evidence_text"] == expected[4]
    for fmt in ("md", "html"):
        page = render(run, fmt)  # type: ignore[arg-type]
        for word in ("strong", "partial", "weak", "deadline soon", "Norwegian required", "relocation help",
                     "asks more experience", "staffing agency", "under 80 %"):  # fmt: skip
            assert word in page, (fmt, word)


def test_also_stresses_names_skills_not_people_places_or_employers(tmp_path: Path) -> None:
    text = (
        "Om oss\nFjordkraft Digital holder til i Tromsø.\nKvalifikasjoner\nErfaring med Python og Kubernetes, "
        "Terraform og overvåking.\nKontakt\nSpørsmål kan rettes til Ingeborg Solheim Kvamme."
    )
    ad = listing("names", "Backend-utvikler", text, employer="Fjordkraft Digital AS", city="Tromsø")
    con = warehouse(tmp_path / "w.duckdb", [ad])
    run = run_match(con, CV, on=ON, show_all=True)
    missing = run.results[0].missing_terms
    for name in ("ingeborg", "solheim", "kvamme", "fjordkraft", "tromsø", "digital"):
        assert not any(name in m.lower() for m in missing), missing
