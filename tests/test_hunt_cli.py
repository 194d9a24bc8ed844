"""The job-hunt commands end to end through `fjordjobs` (issue 7): what a user types and what they see."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from flows import output
from flows.cli import app
from hunt import applications, contacts
from warehouse import db

TODAY = "2026-11-20"  # a Friday, ISO week 2026-W47 (16 to 22 November)


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh warehouse with three listings (one a cross-source duplicate), today pinned."""
    path = tmp_path / "hunt.duckdb"
    monkeypatch.setenv("FJORDJOBS_DB", str(path))
    monkeypatch.setenv("FJORDJOBS_TODAY", TODAY)
    monkeypatch.setattr(output.console, "width", 250)
    monkeypatch.setattr(output.err_console, "width", 250)
    with db.connection(path) as con:
        con.executemany(
            "INSERT INTO listings (listing_id, source, source_id, url, title, employer, status, duplicate_of) "
            "VALUES (?, ?, ?, ?, ?, ?, 'active', ?)",
            [
                ["nav:a1", "nav", "a1", "https://example.org/a1", "Backend developer", "Kartverket", None],
                [
                    "finn:77",
                    "finn",
                    "77",
                    "https://example.org/77",
                    "Backend developer",
                    "Kartverket",
                    "nav:a1",
                ],
                ["nav:b2", "nav", "b2", "https://example.org/b2", "Data engineer", "Equinor ASA", None],
            ],
        )
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def error(*args: str) -> str:
    """The one-line error of a command that must fail."""
    result = run(*args)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- track -------------------------------------------------------------------------------------------


def test_track_keeps_history_and_current_status(warehouse: Path) -> None:
    ok("track", "nav:a1", "--status", "saved", "--date", "2026-11-02")
    out = ok("track", "nav:a1", "--status", "applied", "--date", "2026-11-03", "--note", "via the form")
    assert "nav:a1: applied on 2026-11-03 (Backend developer at Kartverket)" in out
    ok("track", "nav:a1", "--status", "interview", "--date", "2026-11-12")

    history = ok("track", "nav:a1")
    assert [s for s in ("saved", "applied", "interview") if s in history] == ["saved", "applied", "interview"]
    assert history.index("saved") < history.index("applied") < history.index("interview")
    assert "via the form" in history

    listing = ok("track")
    assert "nav:a1" in listing and "interview" in listing and "2026-11-12" in listing


def test_back_dated_event_goes_into_history_without_overriding_newer_status(warehouse: Path) -> None:
    ok("track", "nav:a1", "--status", "interview", "--date", "2026-11-12")
    out = ok("track", "nav:a1", "--status", "applied", "--date", "2026-11-01")
    assert "current status interview since 2026-11-12" in out
    with db.connection(warehouse) as con:
        current = applications.get(con, "nav:a1")
        assert current is not None and current.status == "interview"
        assert [e["status"] for e in applications.history(con, "nav:a1")] == ["applied", "interview"]


def test_track_unknown_listing_or_status_is_one_line_error(warehouse: Path) -> None:
    assert "no listing 'nav:zzz' in the warehouse" in error("track", "nav:zzz", "--status", "applied")
    assert "unknown status 'sent'" in error("track", "nav:a1", "--status", "sent")
    assert "YYYY-MM-DD" in error("track", "nav:a1", "--status", "applied", "--date", "3/11")
    assert "--open needs --employer" in error("track", "--open", "--status", "applied")


def test_open_application_gets_an_open_id_and_is_updatable(warehouse: Path) -> None:
    out = ok(
        "track", "--open", "--employer", "Statens vegvesen", "--status", "applied", "--date", "2026-11-16"
    )
    assert "open:statens-vegvesen: applied on 2026-11-16" in out
    ok("track", "open:statens-vegvesen", "--status", "interview", "--date", "2026-11-19")
    with db.connection(warehouse) as con:
        app_ = applications.get(con, "open:statens-vegvesen")
        assert app_ is not None
        assert (app_.kind, app_.listing_id, app_.employer, app_.status) == (
            "open",
            None,
            "Statens vegvesen",
            "interview",
        )


def test_applied_listing_ids_marks_duplicates_but_not_saved(warehouse: Path) -> None:
    ok("track", "nav:a1", "--status", "applied")
    ok("track", "nav:b2", "--status", "saved")
    ok("track", "--open", "--employer", "DNB", "--status", "applied")
    with db.connection(warehouse) as con:
        assert applications.applied_listing_ids(con) == {"nav:a1", "finn:77"}


