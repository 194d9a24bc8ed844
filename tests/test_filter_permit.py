"""The permit-salary filter reasons like the `match` permit flag (issue 10): an ad that names a degree is
held to that degree's threshold; for one that names none, the applicant's degree decides (profile, else
CV), and with no degree known the lower salary bound must meet both thresholds. The filter keeps exactly
the listings whose flag is `ok`, from a profile, a saved search's digest and the SQL view."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from matching.digest import build_digest
from matching.run import run_match
from matching.searches import filtered_ids, get_search, save_search
from pipeline.permit import threshold_for
from pipeline.search_filter import SearchFilter
from tests.filter_warehouse import NORWEGIAN, TODAY, ad, load
from warehouse import db

MASTER, BACHELOR = threshold_for("master", TODAY), threshold_for("bachelor", TODAY)
BETWEEN = 550_000  # over the bachelor's threshold, under the master's


def _ads() -> list[dict[str, object]]:
    assert MASTER is not None and BACHELOR is not None and BACHELOR < BETWEEN < MASTER
    return [
        ad("open", title="Rådgiver", description=f"{NORWEGIAN}<p>Lønn: 550 000 kr.</p>"),
        ad("high", title="Rådgiver", description=f"{NORWEGIAN}<p>Lønn: 610 000 kr.</p>"),
        ad("low", title="Rådgiver", description=f"{NORWEGIAN}<p>Lønn: 500 000 kr.</p>"),
        ad("master", title="Rådgiver",
           description=f"{NORWEGIAN}<p>Krav: mastergrad i samfunnsøkonomi.</p><p>Lønn: 550 000 kr.</p>"),
        ad("bachelor", title="Rådgiver",
           description=f"{NORWEGIAN}<p>Krav: bachelorgrad i økonomi.</p><p>Lønn: 530 000 kr.</p>"),
        ad("nosalary", title="Rådgiver", description=f"{NORWEGIAN}<p>Lønn etter avtale.</p>"),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load(tmp_path_factory.mktemp("permit"), _ads())


def short(ids: Iterable[object]) -> set[str]:
    return {str(i).removeprefix("nav:") for i in ids}


def test_the_ads_are_read_as_the_cases_need(warehouse: Path) -> None:
    with db.connection(warehouse) as con:
        rows = dict(con.execute("SELECT listing_id, education FROM listings").fetchall())
    assert rows["nav:master"] == "master" and rows["nav:bachelor"] == "bachelor"
    assert rows["nav:open"] is None


def test_with_no_degree_known_only_a_salary_over_both_thresholds_passes(warehouse: Path) -> None:
    with db.connection(warehouse) as con:
        kept = short(filtered_ids(con, SearchFilter(permit_salary=True), TODAY))
        view = dict(con.execute("SELECT listing_id, permit_salary_ok FROM listing_search").fetchall())
    assert kept == {"high", "bachelor"}
    assert view["nav:open"] is None and view["nav:low"] is False and view["nav:master"] is False
    assert short(k for k, v in view.items() if v is True) == kept


@pytest.mark.parametrize(
    ("degree", "expected"),
    [
        (None, {"high", "bachelor"}),
        ("bachelor", {"open", "high", "bachelor"}),
        ("master", {"high", "bachelor"}),
    ],
)
def test_the_filter_keeps_exactly_the_listings_the_permit_flag_calls_ok(
    degree: str | None, expected: set[str], warehouse: Path, tmp_path: Path
) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text("# Kari\nAdviser and economist.\n", encoding="utf-8")
    degree_line = f'degree = "{degree}"\n' if degree else ""
    profile = tmp_path / "profile.toml"
    profile.write_text(f"{degree_line}[filters]\npermit_salary = true\n", encoding="utf-8")
    everything = tmp_path / "everything.toml"
    everything.write_text(degree_line, encoding="utf-8")
    with db.connection(warehouse) as con:
        filtered = run_match(con, cv, profile, on=TODAY, show_all=True)
        flagged = run_match(con, cv, everything, on=TODAY, show_all=True)
        save_search(con, f"permit-{degree}", SearchFilter(permit_salary=True), cv, profile)
        digest = build_digest(con, get_search(con, f"permit-{degree}"), TODAY)
    ok = {r.listing_id for r in flagged.results if r.permit_salary == "ok"}
    assert short(ok) == expected
    assert short(r.listing_id for r in filtered.results) == expected
    assert short(item.listing["listing_id"] for item in digest.items) == expected
