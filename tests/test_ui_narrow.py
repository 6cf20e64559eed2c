"""50 columns: the footer, the status line and a binary page's message are whole on screen."""

from __future__ import annotations

from pathlib import Path

from tests.screen import region_lines, screen_lines
from tests.test_ui_session import loaded, seed_app, settle


def squeeze(text: str) -> str:
    return "".join(text.split())


async def test_footer_and_status_fit_50_columns(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("enter", "j", "enter")  # the second article, in the article pane
        await pilot.pause()
        rows = screen_lines(app)
        footer, status = rows[-1], rows[-2]
        for key in ("Tab Pane", "] [ Article", "/ Find", "? Help", "q Quit"):
            assert key in footer, footer
        assert "article 2/8" in status and status.rstrip().endswith("%"), status
        # What the footer leaves out, ? lists.
        await pilot.press("question_mark")
        await pilot.pause()
        text = app.screen.plain_text()  # type: ignore[attr-defined]
        assert "Names" in text and "Search archive" in text and "Bookmark" in text


async def test_the_wide_footer_keeps_every_key(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        footer = screen_lines(app)[-1]
        for key in ("m Names", "S Search", "b Bookmark", "? Help", "q Quit"):
            assert key in footer
        assert "000_2b7640bcd280a270.txt" in screen_lines(app)[-2]


async def test_a_binary_pages_message_wraps_in_the_pane(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "x.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe\x00\x00")
    app = seed_app(tmp_path, [folder])
    async with app.run_test(size=(50, 20)) as pilot:
        view = app.main.view
        await settle(pilot, lambda: "binary" in view.placeholder)
        await pilot.press("tab", "tab")
        await pilot.pause()
        drawn = squeeze("".join(region_lines(app, view)))
        assert squeeze(view.placeholder) in drawn
        assert "not a text page" in view.placeholder
