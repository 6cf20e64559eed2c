"""The word popup (`w` ... `p`): inside the screen, its text wrapped, dictionary readings only,
the traditional form beside the word."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.ui.app import ReaderApp
from reader.ui.screens.word_popup import WordPopup
from tests.screen import region_lines
from tests.test_ui_session import loaded, seed_app, settle


def squeeze(text: str) -> str:
    return "".join(text.split())


async def popup_on(pilot: Pilot, app: ReaderApp, article: int, word: str) -> WordPopup:
    """Open seeds article `article` (1-based) with `]`, walk the word cursor to `word`, press p."""
    await settle(pilot, loaded(app))
    for _ in range(article - 1):
        await pilot.press("right_square_bracket")
    await pilot.press("tab", "tab")
    view = app.main.view
    for _ in range(120):
        await pilot.press("w")
        await settle(pilot, lambda: view.cursor_word() is not None)
        if view.cursor.text() == word:
            break
    assert view.cursor.text() == word
    await pilot.press("p")
    await settle(pilot, lambda: isinstance(app.screen, WordPopup) and app.screen.info.looked_up)
    await pilot.pause()
    popup = app.screen
    assert isinstance(popup, WordPopup)
    return popup


@pytest.mark.parametrize("size", [(50, 20), (80, 24)])
async def test_the_popup_stays_inside_the_screen_and_wraps_its_gloss(tmp_path: Path, size) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        popup = await popup_on(pilot, app, 6, "最佳")
        box = popup.query_one("#word-popup")
        assert box.region.x >= 0 and box.region.right <= size[0]
        assert box.region.y >= 0 and box.region.bottom <= size[1]
        text = popup.card.text
        assert "optimum; optimal; peak; best (athlete, movie etc)" in text
        drawn = region_lines(app, popup.card)
        # Every character of the card is on screen: the gloss wraps instead of running off.
        assert squeeze("".join(drawn)) == squeeze(text)
        assert "cuō" not in text  # 撮 is no dictionary reading of 最佳


async def test_a_place_lists_only_dictionary_readings_and_its_traditional_form(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(50, 20)) as pilot:
        popup = await popup_on(pilot, app, 2, "金华市")
        text = popup.card.text
        drawn = squeeze("".join(region_lines(app, popup.card)))
        assert "金華市" in drawn  # the traditional form, beside the word
        assert "Jīnhuáfú" not in text and "also read" not in text
        assert "JīnhuáShì" in drawn


async def test_an_everyday_word_shows_its_traditional_form(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        popup = await popup_on(pilot, app, 2, "数字")
        assert popup.card.text.startswith("数字  數字 trad.")
        assert "數字" in "".join(region_lines(app, popup.card))
