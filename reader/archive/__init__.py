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
from reader.page import page_infos
from reader.page.load import MAX_PAGE_BYTES, count_pages
from reader.page.model import Page, PageInfo
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


def _pdf_parts(path: str) -> int:
    """How many pages a PDF holds as an issue's parts (0: one page, like a one-page text file).
    A PDF of several pages is a whole issue, like a dump with form feeds."""
    from reader.page.pdf import count_pdf_pages  # PDF code loads with the first PDF found

    pages = count_pdf_pages(path)
    return pages if pages > 1 else 0


def _read_head(path: str) -> bytes:
    """The page file's bytes (up to the parser's limit), b"" when it cannot be read: one read
    in the scan worker tells how many form-feed pages it holds; its load says why it failed."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            return os.read(descriptor, MAX_PAGE_BYTES)  # os-level: a third of open()'s cost
        finally:
            os.close(descriptor)
    except OSError:
        return b""


class _Printed:
    """What each form-feed page of a file's furniture prints, read only when asked (for pages
    whose names carry no date: the archive groups those by their printed paper and date)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._infos: tuple[PageInfo, ...] | None = None

    def __call__(self, part: int) -> PageInfo:
        if self._infos is None:
            self._infos = page_infos(self._data) if self._data else ()
        index = part - 1 if part else 0
        return self._infos[index] if index < len(self._infos) else PageInfo()


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
            if found.path.lower().endswith(".pdf"):
                parts, printed = _pdf_parts(found.path), _Printed(b"")
            else:
                data = _read_head(found.path)
                parts = count_pages(data)
                printed = _Printed(data)
            for part in range(1, parts + 1) if parts else (0,):
                ref = index.add(found, part, printed)
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
