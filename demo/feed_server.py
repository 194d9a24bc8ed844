"""A local stand-in for NAV's job-vacancy feed (pam-stilling-feed), for tests and the offline demo.

It behaves like the real service as far as a client can see (shared NOTES.md §1): a public token
that rotates and invalidates the old one, an append-only event log served as pages that overlap by
one item, `If-Modified-Since` on the first page only, feed entries that lose `ad_content` once an ad
is inactive, and masked feed lines for stopped ads. Tests drive it through a few controls
(`rotate_token`, `fail_next`, `update_ad`, `deactivate`, `add_ad`) and read its request log, so
a spider's behaviour (request counts, headers, retries) can be asserted over real HTTP.

Run by hand: `python -m demo.feed_server --ads ads.jsonl[.gz] --port 8088`.
"""

from __future__ import annotations

import argparse
import base64
import copy
import gzip
import hashlib
import hmac
import json
import secrets
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
TOKEN_HEADLINE = "Current public token for Nav Job Vacancy Feed:"
DEFAULT_MAX_PAGE_SIZE = 10_000
FEED_PREFIX = "/api/v1/feed"
ENTRY_PREFIX = "/api/v1/feedentry/"
# Event ids are UUIDs, derived from the sequence number so a test run is reproducible.
_EVENT_NAMESPACE = uuid.UUID("6f1c3a52-8d1e-4f43-9a0e-2b7f5b0c9e11")


@dataclass(frozen=True)
class FeedEvent:
    """One line of the feed's append-only log: a snapshot of an ad's summary at the time of a change."""

    event_id: str
    ad_uuid: str
    status: str  # ACTIVE | INACTIVE
    sist_endret: datetime
    title: str
    business_name: str
    municipal: str


@dataclass
class _Failure:
    remaining: int
    status: int
    path_prefix: str


def _iso(moment: datetime) -> str:
    """NAV writes times in Europe/Oslo with an offset and milliseconds."""
    return moment.astimezone(OSLO).isoformat(timespec="milliseconds")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=OSLO)


def make_token(secret: bytes, issued: datetime) -> str:
    """An HS256 JWT shaped like NAV's public token (aud `feed-api-v2`, 35 days of validity)."""
    header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {
        "iss": "nav-no",
        "aud": "feed-api-v2",
        "sub": "public.token.v2@nav.no",
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(days=35)).timestamp()),
        "jti": secrets.token_hex(8),
    }
    payload = _b64url(json.dumps(claims).encode())
    signature = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64url(signature)}"


