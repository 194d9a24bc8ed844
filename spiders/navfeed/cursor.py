"""Where a NAV crawl resumes: the pages it walked, and the first place something failed.

A cursor that skipped a failed entry or page would lose that ad for good (the feed never repeats a line),
so the next crawl starts at the first page holding a failure, else at the last page walked (the tip,
which still moves).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CursorTrail:
    """The page ids walked in order, the saved cursor the walk began from, and the failures met."""

    saved: str | None = None
    pages: list[str] = field(default_factory=list)
    rewind_to: int | None = None  # index in `pages` of the first page with a failed entry
    failed_page: str | None = None  # a page that could not be read: resume there

    def walked(self, page: str) -> int:
        """Record a page read; return its index (entries remember it in case they fail)."""
        self.pages.append(page)
        return len(self.pages) - 1

    def knows(self, page: str) -> bool:
        return page in self.pages

    def saved_page_lost(self, requested: str | None) -> bool:
        """True if NAV no longer knows the saved cursor page (a 404 before any page was read): the walk
        must bootstrap again, and the saved cursor is dropped."""
        if requested and requested == self.saved and not self.pages:
            self.saved = None
            return True
        return False

    def entry_failed(self, page_index: int) -> None:
        self.rewind_to = page_index if self.rewind_to is None else min(self.rewind_to, page_index)

    def page_failed(self, page: str | None) -> None:
        """A page could not be fetched or read (`None`: the bootstrap page, which has no id to resume at)."""
        self.failed_page = self.failed_page or page

    def resume(self) -> str | None:
        """Where the next crawl starts: the first page with a failure, else the last page walked."""
        if self.rewind_to is not None:
            return self.pages[self.rewind_to]
        if self.failed_page is not None:
            return self.failed_page
        return self.pages[-1] if self.pages else self.saved
