"""`BookmarkStore.write_problem()`: the app's up-front check before it opens the note editor.

It must agree with what a real change does: None where a change succeeds, and the same kind of
reason where the change raises StoreReadOnly, without writing anything itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import BookmarkStore, StoreReadOnly
from tests.test_store_failures import mark, shared_folder, unwritable

__all__ = ["shared_folder"]  # the fixture, imported for the tests below


def test_a_writable_location_has_no_problem_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "not-yet" / "bookmarks.json"
    store = BookmarkStore(path)
    assert store.write_problem() is None
    assert not path.parent.exists()  # asking created nothing
    store.add(mark())
    assert store.write_problem() is None


def test_a_path_below_a_file_is_a_problem_as_the_change_says(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    store = BookmarkStore(tmp_path / "not-a-folder" / "sub" / "bookmarks.json")
    problem = store.write_problem()
    assert problem is not None and "not a folder" in problem
    with pytest.raises(StoreReadOnly, match="cannot be saved"):
        store.add(mark())


def test_a_read_only_folder_is_a_problem(shared_folder: Path) -> None:
    path = shared_folder / "data" / "bookmarks.json"
    path.parent.mkdir()
    with unwritable(path.parent):
        store = BookmarkStore(path)
        problem = store.write_problem()
        assert problem is not None and "not writable" in problem
        with pytest.raises(StoreReadOnly):
            store.add(mark())


def test_a_read_only_file_is_a_problem(shared_folder: Path) -> None:
    path = shared_folder / "bookmarks.json"
    BookmarkStore(path).add(mark("a1"))
    with unwritable(shared_folder, file_only=path):
        store = BookmarkStore(path)
        problem = store.write_problem()
        assert problem is not None and "read-only" in problem


def test_a_refused_session_reports_its_refusal(shared_folder: Path) -> None:
    path = shared_folder / "bookmarks.json"
    path.write_text("{ broken", encoding="utf-8")
    path.chmod(0o644)
    with unwritable(shared_folder):
        store = BookmarkStore(path)  # cannot move the corrupt file aside: bookmarks are off
    assert store.writable_reason is not None
    assert store.write_problem() == store.writable_reason
