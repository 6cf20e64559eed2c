"""Reading the pages named on a command line, the same way for every command.

A page that cannot be read (missing, a folder, no permission, a binary file) is one line on
stderr and makes the command exit 1; the other pages are still read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.page import Page, read_pages

UNREADABLE = ("unreadable", "binary")


class PageReader:
    """Yields the readable pages among `names`; remembers whether any failed."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.failed = False

    def read(self, names: Iterable[str], *, warn: bool = False) -> Iterator[Page]:
        for name in names:
            for page in read_pages(Path(name), source=name):  # one a form-feed page
                if page.status in UNREADABLE:
                    self.error(f"{name}: {'; '.join(page.warnings)}")
                    continue
                if warn:
                    for warning in page.warnings:
                        print(f"reader {self.command}: {name}: {warning}", file=sys.stderr)
                yield page

    def error(self, message: str) -> None:
        print(f"reader {self.command}: {message}", file=sys.stderr)
        self.failed = True

    @property
    def status(self) -> int:
        return 1 if self.failed else 0
