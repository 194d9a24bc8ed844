"""The local page: what it shows, what a click does, and the guards a page on localhost needs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.test_match_support import COOK, DEV, NURSE
from tests.web_support import EVIL, client, make_warehouse, warehouse_held
from web.store import connection


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return make_warehouse(tmp_path / "w.duckdb")


def _token(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no form token"
    return found.group(1)


def _applications(db_path: Path) -> dict[str, str]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return dict(con.execute("SELECT application_id, status FROM applications").fetchall())
    finally:
        con.close()


def test_today_board_contacts_and_offer_pages_render(db_path: Path) -> None:
    page = client(db_path)
    for path, heading in [
        ("/", "Today"),
        ("/applications", "Applications"),
        ("/contacts", "Contacts"),
        ("/offer", "skilled-worker rules"),
    ]:
        response = page.get(path)
        assert response.status_code == 200, path
        assert heading in response.text


def test_listing_page_shows_the_ad_with_its_evidence_marked_and_scraped_text_escaped(db_path: Path) -> None:
    html = client(db_path).get(f"/listing/{EVIL['listing_id']}").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Hacker" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<mark>Working language is English</mark>" in html
    assert "&lt;b&gt;Bad&lt;/b&gt; AS" in html


def test_a_salary_priced_from_an_old_pay_table_says_so_on_the_listing_page(tmp_path: Path) -> None:
    """Issue 13, pay-scale steps: the bundled state table is from 1 May 2022, so a figure priced from it
    for a newer ad understates the pay; the page must say which table priced it, not only store it."""
    from pipeline.normalise import normalise_record
    from tests.test_match_support import listing, warehouse

    record = {
        "kind": "listing", "source": "nav", "source_id": "ltr", "url": "https://example.test/ltr",
        "status": "ACTIVE", "fetched_at": "2026-11-21T00:00:00+00:00", "payload": {},
        "fields": {
            "title": "Rådgiver", "description": "Stillingen lønnes i lønnstrinn 60–65.",
            "published": "2026-10-01T08:00:00+02:00",
        },
    }  # fmt: skip
    row = normalise_record(record, on=date(2026, 11, 21))
    assert row.salary_note is not None
    ad = listing("ltr", "Rådgiver", "Stillingen lønnes i lønnstrinn 60–65.")
    ad.update(salary_min_nok=row.salary_min_nok, salary_max_nok=row.salary_max_nok)
    con = warehouse(tmp_path / "w.duckdb", [ad])
    con.execute(
        "UPDATE listings SET salary_note = ? WHERE listing_id = ?", [row.salary_note, ad["listing_id"]]
    )
    con.close()
    html = client(tmp_path / "w.duckdb").get(f"/listing/{ad['listing_id']}").text
    assert "state pay table of 01 May 2022" in html and "higher today" in html


def test_unknown_listing_is_a_404_page(db_path: Path) -> None:
    response = client(db_path).get("/listing/nav:nope")
    assert response.status_code == 404 and "no such listing" in response.text


def test_i_applied_then_move_to_interview_on_the_board(db_path: Path) -> None:
    page = client(db_path)
    listing_id = DEV["listing_id"]
    token = _token(page.get(f"/listing/{listing_id}").text)
    applied = page.post(
        "/act/track",
        data={"csrf": token, "listing_id": listing_id, "status": "applied", "next": "/applications"},
    )
    assert applied.status_code == 303 and applied.headers["location"] == "/applications"
    assert _applications(db_path) == {listing_id: "applied"}
    board = page.get("/applications").text
    assert "interview →" in board
    page.post(
        "/act/track", data={"csrf": token, "listing_id": listing_id, "status": "interview", "next": "/"}
    )
    assert _applications(db_path) == {listing_id: "interview"}
    board = page.get("/applications").text
    assert 'id="col-interview">interview <span class="count">1</span>' in board
    assert 'id="col-applied">applied <span class="count">0</span>' in board


def test_a_post_without_the_token_changes_nothing(db_path: Path) -> None:
    page = client(db_path)
    response = page.post("/act/track", data={"listing_id": DEV["listing_id"], "status": "applied"})
    assert response.status_code == 403
    forged = page.post(
        "/act/track", data={"csrf": "guess", "listing_id": DEV["listing_id"], "status": "applied"}
    )
    assert forged.status_code == 403
    assert _applications(db_path) == {}


def test_another_host_header_is_refused(db_path: Path) -> None:
    response = client(db_path).get("/", headers={"host": "attacker.example:8765"})
    assert response.status_code == 421


def test_redirects_stay_on_the_site(db_path: Path) -> None:
    page = client(db_path)
    token = _token(page.get("/contacts").text)
    response = page.post(
        "/act/track",
        data={"csrf": token, "listing_id": DEV["listing_id"], "status": "saved", "next": "//evil.example/"},
    )
    assert response.headers["location"] == "/"


def test_pages_load_nothing_from_another_origin(db_path: Path) -> None:
    page = client(db_path)
    for path in ["/", "/applications", "/contacts", "/offer", f"/listing/{DEV['listing_id']}"]:
        response = page.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        html = response.text
        # Only the "open the original ad" link may point elsewhere; nothing is fetched from elsewhere.
        assert not re.search(r'(src|srcset|action)="(https?:)?//', html), path
        for link in re.findall(r'<link[^>]+href="([^"]+)"', html):
            assert link.startswith("/"), (path, link)


def test_a_click_while_the_daily_run_holds_the_warehouse_is_kept_and_applied_after(db_path: Path) -> None:
    page = client(db_path)
    token = _token(page.get("/contacts").text)
    with warehouse_held(db_path):
        response = page.post(
            "/act/track",
            data={"csrf": token, "listing_id": DEV["listing_id"], "status": "applied", "next": "/"},
        )
        assert response.status_code == 303
        busy = page.get("/")
        assert busy.status_code == 503
        assert "The daily run is loading the warehouse" in busy.text
        assert "1 click saved and waiting" in busy.text
    site = page.app.state.site  # type: ignore[attr-defined]
    assert site.journal.apply(wait=5) == 0
    assert _applications(db_path) == {DEV["listing_id"]: "applied"}
    assert not site.journal.path.exists()


def test_followups_download_as_a_calendar(db_path: Path) -> None:
    page = client(db_path)
    token = _token(page.get("/contacts").text)
    page.post(
        "/act/track", data={"csrf": token, "listing_id": DEV["listing_id"], "status": "applied", "next": "/"}
    )
    response = page.get("/followups.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in response.text and "status" in response.text.lower()


def test_offer_check_shows_each_rule_with_its_outcome(db_path: Path) -> None:
    html = (
        client(db_path)
        .get(
            "/offer",
            params={"salary": "500000", "education": "master", "percent": "100", "employer": "Equinor ASA"},
        )
        .text
    )
    assert html.count("<tr class=") >= 3
    assert '<tr class="fail">' in html  # 500,000 is below the master's threshold


def test_shortlist_reads_the_stored_ranking_and_sorts_it(db_path: Path) -> None:
    from web.server import rank

    page = client(db_path)
    assert "No ranking yet" in page.get("/shortlist").text
    cv = Path(__file__).parent / "fixtures" / "cv" / "cv.txt"
    assert rank(db_path, cv, None) >= 1
    html = page.get("/shortlist").text
    assert "against <code>cv.txt</code>" in html
    titles = re.findall(r'<td class="title"><a href="/listing/([^"]+)"', html)
    assert titles[0] == DEV["listing_id"]  # the Python developer's CV ranks the backend role first
    by_salary = re.findall(
        r'<td class="title"><a href="/listing/([^"]+)"', page.get("/shortlist?sort=salary").text
    )
    assert by_salary[0] == DEV["listing_id"]  # NOK 650,000, the highest stated
    assert sorted(by_salary) == sorted(titles)


def _shown(html: str) -> list[str]:
    return re.findall(r'<td class="title"><a href="/listing/([^"]+)"', html)


def test_shortlist_filters_come_from_the_url_and_mean_what_the_cli_means(db_path: Path) -> None:
    from web.server import rank

    rank(db_path, Path(__file__).parent / "fixtures" / "cv" / "cv.txt", None)
    page = client(db_path)
    everything = _shown(page.get("/shortlist").text)
    english = page.get("/shortlist", params={"english": "true"}).text
    assert set(_shown(english)) == {DEV["listing_id"], EVIL["listing_id"]} & set(everything)
    assert "(2 active listings fit them in all): english=true" in english
    assert 'name="english" value="true" checked' in english  # the sidebar shows the filter in force
    bergen = page.get("/shortlist", params={"place": "bergen"}).text
    assert "(1 active listings fit them in all)" in bergen
    assert 'name="place" value="bergen"' in bergen  # a place that is no county shows in its own box
    assert set(_shown(bergen)) <= {COOK["listing_id"]}
    bad = page.get("/shortlist", params={"remote": "moon"}).text
    assert "filter remote: &#39;moon&#39; is not one of onsite, hybrid, remote" in bad


def test_dismiss_and_block_hide_listings_from_the_shortlist_and_keep_the_reason(db_path: Path) -> None:
    page = client(db_path)
    token = _token(page.get(f"/listing/{NURSE['listing_id']}").text)
    page.post(
        "/act/dismiss",
        data={"csrf": token, "listing_id": NURSE["listing_id"], "reason": "needs Norwegian", "next": "/"},
    )
    assert "3 active listings fit" in page.get("/shortlist").text  # of 4
    page.post("/act/block", data={"csrf": token, "employer": "EKSEMPEL", "next": "/"})
    assert "1 active listings fit" in page.get("/shortlist").text  # only Bad AS's is left
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        assert con.execute("SELECT listing_id, reason FROM dismissals").fetchall() == [
            (NURSE["listing_id"], "needs Norwegian")
        ]
        assert con.execute("SELECT count(*) FROM blocked_employers").fetchone() == (1,)
    finally:
        con.close()


def test_today_shows_what_is_new_for_a_saved_search_until_marked_seen(db_path: Path) -> None:
    from matching.searches import save_search
    from pipeline.search_filter import SearchFilter

    with connection(db_path, write=True) as con:
        save_search(con, "english", SearchFilter(english=True))
    page = client(db_path)
    today_html = page.get("/").text
    assert 'english <span class="count">2 new or changed</span>' in today_html
    assert f'href="/listing/{DEV["listing_id"]}"' in today_html
    token = _token(page.get("/contacts").text)
    page.post("/act/digest_seen", data={"csrf": token, "name": "english", "next": "/"})
    assert "Nothing new since you last looked." in page.get("/").text


def test_shortlist_rows_carry_band_evidence_and_flags_in_words_with_a_legend(db_path: Path) -> None:
    from web.server import rank

    rank(db_path, Path(__file__).parent / "fixtures" / "cv" / "cv.txt", None)
    html = client(db_path).get("/shortlist").text
    assert re.search(r'<span class="pill ok">strong \d+</span>', html)
    assert "Working language is English" in html  # the language evidence beside "yes"
    assert "permit_salary_ok" not in html and "permit ok" in html
    assert "What the bands and flags mean" in html and "<dt>strong</dt>" in html


def test_today_shows_the_last_run_of_each_source(db_path: Path) -> None:
    with connection(db_path, write=True) as con:
        con.execute(
            "INSERT INTO crawl_runs (run_id, source, started_at, status, items, new_listings) "
            "VALUES ('r1', 'nav', TIMESTAMP '2026-11-21 06:00:00', 'ok', 320, 12)"
        )
    html = client(db_path).get("/").text
    assert "<td>nav</td><td>2026-11-21 06:00</td>" in html
    assert "<td>ok</td><td>320</td><td>12</td>" in html


@pytest.mark.parametrize(
    ("degree_line", "kept"), [("MSc in Computer Science", False), ("BSc in Computer Science", True)]
)
def test_the_permit_filter_uses_the_degree_the_ranking_read_from_the_cv(
    tmp_path: Path, degree_line: str, kept: bool
) -> None:
    """NOK 560,000 in an ad naming no degree meets the bachelor's threshold, not the master's: the page's
    permit filter must judge it with the applicant's degree, as `match` does."""
    from tests.test_match_support import listing, warehouse
    from web.server import rank

    mid = listing(
        "mid", "Backend-utvikler", DEV["description"], salary_min_nok=560_000, salary_max_nok=560_000
    )
    warehouse(tmp_path / "w.duckdb", [mid]).close()
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Backend developer: APIs in Python, SQL and Docker.\n"
        f"Education\n{degree_line}, University of Porto, 2016\n",
        encoding="utf-8",
    )
    rank(tmp_path / "w.duckdb", cv, None)
    html = client(tmp_path / "w.duckdb").get("/shortlist", params={"permit_salary": "true"}).text
    assert (mid["listing_id"] in _shown(html)) is kept
