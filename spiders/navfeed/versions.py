"""Which ad versions a NAV crawl still wants, has in hand, or has already written.

A feed line's sistEndret is when NAV wrote the line; a reply's Date is when NAV answered. Both are the
server's clock and are compared here. An entry's own sistEndret is the ad's `updated`, an earlier clock
(pam-stilling-feed FeedService), so it is never compared with either. A record's version is the
sistEndret of the newest line its entry is known to cover, so the next crawl can tell a line it has
already loaded (`known`, from the state file) from a new one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from spiders.extract_nav import FeedEvent
from spiders.navfeed.records import when


@dataclass(frozen=True)
class Reply:
    """What an entry reply means for the crawl."""

    covers: FeedEvent  # the newest line the reply is known to cover: its sistEndret is the version
    ask_again: FeedEvent | None  # a newer line came after the request left: ask once more, for it
    withdrawn: bool  # a newer INACTIVE line withdrew the ad after the version this reply holds


@dataclass
class VersionBook:
    """The crawl's memory of each ad's lines and replies (one per crawl)."""

    known: dict[str, str] = field(default_factory=dict)  # uuid -> version delivered by earlier crawls
    wanted: dict[str, datetime] = field(default_factory=dict)  # newest ACTIVE line per ad we want
    newest: dict[str, FeedEvent] = field(default_factory=dict)  # that line itself, to ask again for it
    pending: set[str] = field(default_factory=set)  # ads with an entry request under way
    fetched: dict[str, datetime] = field(default_factory=dict)  # newest ACTIVE line a reply covers
    inactive_at: dict[str, datetime] = field(default_factory=dict)  # newest INACTIVE line per ad
    # When NAV answered the newest entry reply per ad: every line written before then is in it.
    answered_at: dict[str, datetime] = field(default_factory=dict)
    # (uuid, status, payload digest) of every listing record written: pages overlap by one item, and an
    # ad's INACTIVE line and its entry say the same thing, so each is written once.
    emitted: set[tuple[str, str, str]] = field(default_factory=set)

    def inactive_line(self, event: FeedEvent) -> bool:
        """Note an INACTIVE line; True if its record must be written (nothing newer says so already)."""
        at = when(event.sist_endret)
        if at is not None:
            self.inactive_at[event.uuid] = max(at, self.inactive_at.get(event.uuid, at))
        if self.known.get(event.uuid) == event.sist_endret:
            return False  # already delivered in an earlier crawl
        return not self._answered_after(event.uuid, at)  # a later reply already told the ad's state

    def want(self, event: FeedEvent) -> FeedEvent | None:
        """Note an ACTIVE line; return the line to fetch the entry for, or None if no request is needed."""
        if self.known.get(event.uuid) == event.sist_endret:
            return None
        at = when(event.sist_endret)
        if self._answered_after(event.uuid, at):
            return None  # an entry reply made after this line was written is already in hand
        have = self.fetched.get(event.uuid)
        if have is not None and at is not None and at <= have:
            return None  # the entry we already hold is as new as this line
        if at is not None and (event.uuid not in self.wanted or at > self.wanted[event.uuid]):
            self.wanted[event.uuid] = at
            self.newest[event.uuid] = event
        if event.uuid in self.pending:
            return None  # its reply is checked against `wanted` and fetched again if too old
        self.pending.add(event.uuid)
        return self.newest.get(event.uuid, event)

    def settled(self, ad_uuid: str) -> None:
        """The entry request for `ad_uuid` is over (answered or failed)."""
        self.pending.discard(ad_uuid)

    def reply(self, event: FeedEvent, answered: datetime | None) -> Reply:
        """A readable entry reply to the request made for `event`, answered at `answered`."""
        wanted = self.wanted.get(event.uuid)
        if answered is not None and wanted is not None and wanted < answered:
            event = self.newest.get(event.uuid, event)  # the reply covers every line seen so far
        asked = when(event.sist_endret)
        if asked is not None and wanted is not None and asked < wanted:
            # The reply may predate the newer line: ask once more, so each line costs at most one call.
            self.pending.add(event.uuid)
            return Reply(event, self.newest[event.uuid], withdrawn=False)
        if asked is not None:
            self.fetched[event.uuid] = max(asked, self.fetched.get(event.uuid, asked))
        if answered is not None:
            self.answered_at[event.uuid] = max(answered, self.answered_at.get(event.uuid, answered))
        return Reply(event, None, withdrawn=self._withdrawn_since(event.uuid, asked, answered))

    def first_time(self, record: dict[str, Any]) -> bool:
        """True the first time this crawl writes this (ad, status, payload): the warehouse keeps one raw
        row per content, and two identical rows in one landing file would clash there."""
        digest = hashlib.sha256(json.dumps(record["payload"], sort_keys=True).encode()).hexdigest()
        key = (record["source_id"], record["status"], digest)
        if key in self.emitted:
            return False
        self.emitted.add(key)
        return True

    def _answered_after(self, ad_uuid: str, at: datetime | None) -> bool:
        answered = self.answered_at.get(ad_uuid)
        return answered is not None and at is not None and at < answered

    def _withdrawn_since(self, ad_uuid: str, asked: datetime | None, answered: datetime | None) -> bool:
        """An INACTIVE line newer than the line this reply covers, and not older than the reply."""
        inactive_at = self.inactive_at.get(ad_uuid)
        if inactive_at is None or asked is None or asked >= inactive_at:
            return False
        return answered is None or answered <= inactive_at
