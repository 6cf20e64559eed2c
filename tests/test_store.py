"""BookmarkStore: adding, toggling, notes, listing, deleting, positions, and where the file lives."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.store import (
    SCHEMA_VERSION,
    Bookmark,
    BookmarkStore,
    ReadingPosition,
    archive_key,
    default_db_path,
    resolve_db_path,
)


class Clock:
    """A clock that moves one minute per call, so the order of events is visible in timestamps."""

    def __init__(self) -> None:
        self.now = datetime(2024, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def mark(article_id: str = "a1", rel: str = "2021-07-29/01.txt", **fields: object) -> Bookmark:
    defaults: dict[str, object] = {
        "title": f"标题{article_id}",
        "paragraph": 1,
        "paragraph_text": "　　新华社北京7月28日电 国务院总理今天主持召开常务会议。",
        "issue_key": rel.split("/")[0],
        "issue_label": rel.split("/")[0],
    }
    defaults.update(fields)
    return Bookmark.at(rel, article_id, **defaults)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> BookmarkStore:
    return BookmarkStore(tmp_path / "bookmarks.json", clock=Clock())


def on_disk(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_new_store_creates_no_file_until_something_is_saved(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "sub" / "bookmarks.json")
    assert store.list() == []
    assert store.get("x.txt", "a1") is None
    assert not (tmp_path / "sub").exists()


def test_add_stores_the_bookmark_with_timestamps_and_schema(store: BookmarkStore) -> None:
    stored = store.add(mark())
    assert stored.created == "2024-03-01T09:01:00+08:00"
    assert stored.updated == stored.created
    assert store.get("2021-07-29/01.txt", "a1") == stored
    data = on_disk(store.path)
    assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION
    (document,) = data["bookmarks"].values()
    assert document["rel"] == "2021-07-29/01.txt"
    assert document["title"] == "标题a1"
    assert document["paragraph"] == 1


def test_adding_an_existing_bookmark_keeps_the_first_one(store: BookmarkStore) -> None:
    first = store.add(mark(paragraph=1))
    again = store.add(mark(paragraph=5))
    assert again == first
    assert len(store.list()) == 1


def test_toggle_adds_then_removes_and_returns_what_it_removed(store: BookmarkStore) -> None:
    added = store.toggle(mark())
    assert added.added
    store.set_note(mark(), "重要")
    removed = store.toggle(mark())
    assert not removed.added
    assert removed.bookmark.note == "重要"  # the UI can offer to undo with put()
    assert store.list() == []
    store.put(removed.bookmark)
    assert store.get(*removed.bookmark.key) == removed.bookmark


def test_set_note_bookmarks_the_article_when_needed_and_keeps_its_paragraph(store: BookmarkStore) -> None:
    created = store.set_note(mark(paragraph=3), "first thought")
    assert created.note == "first thought"
    assert created.paragraph == 3
    edited = store.set_note(mark(paragraph=7), "第二个想法\nsecond line")
    assert edited.paragraph == 3
    assert edited.note == "第二个想法\nsecond line"
    assert edited.created == created.created
    assert edited.updated > created.updated
    assert store.get(*mark().key) == edited


def test_list_is_newest_first_and_for_page_and_counts_follow(store: BookmarkStore) -> None:
    store.add(mark("a1"))
    store.add(mark("a2"))
    store.add(mark("a9", rel="2021-07-30/03.txt"))
    assert [m.article_id for m in store.list()] == ["a9", "a2", "a1"]
    assert set(store.for_page("2021-07-29/01.txt")) == {"a1", "a2"}
    assert store.count_by_issue() == {"2021-07-29": 2, "2021-07-30": 1}


def test_same_second_bookmarks_list_in_reverse_insertion_order(tmp_path: Path) -> None:
    frozen = datetime(2024, 1, 1, tzinfo=timezone.utc)
    store = BookmarkStore(tmp_path / "b.json", clock=lambda: frozen)
    for n in range(5):
        store.add(mark(f"a{n}"))
    assert [m.article_id for m in store.list()] == ["a4", "a3", "a2", "a1", "a0"]


def test_remove_and_delete(store: BookmarkStore) -> None:
    store.add(mark("a1"))
    store.add(mark("a2"))
    assert store.remove("2021-07-29/01.txt", "a1") is not None
    assert store.remove("2021-07-29/01.txt", "a1") is None
    assert store.delete(mark("a2"))
    assert not store.delete(mark("a2"))
    assert store.list() == []
    assert on_disk(store.path)["bookmarks"] == {}


def test_a_long_paragraph_is_capped_but_anchors_on_its_first_characters() -> None:
    long = Bookmark.at("p.txt", "a1", paragraph_text="　　" + "字" * 5000)
    assert len(long.paragraph_text) <= 2000
    assert long.anchor_text == "字" * 40


def test_issue_falls_back_to_the_page_folder() -> None:
    assert Bookmark.at("1999/1999-01-02/03.txt", "a1").issue == "1999/1999-01-02"
    assert Bookmark.at("03.txt", "a1").issue == ""
    assert Bookmark.at("x/03.txt", "a1", issue_label="1999年1月2日").issue == "1999年1月2日"


def test_changes_by_another_store_are_seen_at_once(tmp_path: Path) -> None:
    """Two open copies of the app: neither trusts what it read before."""
    path = tmp_path / "b.json"
    first, second = BookmarkStore(path), BookmarkStore(path)
    for n in range(10):
        (first if n % 2 else second).add(mark(f"a{n}"))
        assert len(first.list()) == len(second.list()) == n + 1
    first.remove(*mark("a3").key)
    second.set_note(mark("a4"), "seen by both")
    assert first.get(*mark("a4").key).note == "seen by both"  # type: ignore[union-attr]
    assert second.get(*mark("a3").key) is None
    assert len(on_disk(path)["bookmarks"]) == 9


def test_reading_position_per_archive(store: BookmarkStore, tmp_path: Path) -> None:
    one, two = archive_key([tmp_path / "one"]), archive_key([tmp_path / "two", tmp_path / "one"])
    assert store.last_position(one) is None
    store.save_position(
        ReadingPosition(one, "2021-07-29", "2021-07-29/01.txt", "a3", scroll=12.0, paragraph=4)
    )
    store.save_position(ReadingPosition(two, "1999", "1999/02.txt", "a1", scroll=0.0))
    store.save_position(ReadingPosition(one, "2021-07-30", "2021-07-30/02.txt", "a2", scroll=3.5))
    position = store.last_position(one)
    assert position is not None
    assert (position.issue_key, position.rel, position.article_id, position.scroll) == (
        "2021-07-30",
        "2021-07-30/02.txt",
        "a2",
        3.5,
    )
    assert position.saved
    assert store.last_position(two).rel == "1999/02.txt"  # type: ignore[union-attr]
    assert len(on_disk(store.path)["positions"]) == 2


def test_saving_the_same_position_again_does_not_rewrite_the_file(store: BookmarkStore) -> None:
    place = ReadingPosition("arch", "i", "i/01.txt", "a1", scroll=2.0)
    first = store.save_position(place)
    before = store.path.stat().st_mtime_ns, store.path.stat().st_ino
    assert store.save_position(place) == first
    assert (store.path.stat().st_mtime_ns, store.path.stat().st_ino) == before


def test_archive_key_ignores_order_and_spelling(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert archive_key([tmp_path / "a", tmp_path / "b"]) == archive_key(
        [tmp_path / "b", tmp_path / "a" / ".." / "a"]
    )


def test_db_path_resolution_order(tmp_path: Path) -> None:
    env = {"READER_DB": str(tmp_path / "env.json")}
    assert resolve_db_path(tmp_path / "explicit.json", env) == tmp_path / "explicit.json"
    assert resolve_db_path(None, env) == tmp_path / "env.json"
    assert resolve_db_path(None, {}) == default_db_path()
    assert default_db_path().name == "bookmarks.json"
    assert "kanbao" in default_db_path().parts


def test_store_uses_reader_db_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_DB", str(tmp_path / "from-env.json"))
    store = BookmarkStore()
    store.add(mark())
    assert store.path == tmp_path / "from-env.json"
    assert (tmp_path / "from-env.json").is_file()


def test_the_file_keeps_its_permissions_across_writes(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.json")
    store.add(mark("a1"))
    store.path.chmod(0o640)
    store.add(mark("a2"))
    assert store.path.stat().st_mode & 0o777 == 0o640
