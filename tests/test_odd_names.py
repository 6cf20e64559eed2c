"""Page files and folders whose names are not valid UTF-8 (`ok-\\xe9.txt`): read, cached, indexed,
searched, bookmarked and printed like any other, with "?" where a name's bytes do not decode."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.search.index import SearchIndex
from reader.store import Bookmark, BookmarkStore
from tests.conftest import ROOT, seed_pages
from tests.test_ui_bookmarks import SIZE, shown
from tests.test_ui_session import settle

ODD = b"ok-\xe9.txt"


@pytest.fixture
def odd_archive(tmp_path: Path) -> Path:
    folder = tmp_path / "pages" / "2021-07-01"
    folder.mkdir(parents=True)
    try:
        target = os.path.join(os.fsencode(folder), ODD)
        shutil.copy(seed_pages()[1], target)
    except (OSError, UnicodeError):
        pytest.skip("this filesystem refuses names that are not UTF-8")
    return folder.parent


def test_a_page_with_such_a_name_is_parsed_and_cached(odd_archive: Path, tmp_path: Path) -> None:
    archive = Archive([odd_archive], cache_dir=tmp_path / "cache")
    (ref,) = archive.scan_all()
    assert ref.rel == "2021-07-01/" + os.fsdecode(ODD)
    page = archive.load(ref)
    assert page.status == "ok" and page.articles
    reopened = Archive([odd_archive], cache_dir=tmp_path / "cache")
    (ref,) = reopened.scan_all()
    assert reopened.load(ref) == page
    assert reopened.cache.hits == 1


def test_it_is_indexed_and_found_and_forgotten_when_deleted(odd_archive: Path, tmp_path: Path) -> None:
    archive = Archive([odd_archive], cache_dir=tmp_path / "cache")
    refs = archive.scan_all()
    index = SearchIndex.for_archive([odd_archive], cache=tmp_path / "cache")
    try:
        report = index.update(refs, archive.load)
        assert report.finished and report.failed == 0
        results = index.search("会议")
        assert results.articles and {r.source for r in results.articles} == {refs[0].rel}
        refs[0].path.unlink()  # #13.15: a deleted page's hits go at the next update
        index.update(refs, archive.load)
        assert index.search("会议").articles == ()
    finally:
        index.close()


def test_a_bookmark_on_it_is_saved_and_read_back(tmp_path: Path) -> None:
    rel = "2021-07-01/" + os.fsdecode(ODD)
    path = tmp_path / "bookmarks.json"
    BookmarkStore(path).set_note(Bookmark.at(rel, "a1", title="标题"), "笔记")
    (mark,) = BookmarkStore(path).list()
    assert (mark.rel, mark.note) == (rel, "笔记")
    path.read_bytes().decode("utf-8")  # the file stays valid UTF-8 JSON


def test_reader_search_prints_the_name_with_a_question_mark(odd_archive: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8:strict",  # as in an en_US.UTF-8 terminal
        "READER_CACHE": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "会议", str(odd_archive)],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    assert b"2021-07-01/ok-?.txt" in done.stdout


async def test_b_on_such_a_page_bookmarks_it(odd_archive: Path, tmp_path: Path) -> None:
    from reader.ui.app import ReaderApp

    db = tmp_path / "bookmarks.json"
    app = ReaderApp(Archive([odd_archive], cache_dir=tmp_path / "cache"), db=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: app.store is not None and app.main.current is not None)
        await pilot.press("b")
        await settle(pilot, lambda: len(app.bookmarks) == 1)
        assert any(m.startswith("Bookmarked") for m in shown(app))
    (mark,) = BookmarkStore(db).list()
    assert mark.rel == "2021-07-01/" + os.fsdecode(ODD)


async def test_the_app_shows_such_names_with_a_question_mark(tmp_path: Path) -> None:
    from reader.ui.app import ReaderApp
    from tests.screen import region_lines

    folder = tmp_path / "pages"
    odd_folder = os.path.join(os.fsencode(folder), b"paper-\xe9")
    try:
        os.makedirs(odd_folder)
        shutil.copy(seed_pages()[1], os.path.join(odd_folder, b"page-\xe9.txt"))
    except (OSError, UnicodeError):
        pytest.skip("this filesystem refuses names that are not UTF-8")
    app = ReaderApp(Archive([folder], cache_dir=tmp_path / "cache"), db=tmp_path / "bookmarks.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: app.main.current is not None and app.main.scan_done)
        issues = "".join(region_lines(app, app.main.issues))
        status = "".join(region_lines(app, app.main.status))
        assert "paper-?" in issues and "page-?.txt" in status
        assert not any("\udc80" <= c <= "\udcff" for c in issues + status)