# --- followups ---------------------------------------------------------------------------------------


def test_followups_thank_you_status_call_and_ghosted(warehouse: Path, tmp_path: Path) -> None:
    ok("track", "nav:a1", "--status", "interview", "--date", "2026-11-19")  # thank-you due today
    ok("track", "nav:b2", "--status", "applied", "--date", "2026-11-12")  # 8 days: status call overdue
    ok(
        "track", "--open", "--employer", "DNB", "--status", "applied", "--date", "2026-10-20"
    )  # 31 days: ghosted
    ok("track", "--open", "--employer", "Telenor", "--status", "applied", "--date", "2026-11-18")  # not yet

    out = ok("followups")
    assert "send a thank-you" in out and "nav:a1" in out
    assert "call or write to ask about the status" in out and "nav:b2" in out
    assert "count it as ghosted" in out and "open:dnb" in out
    assert "open:telenor" not in out
    assert out.count("call or write") == 1  # DNB's status call gave way to ghosted

    # Configurable: with a 14-day status call, the 8-day-old application is not yet due.
    assert "nav:b2" not in ok("followups", "--status-call-days", "14")

    ics_path = tmp_path / "followups.ics"
    out = ok("followups", "--ics", str(ics_path))
    assert f"wrote 6 follow-ups to {ics_path}" in out.replace("\n", "")  # 3 due, 3 ahead
    text = ics_path.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 6
    assert "UID:nav:a1-thank_you-20261119@fjordjobs" in text
    assert "DTSTART;VALUE=DATE:20261125\r\n" in text  # Telenor's status call, 7 days after 18 Nov
    assert "UID:nav:b2-ghosted-20261112@fjordjobs" in text and "DTSTART;VALUE=DATE:20261203\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_followup_done_stays_done(warehouse: Path) -> None:
    ok("track", "nav:a1", "--status", "interview", "--date", "2026-11-19")
    assert "done: thank_you for nav:a1" in ok("followups", "--done", "nav:a1")
    assert "no follow-ups due on 2026-11-20" in ok("followups")
    # A second interview brings a new thank-you.
    ok("track", "nav:a1", "--status", "interview", "--date", "2026-11-20")
    assert "nav:a1" in ok("followups", "--date", "2026-11-21")
    assert "no follow-up of 'nav:b2' is due" in error("followups", "--done", "nav:b2")


# --- contacts ----------------------------------------------------------------------------------------


def test_contacts_add_list_touch_and_reconnect(warehouse: Path) -> None:
    out = ok(
        "contacts", "add", "Kari Nordmann", "--employer", "EQUINOR ASA", "--relation", "former_colleague",
        "--channel", "LinkedIn", "--last-contact", "2026-08-20",
    )  # fmt: skip
    assert "added contact 1: Kari Nordmann at EQUINOR ASA" in out
    ok(
        "contacts",
        "add",
        "Ola Hansen",
        "--employer",
        "Kartverket",
        "--relation",
        "close",
        "--last-contact",
        "2026-11-01",
    )
    ok("contacts", "add", "Per Berg", "--employer", "Equinor", "--relation", "acquaintance")

    listed = ok("contacts", "list")
    assert "1 to reconnect with" in listed  # Kari (exactly 3 months); Per was added today: not due yet
    assert "reconnect" not in next(line for line in listed.splitlines() if "Per Berg" in line)
    kari_line = next(line for line in listed.splitlines() if "Kari Nordmann" in line)
    assert "reconnect" in kari_line and "former_colleague" in kari_line and "linkedin" in kari_line
    assert "reconnect" not in next(line for line in listed.splitlines() if "Ola Hansen" in line)

    only_equinor = ok("contacts", "list", "--employer", "equinor")
    assert "Kari Nordmann" in only_equinor and "Per Berg" in only_equinor and "Ola Hansen" not in only_equinor

    assert "Kari Nordmann: last contact 2026-11-20" in ok("contacts", "touch", "kari nordmann")
    assert "Per Berg: last contact 2026-11-18" in ok("contacts", "touch", "3", "--date", "2026-11-18")
    assert "to reconnect" not in ok("contacts", "list")

    with db.connection(warehouse) as con:
        assert contacts.contacts_per_employer(con) == {"equinor": 2, "kartverket": 1}
        assert contacts.employer_key("Equinor ASA") == "equinor"


