"""The archive search keeps its query when reopened and refreshes a partial answer as the
index grows ("partial: 3 of 20 pages indexed" does not outlive the build)."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.ui.app import ReaderApp
from reader.ui.screens.archive_search import ArchiveSearchScreen
from reader.ui.screens.main import MainScreen
from tests.pagegen import Story
from tests.screen import region_lines
from tests.test_ui_search import SIZE, gated_archive, type_text, write_page
from tests.test_ui_session import loaded, seed_app, settle


async def test_the_query_is_kept_when_the_search_reopens(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: app.indexer.ready)
        await pilot.press("S")
        await type_text(pilot, "数字经济")
        screen = app.screen
        await settle(pilot, lambda: screen.shown_query == "数字经济" and bool(screen.results))
        count = len(screen.results)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("S")
        again = app.screen
        assert isinstance(again, ArchiveSearchScreen) and again is not screen
        assert again.field.value == "数字经济"
        await settle(pilot, lambda: again.shown_query == "数字经济" and len(again.results) == count)
        assert "数字经济" in "".join(region_lines(app, again.field))


def loaded_first_issue(app: ReaderApp):  # type: ignore[no-untyped-def]
    return lambda: isinstance(app.screen, MainScreen) and bool(app.main.articles.entries)


async def test_a_partial_answer_is_refreshed_as_the_index_grows(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write_page(root / "2023-01-01", "01.txt", [Story(["早到的新闻"], ["早到的报道说月季花开了，满城芬芳。"])])
    later = [
        write_page(root / "2023-01-02", f"{n:02}.txt", [Story([f"后来的新闻{n}"], [f"月季第{n}篇报道。"])])
        for n in range(1, 8)
    ]
    rels = {p.relative_to(root).as_posix() for p in later}
    release = threading.Event()
    app = ReaderApp(gated_archive(root, tmp_path / "cache", "", rels, release))
    app.indexer.quiet_seconds = 0
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, loaded_first_issue(app))
            await pilot.press("S")
            screen = app.screen
            assert isinstance(screen, ArchiveSearchScreen)
            await type_text(pilot, "月季")
            await settle(pilot, lambda: screen.shown_query == "月季")
            assert len(screen.results) < 8 and "partial: " in screen.summary  # the build is held
            release.set()  # the build goes on while the reader looks at the results
            await settle(pilot, lambda: len(screen.results) == 8 and "partial" not in screen.summary)
            summary = "".join(region_lines(app, screen.query_one("#archive-summary")))
            assert "8 articles" in summary and "partial" not in summary
    finally:
        release.set()
