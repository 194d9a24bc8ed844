"""Headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, for end-to-end tests.

No browser is downloaded: the tests use /usr/bin/chromium and /usr/bin/chromedriver, which `.ci/run`
installs, and are skipped with their reason where those are missing. The background-networking flags
keep Chromium from calling home (the machine has no network, and the page must fetch nothing outside
127.0.0.1 anyway).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)",
)
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
)  # fmt: skip
SCREENS = Path(os.environ.get("FJORDJOBS_SCREENS_DIR", "reports/screens"))


@contextmanager
def chromium(tmp_path: Path, width: int = 1280, height: int = 900) -> Iterator[WebDriver]:
    """A Selenium driver for headless Chromium, with downloads going to `tmp_path / "downloads"`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_argument(f"--window-size={width},{height}")
    downloads = tmp_path / "downloads"
    downloads.mkdir(exist_ok=True)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(10)  # find_element retries while a clicked link's page is still loading
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver: WebDriver, name: str) -> None:
    """Save a screenshot to reports/screens/ when asked (`make screens` sets FJORDJOBS_SCREENS=1)."""
    if os.environ.get("FJORDJOBS_SCREENS") != "1":
        return
    SCREENS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENS / f"{name}.png"))


def wait_for_url(driver: WebDriver, condition: str, seconds: float = 15) -> str:
    """Wait until the page has moved to a URL containing `condition`, and return it.

    A click on a form's button returns before the POST and its redirect have finished, so reading
    `current_url` straight after can still see the old page (seen once in CI under load).
    """
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, seconds).until(expected_conditions.url_contains(condition))
    return str(driver.current_url)
