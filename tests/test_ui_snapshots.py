"""Snapshots of the main screen at 120x40, 80x24 and 50x20 (dark theme, seeds, first article).

Regenerate with `pytest tests/test_ui_snapshots.py --snapshot-update` after a deliberate change
of the layout, and look at the SVGs in tests/__snapshots__ before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.archive import Archive
from reader.ui.app import ReaderApp
from tests.test_ui_session import SEEDS


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (50, 20)])
def test_main_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(Archive([SEEDS], cache_dir=tmp_path / "cache"), theme="textual-dark")

    async def until_the_first_article_shows(pilot: Pilot) -> None:
        for _ in range(500):
            if app.main.current is not None and len(app.main.articles.entries) > 1 and app.main.scan_done:
                break
            await pilot.pause(0.02)
        await pilot.press("tab", "j")  # the second article: a full headline, byline, paragraphs
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=until_the_first_article_shows)
