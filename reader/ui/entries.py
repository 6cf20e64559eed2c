"""What the panes list: issues and articles as the UI sees them, detached from the scanning thread.

The archive's `Issue.pages` grows while the scan runs in a worker thread; the UI works on
frozen snapshots (`IssueRow`) so a list redraw never reads a list another thread is writing.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.archive.naming import printable
from reader.page.model import Article, Page


@dataclass(frozen=True, slots=True)
class IssueRow:
    """One issue as the issues pane shows it."""

    key: str
    label: str
    date: str
    pages: tuple  # tuple[PageRef, ...]: the archive's refs, in page order

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """One article of the open issue, with the page it sits on."""

    ref: object  # reader.archive.PageRef
    page: Page
    article: Article
    page_index: int  # which page of the issue

    @property
    def rel(self) -> str:
        return str(getattr(self.ref, "rel", self.page.source))


def page_label(ref: object, page: Page | None = None) -> str:
    """The page as readers name it: 第2版 when the number is known, else the file name."""
    number = getattr(ref, "page_no", "") or (page.info.page_no if page is not None else "")
    if number:
        return f"第{number}版"
    path = getattr(ref, "path", None)
    return printable(path.name if path is not None else str(getattr(ref, "rel", "page")))
