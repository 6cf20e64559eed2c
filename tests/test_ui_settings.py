"""Theme, paragraph style and inline pinyin survive a restart through a TOML settings file that
a user may edit; a broken file is reported and never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

from reader.ui.app import DARK_THEME, LIGHT_THEME
from reader.ui.settings import SettingsFile, settings_path
from tests.screen import screen_lines
from tests.test_ui_session import loaded, seed_app, settle


async def test_toggles_are_kept_for_the_next_start(tmp_path: Path) -> None:
    path = settings_path()
    assert str(path) == os.environ["READER_CONFIG"]  # the tests never touch the user's file
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        assert app.theme == DARK_THEME and app.main.view.paragraph_style == "indent"
        await pilot.press("T", "i", "y")
        await pilot.pause()
    text = path.read_text(encoding="utf-8")
    assert (
        'theme = "light"' in text and 'paragraph_style = "blank"' in text and "inline_pinyin = true" in text
    )
    again = seed_app(tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(again))
        assert again.theme == LIGHT_THEME
        assert again.main.view.paragraph_style == "blank"
        await settle(pilot, lambda: bool(again.main.view.annotations))  # pinyin after names, drawn
        await pilot.pause()
        drawn = "".join(screen_lines(again)).replace(" ", "")
        assert again.main.view.annotations[0].text.replace(" ", "") in drawn


async def test_a_hand_edited_file_is_read(tmp_path: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('# mine\nparagraph_style = "blank"\ntheme = "light"\n', encoding="utf-8")
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        assert app.theme == LIGHT_THEME and app.main.view.paragraph_style == "blank"


async def test_a_broken_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = 'theme = "light\nparagraph_style = 3\n'
    path.write_text(broken, encoding="utf-8")
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.pause()
        assert app.theme == DARK_THEME  # the defaults
        assert any("settings not read" in n.message for n in app._notifications)
        await pilot.press("T")
        await pilot.pause()
        assert app.theme == LIGHT_THEME  # the toggle works for this session...
        assert any("settings not saved" in n.message for n in app._notifications)
    assert path.read_text(encoding="utf-8") == broken  # ...and the user's file is untouched


def test_a_bad_value_falls_back_for_that_key_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "pink"\nparagraph_style = "blank"\ninline_pinyin = 1\n', encoding="utf-8")
    loaded_file = SettingsFile.load(path)
    assert loaded_file.settings.theme == "dark" and loaded_file.settings.paragraph_style == "blank"
    assert loaded_file.settings.inline_pinyin is False
    assert len(loaded_file.problems) == 2 and "pink" in loaded_file.problems[0]
