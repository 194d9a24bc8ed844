"""The page as a person uses it, in a real headless Chromium: read Today, open a listing, say "I applied",
move the application on the board with the keyboard, download the follow-ups, and check the warehouse."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser import chromium, needs_chromium, screenshot, wait_for_url
from tests.test_match_support import DEV
from tests.web_support import EVIL, make_warehouse, running_page
from web.server import rank
from web.store import connection

pytestmark = needs_chromium


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return make_warehouse(tmp_path / "w.duckdb")


def _status(db_path: Path, application_id: str) -> str | None:
    with connection(db_path) as con:  # takes turns with the page's own connections in this process
        row = con.execute(
            "SELECT status FROM applications WHERE application_id = ?", [application_id]
        ).fetchone()
    return None if row is None else str(row[0])


def test_filter_dismiss_apply_and_move_to_interview_with_the_keyboard(db_path: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    rank(db_path, Path(__file__).parent / "fixtures" / "cv" / "cv.txt", None)
    with running_page(db_path) as address, chromium(tmp_path) as driver:
        driver.get(address + "/")
        assert "Today" in driver.title
        screenshot(driver, "today")

        # The shortlist, filtered by ticking boxes in the sidebar: English accepted, in Oslo.
        driver.find_element(By.LINK_TEXT, "Shortlist").click()
        wait_for_url(driver, "/shortlist")
        driver.find_element(By.CSS_SELECTOR, "input[name='english']").click()
        driver.find_element(By.CSS_SELECTOR, "input[name='min_salary_nok']").send_keys("0")
        driver.find_element(By.XPATH, "//button[normalize-space()='Apply filters']").click()
        assert "english=true" in wait_for_url(driver, "english=true")  # the view can be bookmarked
        driver.get(driver.current_url + "&place=Oslo")
        shown = {
            a.get_attribute("href").rsplit("/listing/", 1)[1]
            for a in driver.find_elements(By.CSS_SELECTOR, "td.title a")
        }
        assert shown == {DEV["listing_id"], EVIL["listing_id"]}
        screenshot(driver, "shortlist")

        # Dismiss one, with a reason: it leaves the shortlist.
        driver.find_element(By.CSS_SELECTOR, f"td.title a[href='/listing/{EVIL['listing_id']}']").click()
        wait_for_url(driver, "/listing/")
        driver.find_element(By.XPATH, "//summary[normalize-space()='Dismiss this listing']").click()
        driver.find_element(By.CSS_SELECTOR, "input[name='reason']").send_keys("not a real job")
        driver.find_element(By.XPATH, "//button[normalize-space()='Dismiss']").click()
        assert wait_for_url(driver, "/shortlist").endswith("/shortlist")
        assert EVIL["listing_id"] not in driver.page_source

        driver.get(f"{address}/listing/{DEV['listing_id']}")
        assert driver.find_element(By.TAG_NAME, "h1").text == DEV["title"]
        screenshot(driver, "listing")
        driver.find_element(By.XPATH, "//button[normalize-space()='I applied']").click()
        assert wait_for_url(driver, "/applications").endswith("/applications")
        assert _status(db_path, DEV["listing_id"]) == "applied"

        card = driver.find_element(By.CSS_SELECTOR, f"[data-card='{DEV['listing_id']}']")
        card.send_keys(Keys.ARROW_RIGHT)  # applied -> interview, by keyboard (web/static/app.js)
        deadline = time.monotonic() + 10
        while _status(db_path, DEV["listing_id"]) != "interview" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _status(db_path, DEV["listing_id"]) == "interview"
        column = driver.find_element(By.ID, "col-interview")
        assert "1" in column.text
        screenshot(driver, "board")

        driver.find_element(By.LINK_TEXT, "Follow-ups as a calendar (.ics)").click()
        ics = tmp_path / "downloads" / "fjordjobs-followups.ics"
        deadline = time.monotonic() + 10
        while not ics.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "BEGIN:VCALENDAR" in ics.read_text(encoding="utf-8")

    with connection(db_path) as con:  # what the clicks left in the warehouse
        assert con.execute("SELECT listing_id, reason FROM dismissals").fetchall() == [
            (EVIL["listing_id"], "not a real job")
        ]
        events = con.execute("SELECT status FROM application_events ORDER BY seq").fetchall()
        assert [e[0] for e in events] == ["applied", "interview"]


def test_a_crawled_script_does_not_run_in_the_page(db_path: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    with running_page(db_path) as address, chromium(tmp_path) as driver:
        driver.get(f"{address}/listing/{EVIL['listing_id']}")
        assert "<script>alert(1)</script>Hacker" in driver.find_element(By.TAG_NAME, "h1").text
        assert driver.execute_script("return document.querySelectorAll('main img').length") == 0


def test_the_page_is_usable_on_a_phone(db_path: Path, tmp_path: Path) -> None:
    with running_page(db_path) as address, chromium(tmp_path, width=390, height=844) as driver:
        for path, name in [
            ("/", "today-390"),
            ("/applications", "board-390"),
            (f"/listing/{DEV['listing_id']}", "listing-390"),
        ]:
            driver.get(address + path)
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 390 px"
            screenshot(driver, name)
