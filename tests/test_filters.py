"""Issue 11, "Done when": each filter keeps the same listings whichever way it is given (profile TOML,
`match` flags, a saved search, the SQL view), on a warehouse loaded through the real ingest; facet counts
equal `count(*)` in SQL; blocks and dismissals hide listings everywhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from flows import output
from flows.cli import app
from matching.run import run_match
from matching.searches import facet_counts, filtered_ids, get_search
from pipeline.search_filter import SearchFilter, filter_from_mapping
from tests.filter_warehouse import TODAY, first_ads, load
from warehouse import db

ALL = {"a1", "a2", "a3", "a4", "a5"}
# (filter, the listings it keeps, the same filter as a user would write it over the SQL view)
CASES: list[tuple[dict[str, Any], set[str], str]] = [
    ({}, ALL, "TRUE"),
    ({"place": ["Oslo"]}, {"a1", "a2", "a5"},
     "listing_id IN (SELECT listing_id FROM listing_locations WHERE 'oslo' IN (lower(county), lower(municipality), lower(city)))"),
    ({"place": ["Vestland"]}, {"a2"}, "list_contains(counties, 'Vestland')"),
    ({"place": ["tromsø", "Trøndelag"]}, {"a3", "a4"},
     "list_contains(municipalities, 'Tromsø') OR list_contains(counties, 'Trøndelag')"),
    ({"occupation": ["IT"]}, {"a1", "a4"},
     "listing_id IN (SELECT listing_id FROM listing_occupations WHERE level1 = 'IT')"),
    ({"occupation": ["Sykepleier"]}, {"a2"},
     "listing_id IN (SELECT listing_id FROM listing_occupations WHERE level2 = 'Sykepleier')"),
    ({"sector": ["public"]}, {"a1"}, "sector = 'public'"),
    ({"sector": ["private"]}, {"a2", "a3"}, "sector = 'private'"),
    ({"extent": "full"}, {"a1", "a3", "a4", "a5"}, "extent_pct = 100"),
    ({"extent": "part"}, {"a2"}, "extent_pct < 100"),
    ({"min_extent_pct": 80}, {"a1", "a3", "a4", "a5"}, "extent_pct >= 80"),
    ({"engagement": "temporary"}, {"a3"}, "temporary"),
    ({"engagement": "permanent"}, {"a1", "a2", "a4"}, "engagement = 'permanent'"),
    ({"remote": ["hybrid"]}, {"a1", "a2"}, "remote = 'hybrid'"),
    ({"remote": ["remote"]}, {"a4"}, "remote = 'remote'"),
    ({"remote": ["onsite"]}, {"a3", "a5"}, "remote = 'onsite'"),
    ({"english": True}, {"a1", "a4"}, "english_ok"),
    ({"permit_salary": True}, {"a1", "a4"}, "permit_salary_ok"),
    ({"min_salary_nok": 700000}, {"a1", "a2", "a4", "a5"}, "coalesce(salary_max_nok, salary_min_nok, 700000) >= 700000"),
    ({"published_within_days": 7}, {"a4"}, "published_at >= DATE '2026-11-14'"),
    ({"deadline_open": True}, ALL, "coalesce(application_deadline, DATE '2026-11-21') >= DATE '2026-11-21'"),
    ({"agencies": "hide"}, {"a1", "a2", "a4", "a5"}, "NOT staffing_agency"),
    ({"agencies": "only"}, {"a3"}, "staffing_agency"),
    ({"relocation": True}, {"a4"}, "relocation"),
    ({"place": ["Oslo"], "remote": ["hybrid"], "english": True}, {"a1"},
     "list_contains(counties, 'Oslo') AND remote = 'hybrid' AND english_ok"),
]  # fmt: skip
FLAGS = {
    "place": "--place", "occupation": "--occupation", "sector": "--sector", "extent": "--extent",
    "min_extent_pct": "--min-extent", "engagement": "--engagement", "remote": "--remote", "english": "--english",
    "permit_salary": "--permit-salary", "min_salary_nok": "--min-salary",
    "published_within_days": "--published-within", "deadline_open": "--deadline-open", "agencies": "--agencies",
    "relocation": "--relocation",
}  # fmt: skip


def _id(case: tuple[dict[str, Any], set[str], str]) -> str:
    return json.dumps(case[0], ensure_ascii=False) or "everything"


def flags(filters: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key, value in filters.items():
        if value is True:
            out.append(FLAGS[key])
        elif isinstance(value, list):
            for item in value:
                out += [FLAGS[key], str(item)]
        else:
            out += [FLAGS[key], str(value)]
    return out


def toml(filters: dict[str, Any]) -> str:
    return "[filters]\n" + "".join(
        f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in filters.items()
    )


def short(ids: list[str] | set[str]) -> set[str]:
    return {i.removeprefix("nav:") for i in ids}


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load(tmp_path_factory.mktemp("filters"), first_ads())


@pytest.fixture(autouse=True)
def _env(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FJORDJOBS_DB", str(warehouse))
    monkeypatch.setenv("FJORDJOBS_TODAY", TODAY.isoformat())
    monkeypatch.setattr(output.console, "width", 250)


@pytest.fixture(scope="module")
def cv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cv") / "cv.md"
    path.write_text("# Kari\nBackend developer, Python, nurse, warehouse work, adviser.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_one_filter_keeps_the_same_listings_everywhere(
    case: tuple[dict[str, Any], set[str], str], warehouse: Path, cv: Path, tmp_path: Path
) -> None:
    filters, expected, where = case
    profile = tmp_path / "profile.toml"
    profile.write_text(toml(filters), encoding="utf-8")
    name = f"case-{abs(hash(json.dumps(filters))) % 10**8}"
    invoke("search", "save", name, *flags(filters))
    from_cli = json.loads(invoke("match", "--cv", str(cv), "--format", "json", *flags(filters)))
    with db.connection(warehouse) as con:
        from_profile = run_match(con, cv, profile, on=TODAY)
        from_saved = filtered_ids(con, get_search(con, name).filters, TODAY)
        from_sql = [
            r[0] for r in con.execute(f"SELECT listing_id FROM listing_search WHERE {where}").fetchall()
        ]
    assert short(from_sql) == expected
    assert short(from_saved) == expected
    assert short(r.listing_id for r in from_profile.results) == expected
    assert short(r["listing_id"] for r in from_cli["results"]) == expected


def test_facet_counts_equal_count_star_in_sql(warehouse: Path) -> None:
    lists = {"county": "counties", "municipality": "municipalities",
             "occupation_level1": "occupation_level1", "occupation_level2": "occupation_level2"}  # fmt: skip
    scalars = {"sector": "sector", "extent": "extent", "engagement": "engagement", "remote": "remote",
               "english": "CAST(english_ok AS VARCHAR)", "permit_salary": "CAST(permit_salary_ok AS VARCHAR)",
               "staffing_agency": "CAST(staffing_agency AS VARCHAR)",
               "relocation": "CAST(relocation AS VARCHAR)"}  # fmt: skip
    with db.connection(warehouse) as con:
        counts = facet_counts(con, SearchFilter(), TODAY)
        checked = 0
        for name, rows in counts.items():
            for value, count in rows:
                if name in lists:
                    where = (
                        f"len({lists[name]}) = 0"
                        if value == "not stated"
                        else f"list_contains({lists[name]}, ?)"
                    )
                else:
                    where = f"{scalars[name]} IS NULL" if value == "not stated" else f"{scalars[name]} = ?"
                params = [] if value == "not stated" else [value]
                row = con.execute(f"SELECT count(*) FROM listing_search WHERE {where}", params).fetchone()
                assert row is not None and row[0] == count, (name, value)
                checked += 1
    assert counts["remote"] == [("hybrid", 2), ("onsite", 2), ("remote", 1)]
    assert ("not stated", 2) in counts["sector"]  # Equinor and Nordlys state no sector
    assert counts["county"][0] == ("Oslo", 3)  # a2 counts under Vestland and Oslo
    assert checked > 20


def test_facets_json_follows_the_filter_flags() -> None:
    data = json.loads(invoke("facets", "--format", "json", "--place", "Oslo"))
    assert data["filters"] == {"place": ["Oslo"]} and data["listings"] == 3
    assert {"value": "hybrid", "count": 2} in data["facets"]["remote"]


def test_block_and_dismiss_hide_listings_from_every_search(
    tmp_path: Path, cv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = load(tmp_path, first_ads())
    monkeypatch.setenv("FJORDJOBS_DB", str(path))
    assert "hides 1" in invoke("block", "EQUINOR")  # "Equinor ASA": case and ASA do not count
    assert "hides 1" in invoke("block", "--staffing-agencies")  # Manpower
    invoke("dismiss", "nav:a2", "--reason", "needs fluent Norwegian")
    with db.connection(path) as con:
        assert short(filtered_ids(con, SearchFilter(), TODAY)) == {"a1", "a4"}
        assert short(r.listing_id for r in run_match(con, cv, on=TODAY).results) == {"a1", "a4"}
        assert con.execute("SELECT reason FROM dismissals").fetchall() == [("needs fluent Norwegian",)]
    invoke("block", "EQUINOR", "--remove")
    invoke("dismiss", "nav:a2", "--undo")
    with db.connection(path) as con:
        assert short(filtered_ids(con, SearchFilter(), TODAY)) == {"a1", "a2", "a4", "a5"}


def test_block_by_organisation_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = load(tmp_path, first_ads())
    monkeypatch.setenv("FJORDJOBS_DB", str(path))
    assert "hides 1" in invoke("block", "923 609 016")
    result = CliRunner().invoke(app, ["block", "923609017"])
    assert result.exit_code == 1 and "not a valid organisation number" in result.output


def test_bad_filter_values_are_one_line_errors() -> None:
    result = CliRunner().invoke(app, ["facets", "--remote", "office"])
    assert result.exit_code == 1 and "onsite, hybrid, remote" in result.output
    with pytest.raises(ValueError, match="unknown filter 'county'"):
        filter_from_mapping({"county": "Oslo"})


def test_the_view_is_there_for_fjordjobs_sql_on_a_warehouse_no_search_has_touched(tmp_path: Path) -> None:
    fresh = load(tmp_path, first_ads())
    out = invoke(
        "sql",
        "--db",
        str(fresh),
        "--format",
        "csv",
        "SELECT count(*) AS n FROM listing_search WHERE remote = 'hybrid'",
    )
    assert out.split() == ["n", "2"]


def test_relocation_filter_and_match_flag_agree(warehouse: Path, cv: Path) -> None:
    """The `relocation` filter keeps exactly the listings whose `match` flag says relocation help."""
    with db.connection(warehouse) as con:
        flagged = {
            r.listing_id
            for r in run_match(con, cv, on=TODAY, show_all=True).results
            if "relocation_help" in r.flags
        }
        kept = set(filtered_ids(con, SearchFilter(relocation=True), TODAY))
        evidence = con.execute("SELECT relocation_evidence FROM listing_search WHERE relocation").fetchall()
    assert short(kept) == short(flagged) == {"a4"}
    assert len(evidence) == 1 and "We offer a relocation package." in evidence[0][0]


@pytest.mark.parametrize(
    "args", [["facets"], ["facets", "--format", "json"], ["search", "list"], ["block", "--list"]]
)
def test_filter_commands_say_which_warehouse_they_used(args: list[str], warehouse: Path) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"warehouse: {warehouse} (from $FJORDJOBS_DB)" in result.stderr
    assert "warehouse:" not in result.stdout  # JSON on stdout stays JSON
