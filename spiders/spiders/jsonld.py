"""`jsonld` spider: career pages, listing indexes and sitemaps with schema.org JobPosting.

The spider only routes: it decides which pages to fetch (same-site links within a depth and
page budget, job-looking links first; sitemap and sitemap-index entries; robots.txt Sitemap
lines for a site root) and hands each page to `spiders.extract_jsonld`. One record per ad:
an ad reached twice (index and sitemap, tracking parameters, a duplicate path with a canonical
link) is written once.

    scrapy crawl jsonld -a url=https://example.no/karriere -a max_pages=500 -a max_depth=3
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from spiders.crawl_stats import StatsRecordMixin, now_iso
from spiders.extract_jsonld import JsonLdPage, Posting, canonical_url, extract_page

# Links whose path looks like a job ad are fetched first, so a tight page budget still reaches ads.
_AD_LINK = re.compile(
    r"job|jobb|stilling|career|karriere|vacanc|ledig|position|opening|utlysning|annonse|/ads?/|recruit|rekrutt",
    re.IGNORECASE,
)
# Pagination of a listing index does not count as a step deeper: page 9 of an index is still the index.
_PAGINATION_PARAM = re.compile(r"(?:^|&)(?:page|p|side|pg|offset|start|paged)=\d+", re.IGNORECASE)
_PAGINATION_PATH = re.compile(r"/(?:page|side)/\d+/?$", re.IGNORECASE)
_PAGINATION_TEXT = re.compile(
    r"^(?:\d+|neste|next|forrige|previous|prev|older|newer|›|»|>|>>|→)$", re.IGNORECASE
)
_SKIPPED_EXTENSIONS = frozenset(f".{ext}" for ext in IGNORED_EXTENSIONS)
# Applicant-tracking systems that host a company's ads on a host of their own (NOTES.md §3): a career
# page often links there. Such a host is followed one step: its listing page and the ads it links to.
ATS_HOSTS = (
    "teamtailor.com", "jobylon.com", "webcruiter.no", "webcruiter.com", "reachmee.com", "recman.page",
    "recman.no", "myworkdayjobs.com", "hr-manager.net", "easycruit.com", "jobbnorge.no", "varbi.com",
    "smartrecruiters.com", "lever.co", "greenhouse.io", "workable.com", "personio.de", "personio.com",
)  # fmt: skip


def _site(url: str) -> str:
    """The host a URL belongs to, with `www.` dropped so both spellings count as one site."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _is_sitemap(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return b"<urlset" in head or b"<sitemapindex" in head


