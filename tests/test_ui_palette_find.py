"""The palette finds articles by any headline line and names their page; the find bar forgets
its count with its query."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette

from reader.ui.screens.main import MainScreen
from tests.screen import region_lines
from tests.test_ui_session import loaded, seed_app, seed_articles, settle


async def test_the_palette_matches_a_kicker_and_shows_the_page(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    articles = seed_articles()
    target = next(a for a in articles if "平安" in " ".join(a.headline) and "平安" not in a.title)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: len(app.title_index) >= len(articles))
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"平安")
        hits = palette.query_one(CommandList)
        await settle(pilot, lambda: hits.option_count > 0)
        await pilot.pause(0.3)
        shown = "\n".join(region_lines(app, hits))
        assert target.title in shown and "000_2b7640bcd280a270.txt" in shown  # the page it is on
        await pilot.press("down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.view.article == target)


async def test_the_find_bar_reopens_empty_with_no_old_count(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("right_square_bracket", "slash", *"数字", "enter")
        bar = app.main.find
        await settle(pilot, lambda: bar.count_text.startswith("1/"))
        assert "1/" in "".join(region_lines(app, bar))
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert bar.editing and bar.input.value == ""
        assert bar.count_text == "" and "1/" not in "".join(region_lines(app, bar))
