"""The archive: which pages there are, which issue each belongs to, and their cached parses.

Nothing here parses a page until someone asks for it with `Archive.load`: `scan` only lists
names, so an archive of 30,000 pages shows its first issue at once while the walk goes on in
a worker thread. `issues` and `errors` grow while `scan` runs; list appends are atomic in
CPython, so a UI thread may read them at any time (take a `list(...)` copy to iterate).

Modules: `discovery` (walking the paths), `naming` (dates and page numbers in names),
`grouping` (pages into issues), `cache` (the parse cache on disk and in memory).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import platformdirs

from reader.archive.cache import ParseCache
from reader.archive.discovery import discover_pages
from reader.archive.grouping import Issue, IssueIndex, PageRef
from reader.page.load import MAX_PAGE_BYTES, count_pages
from reader.page.model import Page
from reader.resources import seeds_dir

__all__ = ["Archive", "Issue", "PageRef", "default_archive_paths", "default_cache_dir"]

#: Environment variable that moves the parse cache (tests, benchmarks, shared machines).
CACHE_ENV = "READER_CACHE"


def default_archive_paths() -> list[Path]:
    """What `reader` opens when given no path: the bundled seed pages."""
    return [seeds_dir()]


def default_cache_dir() -> Path:
    """`$READER_CACHE` when set, else the user's cache directory for kanbao."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir("kanbao"))


def _form_feed_pages(path: str) -> int:
    """How many form-feed pages a page file holds (0: one page). Reading the file costs one
    open and read in the scan worker; a file that cannot be read is one page, whose load says why.
    A PDF of several pages is a whole issue, like a dump with form feeds: its pages are parts."""
    if path.lower().endswith(".pdf"):
        from reader.page.pdf import count_pdf_pages  # PDF code loads with the first PDF found

        pages = count_pdf_pages(path)
        return pages if pages > 1 else 0
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PAGE_BYTES)
    except OSError:
        return 0
    return count_pages(data)


class Archive:
    """The pages under some paths, grouped into issues, parsed on demand through a cache."""

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
    ) -> None:
        self.paths = list(paths)
        self.issues: list[Issue] = []
        self.errors: list[str] = []
        self._by_rel: dict[str, PageRef] = {}
        self._index = IssueIndex()
        folder = (cache_dir if cache_dir is not None else default_cache_dir()) if use_cache else None
        self.cache = ParseCache(folder)
        self._cache_error_reported = False

    def scan(self, cancel: threading.Event | None = None) -> Iterator[PageRef]:
        """Walk the paths lazily and yield each page found; `issues` grows as it goes.

        A new scan starts from scratch (the archive may have changed on disk). Setting `cancel`
        stops it at the next folder entry, keeping what was found so far.
        """
        index = self._index = IssueIndex()
        self.issues = index.issues
        self.errors = []
        self._cache_error_reported = False  # a fresh error list says it again
        self._by_rel = {}
        for found in discover_pages(self.paths, self.errors.append, cancel):
            parts = _form_feed_pages(found.path)
            for part in range(1, parts + 1) if parts else (0,):
                ref = index.add(found, part)
                # the same rel under two roots: the first one found keeps the bookmark key
                self._by_rel.setdefault(ref.rel, ref)
                yield ref

    def scan_all(self) -> list[PageRef]:
        """Scan to the end; the pages in the order found."""
        return list(self.scan())

    def load(self, ref: PageRef) -> Page:
        """The parsed page, through the memory and disk caches. Never raises."""
        try:
            page = self.cache.load(ref.path, ref.rel, ref.part)
        except Exception as error:  # a parser bug must cost one page, not the session
            page = Page(
                source=ref.rel,
                articles=(),
                status="unreadable",
                warnings=(f"{ref.rel}: could not be parsed ({type(error).__name__}: {error})",),
            )
        if self.cache.write_error and not self._cache_error_reported:
            self._cache_error_reported = True
            self.errors.append(self.cache.write_error)
        return page

    def find(self, rel: str) -> PageRef | None:
        """The page with this bookmark key, if the archive (scanned so far) has it."""
        return self._by_rel.get(rel)

    def issue(self, key: str) -> Issue | None:
        """The issue with this key, if the archive (scanned so far) has it."""
        return self._index.by_key.get(key)
