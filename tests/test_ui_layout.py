"""Narrow terminals: three panes at 80x24, one pane at a time below 60 columns, no crash at 20x5."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from reader.ui.screens.main import PANES
from tests.test_ui_session import loaded, seed_app, settle


def shown(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        name
        for name in PANES
        if app.main.query_one(f"#{name}").display and app.main.query_one(f"#{name}").region.width > 0
    ]


async def test_three_panes_at_80x24(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, loaded(app))
        assert shown(app) == list(PANES)
        view = app.main.view
        width = view.scrollable_content_region.width
        assert width >= 30
        lines = view.visible_text().splitlines()
        assert lines and all(cell_len(line) <= width for line in lines)
        await pilot.press("tab", "j", "enter", "space")
        assert view.scroll_y > 0


async def test_one_pane_at_a_time_at_50x20(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot, loaded(app))
        assert shown(app) == ["issues"]
        await pilot.press("enter")  # open the issue: its articles replace the issues
        assert shown(app) == ["articles"]
        await pilot.press("j", "enter")
        assert shown(app) == ["article"]
        assert app.main.view.article is app.main.articles.entries[1].article
        assert app.main.view.scrollable_content_region.width >= 40  # the article takes the width
        await pilot.press("escape")
        assert shown(app) == ["articles"]
        await pilot.press("tab")
        assert shown(app) == ["article"]
        await pilot.press("tab")
        assert shown(app) == ["issues"]


async def test_widening_brings_the_three_panes_back(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert shown(app) == list(PANES)


async def test_20x5_shows_a_notice_and_does_not_crash(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(20, 5)) as pilot:
        await settle(pilot, loaded(app))
        notice = app.main.query_one("#too-small")
        assert notice.display and "too small" in str(notice.render())
        await pilot.press("tab", "j", "space", "G", "right_square_bracket")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not notice.display and shown(app) == list(PANES)
        await pilot.press("q")
    assert app.return_code == 0
