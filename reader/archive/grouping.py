"""Grouping pages into issues (期): the unit a newspaper reader browses by.

Two layouts are common. A folder per issue (`2021-07-29/01.txt ...`): pages of one folder form
one issue. Or dates in the names (`2021/20210729_01.txt`, `2021年7月29日第2版.txt`, or
`2021/07/29/`): pages sharing a date form one issue, even when a paper files its sections in
separate subfolders of that date. A date found nearer the file wins over one further up,
since it is the more specific. Two papers in sibling folders (`paperA/2021-07-29/`,
`paperB/2021-07-29/`) stay two issues: the issue is the date *within* the folder that holds
the dated names.

Issue keys are built from names relative to the archive root, not from absolute paths, so
that a reading position saved today still finds its issue when the archive is moved.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.archive.discovery import FoundPage
from reader.archive.naming import (
    date_in_folder_chain,
    date_in_name,
    page_no_in_name,
    page_sort_key,
    printable,
)
from reader.page.model import PageInfo


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page of the archive, known by its name only: nothing is parsed to make one."""

    path: Path  # absolute path of the page file
    rel: str  # path relative to its archive root, POSIX separators: the bookmark key
    issue_key: str  # the issue it belongs to
    date: str  # ISO date from the folder or file name, "" when unknown
    page_no: str  # page number from the file name, "" when unknown
    part: int = 0  # the form-feed page of a file holding a whole issue (1, 2 ...); 0: one page


@dataclass(slots=True)
class Issue:
    """One issue of a paper: its pages in page order. Grows while the archive is scanned."""

    key: str
    date: str  # ISO date or ""
    label: str  # what the issues list shows ("2021-07-29" or the folder name)
    pages: list[PageRef] = field(default_factory=list)


def _page_order(ref: PageRef) -> tuple[int, str, int, tuple[tuple[int, int | str], ...]]:
    return page_sort_key(ref.page_no, ref.rel.rsplit("/", 1)[-1])


@dataclass(frozen=True, slots=True)
class _Placement:
    """Where a page belongs: the folder holding its dated names (or its own folder) and date."""

    group_path: str  # absolute folder that owns the issue
    key_parts: tuple[str, ...]  # names making up the issue key
    date: str
    label: str


def _placement(found: FoundPage) -> _Placement:
    parts = found.rel.split("/")
    root_name = os.path.basename(found.root) or found.root
    # folders[0] is the root itself; folders[i] for i >= 1 is parts[i - 1]
    folders = [root_name, *parts[:-1]]
    file_name = parts[-1]
    stem = file_name.rsplit(".", 1)[0]

    date = date_in_name(stem)
    if date:
        return _Placement(os.path.dirname(found.path), (*folders, date), date, date)
    for index in range(len(folders) - 1, -1, -1):
        date = date_in_name(folders[index])
        owner = index  # the folder whose parent owns the issue
        if not date:
            date, owner = date_in_folder_chain(folders[: index + 1])
        if date:
            group_path = _parent_of_folder(found.root, parts, owner)
            return _Placement(group_path, (*folders[:owner], date), date, date)
    own_folder = os.path.dirname(found.path)
    label = "/".join(parts[:-1]) if len(parts) > 1 else root_name
    return _Placement(own_folder, tuple(folders), "", label)


def _printed_placement(found: FoundPage, printed: PageInfo) -> _Placement:
    """The issue a page's furniture names: its paper and date, under the archive root."""
    root_name = os.path.basename(found.root) or found.root
    label = f"{printed.date} {printed.paper}".strip()
    return _Placement(
        f"{found.root}\0{printed.paper}", (root_name, printed.paper, printed.date), printed.date, label
    )


def _file_placement(found: FoundPage) -> _Placement:
    """A file holding a whole issue is that issue: named by the date in its name, else its stem."""
    parts = found.rel.split("/")
    root_name = os.path.basename(found.root) or found.root
    stem = parts[-1].rsplit(".", 1)[0]
    date = date_in_name(stem)
    return _Placement(found.path, (root_name, *parts[:-1], stem), date, date or stem)


def _parent_of_folder(root: str, parts: list[str], folder_index: int) -> str:
    """Absolute path of the parent of folders[folder_index] (0 is the root itself)."""
    if folder_index == 0:
        return os.path.dirname(root)
    return os.path.join(root, *parts[: folder_index - 1])


class IssueIndex:
    """Pages grouped into issues, in the order their first page was found."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []
        self.by_key: dict[str, Issue] = {}
        self._by_group: dict[tuple[str, str], Issue] = {}
        self._orders: dict[str, list[tuple[int, str, int, tuple[tuple[int, int | str], ...]]]] = {}
        self._by_label: dict[str, list[tuple[Issue, str]]] = {}

    def add(
        self, found: FoundPage, part: int = 0, printed: Callable[[int], PageInfo] | None = None
    ) -> PageRef:
        """The page's ref, placed in its issue.

        A date in the folder or file names decides the issue. Failing that, what the page's
        furniture prints (`printed(part)`: paper, date, 版; asked only then) does: pages of one paper and date are one
        issue, in the order of their printed page numbers. A `part` of a file of several
        form-feed pages (`pdftotext issue.pdf`) with neither belongs to the issue that file is.
        """
        place = _placement(found)
        page_no = page_no_in_name(found.rel.rsplit("/", 1)[-1])
        info = printed(part) if printed is not None and not place.date else PageInfo()
        if info.date:
            place = _printed_placement(found, info)
            page_no = info.page_no or page_no
        elif part:
            place = place if place.date else _file_placement(found)
            page_no = info.page_no or str(part)
        issue = self._by_group.get((place.group_path, place.date))
        if issue is None:
            issue = self._new_issue(place)
        ref = PageRef(
            path=Path(found.path),
            rel=f"{found.rel}#{part}" if part else found.rel,
            issue_key=issue.key,
            date=place.date,
            page_no=page_no,
            part=part,
        )
        self._insert_in_page_order(issue, ref)
        return ref

    def _insert_in_page_order(self, issue: Issue, ref: PageRef) -> None:
        """Pages mostly arrive in order, so appending is the common case; keys are kept, not
        recomputed per comparison, since a 30,000-page scan does this for every page."""
        order = self._orders.setdefault(issue.key, [])
        key = _page_order(ref)
        if not order or key >= order[-1]:
            order.append(key)
            issue.pages.append(ref)
            return
        at = bisect_right(order, key)
        order.insert(at, key)
        issue.pages.insert(at, ref)

    def _new_issue(self, place: _Placement) -> Issue:
        key = "/".join(place.key_parts)
        unique, count = key, 1
        while unique in self.by_key:  # two roots with the same name: keep keys apart
            count += 1
            unique = f"{key}#{count}"
        issue = Issue(key=unique, date=place.date, label=printable(place.label))
        self.by_key[unique] = issue
        self._by_group[(place.group_path, place.date)] = issue
        self._label(issue, place)
        self.issues.append(issue)
        return issue

    def _label(self, issue: Issue, place: _Placement) -> None:
        """Same date from two papers: name the paper's folder after the date in both labels."""
        same = self._by_label.setdefault(place.label, [])
        same.append((issue, os.path.basename(place.group_path) or place.group_path))
        if place.date and len(same) > 1:
            for other, owner in same:
                other.label = printable(f"{place.label} {owner}")
