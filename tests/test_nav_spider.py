"""The NAV spider over real HTTP against the local feed stand-in (each test runs `scrapy crawl nav`)."""

from __future__ import annotations

import json
import threading
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from demo.feed_server import NavFeedServer
from spiders.backoff import RetryBackoffMiddleware
from spiders.run import LOOPBACK_SETTINGS, run_spider

SETTINGS = dict(LOOPBACK_SETTINGS, RETRY_BACKOFF_BASE="0.05", LOG_LEVEL="DEBUG")
CONTACT_EMAIL_DOMAIN = "@kontakt.example.no"


def make_ad(n: int, *, days_ago: float = 3, title: str | None = None) -> dict[str, Any]:
    """A small NAV `ad_content` with a contact person, changed `days_ago` days ago."""
    updated = datetime.now(UTC) - timedelta(days=days_ago, minutes=n)
    return {
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "title": title or f"Utvikler nr. {n}",
        "jobtitle": "Utvikler",
        "description": f"<p>Vi søker utvikler nummer {n}.</p>",
        "published": updated.isoformat(),
        "expires": (updated + timedelta(days=30)).isoformat(),
        "updated": updated.isoformat(),
        "employer": {
            "name": f"Firma {n} AS",
            "orgnr": "999999999",
            "description": "<p>Om oss</p>",
            "homepage": "",
        },
        "workLocations": [
            {
                "country": "NORGE",
                "address": "",
                "city": "BERGEN",
                "postalCode": "5003",
                "county": "VESTLAND",
                "municipal": "BERGEN",
            }
        ],
        "contactList": [
            {
                "name": f"Kontakt {n}",
                "email": f"k{n}{CONTACT_EMAIL_DOMAIN}",
                "phone": "99999999",
                "role": "",
                "title": "Leder",
            }
        ],
        "engagementtype": "Fast",
        "extent": "Heltid",
        "sector": "Privat",
        "applicationDue": "Snarest",
        "occupationCategories": [{"level1": "IT", "level2": "Utvikling"}],
        "categoryList": [
            {"categoryType": "STYRK08", "code": "2512", "name": "Programvareutviklere", "score": 1.0}
        ],
        "sourceurl": "",
        "applicationUrl": f"https://jobs.example.no/{n}",
        "link": "",
        "positioncount": "1",
    }


def crawl(
    server: NavFeedServer, out: Path, state: dict[str, Any] | None = None, **extra: str
) -> list[dict[str, Any]]:
    """Run the real spider against `server`; return its records (fails the test on a non-zero exit)."""
    args = {"url": server.url, "page_size": "3", **extra}
    if state is not None:
        state_file = out.with_suffix(".state.json")
        state_file.write_text(json.dumps(state), encoding="utf-8")
        args["state"] = str(state_file)
    result = run_spider("nav", out, args=args, settings=SETTINGS, timeout=120)
    assert result.returncode == 0, result.log[-3000:]
    assert server.token not in result.log, "the bearer token must never be logged"
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def listings(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["kind"] == "listing"]


