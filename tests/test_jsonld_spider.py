"""Crawl the local 40-ad career site over HTTP with the real `jsonld` spider (a `scrapy crawl` process)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spiders.run import LOOPBACK_SETTINGS, run_spider
from tests.sitehelpers import SiteServer, crawl_records, serve
from tests.sites.careers import (
    ADS,
    BROKEN_PATH,
    DUPLICATE_OF,
    DUPLICATE_PATH,
    EXPIRED,
    PREVIEW_PATH,
    build_site,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with serve(build_site) as server:
        yield server


def _crawl(site: SiteServer, tmp: Path, name: str, **args: str) -> list[dict[str, Any]]:
    return crawl_records("jsonld", tmp / f"{name}.jsonl", **args)


@pytest.fixture(scope="module")
def crawls(site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("jsonld")
    base = site.base_url
    return {
        "index": _crawl(site, tmp, "index", url=f"{base}/karriere/"),
        "sitemap": _crawl(site, tmp, "sitemap", url=f"{base}/sitemap_index.xml"),
        "root": _crawl(site, tmp, "root", url=f"{base}/"),
    }


def _listings(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [record for record in records if record["kind"] == "listing"]


@pytest.mark.parametrize("start", ["index", "sitemap", "root"])
def test_every_ad_once_with_title_and_employer_and_nothing_else(
    crawls: dict[str, list[dict[str, Any]]], start: str
) -> None:
    listings = _listings(crawls[start])
    got = Counter((record["fields"]["title"], record["fields"]["employer"]) for record in listings)
    assert got == Counter((ad.title, ad.employer) for ad in ADS)
    assert len({record["source_id"] for record in listings}) == len(ADS)
    for record in listings:
        assert record["source"] == "jsonld"
        assert record["status"] == "ACTIVE"
        assert record["version_key"] is None
        assert set(record["payload"]) == {"jsonld", "text", "page_title"}
        assert record["payload"]["jsonld"] and record["payload"]["text"]


@pytest.mark.parametrize("start", ["index", "sitemap", "root"])
def test_broken_ad_goes_to_quarantine_and_stats_come_last(
    crawls: dict[str, list[dict[str, Any]]], site: SiteServer, start: str
) -> None:
    records = crawls[start]
    [quarantine] = [record for record in records if record["kind"] == "quarantine"]
    assert quarantine["url"] == site.base_url + BROKEN_PATH
    assert quarantine["reason"].startswith("JSON-LD: not JSON even after the usual repairs")
    assert '"title": "Lagerarbeider"' in quarantine["payload"]
    stats = records[-1]
    assert stats["kind"] == "stats"
    assert stats["source"] == "jsonld"
    assert stats["ads"] == len(ADS)
    assert stats["pages"] >= len(ADS) + 1
    assert stats["requests"] >= stats["pages"]


def test_source_ids_are_canonical_page_urls(
    crawls: dict[str, list[dict[str, Any]]], site: SiteServer
) -> None:
    by_title = {record["fields"]["title"]: record for record in _listings(crawls["index"])}
    base = site.base_url
    # The index links carry utm parameters and #fragments; neither survives.
    assert {record["source_id"] for record in by_title.values()} == {
        base + ad.path.replace("ø", "%C3%B8").replace("æ", "%C3%A6").replace("å", "%C3%A5") for ad in ADS
    }
    duplicate = by_title[DUPLICATE_OF.title]
    assert duplicate["source_id"] == base + DUPLICATE_OF.path


def test_duplicate_path_with_canonical_link_is_one_record(
    crawls: dict[str, list[dict[str, Any]]], site: SiteServer
) -> None:
    for start in ("index", "sitemap"):
        matching = [r for r in _listings(crawls[start]) if r["fields"]["title"] == DUPLICATE_OF.title]
        assert len(matching) == 1
    assert DUPLICATE_PATH in site.hits
    # Print views (same page, no canonical link) were fetched too, and still written only once.
    assert any(hit.endswith("?print=1") for hit in site.hits)


def test_robots_txt_keeps_the_spider_out_of_the_preview_area(
    crawls: dict[str, list[dict[str, Any]]], site: SiteServer
) -> None:
    assert not [hit for hit in site.hits if hit.startswith(PREVIEW_PATH)]
    assert all("Lagerleder" not in (r["fields"]["title"] or "") for r in _listings(crawls["index"]))


def test_fields_survive_the_crawl(crawls: dict[str, list[dict[str, Any]]]) -> None:
    by_title = {record["fields"]["title"]: record for record in _listings(crawls["sitemap"])}
    expired = by_title[EXPIRED.title]
    assert "This position is no longer active" in expired["payload"]["text"]
    assert expired["fields"]["description"].startswith("<p>")
    jobylon = by_title[DUPLICATE_OF.title]["fields"]
    assert jobylon["base_salary"]["min"] == "650000"
    assert [loc["city"] for loc in jobylon["locations"]] == ["Trondheim", "Oslo"]


def test_page_budget_bounds_the_crawl(site: SiteServer, tmp_path: Path) -> None:
    records = _crawl(site, tmp_path, "budget", url=f"{site.base_url}/karriere/", max_pages="6")
    stats = records[-1]
    assert stats["kind"] == "stats"
    assert stats["pages"] <= 6
    assert 0 < stats["ads"] < len(ADS)


def test_site_without_ads_yields_only_stats_and_says_so(site: SiteServer, tmp_path: Path) -> None:
    output = tmp_path / "none.jsonl"
    result = run_spider(
        "jsonld",
        output,
        args={"url": f"{site.base_url}/om-oss/", "max_depth": "0"},
        settings=LOOPBACK_SETTINGS,
    )
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [record["kind"] for record in records] == ["stats"]
    assert records[0]["ads"] == 0
    assert "found no ads" in result.log
