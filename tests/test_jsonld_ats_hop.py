"""A career page that links to its ads on an applicant-tracking host: the spider follows one hop there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.sitehelpers import Site, crawl_records, html_page, serve

pytestmark = pytest.mark.slow


def _ad(title: str, more: str = "") -> str:
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "hiringOrganization": {"@type": "Organization", "name": "Fjellbekk AS"},
        "description": "<p>Vi søker en kollega.</p>",
        "datePosted": "2026-11-01",
    }
    return (
        f"<html><head><script type='application/ld+json'>{json.dumps(posting)}</script></head>"
        f"<body><h1>{title}</h1>{more}</body></html>"
    )


def _site(base: str) -> Site:
    ats = base.replace("127.0.0.1", "localhost")
    return {
        "/robots.txt": html_page("User-agent: *\nAllow: /\n"),
        "/karriere/": html_page(
            f"<html><body><a href='{ats}/ats/fjellbekk/jobs'>Se alle stillinger</a>"
            "<a href='/karriere/lager'>Lagermedarbeider</a>"
            "<a href='https://www.linkedin.com/company/fjellbekk/jobs'>LinkedIn</a></body></html>"
        ),
        "/karriere/lager": html_page(_ad("Lagermedarbeider")),
        "/ats/fjellbekk/jobs": html_page(
            "<html><body><a href='/ats/fjellbekk/jobs/1'>Utvikler</a>"
            "<a href='/ats/fjellbekk/jobs/2'>Designer</a></body></html>"
        ),
        "/ats/fjellbekk/jobs/1": html_page(
            _ad("Utvikler", "<a href='/ats/other-company/jobs'>Andre selskaper</a>")
        ),
        "/ats/fjellbekk/jobs/2": html_page(_ad("Designer")),
        "/ats/other-company/jobs": html_page(
            "<html><body><a href='/ats/other-company/jobs/9'>Annet</a></body></html>"
        ),
        "/ats/other-company/jobs/9": html_page(_ad("Et annet selskaps annonse")),
    }


def _crawl(tmp: Path, **args: str) -> list[dict[str, Any]]:
    return crawl_records("jsonld", tmp / "out.jsonl", **args)


def test_ads_on_the_ats_host_are_followed_one_hop(tmp_path: Path) -> None:
    with serve(_site) as server:
        records = _crawl(tmp_path, url=f"{server.base_url}/karriere/", ats_hosts="localhost")
        hits = list(server.hits)
    titles = sorted(r["fields"]["title"] for r in records if r["kind"] == "listing")
    assert titles == ["Designer", "Lagermedarbeider", "Utvikler"]
    assert "/ats/other-company/jobs" not in hits, "an ATS ad page's links lead no further"


def test_without_known_ats_hosts_only_the_own_site_is_crawled(tmp_path: Path) -> None:
    with serve(_site) as server:
        records = _crawl(tmp_path, url=f"{server.base_url}/karriere/", ats_hosts="")
    titles = [r["fields"]["title"] for r in records if r["kind"] == "listing"]
    assert titles == ["Lagermedarbeider"]
