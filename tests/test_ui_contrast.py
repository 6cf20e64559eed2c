"""Every text and border on screen has a contrast of at least 3:1 with what it is drawn on,
in the light theme and the dark one (WCAG's contrast ratio, from the rendered cells' colours).

The reader goes through the main screen, the names panel, find, the archive search, the
bookmarks screen and the word popup; each screen's own cells are checked (a modal's dimmed
backdrop is not text to read)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color
from textual.app import App
from textual.screen import ModalScreen

from reader.ui.screens.word_popup import WordPopup
from tests.test_ui_session import loaded, seed_app, settle

LEAST = 3.0


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        value_ = value / 255
        return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: Color, other: Color) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def faint_cells(app: App, where: str) -> list[str]:
    """Each drawn piece of text (or border) below LEAST:1, as 'where row: text ratio'."""
    screen = app.screen
    stack = None if isinstance(screen, ModalScreen) else app._background_screens
    update = screen._compositor.render_update(full=True, screen_stack=stack)
    faint = []
    for y, row in enumerate(update.strips):  # type: ignore[attr-defined]
        for strip in row:
            for segment in strip:
                style = segment.style
                if style is None or not segment.text.strip():
                    continue
                fore, back = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
                if fore is None or back is None:
                    continue
                ratio = contrast(fore, back)
                if ratio < LEAST:
                    faint.append(f"{where} row {y}: {segment.text.strip()[:20]!r} {ratio:.2f}")
    return faint


@pytest.mark.parametrize("theme", ["light", "dark"])
async def test_every_text_and_border_is_readable(tmp_path: Path, theme: str) -> None:
    app = seed_app(tmp_path)
    faint: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        if theme == "light":
            await pilot.press("T")
        assert app.current_theme.dark == (theme == "dark")
        await pilot.pause()
        faint += faint_cells(app, "main")
        await pilot.press("m")
        await settle(pilot, lambda: bool(app.main.names.panel.entries))
        await pilot.press("down", "enter")
        await pilot.pause()
        faint += faint_cells(app, "names panel")
        await pilot.press("m", "slash", "月", "enter", "n")
        await pilot.pause()
        faint += faint_cells(app, "find")
        await pilot.press("escape", "S", *"月季")
        await settle(pilot, lambda: bool(getattr(app.screen, "results", None)))
        faint += faint_cells(app, "archive search")
        await pilot.press("escape", "B")
        await pilot.pause(0.3)
        faint += faint_cells(app, "bookmarks")
        await pilot.press("escape")
        for _ in range(3):  # Tab round to the article pane
            if app.main.focused is app.main.view:
                break
            await pilot.press("tab")
        await pilot.press("w", "p")
        await settle(pilot, lambda: isinstance(app.screen, WordPopup) and app.screen.info.looked_up)
        await pilot.pause()
        faint += faint_cells(app, "popup")
    assert not faint, "\n".join(faint[:30])
