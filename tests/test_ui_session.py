"""A whole reading session driven by keys through Pilot, checking what is on screen at each step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from reader.archive import Archive
from reader.page.parse import read_page
from reader.ui.app import ReaderApp
from reader.ui.screens.archive_search import ArchiveSearchScreen
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_app(tmp_path: Path, paths: list[Path] | None = None, **options: object) -> ReaderApp:
    archive = Archive(paths or [SEEDS], cache_dir=tmp_path / "cache")
    return ReaderApp(archive, **options)  # type: ignore[arg-type]


async def settle(pilot: Pilot, condition: Callable[[], bool], seconds: float = 30.0) -> None:
    """Let workers run until `condition` holds (fails the test if it never does).

    A deadline, not a sleep: it returns as soon as the condition holds. It is generous because
    CI runs two test processes on two shared cores, where a worker can wait seconds for a turn.
    """
    for _ in range(int(seconds / 0.02)):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never reached the expected state")


def seed_articles() -> list:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        articles.extend(read_page(path).articles)
    return articles


def loaded(app: ReaderApp) -> Callable[[], bool]:
    total = len(seed_articles())
    return lambda: isinstance(app.screen, MainScreen) and len(app.main.articles.entries) == total


async def test_reading_session_by_keys(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    articles = seed_articles()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        screen = app.main
        # The first issue is open, its first article shown, the issues pane focused.
        assert screen.issues.rows and screen.focused is screen.issues
        assert screen.view.article == articles[0]
        assert "article 1/" in screen.status.text

        # Tab to the articles, move down with j: the view follows.
        await pilot.press("tab")
        assert screen.focused is screen.articles
        await pilot.press("j")
        assert screen.view.article == articles[1]
        assert articles[1].title.replace(" ", "") in screen.view.visible_text().replace(" ", "")
        assert f"article 2/{len(articles)}" in screen.status.text

        # Enter opens the article pane; ] and [ move between articles from inside it.
        await pilot.press("enter")
        assert screen.focused is screen.view
        await pilot.press("right_square_bracket")
        assert screen.view.article == articles[2]
        await pilot.press("left_square_bracket")
        assert screen.view.article == articles[1]

        # Find the longest article and scroll it by line, page, bottom and top.
        longest = max(range(len(articles)), key=lambda i: len(articles[i].text))
        for _ in range(longest - 1):
            await pilot.press("full_stop")
        assert screen.view.article == articles[longest]
        assert screen.view.scroll_y == 0 and "· 0%" in screen.status.text
        first_screen = screen.view.visible_text()
        await pilot.press("j")
        assert screen.view.scroll_y == 1
        await pilot.press("space")
        assert screen.view.scroll_y > 1
        assert screen.view.visible_text() != first_screen
        await pilot.press("G")
        assert screen.view.scroll_y == screen.view.max_scroll_y > 0
        assert "· 100%" in screen.status.text
        last_block = articles[longest].blocks[-1].text
        assert last_block[-6:] in screen.view.visible_text().replace("\n", "")
        await pilot.press("g")
        assert screen.view.scroll_y == 0

        # Tab cycles back round to the issues pane; shift+tab goes the other way.
        await pilot.press("tab")
        assert screen.focused is screen.issues
        await pilot.press("shift+tab")
        assert screen.focused is screen.view

        # Help lists the keys.
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.plain_text()
        assert "Next article" in help_text and "Quit" in help_text and "Tab" in help_text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

        await pilot.press("q")
    assert app.return_code == 0


async def test_palette_goes_to_an_article_by_title(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    articles = seed_articles()
    target = next(a for a in articles if a.title.startswith("GDP"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: len(app.title_index) >= len(articles))
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"GDP")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.view.article == target)
        assert app.main.focused is app.main.view
        assert "GDP" in app.main.view.visible_text()


async def palette_command(pilot: Pilot, app: ReaderApp, query: str, command: str) -> None:
    """Ctrl+P, type `query`, and once `command` is the palette's first hit, Enter runs it."""
    await pilot.press("ctrl+p")
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*query)
    hits = palette.query_one(CommandList)

    def first_hit() -> str:
        option = hits.get_option_at_index(0) if hits.option_count else None
        return str(getattr(getattr(option, "hit", None), "text", ""))

    await settle(pilot, lambda: first_hit().startswith(command) and hits.highlighted == 0)
    await pilot.press("enter")
    await pilot.pause()


async def test_palette_offers_the_toggles_and_screens(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("tab", "j", "enter")
        main = app.main
        assert main.current is not None

        await palette_command(pilot, app, "panel", "Names panel")
        assert main.names.panel_open and main.has_class("-names")
        assert main.query_one("#names").region.width > 0
        await palette_command(pilot, app, "panel", "Names panel")
        assert not main.names.panel_open and not main.has_class("-names")

        await palette_command(pilot, app, "pinyin", "Pinyin after names")
        assert main.names.inline

        await palette_command(pilot, app, "find", "Find in article")
        assert main.find.editing and main.focused is main.find.input
        await pilot.press(*"GDP")
        await pilot.press("escape")
        assert not main.find.editing

        await palette_command(pilot, app, "search", "Search archive")
        assert isinstance(app.screen, ArchiveSearchScreen)
        await pilot.press("escape")
        assert app.screen is main

        await settle(pilot, lambda: app.store is not None)
        await palette_command(pilot, app, "list", "Bookmarks list")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is main)

        await palette_command(pilot, app, "help", "Help")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is main

        dark = app.current_theme.dark
        await palette_command(pilot, app, "dark", "Toggle light / dark")
        assert app.current_theme.dark is not dark


async def test_paragraph_style_toggle_and_theme_toggle(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("tab", "j", "enter")
        text = app.main.view.document_text()
        assert "\n\u3000\u3000" in text  # paragraphs start with the two full-width spaces
        await pilot.press("i")
        blank = app.main.view.document_text()
        assert "\u3000\u3000" not in blank and "\n\n" in blank
        dark = app.current_theme.dark
        await pilot.press("T")
        assert app.current_theme.dark is not dark


async def test_next_and_previous_issue(tmp_path: Path) -> None:
    first, second = tmp_path / "2021-07-29", tmp_path / "2023-04-22"
    for folder, seed in zip((first, second), sorted(SEEDS.glob("*.txt")), strict=True):
        folder.mkdir()
        (folder / seed.name).write_bytes(seed.read_bytes())
    app = seed_app(tmp_path, [first, second])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: len(app.main.issues.rows) == 2 and app.main.current is not None)
        start = app.main.open_issue_key
        await pilot.press("right_curly_bracket")
        await settle(pilot, lambda: app.main.open_issue_key != start and app.main.current is not None)
        assert app.main.status.text.startswith(app.main.issues.row(app.main.open_issue_key).label)
        await pilot.press("left_curly_bracket")
        await settle(pilot, lambda: app.main.open_issue_key == start and app.main.current is not None)
