"""Bookmarks and notes in the app, driven by keys through Pilot: what shows, and what the store holds.

Every test gets its own database (a tmp path passed as the app's `db`, or a store on one), so
the store is checked from outside the app exactly as another copy of `reader` would see it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from textual.widgets._footer import FooterKey

from reader.archive import Archive
from reader.page.parse import read_page
from reader.store import Bookmark, BookmarkStore
from reader.ui.app import ReaderApp
from reader.ui.bookmark_places import block_of_paragraph, paragraph_at
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.note import NoteScreen
from tests.test_store_failures import shared_folder, unwritable
from tests.test_ui_session import SEEDS, loaded, seed_articles, settle

__all__ = ["shared_folder"]  # a fixture, used by the read-only test below

SIZE = (120, 40)


def make_app(tmp_path: Path, **options: object) -> ReaderApp:
    options.setdefault("db", tmp_path / "bookmarks.json")
    return ReaderApp(Archive([SEEDS], cache_dir=tmp_path / "cache"), **options)  # type: ignore[arg-type]


def stored(tmp_path: Path) -> list[Bookmark]:
    """What the database holds, read by a second store as another process would."""
    return BookmarkStore(tmp_path / "bookmarks.json").list()


def shown(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def article_prompt(app: ReaderApp, number: int) -> str:
    return str(app.main.articles.get_option(f"a{number}").prompt)


def issue_prompt(app: ReaderApp) -> str:
    return str(app.main.issues.get_option_at_index(0).prompt)


def ready(app: ReaderApp) -> Callable[[], bool]:
    """The seeds are loaded and the store has been read once."""
    is_loaded = loaded(app)
    return lambda: is_loaded() and app.store is not None


def editing(app: ReaderApp) -> Callable[[], bool]:
    """The note editor is up and its TextArea has the focus (typing goes into the note)."""
    return lambda: isinstance(app.screen, NoteScreen) and app.screen.focused is app.screen.editor


def longest_index() -> int:
    articles = seed_articles()
    return max(range(len(articles)), key=lambda i: len(articles[i].text))


async def open_article(pilot: Pilot, number: int) -> None:
    """From the start: the articles pane, `number` steps down, Enter into the article."""
    await pilot.press("tab", *["j"] * number, "enter")


# -- the paragraph a bookmark points at ----------------------------------------------------


def test_paragraphs_and_blocks_convert_both_ways_around_a_subhead() -> None:
    article = next(a for a in seed_articles() if any(b.kind == "subhead" for b in a.blocks))
    kinds = [b.kind for b in article.blocks]
    subhead = kinds.index("subhead")
    assert paragraph_at(article, "title") == 0
    assert paragraph_at(article, subhead) == subhead  # the paragraph the subhead introduces
    assert block_of_paragraph(article, subhead) == subhead + 1
    for number in range(len(article.paragraphs)):
        assert paragraph_at(article, block_of_paragraph(article, number)) == number
    assert paragraph_at(article, len(kinds) - 1) == len(article.paragraphs) - 1  # past the last one


# -- b --------------------------------------------------------------------------------------


async def test_b_bookmarks_the_paragraph_on_top_and_again_removes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    longest = longest_index()
    article = seed_articles()[longest]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, longest)
        await pilot.press("space")
        top = app.main.view.top_block()
        assert isinstance(top, int) and top > 0
        await pilot.press("b")
        await settle(pilot, lambda: len(app.bookmarks) == 1)

        (mark,) = stored(tmp_path)
        assert (mark.article_id, mark.title) == (article.id, article.title)
        assert mark.paragraph == paragraph_at(article, top) > 0
        assert mark.paragraph_text == article.paragraphs[mark.paragraph].text
        assert mark.issue_key == "seeds" and mark.issue_label == "seeds"
        assert f"Bookmarked «{article.title}» at paragraph {mark.paragraph + 1}." in shown(app)
        # The article list marks it, the issues list counts it; other articles stay unmarked.
        assert article_prompt(app, longest).startswith("★ ")
        assert not article_prompt(app, 0).startswith("★")
        assert "★1" in issue_prompt(app)

        # b works from the lists too: the issues pane has focus, the article shown is unmarked.
        await pilot.press("tab")
        assert app.main.focused is app.main.issues
        await pilot.press("b")
        await settle(pilot, lambda: not app.bookmarks)
        assert stored(tmp_path) == []
        assert f"Bookmark removed: «{article.title}»." in shown(app)
        assert not article_prompt(app, longest).startswith("★")
        assert "★" not in issue_prompt(app)


async def test_bookmark_keys_show_in_the_footer_and_the_help(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await pilot.pause(0.1)
        footer = {key.key: key.description for key in app.screen.query(FooterKey)}
        assert footer["b"] == "Bookmark"  # the footer keeps to b; a and B are in the help
        assert "a" not in footer and "B" not in footer
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.plain_text()
        for key, words in (("b", "Bookmark"), ("a", "Note"), ("B", "Bookmarks list")):
            assert any(line.split()[:1] == [key] and words in line for line in text.splitlines())
        await pilot.press("b")  # over the help screen (modal: Textual keeps app keys out)
        await app.workers.wait_for_complete()  # a toggle worker, had one started, is done now
        assert stored(tmp_path) == []
        assert isinstance(app.screen, HelpScreen)

        # Over the bookmarks screen (not modal: app keys reach the app) b must not act on the
        # article behind it: that is what `check_action` guards.
        await pilot.press("escape", "b")
        await settle(pilot, lambda: len(app.bookmarks) == 1)
        await open_bookmarks_screen(pilot, app)
        await pilot.press("down")  # from the filter field to the list: keys are keys again
        assert not isinstance(app.screen.focused, Input)
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert len(stored(tmp_path)) == 1
        assert not any(m.startswith("Bookmark removed") for m in shown(app))


# -- a ------------------------------------------------------------------------------------


async def test_a_writes_a_note_saved_with_ctrl_s_and_shown_again(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    article = seed_articles()[2]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 2)
        await pilot.press("a")
        await settle(pilot, editing(app))
        assert app.screen.editor.text == ""
        assert stored(tmp_path) == []  # nothing is bookmarked before the note is saved
        await pilot.press(*"first line", "enter", *"[b]second[/b]")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and bool(app.bookmarks))

        (mark,) = stored(tmp_path)
        assert mark.article_id == article.id
        assert mark.note == "first line\n[b]second[/b]"
        assert article_prompt(app, 2).startswith("★ ")
        assert any(message.startswith("Note saved") for message in shown(app))

        await pilot.press("a")  # the editor opens on the saved note
        await settle(pilot, editing(app))
        assert app.screen.query_one(TextArea).text == "first line\n[b]second[/b]"
        await pilot.press("escape")  # unchanged: closes without asking
        assert isinstance(app.screen, MainScreen)


async def test_esc_with_unsaved_changes_asks_before_throwing_them_away(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 1)
        await pilot.press("a")
        await settle(pilot, editing(app))
        editor = app.screen
        await pilot.press(*"draft")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Throw away" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")  # keep editing: the draft is still there
        assert app.screen is editor and editor.editor.text == "draft"
        await pilot.press("escape", "enter")  # Enter on the focused, safe answer: keep
        assert app.screen is editor and editor.editor.text == "draft"
        await pilot.press("escape", "y")
        assert isinstance(app.screen, MainScreen)
        await app.workers.wait_for_complete()
        assert stored(tmp_path) == []


# -- B ------------------------------------------------------------------------------------


async def make_two_bookmarks(pilot: Pilot, app: ReaderApp) -> None:
    """Article 1 with a note, then article 4 (the newer) without."""
    await open_article(pilot, 1)
    await pilot.press("a")
    await settle(pilot, editing(app))
    await pilot.press(*"remember the 70% figure", "ctrl+s")
    await settle(pilot, lambda: isinstance(app.screen, MainScreen) and len(app.bookmarks) == 1)
    await pilot.press("full_stop", "full_stop", "full_stop", "b")
    await settle(pilot, lambda: len(app.bookmarks) == 2)


async def open_bookmarks_screen(pilot: Pilot, app: ReaderApp) -> None:
    """`B`, then wait until the screen has read the store."""
    await pilot.press("B")
    await settle(pilot, lambda: isinstance(app.screen, BookmarksScreen) and app.screen.loaded)


async def test_bookmarks_screen_lists_newest_first_and_filters_by_typing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    articles = seed_articles()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await make_two_bookmarks(pilot, app)
        await open_bookmarks_screen(pilot, app)
        screen = app.screen
        lines = screen.lines()
        date = stored(tmp_path)[0].created[:10]
        assert len(lines) == 2
        assert lines[0].startswith(articles[4].title) and "seeds" in lines[0] and date in lines[0]
        assert lines[1].startswith(articles[1].title) and "✎ remember the 70% figure" in lines[1]
        assert "missing" not in " ".join(lines)

        await pilot.press(*"70%")  # the filter has focus: typing narrows the list (note text)
        assert [line.split()[0] for line in screen.lines()] == [articles[1].title.split()[0]]
        await pilot.press(*["backspace"] * 3, *articles[4].title[:4])  # by title
        assert screen.lines()[0].startswith(articles[4].title) and len(screen.lines()) == 1
        await pilot.press(*["backspace"] * 4, *"no such words")
        assert screen.lines() == ["No bookmark matches."]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_enter_opens_the_article_at_the_bookmarked_paragraph(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    longest = longest_index()
    article = seed_articles()[longest]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, longest)
        await pilot.press("space", "b")
        await settle(pilot, lambda: len(app.bookmarks) == 1)
        (mark,) = stored(tmp_path)
        await pilot.press("g", "comma", "comma")  # read elsewhere
        assert app.main.view.article != article

        await open_bookmarks_screen(pilot, app)
        await pilot.press("down", "enter")  # to the list, open
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.view.article == article)
        await pilot.pause()
        assert app.main.view.top_block() == block_of_paragraph(article, mark.paragraph)
        assert mark.paragraph_text[:8] in app.main.view.visible_text().replace("\n", "")
        assert app.main.focused is app.main.view


async def test_a_bookmark_whose_id_changed_is_reanchored_and_a_lost_one_is_listed_as_missing(
    tmp_path: Path,
) -> None:
    articles = seed_articles()
    target = next(a for a in articles if any(b.kind == "subhead" for b in a.blocks))
    page_rel = next(path.name for path in sorted(SEEDS.glob("*.txt")) if target in read_page(path).articles)
    store = BookmarkStore(tmp_path / "bookmarks.json")
    store.add(
        Bookmark.at(
            page_rel,
            "an-id-from-an-older-parser",
            title=target.title,
            paragraph=1,
            paragraph_text=target.paragraphs[1].text,
            issue_key="seeds",
        )
    )
    store.add(Bookmark.at("2019-01-01/gone.txt", "a1", title="消失的文章", issue_key="2019-01-01"))
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 16)) as pilot:  # short: the article must scroll to the paragraph
        await settle(pilot, ready(app))
        await pilot.press("B")
        await settle(pilot, lambda: isinstance(app.screen, BookmarksScreen) and bool(app.screen.missing))
        screen = app.screen
        lines = screen.lines()
        assert lines[0].startswith("消失的文章") and "[missing]" in lines[0] and "2019-01-01" in lines[0]
        assert "[missing]" not in lines[1]

        await pilot.press("down", "enter")  # the lost one: still listed, says why, stays open
        await settle(pilot, lambda: any("Cannot open «消失的文章»" in m for m in shown(app)))
        assert app.screen is screen
        assert any("2019-01-01/gone.txt is not in the open archive" in m for m in shown(app))

        await pilot.press("down", "enter")  # the re-anchored one opens at its paragraph
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.view.article == target)
        await pilot.pause()
        assert app.main.view.top_block() == block_of_paragraph(target, 1) == 1
        assert target.paragraphs[1].text[:8] in app.main.view.visible_text().replace("\n", "")


async def test_delete_asks_first_and_e_edits_the_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    articles = seed_articles()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await make_two_bookmarks(pilot, app)
        await open_bookmarks_screen(pilot, app)
        screen = app.screen
        await pilot.press("down", "down")  # the older bookmark, with the note
        assert screen.current is not None and screen.current.article_id == articles[1].id

        await pilot.press("e")
        await settle(pilot, editing(app))
        assert app.screen.editor.text == "remember the 70% figure"
        await pilot.press(" ", *"and 5G", "ctrl+s")
        await settle(pilot, lambda: app.screen is screen and "and 5G" in " ".join(screen.lines()))
        assert {m.article_id: m.note for m in stored(tmp_path)}[
            articles[1].id
        ] == "remember the 70% figure and 5G"

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "and its note?" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")  # no: nothing deleted
        assert app.screen is screen and len(stored(tmp_path)) == 2
        await pilot.press("delete", "y")
        await settle(pilot, lambda: len(screen.lines()) == 1)
        assert [m.article_id for m in stored(tmp_path)] == [articles[4].id]
        assert screen.lines()[0].startswith(articles[4].title)
        await settle(pilot, lambda: len(app.bookmarks) == 1)  # the main screen's marks follow
        assert not article_prompt(app, 1).startswith("★") and article_prompt(app, 4).startswith("★")
        assert "★1" in issue_prompt(app)


# -- store problems -------------------------------------------------------------------------


async def test_a_corrupt_database_is_announced_once_and_bookmarking_works(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.json"
    db.write_text('{"bookmarks": {"1": {"rel": ', encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await app.workers.wait_for_complete()
        await pilot.pause()
        warnings = [m for m in shown(app) if "unreadable" in m]
        assert len(warnings) == 1 and "corrupt-" in warnings[0] and "fresh one" in warnings[0]
        assert list(tmp_path.glob("bookmarks.json.corrupt-*"))
        await open_article(pilot, 1)
        await pilot.press("b")
        await settle(pilot, lambda: len(app.bookmarks) == 1)
        assert len([m for m in shown(app) if "unreadable" in m]) == 1
    assert len(stored(tmp_path)) == 1


async def test_a_read_only_location_refuses_b_and_a_while_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    app = make_app(tmp_path, db=tmp_path / "a-file" / "bookmarks.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await open_article(pilot, 1)
        await pilot.press("b")
        await settle(pilot, lambda: any("cannot be saved" in m for m in shown(app)))
        assert "not a folder" in next(m for m in shown(app) if "cannot be saved" in m)
        refusals = len([m for m in shown(app) if "cannot be saved" in m])
        await pilot.press("a")  # refused before any typing, not after
        await settle(pilot, lambda: len([m for m in shown(app) if "cannot be saved" in m]) == refusals + 1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert not article_prompt(app, 1).startswith("★")
        await pilot.press("full_stop")  # reading goes on
        assert app.main.view.article == seed_articles()[2]
    assert not (tmp_path / "a-file").is_dir()


async def test_bookmarks_off_for_the_session_are_announced_and_refused(
    shared_folder: Path,
    tmp_path: Path,
) -> None:
    db = shared_folder / "bookmarks.json"
    db.write_text("{ broken", encoding="utf-8")
    db.chmod(0o644)
    with unwritable(shared_folder):
        store = BookmarkStore(db)  # cannot move the corrupt file aside
    reason = store.writable_reason
    assert reason is not None
    app = make_app(tmp_path, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app).count(reason) == 1  # the start-up notice
        await open_article(pilot, 1)
        await pilot.press("b", "a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app).count(reason) == 3
        assert isinstance(app.screen, MainScreen)
    assert db.read_text(encoding="utf-8") == "{ broken"
    assert os.listdir(shared_folder) == ["bookmarks.json"]


async def test_x_exports_every_note_as_markdown_beside_the_database(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    articles = seed_articles()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, ready(app))
        await make_two_bookmarks(pilot, app)
        await open_bookmarks_screen(pilot, app)
        await pilot.press("down", "x")
        await settle(pilot, lambda: list(tmp_path.glob("bookmarks-*.md")))
        [exported] = tmp_path.glob("bookmarks-*.md")
        text = exported.read_text(encoding="utf-8")
        assert text.startswith("# Bookmarks")
        assert f"### {articles[1].title}" in text and f"### {articles[4].title}" in text
        assert "remember the 70% figure" in text
        await settle(pilot, lambda: any("Exported 2 bookmarks" in m for m in shown(app)))