class NavFeedServer:
    """Serve `ads` (NAV `ad_content` dicts) as a pam-stilling-feed on a background thread.

    Use as a context manager; `.url` is the base URL once started. Every request is logged in
    `requests` as (method, path with query, status) and its headers in `request_headers`.
    """

    def __init__(
        self,
        ads: Iterable[dict[str, Any]] = (),
        *,
        page_size: int = 100,
        max_page_size: int = DEFAULT_MAX_PAGE_SIZE,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.page_size = page_size
        self.max_page_size = max_page_size
        self._lock = threading.RLock()
        self._ads: dict[str, dict[str, Any]] = {}
        self._events: list[FeedEvent] = []
        self._event_index: dict[str, int] = {}
        self._failures: list[_Failure] = []
        self._rotate_at: int | None = None
        self._hidden: set[str] = set()
        self._secret = secrets.token_bytes(32)
        self.token = make_token(self._secret, datetime.now(OSLO))
        self.requests: list[tuple[str, str, int]] = []
        self.request_headers: list[dict[str, str]] = []
        initial = sorted(ads, key=lambda ad: _parse_time(ad.get("updated") or ad.get("published")) or _now())
        for ad in initial:
            self._append(ad, "ACTIVE", _parse_time(ad.get("updated") or ad.get("published")))
        self._httpd = ThreadingHTTPServer((host, port), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL, e.g. http://127.0.0.1:53211 (no trailing slash)."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        """Serve in a daemon thread; returns self."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="nav-feed", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- controls for tests ----------------------------------------------------------------------

    def rotate_token(self) -> str:
        """Issue a new public token; the old one is refused from now on (as NAV does)."""
        with self._lock:
            self.token = make_token(self._secret, datetime.now(OSLO))
            return self.token

    def fail_next(self, n: int, status: int = 503, path_prefix: str = "/api/v1/") -> None:
        """Answer the next `n` requests whose path starts with `path_prefix` with `status`."""
        with self._lock:
            self._failures.append(_Failure(n, status, path_prefix))

    def rotate_token_after(self, n: int) -> None:
        """Rotate the token once `n` more requests have been answered: a rotation mid-crawl."""
        with self._lock:
            self._rotate_at = len(self.requests) + n

    def hide_entry(self, ad_uuid: str) -> None:
        """Answer 404 for this ad's feed entry while the feed still lists it (as for FINN ads)."""
        with self._lock:
            self._hidden.add(ad_uuid)

    def add_ad(self, ad: dict[str, Any]) -> FeedEvent:
        """Publish a new ad: an ACTIVE event."""
        with self._lock:
            return self._append(ad, "ACTIVE", None)

    def update_ad(self, ad_uuid: str, **changes: Any) -> FeedEvent:
        """Change fields of an ad: an ACTIVE event with a new sistEndret."""
        with self._lock:
            ad = dict(self._ads[ad_uuid], **changes)
            return self._append(ad, "ACTIVE", None)

    def deactivate(self, ad_uuid: str) -> FeedEvent:
        """Stop an ad: an INACTIVE event; title, employer and contacts are masked from now on."""
        with self._lock:
            ad = dict(self._ads[ad_uuid])
            ad.update(title="...", employer=None, contactList=[])
            return self._append(ad, "INACTIVE", None)

    @property
    def request_count(self) -> int:
        """How many requests the server has answered so far."""
        with self._lock:
            return len(self.requests)

    @property
    def events(self) -> list[FeedEvent]:
        """A copy of the event log, oldest first."""
        with self._lock:
            return list(self._events)

    # -- state -----------------------------------------------------------------------------------

    def _append(self, ad: dict[str, Any], status: str, when: datetime | None) -> FeedEvent:
        moment = when or _now()
        if self._events and moment <= self._events[-1].sist_endret:
            moment = self._events[-1].sist_endret + timedelta(milliseconds=1)
        ad = copy.deepcopy(ad)
        ad_uuid = str(ad["uuid"])
        if when is None:
            ad["updated"] = _iso(moment)
        self._ads[ad_uuid] = ad
        employer = ad.get("employer") or {}
        locations = ad.get("workLocations") or [{}]
        seq = len(self._events)
        event = FeedEvent(
            event_id=str(uuid.uuid5(_EVENT_NAMESPACE, str(seq))),
            ad_uuid=ad_uuid,
            status=status,
            sist_endret=moment,
            title=str(ad.get("title") or ""),
            business_name=str(employer.get("name") or ""),
            municipal=str(locations[0].get("municipal") or ""),
        )
        self._events.append(event)
        self._event_index[event.event_id] = seq
        return event

    def _take_failure(self, path: str) -> int | None:
        for failure in self._failures:
            if failure.remaining > 0 and path.startswith(failure.path_prefix):
                failure.remaining -= 1
                return failure.status
        return None

    def _page(self, start: int, size: int) -> dict[str, Any]:
        rows = self._events[start : start + size]
        # NAV names a page by its first event and points onward at its last one, so pages overlap
        # by one item; the tip page (fewer than two events after its start) has no next page.
        next_id = rows[-1].event_id if len(self._events) - start - 1 >= 2 else None
        page_id = rows[0].event_id
        return {
            "version": "1.0",
            "title": "Arbeidsplassen.no Job Vacancy Feed",
            "home_page_url": "https://arbeidsplassen.nav.no/stillinger",
            "feed_url": f"{FEED_PREFIX}/{page_id}",
            "description": "Local stand-in for the NAV Job Vacancy Feed",
            "id": page_id,
            "next_url": f"{FEED_PREFIX}/{next_id}" if next_id else None,
            "next_id": next_id,
            "items": [_feed_item(event) for event in rows],
        }

    def _entry(self, ad_uuid: str) -> dict[str, Any] | None:
        latest = next((e for e in reversed(self._events) if e.ad_uuid == ad_uuid), None)
        if latest is None or ad_uuid in self._hidden:
            return None
        entry: dict[str, Any] = {
            "uuid": ad_uuid,
            "status": latest.status,
            "sistEndret": _iso(latest.sist_endret),
        }
        if latest.status == "ACTIVE":
            entry["ad_content"] = self._ads[ad_uuid]
        return entry

    # -- HTTP ------------------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Answer one request: (status, headers, body). Called by the request handler thread."""
        with self._lock:
            try:
                status, out_headers, body = self._route(method, target, headers)
            except Exception as exc:  # a bug here should reach the test as a 500, not a hung socket
                status, out_headers, body = _text(500, f"stand-in error: {exc!r}")
            self.requests.append((method, target, status))
            self.request_headers.append(headers)
            if self._rotate_at is not None and len(self.requests) >= self._rotate_at:
                self._rotate_at = None
                self.rotate_token()
            return status, out_headers, body

    def _route(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query, keep_blank_values=True)
        failure = self._take_failure(path)
        if failure is not None:
            return _text(failure, "Service temporarily unavailable")
        if method != "GET":
            return _text(405, "Method not allowed")
        if path == "/api/publicToken":
            return _text(200, f"{TOKEN_HEADLINE}\n{self.token}\n")
        if not path.startswith("/api/v1/"):
            return _text(404, "Not found")
        if headers.get("authorization", "") != f"Bearer {self.token}":
            return _text(401, "Unauthorized")
        if path.startswith(ENTRY_PREFIX):
            entry = self._entry(path[len(ENTRY_PREFIX) :])
            return _json(200, entry) if entry is not None else _text(404, "Not found")
        if path == FEED_PREFIX or path.startswith(FEED_PREFIX + "/"):
            return self._feed_response(path, query, headers)
        return _text(404, "Not found")

    def _feed_response(
        self, path: str, query: dict[str, list[str]], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        try:
            size = int(query.get("pageSize", [str(self.page_size)])[0])
        except ValueError:
            return _text(400, "pageSize must be a number")
        size = max(2, min(size, self.max_page_size))
        if not self._events:
            return _text(404, "The feed is empty")
        if path == FEED_PREFIX:
            start = 0
            if "last" in query:
                start = max(0, len(self._events) - size)
            elif since := _http_date(headers.get("if-modified-since")):
                later = [i for i, e in enumerate(self._events) if e.sist_endret > since]
                if not later:
                    return 304, {}, b""
                start = later[0]
        else:
            page_id = path[len(FEED_PREFIX) + 1 :]
            if page_id not in self._event_index:
                return _text(404, "No such page")
            start = self._event_index[page_id]
        page = self._page(start, size)
        last_change = self._events[min(start + size, len(self._events)) - 1].sist_endret
        status, out, body = _json(200, page)
        out["ETag"] = page["id"]
        out["Last-Modified"] = format_datetime(last_change.astimezone(UTC), usegmt=True)
        return status, out, body


def _now() -> datetime:
    return datetime.now(OSLO)


def _http_date(value: str | None) -> datetime | None:
    """Parse an RFC 1123 date; like NAV, treat an unparsable one as absent."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _feed_item(event: FeedEvent) -> dict[str, Any]:
    stamp = _iso(event.sist_endret)
    return {
        "id": event.ad_uuid,
        "url": f"{ENTRY_PREFIX}{event.ad_uuid}",
        "title": event.title,
        "content_text": "Stillingsannonse",
        "date_modified": stamp,
        "_feed_entry": {
            "uuid": event.ad_uuid,
            "status": event.status,
            "title": event.title,
            "businessName": event.business_name,
            "municipal": event.municipal,
            "sistEndret": stamp,
        },
    }


def _text(status: int, text: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8")


def _json(status: int, data: Any) -> tuple[int, dict[str, str], bytes]:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return status, {"Content-Type": "application/json"}, body


def _make_handler(server: NavFeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "nav-feed-standin/1.0"

        def do_GET(self) -> None:
            headers = {key.lower(): value for key, value in self.headers.items()}
            status, out_headers, body = server.handle("GET", self.path, headers)
            self.send_response(status)
            for key, value in out_headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the server's own `requests` log is what tests read."""

    return Handler


def load_ads(path: Path) -> list[dict[str, Any]]:
    """Read ads from JSON lines (gzip if the name ends in .gz): `ad_content` dicts or feed entries."""
    opener = gzip.open if path.suffix == ".gz" else open
    ads = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                ads.append(record.get("ad_content", record))
    return ads


def main(argv: list[str] | None = None) -> None:
    """Serve a file of ads until interrupted."""
    parser = argparse.ArgumentParser(description="Serve ads as a local stand-in for NAV's job feed.")
    parser.add_argument(
        "--ads", type=Path, required=True, help="JSON lines of ad_content (.jsonl or .jsonl.gz)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8088)
    parser.add_argument("--page-size", type=int, default=100)
    args = parser.parse_args(argv)
    with NavFeedServer(
        load_ads(args.ads), page_size=args.page_size, host=args.host, port=args.port
    ) as server:
        print(
            f"NAV feed stand-in with {len(server.events)} events at {server.url} (Ctrl-C stops)", flush=True
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
