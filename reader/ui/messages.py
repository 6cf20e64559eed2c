"""Messages that worker threads post back to the main screen.

Workers never touch widgets: they read files and parse pages off the event loop, then hand
the results over with these messages, which Textual delivers on the app's thread.
"""

from __future__ import annotations

from textual.message import Message

from reader.page.model import Page
from reader.ui.entries import IssueRow


class ArchiveScanned(Message):
    """A snapshot of the issues found so far (`done` once the walk has finished)."""

    def __init__(self, rows: list[IssueRow], pages: int, done: bool, errors: list[str]) -> None:
        super().__init__()
        self.rows = rows
        self.pages = pages
        self.done = done
        self.errors = errors


class PageLoaded(Message):
    """Page `page_index` of issue `issue_key` is parsed."""

    def __init__(self, issue_key: str, page_index: int, ref: object, page: Page) -> None:
        super().__init__()
        self.issue_key = issue_key
        self.page_index = page_index
        self.ref = ref
        self.page = page


class IssueLoaded(Message):
    """Every page of issue `issue_key` is parsed."""

    def __init__(self, issue_key: str) -> None:
        super().__init__()
        self.issue_key = issue_key