def test_contacts_errors(warehouse: Path) -> None:
    assert "unknown relation 'friend'" in error("contacts", "add", "X", "--relation", "friend")
    assert "no contact 'Nobody'" in error("contacts", "touch", "Nobody")
    ok("contacts", "add", "Anne", "--relation", "peripheral")
    ok("contacts", "add", "anne", "--relation", "close")
    assert "2 contacts are called 'Anne' (ids 1, 2)" in error("contacts", "touch", "Anne")


# --- week --------------------------------------------------------------------------------------------


def test_week_counts_this_iso_week_against_targets(warehouse: Path) -> None:
    ok("track", "nav:a1", "--status", "applied", "--date", "2026-11-16")  # Monday: counts
    ok("track", "nav:b2", "--status", "applied", "--date", "2026-11-15")  # Sunday before: does not
    ok("track", "nav:a1", "--status", "interview", "--date", "2026-11-18")  # not a new application
    ok("track", "--open", "--employer", "DNB", "--status", "applied", "--date", "2026-11-20")
    ok("contacts", "add", "Rita Rekrutterer", "--employer", "Hays", "--relation", "peripheral", "--recruiter",
       "--last-contact", "2026-11-17")  # fmt: skip
    ok("contacts", "touch", "Rita Rekrutterer", "--date", "2026-11-19")
    ok(
        "contacts", "add", "Old Friend", "--relation", "close", "--last-contact", "2026-11-19"
    )  # not a recruiter

    out = ok("week")
    assert "week 2026-W47 (2026-11-16 to 2026-11-22)" in out
    rows = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:5]]
        for line in out.splitlines()
        if line.count("│") == 5
    }
    assert rows["targeted applications"] == ["1", "10", "9"]
    assert rows["open applications"] == ["1", "5", "4"]
    assert rows["recruiter messages"] == ["2", "3", "1"]

    out = ok("week", "--set", "applications=1", "--set", "recruiter_messages=2")
    rows = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:5]]
        for line in out.splitlines()
        if line.count("│") == 5
    }
    assert rows["targeted applications"] == ["1", "1", "done"]
    assert rows["recruiter messages"] == ["2", "2", "done"]
    assert "applications" in ok("week", "--date", "2026-11-09")  # targets kept; last week had none
    assert "--set takes TARGET=N" in error("week", "--set", "coffee=2")


def test_week_lists_contacts_to_reconnect(warehouse: Path) -> None:
    ok(
        "contacts",
        "add",
        "Kari Nordmann",
        "--employer",
        "Equinor",
        "--relation",
        "close",
        "--last-contact",
        "2026-01-05",
    )
    assert "reconnect with: Kari Nordmann (Equinor)" in ok("week")


