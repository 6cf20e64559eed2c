"""Narrow terminals: three panes at 80x24, one pane at a time below 60 columns, no crash at 20x5."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets._footer import FooterKey, FooterLabel

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


async def test_the_one_pane_shown_at_50x20_takes_the_full_width(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot, loaded(app))
        for pane in ("issues", "articles", "article", "issues"):  # Tab goes round the three
            assert shown(app) == [pane]
            assert app.main.query_one(f"#{pane}").outer_size.width == 50, pane
            await pilot.press("tab")
            await pilot.pause()


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


#: What the footer offers a reader (key as Textual names it: its short description).
FOOTER = {
    "tab": "Pane",
    "right_square_bracket": "",  # ] and [ are grouped under one "Article" label
    "left_square_bracket": "",
    "slash": "Find",
    "m": "Names",
    "S": "Search",
    "b": "Bookmark",
    "question_mark": "Help",
    "q": "Quit",
}


@pytest.mark.parametrize(("size", "palette"), [((120, 40), True), ((80, 24), False)])
async def test_the_footer_keys_fit_and_every_key_stays_in_help(
    tmp_path: Path, size: tuple[int, int], palette: bool
) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, loaded(app))
        for pane in ("issues", "articles", "article"):  # the footer is the same whatever has focus
            await pilot.pause(0.1)
            keys = [key for key in app.main.query(FooterKey) if "-command-palette" not in key.classes]
            assert {key.key: key.description for key in keys} == FOOTER, pane
            palette_keys = [key for key in app.main.query(FooterKey) if "-command-palette" in key.classes]
            assert bool(palette_keys) is palette
            right_edge = palette_keys[0].region.x if palette_keys else size[0]
            for key in keys:  # drawn whole, left of the palette key: nothing cut off
                assert key.region.width >= cell_len(key.key_display + key.description), key.key
                assert key.region.x >= 0 and key.region.right <= right_edge, key.key
            label = app.main.query_one(FooterLabel)
            assert str(label.render()) == "Article" and label.region.right <= right_edge
            await pilot.press("tab")
        await pilot.press("question_mark")
        text = app.screen.plain_text()  # type: ignore[attr-defined]
        for binding in [*app.BINDINGS, *app.main.BINDINGS, *app.main.view.BINDINGS]:
            assert f"{binding.tooltip or binding.description}" in text  # type: ignore[union-attr]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_help_screen_is_drawn_with_its_keys(tmp_path: Path, size: tuple[int, int]) -> None:
    """The `?` box sizes to its table (an auto-width scroll box once collapsed to its border)."""
    app = seed_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("question_mark")
        await pilot.pause()
        keys = app.screen.query_one("#help-keys")
        box = app.screen.query_one("#help-box")
        assert keys.region.width >= 50 and keys.region.height > 20
        assert box.region.height >= min(20, size[1] - 4) and box.region.right <= size[0]
        drawn = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "Search archive" in drawn and "Bookmarks list" in drawn


def test_headless_start_at_80x24_settles_and_paints(tmp_path: Path) -> None:
    """A resize loop once kept the headless app (80x24, as benchmarks run it) from ever painting."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.archive import Archive\n"
        "from reader.resources import seeds_dir\n"
        "from reader.ui.app import ReaderApp\n"
        f"archive = Archive([seeds_dir()], cache_dir=Path({str(tmp_path / 'cache')!r}))\n"
        "def painted():\n"
        "    print('PAINTED', flush=True)\n"
        "    app.exit()\n"
        "app = ReaderApp(archive, restore=False, on_first_screen=painted)\n"
        "app.run(headless=True)\n"
    )
    env = {**__import__("os").environ, "READER_DB": str(tmp_path / "db.json")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        check=False,
    )
    assert "PAINTED" in result.stdout, result.stderr[-2000:]
    assert result.returncode == 0
