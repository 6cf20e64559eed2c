"""The schema version field and the migration path from an unversioned (v0) file to v1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.store import SCHEMA_VERSION, Bookmark, BookmarkStore, StoreReadOnly, upgrade
from reader.store.schema import MIGRATIONS, schema_version

V0_FILE = {
    "bookmarks": {
        "1": {
            "source": "2021-07-29/01.txt",
            "article_id": "a2",
            "title": "夏粮丰收",
            "paragraph": "　　本报北京7月28日电 今年夏粮再获丰收。",
            "note": "compare with 2020",
            "created": "2021-08-01T10:00:00+08:00",
        },
        "2": {"rel": "1999/03.txt", "article": "a1", "headline": "社论"},
        "3": {"note": "a note that lost its article"},
    }
}


def test_every_version_below_the_current_one_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))


def test_v0_file_is_upgraded_to_v1_without_losing_anything() -> None:
    upgraded = upgrade(V0_FILE)
    assert schema_version(upgraded) == SCHEMA_VERSION == 1
    first = Bookmark.from_document(upgraded["bookmarks"]["1"])
    assert first.rel == "2021-07-29/01.txt"
    assert first.paragraph_text.endswith("今年夏粮再获丰收。")
    assert first.paragraph == 0
    assert first.note == "compare with 2020"
    assert first.updated == first.created == "2021-08-01T10:00:00+08:00"
    second = Bookmark.from_document(upgraded["bookmarks"]["2"])
    assert (second.rel, second.article_id, second.title, second.note) == ("1999/03.txt", "a1", "社论", "")
    assert list(upgraded["unplaced"].values()) == [{"note": "a note that lost its article"}]
    assert "3" not in upgraded["bookmarks"]
    assert V0_FILE["bookmarks"]["1"]["source"] == "2021-07-29/01.txt"  # the input is untouched


def test_current_data_passes_through_unchanged() -> None:
    current = {
        "_meta": {"1": {"schema": SCHEMA_VERSION}},
        "bookmarks": {"1": {"rel": "x", "article_id": "a"}},
    }
    assert upgrade(current) is current


def test_a_v0_file_on_disk_is_read_and_saved_as_v1(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_text(json.dumps(V0_FILE, ensure_ascii=False), encoding="utf-8")
    store = BookmarkStore(path)
    assert {m.article_id for m in store.list()} == {"a1", "a2"}
    assert json.loads(path.read_text(encoding="utf-8")) == V0_FILE  # reading does not write
    store.set_note(Bookmark.at("1999/03.txt", "a1"), "now in v1")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["_meta"]["1"]["schema"] == 1
    assert {d["article_id"] for d in saved["bookmarks"].values()} == {"a1", "a2"}
    assert "source" not in json.dumps(saved["bookmarks"])
    assert len(saved["unplaced"]) == 1
    assert store.messages == ()


def test_a_file_from_a_newer_kanbao_is_read_but_never_written(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    newer = {
        "_meta": {"1": {"schema": SCHEMA_VERSION + 1}},
        "bookmarks": {"1": {"rel": "x/01.txt", "article_id": "a1", "title": "未来", "extra": [1, 2]}},
    }
    path.write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    store = BookmarkStore(path)
    assert [m.title for m in store.list()] == ["未来"]
    with pytest.raises(StoreReadOnly, match="newer kanbao"):
        store.add(Bookmark.at("x/02.txt", "a1"))
    assert json.loads(path.read_text(encoding="utf-8")) == newer
