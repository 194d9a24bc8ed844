"""The NAV feed stand-in answers like the real service where a client can tell (shared NOTES.md §1)."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from demo.feed_server import TOKEN_HEADLINE, NavFeedServer, load_ads


def _ad(n: int) -> dict[str, Any]:
    return {
        "uuid": f"ad-{n}",
        "title": f"Stilling {n}",
        "updated": f"2026-10-{n:02d}T10:00:00+02:00",
        "employer": {"name": f"Firma {n}"},
        "workLocations": [{"municipal": "OSLO"}],
        "contactList": [{"name": "Kari", "email": "kari@example.no"}],
    }


@pytest.fixture()
def feed() -> Iterator[NavFeedServer]:
    with NavFeedServer([_ad(n) for n in range(1, 6)], page_size=2, max_page_size=3) as server:
        yield server


def get(feed: NavFeedServer, path: str, token: str | None = "current", **headers: str) -> tuple[int, Any]:
    if token == "current":
        token = feed.token
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(feed.url + path, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            body = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    return status, json.loads(body) if body.startswith("{") else body


def test_public_token_is_a_headline_and_a_jwt(feed: NavFeedServer) -> None:
    status, body = get(feed, "/api/publicToken", token=None)
    headline, token = body.strip().splitlines()
    assert status == 200 and headline == TOKEN_HEADLINE
    assert token == feed.token and token.startswith("ey") and token.count(".") == 2


def test_api_refuses_missing_and_stale_tokens(feed: NavFeedServer) -> None:
    stale = feed.token
    assert get(feed, "/api/v1/feed", token=None)[0] == 401
    feed.rotate_token()
    assert get(feed, "/api/v1/feed", token=stale)[0] == 401
    assert get(feed, "/api/v1/feed")[0] == 200


def test_pages_overlap_by_one_and_the_tip_has_no_next(feed: NavFeedServer) -> None:
    seen: list[list[str]] = []
    _, page = get(feed, "/api/v1/feed")
    while True:
        seen.append([item["id"] for item in page["items"]])
        if page["next_id"] is None:
            break
        _, page = get(feed, f"/api/v1/feed/{page['next_id']}")
    assert seen == [["ad-1", "ad-2"], ["ad-2", "ad-3"], ["ad-3", "ad-4"], ["ad-4", "ad-5"]]


def test_page_size_is_capped_by_the_server(feed: NavFeedServer) -> None:
    assert len(get(feed, "/api/v1/feed?pageSize=500")[1]["items"]) == 3


def test_if_modified_since_starts_later_and_an_unparsable_one_is_ignored(feed: NavFeedServer) -> None:
    _, later = get(feed, "/api/v1/feed", **{"If-Modified-Since": "Sat, 03 Oct 2026 12:00:00 GMT"})
    assert [item["id"] for item in later["items"]] == ["ad-4", "ad-5"]
    _, everything = get(feed, "/api/v1/feed", **{"If-Modified-Since": "last tuesday"})
    assert everything["items"][0]["id"] == "ad-1"


def test_deactivated_ad_is_masked_and_loses_its_content(feed: NavFeedServer) -> None:
    feed.deactivate("ad-2")
    status, entry = get(feed, "/api/v1/feedentry/ad-2")
    assert status == 200 and entry["status"] == "INACTIVE" and "ad_content" not in entry
    _, tip = get(feed, f"/api/v1/feed/{feed.events[-1].event_id}")
    assert tip["items"][-1]["_feed_entry"] | {"sistEndret": None} == {
        "uuid": "ad-2",
        "status": "INACTIVE",
        "title": "...",
        "businessName": "",
        "municipal": "OSLO",
        "sistEndret": None,
    }


def test_unknown_entry_is_404_and_fail_next_injects_errors(feed: NavFeedServer) -> None:
    assert get(feed, "/api/v1/feedentry/nope")[0] == 404
    feed.fail_next(2, status=503, path_prefix="/api/v1/feedentry/")
    codes = [get(feed, "/api/v1/feedentry/ad-1")[0] for _ in range(3)]
    assert codes == [503, 503, 200]
    assert [status for _, _, status in feed.requests[-3:]] == [503, 503, 200]


def test_ads_load_from_gzipped_json_lines(tmp_path: Any) -> None:

    path = tmp_path / "ads.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(_ad(1)) + "\n" + json.dumps({"uuid": "ad-2", "ad_content": _ad(2)}) + "\n")
    assert [ad["uuid"] for ad in load_ads(path)] == ["ad-1", "ad-2"]
