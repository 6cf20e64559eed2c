"""The names panel never squeezes the article below a readable width, and closing it leaves
the article where it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.screens.main import MIN_ARTICLE_WIDTH
from tests.screen import region_lines
from tests.test_ui_session import loaded, seed_app, settle


async def open_names(pilot, app, article: int = 6) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot, loaded(app))
    for _ in range(article - 1):
        await pilot.press("right_square_bracket")
    await pilot.press("tab", "tab")
    await pilot.press("m")
    await settle(pilot, lambda: bool(app.main.names.panel.entries))
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_article_keeps_a_readable_width_beside_the_panel(tmp_path: Path, size) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await open_names(pilot, app)
        view = app.main.view
        panel = app.main.names.panel
        assert panel.region.width > 0 and view.region.width > 0
        assert view.scrollable_content_region.width >= MIN_ARTICLE_WIDTH
        rows = [row for row in region_lines(app, view) if row.strip()]
        assert any("陈晓苏" in row for row in rows)  # the byline on one line, not `陈` / `晓苏`
        assert "陈晓苏" in "".join(region_lines(app, panel))


async def test_below_that_the_panel_takes_the_width_until_it_closes(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(66, 24)) as pilot:
        await open_names(pilot, app)
        await pilot.press("m")
        await pilot.pause()
        width = app.main.view.scrollable_content_region.width
        await pilot.press("m")
        await settle(pilot, lambda: bool(app.main.names.panel.entries))
        panel = app.main.names.panel
        assert panel.region.width == 66 and app.main.view.region.width == 0
        assert "陈晓苏" in "".join(region_lines(app, panel))
        await pilot.press("m")
        await pilot.pause()
        assert app.main.view.scrollable_content_region.width == width


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_closing_the_panel_does_not_scroll_the_article(tmp_path: Path, size) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, loaded(app))
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await pilot.press("tab", "tab", "j", "j", "j")  # a blank line above the byline at the top
        view = app.main.view
        before = region_lines(app, view)
        top = view.scroll_y
        await pilot.press("m")
        await settle(pilot, lambda: bool(app.main.names.panel.entries))
        await pilot.press("m")
        await pilot.pause()
        assert view.scroll_y == top
        assert region_lines(app, view) == before
