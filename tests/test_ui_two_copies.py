"""Two copies of kanbao on one database: each sees the other's bookmarks, and `b` never removes a
bookmark (or a note) its reader has not seen. The other copy is a real process writing the file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.archive import Archive
from reader.store import Bookmark, BookmarkStore
from reader.ui.app import ReaderApp
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.main import MainScreen
from tests.test_ui_bookmarks import (
    article_prompt,
    make_app,
    open_article,
    open_bookmarks_screen,
    ready,
    shown,
    stored,
)
from tests.test_ui_session import SEEDS, seed_articles, settle

REPO = Path(__file__).resolve().parents[1]
SIZE = (120, 40)

#: The other copy: bookmarks one article with a note, as `a`, typing, Ctrl+S would there.
OTHER_COPY = textwrap.dedent(
    """
    import sys
    from reader.store import Bookmark, BookmarkStore
    db, rel, article_id, note = sys.argv[1:5]
    BookmarkStore(db).set_note(Bookmark.at(rel, article_id, title="from the other copy"), note)
    """
)


def other_copy_writes_a_note(db: Path, rel: str, article_id: str, note: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", OTHER_COPY, str(db), rel, article_id, note],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def seed_key(number: int) -> tuple[str, str]:
    """(rel, article id) of the seeds' article `number`, as the app's archive names them."""
    article = seed_articles()[number]
    for ref in Archive([SEEDS], use_cache=False).scan_all():
        if any(a.id == article.id for a in Archive([SEEDS], use_cache=False).load(ref).articles):
            return ref.rel, article.id
    raise AssertionError("article not found")


class SlowPollApp(ReaderApp):
    """A copy that has not polled the file yet when the key is pressed (the race of issue 13.1)."""

    BOOKMARK_POLL_SECONDS = 3600.0


def test_toggle_keeps_a_bookmark_another_process_added_that_the_reader_has_not_seen(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    store = BookmarkStore(db)
    assert store.list() == []  # what this copy's screen shows: no ★
    other_copy_writes_a_note(db, "p/01.txt", "a1", "written in the other copy")
    added, kept, done = store.toggle(Bookmark.at("p/01.txt", "a1"), seen=None)
    assert (added, done) == (True, False)
    assert kept.note == "written in the other copy"
    assert [(m.article_id, m.note) for m in BookmarkStore(db).list()] == [("a1", "written in the other copy")]
    # Seen as it is now, the same toggle removes it.
    assert store.toggle(Bookmark.at("p/01.txt", "a1"), seen=kept).done
    assert BookmarkStore(db).list() == []


async def test_b_in_a_copy_that_has_not_seen_the_other_copys_bookmark_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    app = SlowPollApp(Archive([SEEDS], cache_dir=tmp_path / "cache"), db=db)
    rel, article_id = seed_key(1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 1)
        assert not article_prompt(app, 1).startswith("★")
        other_copy_writes_a_note(db, rel, article_id, "the other copy's note")
        await pilot.press("b")
        await settle(pilot, lambda: any("already bookmarked" in m for m in shown(app)))
        assert [(m.article_id, m.note) for m in stored(tmp_path)] == [(article_id, "the other copy's note")]
        assert not any("removed" in m for m in shown(app))
        await settle(pilot, lambda: article_prompt(app, 1).startswith("★ "))  # now it is seen


async def test_a_copy_shows_the_bookmarks_another_copy_makes_without_a_key_press(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    app = make_app(tmp_path)
    rel, article_id = seed_key(3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        assert not article_prompt(app, 3).startswith("★")
        other_copy_writes_a_note(db, rel, article_id, "seen from afar")
        await settle(pilot, lambda: article_prompt(app, 3).startswith("★ "))
        assert [b.note for b in app.bookmarks] == ["seen from afar"]


async def test_b_on_a_bookmark_with_a_note_asks_first(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 2)
        await pilot.press("a")
        await settle(pilot, lambda: type(app.screen).__name__ == "NoteScreen")
        await pilot.press(*"keep me", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and len(app.bookmarks) == 1)

        await pilot.press("b")
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "and its note?" in question and "keep me" in question
        await pilot.press("n")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("b", "enter")  # Enter answers with the focused, safe choice: keep
        assert isinstance(app.screen, MainScreen)
        await app.workers.wait_for_complete()
        assert [m.note for m in stored(tmp_path)] == ["keep me"]
        assert article_prompt(app, 2).startswith("★ ")

        await pilot.press("b", "y")
        await settle(pilot, lambda: not app.bookmarks)
        assert stored(tmp_path) == []
        assert any("Bookmark removed" in m and "(and its note)" in m for m in shown(app))


async def test_b_on_a_bookmark_without_a_note_removes_it_at_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 2)
        await pilot.press("b")
        await settle(pilot, lambda: len(app.bookmarks) == 1)
        await pilot.press("b")
        await settle(pilot, lambda: not app.bookmarks)
        assert not isinstance(app.screen, ConfirmScreen)
        assert stored(tmp_path) == []


async def test_the_app_leaves_a_file_that_is_not_a_database_and_says_so(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a database\n", encoding="utf-8")
    app = make_app(tmp_path, db=notes)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await settle(pilot, lambda: any("not a kanbao bookmark database" in m for m in shown(app)))
        await open_article(pilot, 1)
        await pilot.press("b")
        await settle(pilot, lambda: len([m for m in shown(app) if "not a kanbao" in m]) == 2)
        assert not article_prompt(app, 1).startswith("★")
    assert notes.read_text(encoding="utf-8") == "my notes, not a database\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "notes.txt"]


async def test_the_app_moves_a_torn_database_of_its_own_aside_and_says_where(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    db.write_bytes(b'{\n "_meta": {\n  "1": {\n   "schema": 1\n  }\n },\n "bookm\x00\x00')
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        (backup,) = tmp_path.glob("bookmarks.json.corrupt-*")
        await settle(pilot, lambda: any(str(backup) in m for m in shown(app)))


async def test_a_note_saved_in_the_other_copy_meanwhile_is_not_overwritten_unasked(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    app = make_app(tmp_path)
    rel, article_id = seed_key(1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 1)
        await pilot.press("a")
        await settle(pilot, lambda: type(app.screen).__name__ == "NoteScreen")
        editor = app.screen
        await pilot.press(*"mine")
        other_copy_writes_a_note(db, rel, article_id, "theirs, saved first")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        question = str(app.screen.query_one("#confirm-question").render())
        assert "another copy" in question and "theirs, saved first" in question
        await pilot.press("n")  # keep editing: nothing overwritten, the text still there
        assert app.screen is editor and editor.editor.text == "mine"
        assert [m.note for m in stored(tmp_path)] == ["theirs, saved first"]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")  # replace, knowingly
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
    assert [m.note for m in stored(tmp_path)] == ["mine"]


async def test_the_bookmarks_screen_follows_the_other_copy(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    app = make_app(tmp_path)
    rel, article_id = seed_key(3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_bookmarks_screen(pilot, app)
        assert app.screen.lines() == ["No bookmarks yet: press b on an article."]
        other_copy_writes_a_note(db, rel, article_id, "from the other window")
        await settle(pilot, lambda: any("✎ from the other window" in line for line in app.screen.lines()))


async def test_delete_in_the_bookmarks_screen_keeps_a_note_changed_in_the_other_copy(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    rel, article_id = seed_key(2)
    other_copy_writes_a_note(db, rel, article_id, "first words")
    app = SlowPollApp(Archive([SEEDS], cache_dir=tmp_path / "cache"), db=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_bookmarks_screen(pilot, app)
        screen = app.screen
        await pilot.press("down")
        other_copy_writes_a_note(db, rel, article_id, "first words, and more written elsewhere")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot, lambda: any("changed in another copy" in m for m in shown(app)))
        assert [m.note for m in stored(tmp_path)] == ["first words, and more written elsewhere"]
        await settle(pilot, lambda: any("and more written elsewhere" in line for line in screen.lines()))
