"""The parse cache: a page is parsed once, then loaded from disk until it or the parser changes.

Why one small file per page in a sharded folder, and not one sqlite or shelve database:
- Robustness. A corrupt entry (a crash mid-write on a filesystem without ordered writes, a
  bad sector, a user's stray `sed`) costs that one page, which is simply parsed again. A
  damaged sqlite/dbm file loses every page at once and needs its own detection and recovery.
- Concurrency for free. Two `reader` processes and the app's index worker can read and write
  at once: each write goes to a temporary file that `os.replace` swaps in atomically, so a
  reader sees the old entry or the new one, never half of one. No locks, no "database is
  locked" errors, no connection per thread.
- Speed is enough. Reading 30,000 entries of ~10 KB costs one open+read each (tens of
  microseconds on a warm page cache); JSON decoding, which a database would not save us,
  dominates. See benchmarks/bench_archive.py for the measured figures.
- No garbage on change. The entry's file name hashes only the page's absolute path; size,
  mtime_ns, the parser's version and the page's source name are checked from the entry's
  header. A changed page, or a new parser, overwrites its own entry instead of leaving a
  stale one behind. 256 shard folders keep each folder small (≈120 entries at 30,000 pages).

Entry layout: one header line of compact JSON (the key fields and a CRC32 of the body), a
newline, then the compact JSON of `Page.to_json()`. The CRC means a flipped byte inside a
string (still valid JSON) is caught too: a damaged entry is rebuilt, never shown.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reader.page as page_module
from reader.page.model import Page

#: Bump when the entry layout changes: old entries are then simply not found.
CACHE_FORMAT = 1
#: Pages kept parsed in memory: enough for an issue or two and the article list around it,
#: small enough that 30,000 pages never all sit in memory (a page is ~50-100 KB as objects).
MEMORY_PAGES = 256
#: Entries larger than this are not trusted (no real page's parse is anywhere near it).
MAX_ENTRY_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PageKey:
    """Everything that decides a page's parse: if any of it changes, the page is parsed again."""

    path: str
    size: int
    mtime_ns: int
    parser: str
    source: str
    part: int = 0  # which form-feed page of the file (0: the file is one page)

    def header(self, crc: int) -> dict[str, Any]:
        return {
            "format": CACHE_FORMAT,
            "path": self.path,
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "parser": self.parser,
            "source": self.source,
            "part": self.part,
            "crc": crc,
        }


def _stat_key(path: str, source: str, part: int = 0) -> PageKey | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return PageKey(path, info.st_size, info.st_mtime_ns, str(page_module.PARSER_VERSION), source, part)


def _parse(path: str, source: str, part: int) -> Page:
    """Page `part` of the file (the whole file when 0); a part the file no longer has is empty."""
    if not part:
        return page_module.read_page(path, source)
    pages = page_module.read_pages(path, source)
    if part <= len(pages) and pages[part - 1].part == part:
        return pages[part - 1]
    if len(pages) == 1 and pages[0].status in ("unreadable", "binary"):
        return pages[0]
    return Page(source=source, articles=(), status="empty", warnings=(f"the file has no page {part} now",))


def _not_a_file(path: str, source: str) -> Page | None:
    """An unreadable Page for a path that is there but is no regular file (a FIFO put in a page's
    place, a device, a socket): opening one would block its worker, and the app's quit, forever."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if stat.S_ISREG(info.st_mode):
        return None
    kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO, device or socket"
    return Page(
        source=source,
        articles=(),
        status="unreadable",
        warnings=(f"{source}: not a page file ({kind}); it was not opened",),
    )


class ParseCache:
    """Parses pages through an in-memory LRU and, when `folder` is given, a disk cache."""

    def __init__(self, folder: Path | None, memory_pages: int = MEMORY_PAGES) -> None:
        self.folder = folder / f"pages-v{CACHE_FORMAT}" if folder is not None else None
        self._folder_text = os.fspath(self.folder) if self.folder is not None else None
        self.write_error: str = ""  # why the disk cache could not be written, once
        self._memory: OrderedDict[PageKey, Page] = OrderedDict()
        self._memory_pages = memory_pages
        self._lock = threading.Lock()
        self.hits = 0  # disk hits, for benchmarks and tests
        self.parses = 0

    def entry_path(self, path: os.PathLike[str] | str, part: int = 0) -> str | None:
        """Where the entry of the page at absolute `path` lives (whatever its state)."""
        if self._folder_text is None:
            return None
        name = os.fsencode(path) + (f"#{part}".encode() if part else b"")
        digest = hashlib.blake2b(name, digest_size=16).hexdigest()
        return os.path.join(self._folder_text, digest[:2], digest[2:] + ".json")

    def load(self, path: os.PathLike[str] | str, source: str, part: int = 0) -> Page:
        """The parsed page: from memory, from disk, or parsed now (and stored). Never raises.

        `part` picks one form-feed page of a file that holds several (1, 2 ...); each part
        has an entry of its own.
        """
        path = os.fspath(path)
        key = _stat_key(path, source, part)
        if key is None:  # gone, unreadable or special: say why, and remember nothing
            return _not_a_file(path, source) or _parse(path, source, part)
        with self._lock:
            page = self._memory.get(key)
            if page is not None:
                self._memory.move_to_end(key)
                return page
        page = self._read_entry(key)
        if page is None:
            page = _parse(path, source, part)
            self.parses += 1
            # a page being rewritten while we parsed it must not be stored under its old key
            if page.status != "unreadable" and _stat_key(path, source, part) == key:
                self._write_entry(key, page)
        else:
            self.hits += 1
        self._remember(key, page)
        return page

    def _remember(self, key: PageKey, page: Page) -> None:
        with self._lock:
            self._memory[key] = page
            self._memory.move_to_end(key)
            while len(self._memory) > self._memory_pages:
                self._memory.popitem(last=False)

    def _read_entry(self, key: PageKey) -> Page | None:
        entry = self.entry_path(key.path, key.part)
        if entry is None:
            return None
        try:
            with open(entry, "rb") as handle:
                # read() sizes its buffer from fstat; read(n) would allocate n bytes every time
                if os.fstat(handle.fileno()).st_size > MAX_ENTRY_BYTES:
                    return None
                data = handle.read()
            head, _, body = data.partition(b"\n")
            header = json.loads(head)
            if header != key.header(zlib.crc32(body)):
                return None
            return Page.from_json(json.loads(body))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            # missing, unreadable, truncated, not JSON (or nested past the decoder's depth), or
            # not a page: parse the page again, and the entry is rewritten
            return None

    def _write_entry(self, key: PageKey, page: Page) -> None:
        entry = self.entry_path(key.path, key.part)
        if entry is None or self.write_error:
            return
        # backslashreplace: a name that is not valid UTF-8 holds lone surrogates, which strict
        # UTF-8 refuses; inside a JSON string "\udce9" is that very code unit, read back as such.
        body = json.dumps(page.to_json(), ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "backslashreplace"
        )
        head = json.dumps(key.header(zlib.crc32(body)), ensure_ascii=False, separators=(",", ":"))
        temporary = ""
        try:
            shard = os.path.dirname(entry)
            os.makedirs(shard, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=shard, prefix=".tmp-", suffix=".json")
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(head.encode("utf-8", "backslashreplace") + b"\n" + body)
            os.replace(temporary, entry)
        except OSError as error:
            # read-only or full disk: keep reading pages, just without a disk cache
            self.write_error = f"{self.folder}: parse cache not writable ({error.strerror or error})"
            if temporary:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