def one(records: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    (record,) = [r for r in records if r["kind"] == kind]
    return record


def state_after(records: list[dict[str, Any]], before: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the ingest would save: the cursor and the newest version of each ad delivered."""
    known = dict((before or {}).get("known", {}))
    known.update({r["source_id"]: r["version_key"] for r in listings(records)})
    return {"cursor": one(records, "cursor")["value"], "known": known}


def entry_calls(server: NavFeedServer, since: int = 0) -> list[tuple[str, str, int]]:
    return [r for r in server.requests[since:] if r[1].startswith("/api/v1/feedentry/")]


@pytest.fixture()
def server() -> Iterator[NavFeedServer]:
    old = make_ad(99, days_ago=300)  # beyond the 190-day bootstrap window
    with NavFeedServer([old, *(make_ad(n) for n in range(1, 8))], page_size=3) as feed:
        yield feed


def test_first_crawl_walks_overlapping_pages_and_fetches_every_active_ad_once(
    server: NavFeedServer, tmp_path: Path
) -> None:
    records = crawl(server, tmp_path / "first.jsonl")
    ads = listings(records)
    expected = {make_ad(n)["uuid"] for n in range(1, 8)}
    assert sorted(r["source_id"] for r in ads) == sorted(expected)  # each once, none from 300 days ago
    assert sorted(r[1] for r in entry_calls(server)) == sorted(f"/api/v1/feedentry/{u}" for u in expected)
    first = next(r for r in ads if r["source_id"] == make_ad(1)["uuid"])
    assert first["status"] == "ACTIVE"
    assert first["url"] == f"https://arbeidsplassen.nav.no/stillinger/stilling/{make_ad(1)['uuid']}"
    assert first["fields"]["title"] == "Utvikler nr. 1"
    assert first["fields"]["locations"][0]["city"] == "BERGEN"
    assert first["version_key"] == first["payload"]["sistEndret"]
    assert first["payload"]["ad_content"]["uuid"] == make_ad(1)["uuid"]
    # The walk ends at the tip page, which is where the next crawl resumes.
    last_page = [path for _, path, _ in server.requests if path.startswith("/api/v1/feed/")][-1]
    assert last_page.startswith(f"/api/v1/feed/{one(records, 'cursor')['value']}?")
    assert one(records, "stats")["requests"] == server.request_count


def test_if_modified_since_only_on_the_bootstrap_request(server: NavFeedServer, tmp_path: Path) -> None:
    crawl(server, tmp_path / "first.jsonl")
    feed_headers = [
        h for (_, path, _), h in zip(server.requests, server.request_headers, strict=True) if "/feed" in path
    ]
    assert "if-modified-since" in feed_headers[0]
    since = parsedate_to_datetime(feed_headers[0]["if-modified-since"])
    assert abs((datetime.now(UTC) - since) - timedelta(days=190)) < timedelta(minutes=5)
    assert all("if-modified-since" not in h for h in feed_headers[1:])
    assert all(h.get("authorization", "").startswith("Bearer ey") for h in feed_headers)


def test_recrawl_with_nothing_new_costs_at_most_six_requests(server: NavFeedServer, tmp_path: Path) -> None:
    first = crawl(server, tmp_path / "first.jsonl")
    before = server.request_count
    again = crawl(server, tmp_path / "again.jsonl", state_after(first))
    assert server.request_count - before <= 6
    assert listings(again) == []
    assert entry_calls(server, before) == []
    assert one(again, "cursor")["value"] == one(first, "cursor")["value"]
    assert all("if-modified-since" not in h for h in server.request_headers[before:])


def test_changes_since_last_crawl_retitled_and_deactivated(server: NavFeedServer, tmp_path: Path) -> None:
    first = crawl(server, tmp_path / "first.jsonl")
    retitled, stopped = make_ad(2)["uuid"], make_ad(5)["uuid"]
    server.update_ad(retitled, title="Senior utvikler")
    server.deactivate(stopped)
    before = server.request_count
    records = crawl(server, tmp_path / "second.jsonl", state_after(first))
    by_id = {r["source_id"]: r for r in listings(records)}
    assert set(by_id) == {retitled, stopped}
    assert by_id[retitled]["status"] == "ACTIVE"
    assert by_id[retitled]["fields"]["title"] == "Senior utvikler"
    assert by_id[stopped]["status"] == "INACTIVE"
    assert by_id[stopped]["fields"] == {}
    assert CONTACT_EMAIL_DOMAIN not in json.dumps(by_id[stopped])
    assert [r[1] for r in entry_calls(server, before)] == [
        f"/api/v1/feedentry/{retitled}"
    ]  # no call for INACTIVE


def test_ad_withdrawn_before_first_crawl_comes_out_inactive_without_contacts(
    server: NavFeedServer, tmp_path: Path
) -> None:
    retitled, stopped = make_ad(1)["uuid"], make_ad(3)["uuid"]
    server.update_ad(retitled, title="Ny tittel")
    server.deactivate(stopped)
    records = crawl(server, tmp_path / "first.jsonl")
    mine = [r for r in listings(records) if r["source_id"] == stopped]
    assert mine and all(r["status"] == "INACTIVE" for r in mine)
    assert CONTACT_EMAIL_DOMAIN not in json.dumps(mine)
    titles = [r["fields"]["title"] for r in listings(records) if r["source_id"] == retitled]
    assert titles[-1] == "Ny tittel" and "Utvikler nr. 1" not in titles


def test_token_rotated_mid_crawl_is_fetched_again_once(server: NavFeedServer, tmp_path: Path) -> None:
    server.rotate_token_after(4)  # robots.txt, token, first page, one entry: then the token goes stale
    records = crawl(server, tmp_path / "first.jsonl")
    assert len(listings(records)) == 7
    assert [r for r in server.requests if r[1] == "/api/publicToken"] == [
        ("GET", "/api/publicToken", 200)
    ] * 2
    assert any(status == 401 for _, _, status in server.requests)


def test_transient_503s_are_retried(server: NavFeedServer, tmp_path: Path) -> None:
    server.fail_next(3, status=503, path_prefix="/api/v1/feedentry/")
    server.fail_next(1, status=503, path_prefix="/api/v1/feed/")
    records = crawl(server, tmp_path / "first.jsonl")
    assert len(listings(records)) == 7
    assert sum(1 for _, _, status in server.requests if status == 503) == 4
    assert one(records, "stats")["failed"] == 0


def test_feed_entry_404_is_final_and_marks_the_ad_inactive(server: NavFeedServer, tmp_path: Path) -> None:
    gone = make_ad(4)["uuid"]
    server.hide_entry(gone)
    records = crawl(server, tmp_path / "first.jsonl")
    (record,) = [r for r in listings(records) if r["source_id"] == gone]
    assert record["status"] == "INACTIVE"
    assert "404" in record["reason"]
    assert entry_calls(server).count(("GET", f"/api/v1/feedentry/{gone}", 404)) == 1
    assert len(listings(records)) == 7


def test_entry_that_keeps_failing_rewinds_the_cursor(server: NavFeedServer, tmp_path: Path) -> None:
    server.fail_next(5, status=503, path_prefix=f"/api/v1/feedentry/{make_ad(7)['uuid']}")
    records = crawl(server, tmp_path / "first.jsonl")  # 5 = first try + RETRY_TIMES
    assert make_ad(7)["uuid"] not in {r["source_id"] for r in listings(records)}
    assert one(records, "stats")["failed"] == 1
    # Next time, the walk resumes at the page holding the ad that failed, and fetches it.
    again = crawl(server, tmp_path / "again.jsonl", state_after(records))
    assert [r["source_id"] for r in listings(again)] == [make_ad(7)["uuid"]]


def test_backoff_grows_and_is_capped() -> None:
    backoff = RetryBackoffMiddleware(base=1.0, cap=5.0)
    assert backoff.delay(0) == 0
    assert 1.0 <= backoff.delay(1) <= 1.25
    assert 4.0 <= backoff.delay(3) <= 5.0
    assert 5.0 <= backoff.delay(10) <= 6.25


def test_cursor_the_feed_no_longer_knows_falls_back_to_bootstrap(
    server: NavFeedServer, tmp_path: Path
) -> None:
    records = crawl(server, tmp_path / "first.jsonl", {"cursor": "no-such-page", "known": {}})
    assert len(listings(records)) == 7
    paths = [path for _, path, _ in server.requests if path.startswith("/api/v1/feed")]
    assert paths[0].startswith("/api/v1/feed/no-such-page") and paths[1].startswith("/api/v1/feed?")


def test_no_token_means_no_records_and_a_clear_log_line(server: NavFeedServer, tmp_path: Path) -> None:
    server.fail_next(5, status=503, path_prefix="/api/publicToken")  # first try + 4 retries
    result = run_spider(
        "nav", tmp_path / "out.jsonl", args={"url": server.url}, settings=SETTINGS, timeout=60
    )
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == ""
    assert "Could not get NAV's public token" in result.log
    assert "'finish_reason': 'nav_token_unavailable'" in result.log
    assert not any(path.startswith("/api/v1/") for _, path, _ in server.requests)


class SlowEntryServer(NavFeedServer):
    """Answers feed entries slowly; records how many were being answered at once, and, for each feed page
    after the first, how many entry requests arrived between the previous page's reply and that page."""

    def __init__(self, *args: Any, entry_seconds: float = 0.05, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.entry_seconds = entry_seconds
        self.in_flight = 0
        self.most_in_flight = 0
        self.entries_before_page: list[int] = []
        self._entries_since_page: int | None = None  # None until the first page is answered
        self._count_lock = threading.Lock()

    def handle(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if target.startswith("/api/v1/feed/") or target.startswith("/api/v1/feed?"):
            with self._count_lock:
                if self._entries_since_page is not None:
                    self.entries_before_page.append(self._entries_since_page)
            answer = super().handle(method, target, headers)
            with self._count_lock:
                self._entries_since_page = 0
            return answer
        if not target.startswith("/api/v1/feedentry/"):
            return super().handle(method, target, headers)
        with self._count_lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            if self._entries_since_page is not None:
                self._entries_since_page += 1
        # Between half and one and a half times entry_seconds, so replies do not all come back together.
        time.sleep(self.entry_seconds * (0.5 + zlib.crc32(target.encode()) % 100 / 100))
        with self._count_lock:
            self.in_flight -= 1
        return super().handle(method, target, headers)


def crawl_slow(server: SlowEntryServer, out: Path, page_size: int) -> list[dict[str, Any]]:
    """Crawl with Scrapy allowed 32 requests at once, all to one host: more than NAV may get."""
    settings = dict(SETTINGS, CONCURRENT_REQUESTS="32", CONCURRENT_REQUESTS_PER_DOMAIN="32")
    args = {"url": server.url, "page_size": str(page_size)}
    result = run_spider("nav", out, args=args, settings=settings, timeout=180)
    assert result.returncode == 0, result.log[-3000:]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_at_most_eight_entry_requests_at_once_even_if_settings_allow_more(tmp_path: Path) -> None:
    with SlowEntryServer([make_ad(n) for n in range(1, 41)], page_size=100) as server:
        records = crawl_slow(server, tmp_path / "out.jsonl", page_size=100)
        assert len(listings(records)) == 40
        assert 2 <= server.most_in_flight <= 8


def test_the_page_walk_is_not_queued_behind_the_entries_it_spawned(tmp_path: Path) -> None:
    """The walk must run ahead of the entry requests (spiders/navfeed/api.py says why). Counted over the
    crawl: entry requests NAV received between a page's reply and the next page. Measured on 160 ads:
    153 when the pages waited their turn among the entries, 23 with the spider's old queue, 40-58 now."""
    ads = [make_ad(n) for n in range(1, 161)]
    with SlowEntryServer(ads, page_size=20, entry_seconds=0.2) as server:
        records = crawl_slow(server, tmp_path / "out.jsonl", page_size=20)
        assert sorted(r["source_id"] for r in listings(records)) == sorted(ad["uuid"] for ad in ads)
        assert len(server.entries_before_page) >= 8  # 160 ads, 20 to a page, one overlapping
        assert sum(server.entries_before_page) < len(ads) * 3 // 4, server.entries_before_page
        assert 2 <= server.most_in_flight <= 8
