"""The app when its search index cannot be opened: reading goes on, search says why, once."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.screens.archive_search import ArchiveSearchScreen
from tests.test_ui_search import SIZE, type_text
from tests.test_ui_session import loaded, seed_app, settle


async def test_an_index_under_a_file_is_reported_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "afile").write_text("not a folder")
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "afile" / "cache"))
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: bool(app.indexer.error))
        assert app.indexer.error.startswith("search index unavailable: cannot open the search index")
        assert "Not a directory" in app.indexer.error
        assert app.indexer.note() == "search unavailable"
        await pilot.press("S")
        screen = app.screen
        assert isinstance(screen, ArchiveSearchScreen)
        await type_text(pilot, "经济")
        await settle(pilot, lambda: "search failed" in screen.summary)
        assert "cannot open the search index" in screen.summary
        await pilot.press("escape")
        await settle(pilot, loaded(app))
