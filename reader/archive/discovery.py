"""Finding page files under the paths a reader gives, lazily and without ever raising.

A ten-year archive holds 30,000 pages in thousands of folders. Listing it all before showing
anything would make the app's first screen wait on the disk, so folders are walked one at a
time with `os.scandir` (whose entries know if they are files or folders without a `stat` per
file) and each page is handed on as soon as its folder has been listed. Entries of a folder are
taken by the date their name carries, then in natural order (`page_2` before `page_10`): the
order a reader expects, whatever mix of date spellings a folder holds.

Archives are copied between disks, synced, and half-deleted: a missing path, a folder that is
not readable, a broken or looping link or a folder that vanishes while it is being listed is
reported as one line and the walk goes on with the rest.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass

from reader.archive.naming import date_in_name, natural_key

PAGE_SUFFIX = ".txt"
#: Every suffix a page file may have in a folder: text dumps and the papers' PDFs themselves.
PAGE_SUFFIXES = (PAGE_SUFFIX, ".pdf")


@dataclass(frozen=True, slots=True)
class FoundPage:
    """A page file as discovery found it, before any grouping."""

    path: str  # absolute path
    root: str  # absolute path of the folder `rel` is relative to
    rel: str  # POSIX path relative to `root`


def describe_os_error(shown: str, error: OSError) -> str:
    """One line a reader understands for why `shown` could not be opened."""
    code = error.errno
    if code == errno.ENOENT:
        if os.path.islink(shown):
            try:
                target = os.readlink(shown)
            except OSError:
                target = "?"
            return f"{shown}: broken link (it points to {target}, which does not exist)"
        return f"{shown}: no such file or folder"
    if code in (errno.EACCES, errno.EPERM):
        return f"{shown}: permission denied"
    if code == errno.ELOOP:
        return f"{shown}: symbolic link loop"
    if code == errno.ENOTDIR:
        return f"{shown}: not found (a part of this path is a file, not a folder)"
    reason = error.strerror or type(error).__name__
    return f"{shown}: {reason}"


def _listing_order(entry: os.DirEntry[str]) -> tuple[str, tuple[tuple[int, int | str], ...]]:
    """Dated names by date whatever their spelling (`2021年7月30日` after `20210729`), then natural."""
    return date_in_name(entry.name), natural_key(entry.name)


def _is_page_name(name: str) -> bool:
    return name.lower().endswith(PAGE_SUFFIXES)


class _Walk:
    """One walk over the reader's paths; remembers what it has seen so nothing is listed twice."""

    def __init__(self, report: Callable[[str], None], cancel: threading.Event | None) -> None:
        self._report = report
        self._cancel = cancel
        self._seen_files: set[str] = set()
        self._seen_folders: set[tuple[int, int]] = set()

    def cancelled(self) -> bool:
        return self._cancel is not None and self._cancel.is_set()

    def pages(self, paths: Iterable[os.PathLike[str] | str]) -> Iterator[FoundPage]:
        for raw in paths:
            if self.cancelled():
                return
            shown = os.fspath(raw)
            absolute = os.path.abspath(os.path.expanduser(shown))
            try:
                info = os.stat(absolute)
            except OSError as error:
                self._report(describe_os_error(shown, error))
                continue
            if stat.S_ISDIR(info.st_mode):
                present = yield from self._folder_tree(absolute, info)
                if present == 0 and not self.cancelled():
                    self._report(f"{shown}: no pages (*{PAGE_SUFFIX} or *.pdf) in this folder")
            elif stat.S_ISREG(info.st_mode):
                # A file named on the command line is a page whatever its suffix.
                if absolute not in self._seen_files:
                    self._seen_files.add(absolute)
                    root, name = os.path.split(absolute)
                    yield FoundPage(absolute, root, name)
            else:
                self._report(f"{shown}: not a page file or a folder")

    def _folder_tree(self, root: str, info: os.stat_result) -> Generator[FoundPage, None, int]:
        """Depth first, in natural order; returns how many pages the tree holds (seen or not)."""
        present = 0
        self._seen_folders.add((info.st_dev, info.st_ino))
        stack: list[Iterator[tuple[str, str, bool]]] = [iter(self._children(root, ""))]
        while stack:
            if self.cancelled():
                return present
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            path, rel, is_folder = child
            if is_folder:
                stack.append(iter(self._children(path, rel)))
                continue
            present += 1
            if path not in self._seen_files:
                self._seen_files.add(path)
                yield FoundPage(path, root, rel)
        return present

    def _children(self, folder: str, rel: str) -> list[tuple[str, str, bool]]:
        """The folder's page files and subfolders in natural order: (path, rel, is_folder)."""
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except FileNotFoundError:
            # it was there when its parent was listed: it vanished (moved, unmounted) since
            self._report(f"{folder}: folder disappeared while it was being read")
            return []
        except OSError as error:
            self._report(describe_os_error(folder, error))
            return []
        children: list[tuple[str, str, bool]] = []
        for entry in sorted(entries, key=_listing_order):
            if entry.name.startswith("."):
                continue  # .git, .DS_Store, editors' temporary files: never pages
            child = self._classify(entry, f"{rel}/{entry.name}" if rel else entry.name)
            if child is not None:
                children.append(child)
        return children

    def _classify(self, entry: os.DirEntry[str], rel: str) -> tuple[str, str, bool] | None:
        try:
            if entry.is_dir():
                identity = entry.stat()
                key = (identity.st_dev, identity.st_ino)
                if key in self._seen_folders:
                    if entry.is_symlink():
                        self._report(f"{entry.path}: skipped, the link leads back into a folder already read")
                    return None
                self._seen_folders.add(key)
                return entry.path, rel, True
            if entry.is_file():
                return (entry.path, rel, False) if _is_page_name(entry.name) else None
            if entry.is_symlink():
                # neither file nor folder behind it: the link's target is gone
                self._report(describe_os_error(entry.path, FileNotFoundError(errno.ENOENT, "")))
        except OSError as error:  # a link loop (ELOOP), or the entry went away mid-check
            self._report(describe_os_error(entry.path, error))
        return None


def discover_pages(
    paths: Iterable[os.PathLike[str] | str],
    report: Callable[[str], None],
    cancel: threading.Event | None = None,
) -> Iterator[FoundPage]:
    """Yield every page under `paths` (files, or folders searched recursively for `*.txt`).

    Problems go to `report` as one line each; a path given twice, or a folder reached twice
    through a link, is listed once. Setting `cancel` stops the walk at the next entry.
    """
    return _Walk(report, cancel).pages(paths)