class JsonLdSpider(StatsRecordMixin):
    """Crawl career sites from index pages, sitemaps or site roots; yield one record per JobPosting ad."""

    name = "jsonld"

    def __init__(
        self,
        url: str | None = None,
        urls: str | None = None,
        max_pages: str | int = 500,
        max_depth: str | int = 3,
        ats_hosts: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.start_list = [u.strip() for u in f"{url or ''},{urls or ''}".split(",") if u.strip()]
        if not self.start_list:
            raise ValueError("the jsonld spider needs start URLs: -a url=URL (comma-separated for several)")
        self.max_pages = int(max_pages)
        self.max_depth = int(max_depth)
        self.sites = {_site(u) for u in self.start_list}
        suffixes = ats_hosts.split(",") if ats_hosts is not None else ATS_HOSTS
        self.ats_suffixes = tuple(h.strip().lower() for h in suffixes if h.strip())
        # URLs that name a listing or a site, never one ad: a canonical link pointing there is a template bug.
        self.not_ad_keys = {canonical_url(u) for u in self.start_list}
        self.not_ad_keys |= {canonical_url(urljoin(u, "/")) for u in self.start_list}
        self.scheduled: set[str] = set()
        self.ad_keys: dict[str, tuple[str, str]] = {}
        self.fingerprints: set[str] = set()
        self.quarantined: set[tuple[str, int]] = set()
        self.pages = 0
        self.ads = 0

    async def start(self) -> AsyncIterator[Any]:
        for start_url in self.start_list:
            if urlsplit(start_url).path in ("", "/"):
                yield scrapy.Request(
                    urljoin(start_url, "/robots.txt"), callback=self.parse_robots, priority=20
                )
            request = self._request(start_url, hops=0, priority=20)
            if request is not None:
                yield request

    # Routing -------------------------------------------------------------------------------------

    def _request(
        self, url: str, hops: int, priority: int = 0, budget: bool = True, ats: int = 0
    ) -> scrapy.Request | None:
        """A request for `url` unless it was scheduled already or the page budget is spent."""
        key = canonical_url(url)
        if key in self.scheduled:
            return None
        if budget and len(self.scheduled) >= self.max_pages:
            return None
        self.scheduled.add(key)
        return scrapy.Request(url, callback=self.parse, priority=priority, meta={"hops": hops, "ats": ats})

    def _same_site(self, url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https") and _site(url) in self.sites

    def _ats_host(self, url: str) -> bool:
        """A known applicant-tracking host (not one of the start sites)."""
        host = _site(url)
        return urlsplit(url).scheme in ("http", "https") and any(
            host == suffix or host.endswith("." + suffix) for suffix in self.ats_suffixes
        )

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        """A site root's robots.txt: follow its Sitemap lines, or the conventional /sitemap.xml."""
        text = (
            response.text if isinstance(response, TextResponse) else response.body.decode("utf-8", "replace")
        )
        found = list(sitemap_urls_from_robots(text, base_url=response.url))
        for sitemap_url in found or [urljoin(response.url, "/sitemap.xml")]:
            request = self._request(sitemap_url, hops=0, priority=15)
            if request is not None:
                yield request

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """Dispatch on content: sitemaps by their XML root, everything else as an HTML page."""
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gzip.decompress(body)
            except OSError:
                self.logger.warning("jsonld: %s is neither gzip nor a page; skipped", response.url)
                return
        if _is_sitemap(body):
            yield from self._parse_sitemap(response, body)
        elif isinstance(response, TextResponse):
            yield from self._parse_page(response)

    def _parse_sitemap(self, response: Response, body: bytes) -> Iterator[scrapy.Request]:
        try:
            sitemap = Sitemap(body)
        except Exception as err:  # lxml raises several types on broken XML
            self.logger.warning("jsonld: unreadable sitemap %s (%s)", response.url, err)
            return
        hops = int(response.meta.get("hops", 0))
        for entry in sitemap:
            loc = urljoin(response.url, str(entry.get("loc", "")).strip())
            if not self._same_site(loc):
                continue
            if sitemap.type == "sitemapindex":
                request = self._request(loc, hops=hops, priority=15)
            else:
                request = self._request(loc, hops=hops + 1, priority=10 if _AD_LINK.search(loc) else 0)
            if request is not None:
                yield request

    def _parse_page(self, response: TextResponse) -> Iterator[Any]:
        self.pages += 1
        page = extract_page(response.text, response.url)
        hops = int(response.meta.get("hops", 0))
        yield from self._quarantine(page)
        if len(page.postings) > 1:
            yield from self._listing_postings(page, hops)
        elif page.postings:
            record = self._record(page, page.postings[0], response.url)
            if record is not None:
                yield record
        else:
            self.not_ad_keys.add(canonical_url(response.url))
        if hops < self.max_depth:
            yield from self._follow_links(response, hops)

    def _listing_postings(self, page: JsonLdPage, hops: int) -> Iterator[Any]:
        """A page with several postings: fetch those that name their own page here, keep the rest."""
        for number, posting in enumerate(page.postings, start=1):
            if (
                posting.url
                and self._same_site(posting.url)
                and canonical_url(posting.url) != canonical_url(page.url)
            ):
                request = self._request(posting.url, hops=hops + 1, priority=10, budget=False)
                if request is not None:
                    yield request
                continue
            record = self._record(page, posting, page.url, ordinal=number)
            if record is not None:
                yield record

    def _follow_links(self, response: TextResponse, hops: int) -> Iterator[scrapy.Request]:
        for anchor in response.xpath("//a[@href] | //link[@rel='next'][@href]"):
            href = (anchor.attrib.get("href") or "").strip()
            if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
                continue
            url = response.urljoin(href).split("#", 1)[0]
            path = urlsplit(url).path.lower()
            if any(path.endswith(ext) for ext in _SKIPPED_EXTENSIONS):
                continue
            if not self._same_site(url):
                # Off-site links count only into an ATS host: from the career site (step 1), or within
                # the same ATS host from the page reached that way (step 2), never further.
                ats = int(response.meta.get("ats", 0))
                from_site = ats == 0 and self._same_site(response.url)
                within_ats = ats == 1 and _site(url) == _site(response.url)
                if self._ats_host(url) and (from_site or within_ats):
                    request = self._request(url, hops=hops + 1, priority=10, ats=ats + 1)
                    if request is not None:
                        yield request
                continue
            text = " ".join(anchor.xpath(".//text()").getall()).strip()
            paging = (
                anchor.attrib.get("rel", "") == "next"
                or bool(_PAGINATION_PARAM.search(urlsplit(url).query))
                or bool(_PAGINATION_PATH.search(path))
                or bool(_PAGINATION_TEXT.match(text))
            )
            if paging:
                request = self._request(url, hops=hops, priority=5)
            else:
                request = self._request(url, hops=hops + 1, priority=10 if _AD_LINK.search(path) else 0)
            if request is not None:
                yield request

    # Records -------------------------------------------------------------------------------------

    def _record(
        self, page: JsonLdPage, posting: Posting, page_url: str, ordinal: int = 0
    ) -> dict[str, Any] | None:
        """A listing record, or None when this ad was already written under another of its URLs."""
        fields = posting.fields
        signature = ((fields.get("title") or "").casefold(), (fields.get("employer") or "").casefold())
        candidates = [page.canonical, posting.url if ordinal == 0 else None, page_url]
        keys = []
        for candidate in candidates:
            if candidate:
                key = canonical_url(candidate)
                if key not in self.not_ad_keys and key not in keys:
                    keys.append(key)
        if not keys:
            keys.append(canonical_url(page_url))
        if any(self.ad_keys.get(key) == signature for key in keys):
            return None
        # The same ad under a URL with no canonical link (print view, extra parameters): same content.
        fingerprint = hashlib.sha1(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()
        if fingerprint in self.fingerprints:
            return None
        self.fingerprints.add(fingerprint)
        own_site = [key for key in keys if self._same_site(key)] or keys
        source_id = next((key for key in own_site if key not in self.ad_keys), own_site[-1])
        if ordinal:
            source_id = (
                f"{canonical_url(page_url)}#{ordinal}" if source_id == canonical_url(page_url) else source_id
            )
        for key in keys:
            self.ad_keys.setdefault(key, signature)
        self.ads += 1
        return {
            "kind": "listing",
            "source": "jsonld",
            "source_id": source_id,
            "url": canonical_url(page_url),
            "fetched_at": now_iso(),
            "status": "ACTIVE",
            "version_key": None,
            "payload": page.payload(),
            "fields": fields,
        }

    def _quarantine(self, page: JsonLdPage) -> Iterator[dict[str, Any]]:
        for error in page.errors:
            marker = (canonical_url(page.url), hash(error.raw))
            if not error.looks_like_ad or marker in self.quarantined:
                continue
            self.quarantined.add(marker)
            self.quarantined_count = len(self.quarantined)
            self.logger.warning(
                "jsonld: unparseable JobPosting on %s (%s); quarantined", page.url, error.reason
            )
            yield {
                "kind": "quarantine",
                "source": "jsonld",
                "url": canonical_url(page.url),
                "reason": f"JSON-LD: {error.reason}",
                "payload": error.raw,
                "fetched_at": now_iso(),
            }

    def no_ads_hint(self) -> str:
        return (
            f"no JobPosting JSON-LD under {', '.join(self.start_list)}; check the start URLs, "
            "or the site may not publish JobPosting JSON-LD"
        )
