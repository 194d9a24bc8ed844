"""An independent stand-in for NAV's pam-stilling-feed, written from the published docs only.

Written from shared NOTES.md §1 and the real NAV docs and samples (fixtures/real/nav/), without reading
the spider or `demo/feed_server.py`, so a crawl against it tests the spider's reading of the API rather
than its author's second guess of it. Behaviour it reproduces, because each one has broken real clients:

- `GET /api/publicToken` is text whose last line is a JWT; the token rotates after a number of requests and
  the old one then gets 401.
- Feed pages are named by their first event; `next_id` is the last event on the page, so consecutive pages
  overlap by one; `next_id` is null only when fewer than two events follow the page's first one (the tip
  page has one or two items). The server caps `pageSize` whatever the client asks.
- `If-Modified-Since` on `/api/v1/feed` starts after that time (an unparsable date is ignored);
  `If-None-Match` equal to a page's ETag gives 304.
- `feedentry` is always the ad's latest state; `ad_content` is absent once inactive; unknown ads are 404.
  Its `sistEndret` is the ad's own `updated` time, while a feed line's `sistEndret` is when the line was
  written, a little later (pam-stilling-feed FeedService/FeedAd): the two never match.
- Stopped ads appear as masked INACTIVE lines (title "...", businessName ""); expired ones as plain
  INACTIVE lines.
- Some requests fail with 502/503/504 on a fixed schedule (by request number), as a gateway would.

Every request is logged, so a test can count what a crawl cost.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import uuid as uuidlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
TOKEN_PREAMBLE = "Current public token for Nav Job Vacancy Feed:"
TRANSIENT_CODES = (503, 502, 504)


def oslo_iso(moment: datetime) -> str:
    """NAV writes times in Europe/Oslo with their offset, milliseconds included."""
    return moment.astimezone(OSLO).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class FeedEvent:
    """One line of the append-only feed: a change to one ad."""

    event_id: str
    ad_uuid: str
    status: str
    at: datetime
    title: str
    business_name: str
    municipal: str

    def item(self) -> dict[str, Any]:
        return {
            "id": self.ad_uuid,
            "url": f"/api/v1/feedentry/{self.ad_uuid}",
            "title": self.title,
            "content_text": "Stillingsannonse",
            "date_modified": oslo_iso(self.at),
            "_feed_entry": {
                "uuid": self.ad_uuid,
                "status": self.status,
                "title": self.title,
                "businessName": self.business_name,
                "municipal": self.municipal,
                "sistEndret": oslo_iso(self.at),
            },
        }


@dataclass
class AdState:
    """The latest state of one ad, which is what `feedentry` returns."""

    content: dict[str, Any]
    status: str
    at: datetime
    gone: bool = False  # feedentry answers 404 (removed, or an ad NAV may not share)


@dataclass(frozen=True)
class LoggedRequest:
    number: int
    path: str
    query: str
    status: int
    headers: dict[str, str]


@dataclass
class Schedule:
    """Which request numbers fail, and when the token rotates. Request numbers count every request but
    robots.txt, from 1."""

    fail_every: int = 19
    fail_offset: int = 0
    rotate_every: int = 140
    outage: range = range(0)  # every request numbered in here gets 503: an outage that outlasts retries


class StandinFeed:
    """The feed's data and HTTP behaviour; `serve()` puts it on 127.0.0.1."""

    def __init__(
        self, page_cap: int = 37, schedule: Schedule | None = None, *, line_lag: bool = True
    ) -> None:
        self.page_cap = page_cap
        self.line_lag = line_lag
        self.schedule = schedule or Schedule()
        self.events: list[FeedEvent] = []
        self.ads: dict[str, AdState] = {}
        self.log: list[LoggedRequest] = []
        self._event_index: dict[str, int] = {}
        self._lock = threading.RLock()
        # Changes made while a crawl runs: request number -> what happens just before it is answered.
        self.during: dict[int, Callable[[], None]] = {}
        self._counter = 0
        self._token_generation = 0
        self.failures_served = 0
        self.rotations = 0

    # ---- data -------------------------------------------------------------------------------------

    def _append(
        self, ad_uuid: str, status: str, at: datetime, title: str, business: str, municipal: str
    ) -> None:
        """Write a line for a change made at `at`. The line's own time is when it was written, a little
        later (NAV: the line's sistEndret is the write time, the entry's is the ad's `updated`)."""
        number = len(self.events)
        event_id = str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"standin-event-{number}"))
        written = at + timedelta(milliseconds=200 + (number * 7919) % 40_000) if self.line_lag else at
        written = min(written, datetime.now(UTC))  # a line is never written in the future
        self._event_index[event_id] = number
        self.events.append(FeedEvent(event_id, ad_uuid, status, written, title, business, municipal))

    @staticmethod
    def _municipal(content: dict[str, Any]) -> str:
        places = content.get("workLocations") or [{}]
        return str(places[0].get("municipal") or "")

    def publish(self, content: dict[str, Any], at: datetime) -> None:
        """A new or changed active ad: its full content replaces the old, and a line is written."""
        with self._lock:
            content = dict(content, updated=oslo_iso(at))
            self.ads[content["uuid"]] = AdState(content=content, status="ACTIVE", at=at)
            self._append(
                content["uuid"],
                "ACTIVE",
                at,
                content["title"],
                content["employer"]["name"],
                self._municipal(content),
            )

    def retitle(self, ad_uuid: str, title: str, at: datetime) -> None:
        with self._lock:
            self.publish(dict(self.ads[ad_uuid].content, title=title), at)

    def stop(self, ad_uuid: str, at: datetime) -> None:
        """An actively stopped ad: NAV masks title, employer and contacts on the line."""
        with self._lock:
            state = self.ads[ad_uuid]
            state.status, state.at = "INACTIVE", at
            self._append(ad_uuid, "INACTIVE", at, "...", "", "")

    def expire(self, ad_uuid: str, at: datetime) -> None:
        """An expired ad: a plain INACTIVE line that keeps title and employer."""
        with self._lock:
            state = self.ads[ad_uuid]
            state.status, state.at = "INACTIVE", at
            content = state.content
            self._append(
                ad_uuid,
                "INACTIVE",
                at,
                content["title"],
                content["employer"]["name"],
                self._municipal(content),
            )

    def hide(self, ad_uuid: str) -> None:
        """The ad's line stays in the feed but its entry is 404 from now on."""
        with self._lock:
            self.ads[ad_uuid].gone = True

    # ---- token ------------------------------------------------------------------------------------

    def token(self) -> str:
        """An HS256 JWT shaped like NAV's public token; each generation is a different string."""
        header = {"alg": "HS256", "typ": "JWT"}
        claims = {"aud": "feed-api-v2", "iss": "nav-standin", "sub": "public", "gen": self._token_generation}

        def b64(data: bytes) -> str:
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        signing = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
        signature = hmac.new(b"standin-secret", signing.encode(), hashlib.sha256).digest()
        return f"{signing}.{b64(signature)}"

    # ---- requests ---------------------------------------------------------------------------------

    def requests_since(self, mark: int) -> list[LoggedRequest]:
        with self._lock:
            return list(self.log[mark:])

    def handle(self, path: str, query: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Answer one GET; returns (status, headers, body). Thread-safe."""
        with self._lock:
            if path == "/robots.txt":
                result = 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n"
                self.log.append(LoggedRequest(0, path, query, 200, headers))
                return result
            self._counter += 1
            number = self._counter
            change = self.during.pop(number, None)
            if change is not None:
                change()
            result = self._answer(number, path, query, headers)
            self.log.append(LoggedRequest(number, path, query, result[0], headers))
            return result

    def _answer(
        self, number: int, path: str, query: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        sched = self.schedule
        if number in sched.outage:
            self.failures_served += 1
            return 503, {"Content-Type": "text/html", "Retry-After": "1"}, b"<html><body>Down</body></html>"
        if sched.fail_every and number % sched.fail_every == sched.fail_offset:
            self.failures_served += 1
            code = TRANSIENT_CODES[(number // sched.fail_every) % len(TRANSIENT_CODES)]
            return code, {"Content-Type": "text/html"}, b"<html><body>Bad gateway</body></html>"
        if sched.rotate_every and number % sched.rotate_every == 0:
            self._token_generation += 1
            self.rotations += 1
        if path == "/api/publicToken":
            body = f"{TOKEN_PREAMBLE}\n{self.token()}"
            return 200, {"Content-Type": "text/plain;charset=UTF-8"}, body.encode()
        if not path.startswith("/api/v1/"):
            return _json(404, {"error": "not found"})
        auth = headers.get("authorization", "")
        if auth != f"Bearer {self.token()}":
            return _json(401, {"error": "invalid or expired token"})
        params = parse_qs(query)
        if path.startswith("/api/v1/feedentry/"):
            return self._entry(path.rsplit("/", 1)[1])
        if path == "/api/v1/feed" or path.startswith("/api/v1/feed/"):
            try:
                size = min(int(params.get("pageSize", ["1000"])[0]), self.page_cap)
            except ValueError:
                return _json(400, {"error": "pageSize must be a number"})
            if size < 1:
                return _json(400, {"error": "pageSize must be positive"})
            if path == "/api/v1/feed":
                first = self._bootstrap_start(params, headers)
                if first is None:
                    return _json(404, {"error": "no feed page after that time"})
                start = first
            else:
                page_id = path.rsplit("/", 1)[1]
                if page_id not in self._event_index:
                    return _json(404, {"error": f"no feed page {page_id}"})
                start = self._event_index[page_id]
            return self._page(start, size, headers)
        return _json(404, {"error": "not found"})

    def _bootstrap_start(self, params: dict[str, list[str]], headers: dict[str, str]) -> int | None:
        """Where `/api/v1/feed` starts; None (404) when If-Modified-Since is past every line."""
        if not self.events:
            return None
        if "last" in params:
            return len(self.events) - 1
        since_text = headers.get("if-modified-since")
        if not since_text:
            return 0
        try:
            since = parsedate_to_datetime(since_text)
        except (TypeError, ValueError):
            return 0  # NAV ignores a date it cannot read and serves the whole history
        if since is None or since.tzinfo is None:
            return 0
        for index, event in enumerate(self.events):
            if event.at > since:
                return index
        return None

    def _page(self, start: int, size: int, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if not self.events:
            return _json(404, {"error": "the feed is empty"})
        # A page holds its first line and up to `size - 1` after it, stopping one short of the last
        # line it looked at, which names the next page (so pages overlap by one). With fewer than two
        # lines after the first, the page runs to the end and there is no next page.
        following = len(self.events) - start - 1
        if following >= 2:
            page = self.events[start : start + max(2, min(size, following))]
            next_id: str | None = page[-1].event_id
        else:
            page = self.events[start:]
            next_id = None
        etag = str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, "|".join(e.event_id for e in page)))
        reply_headers = {
            "ETag": etag,
            "Last-Modified": format_datetime(page[-1].at.astimezone(UTC), usegmt=True),
        }
        if headers.get("if-none-match", "").strip('"') == etag:
            return 304, reply_headers, b""
        body = {
            "version": "1.0",
            "title": "Nav Job Vacancy Feed",
            "home_page_url": "https://arbeidsplassen.nav.no/stillinger",
            "description": "Stand-in of the Nav job vacancy feed for tests",
            "feed_url": f"/api/v1/feed/{page[0].event_id}",
            "id": page[0].event_id,
            "next_url": f"/api/v1/feed/{next_id}" if next_id else None,
            "next_id": next_id,
            "items": [e.item() for e in page],
        }
        status, json_headers, data = _json(200, body)
        return status, {**json_headers, **reply_headers}, data

    def _entry(self, ad_uuid: str) -> tuple[int, dict[str, str], bytes]:
        state = self.ads.get(ad_uuid)
        if state is None or state.gone:
            return _json(404, {"error": f"no ad {ad_uuid}"})
        body: dict[str, Any] = {"uuid": ad_uuid, "status": state.status, "sistEndret": oslo_iso(state.at)}
        if state.status == "ACTIVE":
            body["ad_content"] = state.content
        return _json(200, body)

    # ---- serving ----------------------------------------------------------------------------------

    @contextmanager
    def serve(self) -> Iterator[str]:
        """Serve on 127.0.0.1 (a free port) for the duration of the block; yields the base URL."""
        feed = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, reply_headers, body = feed.handle(parts.path, parts.query, headers)
                self.send_response(status)
                for key, value in reply_headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()


def _json(status: int, body: Any) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json"}, json.dumps(body, ensure_ascii=False).encode()


# ---- realistic ads ----------------------------------------------------------------------------------

_EMPLOYERS = [
    ("Bergen kommune", "964338531", "Offentlig", "https://www.bergen.kommune.no"),
    ("Equinor ASA", "923609016", "Privat", "https://www.equinor.com"),
    ("Helse Stavanger HF", "983974678", "Offentlig", "https://www.helse-stavanger.no"),
    ("Kongsberg Maritime AS", "979926448", "Privat", "https://www.kongsberg.com"),
    ("Statens vegvesen", "971032081", "Offentlig", "https://www.vegvesen.no"),
    ("Tromsø kommune", "940101808", "Offentlig", "https://www.tromso.kommune.no"),
    ("Visma Software AS", "980858073", "Privat", "https://www.visma.no"),
    ("Adecco Norge AS", "935908303", "Privat", "https://www.adecco.no"),
    ("NTNU", "974767880", "Offentlig", "https://www.ntnu.no"),
    ("Mowi ASA", "964118191", "Privat", "https://mowi.com"),
]
_PLACES = [
    ("BERGEN", "VESTLAND", "5003", "STRANDGATEN 12"),
    ("OSLO", "OSLO", "0150", "KARL JOHANS GATE 5"),
    ("STAVANGER", "ROGALAND", "4006", "KIRKEGATA 3"),
    ("TRONDHEIM", "TRØNDELAG", "7011", "MUNKEGATA 20"),
    ("TROMSØ", "TROMS", "9008", "STORGATA 40"),
    ("KONGSBERG", "BUSKERUD", "3616", "KIRKEGÅRDSVEIEN 45"),
]
_JOBS = [
    ("Backend-utvikler", "Utvikler (data)", "IT", "Utvikling", "2512", "Programvareutviklere"),
    ("Sykepleier", "Sykepleier", "Helse og sosial", "Sykepleiere", "2223", "Sykepleiere"),
    ("Elektriker", "Elektriker", "Håndverkere", "Elektrikere", "7411", "Elektrikere"),
    ("Data engineer", "Dataingeniør", "IT", "Drift og vedlikehold", "2521", "Databasedesignere"),
    ("Lærer i realfag", "Lektor", "Utdanning", "Lærere", "2320", "Lektorer"),
    ("Prosessoperatør", "Prosessoperatør", "Industri og produksjon", "Prosess", "8131", "Prosessoperatører"),
    ("Regnskapsmedarbeider", "Regnskapsmedarbeider", "Kontor og økonomi", "Økonomi", "3313", "Regnskap"),
]
_FIRST = [
    "Solveig",
    "Torbjørn",
    "Ingeborg",
    "Haldor",
    "Ragnhild",
    "Eivind",
    "Gudrun",
    "Sigmund",
    "Brynhild",
    "Audun",
]
_LAST = [
    "Kvamsdal",
    "Hjelmeland",
    "Vågbø",
    "Tveitane",
    "Brekkestø",
    "Skjervheim",
    "Flatjord",
    "Øyrehagen",
    "Lindtvedt",
    "Grønsund",
    "Haugvaldstad",
    "Myrstuen",
    "Rørvikhaug",
    "Sandslåtten",
    "Tjøsvoll",
    "Ulvestad",
    "Vestrheim",
    "Åsmundrud",
    "Bjørkedal",
    "Dalsbotten",
    "Eikremsvik",
    "Fjellheim",
    "Gjerstadli",
    "Hovdenak",
    "Jøssingfjell",
    "Kvernmoen",
    "Langhelle",
    "Mjåtveit",
    "Nordbotten",
    "Ormestad",
]


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str


@dataclass
class AdFactory:
    """Deterministic, realistic `ad_content` with one distinctive contact person per ad."""

    now: datetime
    made: int = 0
    contacts: dict[str, Contact] = field(default_factory=dict)

    def make(self, title_suffix: str = "") -> dict[str, Any]:
        n = self.made
        self.made += 1
        ad_uuid = str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"standin-ad-{n}"))
        name, orgnr, sector, homepage = _EMPLOYERS[n % len(_EMPLOYERS)]
        city, county, postal, address = _PLACES[n % len(_PLACES)]
        title, jobtitle, level1, level2, styrk, styrk_name = _JOBS[n % len(_JOBS)]
        first, last = _FIRST[n % len(_FIRST)], _LAST[(n // len(_FIRST)) % len(_LAST)]
        contact = Contact(
            name=f"{first} {last}",
            email=f"{first.lower()}.{last.lower()}.{n}@kontakt-{orgnr}.no".replace("ø", "o").replace(
                "å", "a"
            ),
            phone=f"+47 4{n // 100 % 10}{n // 10 % 10} {n % 10}7 {(n * 37) % 1000:03d}",
        )
        self.contacts[ad_uuid] = contact
        english = n % 3 == 0
        salary = f"<p>Lønn: {560_000 + 5_000 * (n % 20):,} kr per år.</p>".replace(",", " ") if n % 2 else ""
        body = (
            f"<p>We are looking for a {title.lower()} to join our team in {city.title()}. "
            "The working language is English.</p>"
            if english
            else f"<p>Vi søker {title.lower()} til vårt kontor i {city.title()}. Gode norskkunnskaper er et krav.</p>"
        )
        published = self.now - timedelta(days=30 - n % 25)
        due = (self.now + timedelta(days=20 + n % 40)).strftime("%d.%m.%Y") if n % 5 else "Snarest"
        return {
            "uuid": ad_uuid,
            "published": oslo_iso(published),
            "expires": oslo_iso((self.now + timedelta(days=45 + n % 30)).replace(hour=0, minute=0, second=0)),
            "updated": oslo_iso(published),
            "workLocations": [
                {
                    "country": "NORGE",
                    "address": address,
                    "city": city,
                    "postalCode": postal,
                    "county": county,
                    "municipal": city,
                }
            ],
            "contactList": [
                {
                    "name": contact.name,
                    "email": contact.email,
                    "phone": contact.phone,
                    "role": "",
                    "title": "Leder",
                }
            ],
            "title": f"{title}{title_suffix} ({n})",
            "description": body + salary + "<p>Søk via lenken.</p>",
            "sourceurl": f"{homepage}/jobb/{n}",
            "source": "IMPORTAPI" if n % 2 else "Stillingsregistrering",
            "applicationUrl": f"{homepage}/jobb/{n}/sok",
            "applicationDue": due,
            "occupationCategories": [{"level1": level1, "level2": level2}],
            "categoryList": [
                {
                    "categoryType": "STYRK08",
                    "code": styrk,
                    "name": styrk_name,
                    "description": None,
                    "score": 1.0,
                }
            ],
            "jobtitle": jobtitle,
            "link": f"https://arbeidsplassen.nav.no/stillinger/stilling/{ad_uuid}",
            "employer": {
                "name": name,
                "orgnr": orgnr,
                "description": f"<p>{name} er en arbeidsgiver i {city.title()}.</p>",
                "homepage": homepage,
            },
            "engagementtype": "Vikariat" if n % 7 == 0 else "Fast",
            "extent": "Deltid" if n % 11 == 0 else "Heltid",
            "starttime": "Etter avtale",
            "positioncount": "1",
            "sector": sector,
        }
