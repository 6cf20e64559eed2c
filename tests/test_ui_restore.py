"""The app reopens where the reader left off (issue, article, scroll), unless told not to."""

from __future__ import annotations

from pathlib import Path

from reader.store import BookmarkStore, archive_key
from reader.ui.position import PositionKeeper
from tests.test_ui_session import SEEDS, loaded, seed_app, settle


def keeper(tmp_path: Path) -> PositionKeeper:
    return PositionKeeper(BookmarkStore(tmp_path / "bookmarks.json"), archive_key([str(SEEDS)]))


async def test_reopens_at_the_article_and_scroll_it_was_left_at(tmp_path: Path) -> None:
    app = seed_app(tmp_path, positions=keeper(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, loaded(app))
        longest = max(
            range(len(app.main.articles.entries)),
            key=lambda i: len(app.main.articles.entries[i].article.text),
        )
        await pilot.press("tab", *["j"] * longest, "enter", "space", "space")
        left_at = app.main.view.article
        top = app.main.view.top_block()
        assert app.main.view.scroll_y > 0 and isinstance(top, int)
        await pilot.press("q")

    again = seed_app(tmp_path, positions=keeper(tmp_path))
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: again.main.view.article == left_at)
        await pilot.pause()
        assert again.main.view.scroll_y > 0
        assert again.main.view.top_block() == top
        assert again.main.focused is again.main.view

    fresh = seed_app(tmp_path, positions=keeper(tmp_path), restore=False)
    async with fresh.run_test(size=(100, 30)) as pilot:
        await settle(pilot, loaded(fresh))
        assert fresh.main.view.article == fresh.main.articles.entries[0].article
        assert fresh.main.view.scroll_y == 0
