"""Crawl the local Finn-style site over HTTP with the real `finn` spider (a `scrapy crawl` process)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spiders.run import LOOPBACK_SETTINGS, run_spider
from tests.sitehelpers import SiteServer, crawl_records, serve
from tests.sites.finn import (
    BLANK_CODE,
    DISALLOWED_CODE,
    OLD_TEMPLATE_CODE,
    QUERY_STATE_CODE,
    REAL_CODES,
    build_site,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with serve(build_site) as server:
        yield server


@pytest.fixture(scope="module")
def records(site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    output = tmp_path_factory.mktemp("finn") / "finn.jsonl"
    return crawl_records(
        "finn", output, url=f"{site.base_url}/job/search?q=utvikler", i_have_permission="yes"
    )


def _listings(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["source_id"]: record for record in records if record["kind"] == "listing"}


def test_each_ad_once_by_code_across_pages_and_url_forms(records: list[dict[str, Any]]) -> None:
    listings = [record for record in records if record["kind"] == "listing"]
    assert sorted(record["source_id"] for record in listings) == sorted(
        [*REAL_CODES, OLD_TEMPLATE_CODE, QUERY_STATE_CODE]
    )
    for record in listings:
        assert record["url"].endswith(f"/job/ad/{record['source_id']}")
        assert record["status"] == "ACTIVE"
        assert record["version_key"] is None
        assert set(record["payload"]) == {"initial_state", "jsonld", "facts", "text"}
        assert record["fields"]["title"] and record["fields"]["employer"]


def test_fields_from_every_layer(records: list[dict[str, Any]]) -> None:
    by_code = _listings(records)
    assert by_code[REAL_CODES[0]]["fields"]["work_language"] == ["Norsk"]
    assert by_code[REAL_CODES[1]]["fields"]["application_due"] == "15.8.2026"
    assert by_code[OLD_TEMPLATE_CODE]["fields"]["base_salary"]["max"] == "850000"
    assert by_code[QUERY_STATE_CODE]["fields"]["work_language"] == ["Engelsk"]


def test_blank_page_is_quarantined_and_robots_txt_obeyed(
    records: list[dict[str, Any]], site: SiteServer
) -> None:
    [quarantine] = [record for record in records if record["kind"] == "quarantine"]
    assert quarantine["url"].endswith(f"/job/ad/{BLANK_CODE}")
    assert "no initial state" in quarantine["reason"]
    assert f"/job/ad/{DISALLOWED_CODE}" not in site.hits
    assert "/robots.txt" in site.hits


def test_stats_record_comes_last(records: list[dict[str, Any]]) -> None:
    stats = records[-1]
    assert stats["kind"] == "stats"
    assert stats["source"] == "finn"
    assert stats["ads"] == 4
    assert stats["quarantined"] == 1
    assert stats["pages"] >= 7
    assert stats["requests"] >= stats["pages"]


def test_refuses_to_start_without_permission(site: SiteServer, tmp_path: Path) -> None:
    result = run_spider(
        "finn",
        tmp_path / "off.jsonl",
        args={"url": f"{site.base_url}/job/search"},
        settings=LOOPBACK_SETTINGS,
    )
    assert result.returncode != 0
    assert "the finn spider is off: Finn's terms forbid systematic collection" in result.log
    assert "i_have_permission=yes" in result.log


def test_setting_enables_it_too(site: SiteServer, tmp_path: Path) -> None:
    output = tmp_path / "on.jsonl"
    result = run_spider(
        "finn",
        output,
        args={"url": f"{site.base_url}/job/ad/{QUERY_STATE_CODE}"},
        settings={**LOOPBACK_SETTINGS, "FINN_ENABLED": "True"},
    )
    assert result.returncode == 0
    kinds = [json.loads(line)["kind"] for line in output.read_text(encoding="utf-8").splitlines()]
    assert kinds == ["listing", "stats"]
