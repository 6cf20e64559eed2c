"""Reading the pages named on a command line, the same way for every command.

A page that cannot be read (missing, no permission, a binary file) or has no text is one line
on stderr and makes the command exit 1; the other pages are still read. A folder stands for
the pages (*.txt) in it, found and ordered as `reader FOLDER` finds them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.page import Page, read_pages

UNREADABLE = ("unreadable", "binary")
#: An undecodable page with more replacement characters than this share of its text is noise
#: (random bytes, a compressed file without NUL bytes), not a page with a few damaged bytes:
#: printing hundreds of KB of "\ufffd" helps no one.
MAX_REPLACED_SHARE = 0.02


def replaced_share(*pages: Page) -> float:
    """The share of the pages' article text that is U+FFFD (bytes no encoding could read)."""
    text = "".join(article.text for page in pages for article in page.articles)
    return text.count("\ufffd") / len(text) if text else 0.0


class PageReader:
    """Yields the readable pages among `names`; remembers whether any failed."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.failed = False

    def read(self, names: Iterable[str], *, warn: bool = False) -> Iterator[Page]:
        for name in self.expand(names):
            pages = read_pages(Path(name), source=name)  # one a form-feed page
            if any(page.status == "undecodable" for page in pages):  # the README's exit 1, in one line
                share = replaced_share(*pages)
                if share > MAX_REPLACED_SHARE:
                    self.error(
                        f"{name}: not text ({share:.0%} of it is bytes that no encoding kanbao "
                        "knows can read: UTF-8, GB18030, Big5)"
                    )
                    continue
                said = (w for page in pages for w in page.warnings if "\ufffd" in w)
                self.error(f"{name}: {next(said, 'bytes no encoding could read')}")
            for page in pages:
                if page.status in UNREADABLE:
                    self.error(f"{name}: {'; '.join(page.warnings)}")
                    continue
                if warn and page.status != "undecodable":
                    for warning in page.warnings:
                        print(f"reader {self.command}: {name}: {warning}", file=sys.stderr)
                if page.status == "empty":  # no text to show: exit 1, as the README says
                    if warn:
                        self.failed = True  # its warning is printed just above
                    else:
                        self.error(f"{name}: {'; '.join(page.warnings) or 'the page has no text'}")
                yield page

    def error(self, message: str) -> None:
        print(f"reader {self.command}: {message}", file=sys.stderr)
        self.failed = True

    @property
    def status(self) -> int:
        return 1 if self.failed else 0

    def expand(self, names: Iterable[str]) -> Iterator[str]:
        """Each name, a folder replaced by the page files found in it (the app's order)."""
        for name in names:
            path = Path(name).expanduser()
            if not path.is_dir():
                yield name
                continue
            from reader.archive import Archive  # only a folder needs the discovery rules

            archive = Archive([path], use_cache=False)
            refs = archive.scan_all()
            for error in archive.errors:
                self.error(error)
            if not refs:
                self.error(f"{name}: no pages (*.txt) found in this folder")
            seen: set[Path] = set()
            for ref in refs:
                if ref.path in seen:
                    continue  # a file of several form-feed pages: one ref a page, read once
                seen.add(ref.path)
                yield str(Path(name) / ref.rel[: ref.rel.rfind("#")] if ref.part else Path(name) / ref.rel)
