"""A note being typed survives a closed terminal: the editor keeps a draft, the app offers it back.

The hang-up is real: `reader` runs on a pseudo-terminal, the note is typed there, and the process
gets SIGHUP as when the terminal window is closed. The offer back is driven by keys (Pilot).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import BookmarkStore
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.main import MainScreen
from tests.conftest import ROOT
from tests.test_hostile_terminal import _read_until_quiet
from tests.test_ui_bookmarks import editing, make_app, open_article, ready, shown, stored
from tests.test_ui_session import SEEDS, seed_articles, settle
from tests.test_ui_two_copies import seed_key

SIZE = (120, 40)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_note_typed_when_the_terminal_closes_is_kept_as_a_draft(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    controller, terminal = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--no-restore", "--db", str(db), str(SEEDS)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    try:
        _read_until_quiet(controller, 6.0)
        os.write(controller, b"\tj\r")  # the articles pane, the second article, open it
        _read_until_quiet(controller, 1.5)
        os.write(controller, b"a")
        _read_until_quiet(controller, 2.0)
        os.write(controller, b"typed before the hangup")
        _read_until_quiet(controller, 2.0)
        process.send_signal(signal.SIGHUP)  # the terminal window is closed
        process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    assert BookmarkStore(db).list() == []  # never saved
    (draft,) = BookmarkStore(db).drafts.all()
    assert draft.text == "typed before the hangup"
    assert draft.article_id in {a.id for a in seed_articles()}


def leave_draft(tmp_path: Path, number: int, text: str) -> None:
    """A draft left by an editor that was killed, for the seeds' article `number`."""
    rel, article_id = seed_key(number)
    title = seed_articles()[number].title
    BookmarkStore(tmp_path / "bookmarks.json").drafts.save(rel, article_id, text, title=title)


async def test_the_draft_is_offered_back_and_saved_with_ctrl_s(tmp_path: Path) -> None:
    leave_draft(tmp_path, 1, "typed before the hangup")
    app = make_app(tmp_path)
    title = seed_articles()[1].title
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await settle(pilot, lambda: any(f"unsaved note on «{title}»" in m for m in shown(app)))
        await open_article(pilot, 1)
        await pilot.press("a")
        await settle(pilot, editing(app))
        assert app.screen.editor.text == "typed before the hangup"
        await pilot.press(*" and after", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and bool(app.bookmarks))
        await app.workers.wait_for_complete()
    assert [m.note for m in stored(tmp_path)] == ["typed before the hangup and after"]
    assert BookmarkStore(tmp_path / "bookmarks.json").drafts.all() == []


async def test_typing_keeps_a_draft_and_discarding_the_note_removes_it(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.json")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 2)
        await pilot.press("a")
        await settle(pilot, editing(app))
        await pilot.press(*"half a thought")
        await settle(pilot, lambda: [d.text for d in store.drafts.all()] == ["half a thought"])
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot, lambda: store.drafts.all() == [])
        assert stored(tmp_path) == []


def test_a_draft_key_that_is_not_valid_utf8_round_trips(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.json")
    rel = os.fsdecode(b"2021-07-29/ok-\xe9.txt")
    store.drafts.save(rel, "a1", "草稿", title="标题")
    assert store.drafts.get(rel, "a1").text == "草稿"  # type: ignore[union-attr]
    store.drafts.discard(rel, "a1")
    assert store.drafts.all() == []
