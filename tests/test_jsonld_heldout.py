"""Issue 3 acceptance: the `jsonld` spider on a held-out career site it was not built against.

The site (tests/sites/heldout_careers.py) has 80 ads in eight ATS styles, an 81st ad whose JSON-LD is an
unrendered template, a draft ad behind `Disallow: /admin/`, and some thirty other pages. Crawled from the
index page, from the sitemap index and from the site root, the spider must land each of the 80 ads exactly
once with its title and employer, quarantine only the broken one, and take nothing from the other pages.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import pytest

from spiders.run import LOOPBACK_SETTINGS, CrawlResult, run_spider
from tests.sitehelpers import SiteServer, serve
from tests.sites.heldout_careers import (
    ADS,
    BROKEN_AD,
    INDEX_PATH,
    SITEMAP_INDEX_PATH,
    Ad,
    build_site,
    expected_fields,
)

pytestmark = pytest.mark.slow

STARTS = {"index": INDEX_PATH, "sitemap": SITEMAP_INDEX_PATH, "root": "/"}
AD_ID = re.compile(r"HX-\d{3}")
IGNORED_PARAMS = {"ref", "q"}


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with serve(build_site) as server:
        yield server


@pytest.fixture(scope="module")
def crawls(site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """One crawl per start URL, run side by side (each is its own `scrapy crawl` process)."""
    folder = tmp_path_factory.mktemp("heldout")

    def crawl(name: str) -> tuple[str, CrawlResult]:
        result = run_spider(
            "jsonld",
            folder / f"{name}.jsonl",
            args={"url": site.base_url + STARTS[name]},
            settings=LOOPBACK_SETTINGS,
            timeout=240,
        )
        return name, result

    with ThreadPoolExecutor(max_workers=len(STARTS)) as pool:
        results = dict(pool.map(crawl, STARTS))
    records: dict[str, list[dict[str, Any]]] = {}
    for name, result in results.items():
        assert result.returncode == 0, f"{name}: {result.log[-3000:]}"
        text = result.output.read_text(encoding="utf-8") if result.output.exists() else ""
        records[name] = [json.loads(line) for line in text.splitlines() if line.strip()]
    return records


def _listings(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [record for record in records if record["kind"] == "listing"]


def _ad_id(record: dict[str, Any]) -> str | None:
    found = AD_ID.search(record["fields"].get("title") or "")
    return found.group(0) if found else None


def _same_page(url: str, base: str) -> str:
    """The URL relative to the site, decoded, without fragment or the parameters the site ignores, query sorted."""
    parts = urlsplit(url)
    kept = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k not in IGNORED_PARAMS and not k.startswith("utm_")
    )
    query = f"?{urlencode(kept)}" if kept else ""
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return f"{origin}{unquote(parts.path)}{query}".removeprefix(base)


def _answers_at(ad: Ad) -> set[str]:
    """Every page (in `_same_page` form) that shows `ad`."""
    paths = {_same_page(path, "") for path in (ad.path, *ad.aliases)}
    return paths | {path.rstrip("/") for path in paths if path.endswith("/")}


BY_ID = {ad.ad_id: ad for ad in ADS}


@pytest.mark.parametrize("start", list(STARTS))
def test_each_of_the_80_ads_lands_exactly_once(crawls: dict[str, list[dict[str, Any]]], start: str) -> None:
    listings = _listings(crawls[start])
    counts = Counter(_ad_id(record) for record in listings)
    missing = sorted(set(BY_ID) - set(counts))
    twice = sorted(ad_id for ad_id, n in counts.items() if ad_id and n > 1)
    assert not missing, (
        f"{len(missing)} ads not landed: {[(i, BY_ID[i].style, BY_ID[i].quirk) for i in missing]}"
    )
    assert not twice, f"ads landed more than once: {twice}"
    assert len(listings) == 80


@pytest.mark.parametrize("start", list(STARTS))
def test_each_ad_has_its_title_and_employer(crawls: dict[str, list[dict[str, Any]]], start: str) -> None:
    wrong = []
    for record in _listings(crawls[start]):
        ad = BY_ID.get(_ad_id(record) or "")
        if ad is None:
            continue
        fields = record["fields"]
        got = ((fields.get("title") or "").strip(), (fields.get("employer") or "").strip())
        if got != (ad.title, ad.employer):
            wrong.append((ad.ad_id, ad.style, ad.quirk, got))
        assert record["source"] == "jsonld"
        assert record["status"] == "ACTIVE"
        assert record["payload"]["jsonld"], ad.ad_id
    assert not wrong, wrong


@pytest.mark.parametrize("start", list(STARTS))
def test_nothing_lands_from_the_sites_other_pages(
    crawls: dict[str, list[dict[str, Any]]], start: str, site: SiteServer
) -> None:
    strays = []
    for record in _listings(crawls[start]):
        ad = BY_ID.get(_ad_id(record) or "")
        page = _same_page(record["url"], site.base_url)
        if ad is None or page not in _answers_at(ad):
            strays.append((record["url"], record["fields"].get("title")))
    assert not strays, strays


@pytest.mark.parametrize("start", list(STARTS))
def test_only_the_unparseable_ad_is_quarantined(
    crawls: dict[str, list[dict[str, Any]]], start: str, site: SiteServer
) -> None:
    quarantined = [record for record in crawls[start] if record["kind"] == "quarantine"]
    pages = {_same_page(record["url"], site.base_url) for record in quarantined}
    assert pages == {_same_page(BROKEN_AD.path, "")}, [(r["url"], r["reason"]) for r in quarantined]
    assert len(quarantined) == 1
    assert "{{ job.title | json }}" in quarantined[0]["payload"]


def test_robots_txt_keeps_the_admin_draft_unfetched(
    crawls: dict[str, list[dict[str, Any]]], site: SiteServer
) -> None:
    assert "/robots.txt" in site.hits
    assert not [path for path in site.hits if path.lower().startswith("/admin")]
    for records in crawls.values():
        assert not [r for r in _listings(records) if "HX-090" in (r["fields"].get("title") or "")]


def test_site_has_the_shape_the_issue_asks_for(site: SiteServer) -> None:
    """Guard the fixture itself: 80 distinct ads in eight styles, each served, plus the other pages."""
    assert len(ADS) == 80 and len({ad.ad_id for ad in ADS}) == 80
    assert len({ad.style for ad in ADS}) == 8
    for ad in ADS:
        for path in (ad.path, *ad.aliases):
            page = site.site[path]
            assert page.status == 200 and ad.title.encode() in page.body, path
    ad_pages = {path for ad in ADS for path in (ad.path, *ad.aliases)}
    others = {path for path in site.site if path not in ad_pages and "/applications/" not in path}
    assert len(others) >= 30


@pytest.mark.parametrize("start", ["index"])
def test_the_ads_other_fields_come_through(crawls: dict[str, list[dict[str, Any]]], start: str) -> None:
    """Description as HTML or text (never still escaped), employment types, deadline, salary, places."""
    wrong = []
    for record in _listings(crawls[start]):
        ad = BY_ID.get(_ad_id(record) or "")
        if ad is None:
            continue
        fields, want = record["fields"], expected_fields(ad)
        description = fields.get("description") or ""
        salary = json.dumps(fields.get("base_salary"))
        locations = fields.get("locations") or []
        problems = {
            "description": "søker en engasjert" not in description or "&lt;" in description,
            "employment_types": list(fields.get("employment_types") or []) != list(want.employment_types),
            "expires": fields.get("expires") != want.expires,
            "salary": (fields.get("base_salary") is None) != (not want.salary_numbers)
            or any(str(n) not in salary for n in want.salary_numbers),
            "locations": len(locations) != want.location_count
            or (want.city_given and locations[0].get("city") != ad.city),
        }
        bad = [name for name, failed in problems.items() if failed]
        if bad:
            wrong.append((ad.ad_id, ad.style, ad.quirk, bad))
    assert not wrong, wrong
