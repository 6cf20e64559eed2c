"""The bookmarks screen: `x` exports from where the screen opens (the filter field), times are
shown in the reader's time zone."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.store import Bookmark, BookmarkStore
from reader.ui.app import ReaderApp
from reader.ui.screens.bookmarks import BookmarksScreen
from tests.screen import screen_lines
from tests.test_ui_bookmarks import SIZE, make_app, make_two_bookmarks, open_bookmarks_screen, ready
from tests.test_ui_session import SEEDS, settle


async def test_x_exports_right_away_and_types_inside_a_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await make_two_bookmarks(pilot, app)
        await open_bookmarks_screen(pilot, app)
        screen = app.screen
        assert isinstance(screen, BookmarksScreen) and screen.focused is screen.filter
        await pilot.press("x")  # the screen has just opened: x is the export key
        await settle(pilot, lambda: list(tmp_path.glob("bookmarks-*.md")))
        assert screen.filter.value == ""
        for path in tmp_path.glob("bookmarks-*.md"):
            path.unlink()
        await pilot.press("f", "i", "x")  # typing a filter: x is a letter of it
        await pilot.pause(0.2)
        assert screen.filter.value == "fix"
        assert not list(tmp_path.glob("bookmarks-*.md"))


@pytest.fixture
def time_zone(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


async def test_bookmark_times_show_in_the_readers_time_zone(tmp_path: Path, time_zone) -> None:  # type: ignore[no-untyped-def]
    time_zone("UTC")  # bookmarked on a machine on UTC...
    db = tmp_path / "bookmarks.json"
    BookmarkStore(db).add(
        Bookmark.at("000_2b7640bcd280a270.txt", "a1", title="月季时间", issue_label="seeds")
    )
    created = BookmarkStore(db).list()[0].created
    assert created.endswith("+00:00")
    time_zone("Asia/Shanghai")  # ...read in Beijing: eight hours later on the clock
    local = datetime.fromisoformat(created).astimezone().strftime("%Y-%m-%d %H:%M")
    utc = created[:16].replace("T", " ")
    assert local != utc
    app = ReaderApp(Archive([SEEDS], cache_dir=tmp_path / "cache"), db=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_bookmarks_screen(pilot, app)
        await pilot.pause()
        drawn = "\n".join(screen_lines(app))
        assert local in drawn and utc not in drawn


async def test_the_markdown_export_keeps_a_notes_lines_and_says_both_numbers(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    from tests.test_ui_bookmarks import editing, open_article

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 1)
        await pilot.press("a")
        await settle(pilot, editing(app))
        await pilot.press(*"first line", "enter", *"second line", "ctrl+s")
        await settle(pilot, lambda: len(app.bookmarks) == 1)
        mark = app.bookmarks[0]
        await open_bookmarks_screen(pilot, app)
        await pilot.press("x")
        await settle(pilot, lambda: list(tmp_path.glob("bookmarks-*.md")))
    [exported] = tmp_path.glob("bookmarks-*.md")
    text = exported.read_text(encoding="utf-8")
    assert f"paragraph {mark.paragraph + 1} (index {mark.paragraph})" in text
    html = MarkdownIt().render(text)
    assert "first line<br />\nsecond line" in html  # two lines, not "first line second line"