def test_a_new_contact_is_due_only_three_months_after_it_was_added(
    warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FJORDJOBS_TODAY", "2026-08-20")
    ok("contacts", "add", "Kari Nordmann", "--employer", "Equinor", "--relation", "close")
    monkeypatch.setenv("FJORDJOBS_TODAY", "2026-09-01")
    ok("contacts", "add", "Ola Hansen", "--employer", "Kartverket", "--relation", "close")
    assert "to reconnect" not in ok("contacts", "list", "--date", "2026-09-01")  # both just added
    listed = ok("contacts", "list", "--date", "2026-11-20")
    assert "1 to reconnect with" in listed
    assert "reconnect" in next(line for line in listed.splitlines() if "Kari Nordmann" in line)
    assert "reconnect" not in next(line for line in listed.splitlines() if "Ola Hansen" in line)
    assert "reconnect with: Kari Nordmann (Equinor)" in ok("week", "--date", "2026-11-20")


# --- offer-check -------------------------------------------------------------------------------------


def test_offer_check_all_pass_exits_zero(warehouse: Path) -> None:
    out = ok(
        "offer-check", "--salary", "650000", "--education", "master", "--percent", "100",
        "--employer", "Kartverket", "--written-contract", "yes",
    )  # fmt: skip
    for rule in ("salary_by_degree", "extent", "concrete_employer", "written_contract"):
        assert rule in out
    assert "NOK 650,000 ≥ NOK 599,200" in out and "2025-09-01" in out
    assert "all rules pass" in out


def test_offer_check_failures_exit_one_and_name_the_rules(warehouse: Path) -> None:
    result = run(
        "offer-check", "--salary", "550000", "--education", "master", "--percent", "60",
        "--employer", "Kartverket", "--written-contract", "no",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "NOK 49,200 short" in result.stdout and "60 % < 80 %" in result.stdout
    assert "the offer fails salary_by_degree, extent, written_contract" in result.stderr
    # The same salary passes the bachelor threshold (NOK 522,600).
    bachelor = ok(
        "offer-check", "--salary", "550000", "--education", "bachelor", "--percent", "80",
        "--employer", "Kartverket", "--written-contract", "yes",
    )  # fmt: skip
    assert "NOK 550,000 ≥ NOK 522,600" in bachelor


def test_offer_check_uses_the_threshold_of_the_day_and_warns_on_agencies(warehouse: Path) -> None:
    before = run(
        "offer-check", "--salary", "550000", "--education", "master", "--percent", "100",
        "--employer", "Kartverket", "--written-contract", "yes", "--date", "2025-08-31",
    )  # fmt: skip
    assert before.exit_code == 0 and "NOK 550,000 ≥ NOK 513,100" in before.stdout
    agency = ok(
        "offer-check", "--salary", "700000", "--education", "master", "--percent", "100",
        "--employer", "Adecco Norge AS", "--written-contract", "yes",
    )  # fmt: skip
    assert "warn" in agency and "staffing agency" in agency and "see the warnings" in agency
    assert "--written-contract must be yes or no" in error(
        "offer-check", "--salary", "1", "--education", "master", "--percent", "100", "--employer", "X",
        "--written-contract", "maybe",
    )  # fmt: skip
    assert "--education must be one of master, bachelor" in error(
        "offer-check", "--salary", "1", "--education", "phd", "--percent", "100", "--employer", "X",
        "--written-contract", "yes",
    )  # fmt: skip


# --- hunt-export -------------------------------------------------------------------------------------


def _some_hunt() -> None:
    ok("track", "nav:a1", "--status", "applied", "--date", "2026-11-03", "--note", "Søknad sendt, med CV")
    ok("track", "nav:a1", "--status", "interview", "--date", "2026-11-12")
    ok("track", "--open", "--employer", "Bølgen & Moi", "--status", "applied", "--date", "2026-11-10")
    ok(
        "contacts",
        "add",
        "Kari Nordmann",
        "--employer",
        "Equinor",
        "--relation",
        "close",
        "--last-contact",
        "2026-11-01",
    )


def test_export_csv_folder(warehouse: Path, tmp_path: Path) -> None:
    _some_hunt()
    folder = tmp_path / "export"
    assert "2 applications, 3 application_events, 1 contacts, 1 contact_touches" in ok(
        "hunt-export", "--out", str(folder)
    ).replace("\n", "")
    with (folder / "application_events.csv").open(encoding="utf-8-sig") as handle:
        events = list(csv.DictReader(handle))
    assert [(e["application_id"], e["status"], e["event_date"]) for e in events] == [
        ("nav:a1", "applied", "2026-11-03"),
        ("nav:a1", "interview", "2026-11-12"),
        ("open:bolgen-moi", "applied", "2026-11-10"),
    ]
    assert events[0]["note"] == "Søknad sendt, med CV"
    with (folder / "contacts.csv").open(encoding="utf-8-sig") as handle:
        assert [(c["name"], c["relation"], c["last_contact"]) for c in csv.DictReader(handle)] == [
            ("Kari Nordmann", "close", "2026-11-01")
        ]


def test_export_xlsx_workbook(warehouse: Path, tmp_path: Path) -> None:
    _some_hunt()
    path = tmp_path / "hunt.xlsx"
    ok("hunt-export", "--out", str(path))
    book = load_workbook(path)
    assert book.sheetnames == ["applications", "application_events", "contacts", "contact_touches"]
    apps = list(book["applications"].iter_rows(values_only=True))
    assert apps[0][:5] == ("application_id", "kind", "title", "employer", "status")
    assert sorted((r[0], r[4]) for r in apps[1:]) == [("nav:a1", "interview"), ("open:bolgen-moi", "applied")]
    contacts_rows = list(book["contacts"].iter_rows(values_only=True))
    assert contacts_rows[1][1] == "Kari Nordmann"
    assert contacts_rows[1][6].date() == date(2026, 11, 1)  # a real date cell, not text
    assert "--format must be one of csv, xlsx" in error("hunt-export", "--out", str(path), "--format", "ods")


def test_relation_is_required_and_open_ids_need_open(warehouse: Path) -> None:
    assert "--relation is required" in error("contacts", "add", "Kari")
    assert "no open application 'open:dnb' yet" in error("track", "open:dnb", "--status", "applied")
