"""ReaderApp: the Textual application that reads an archive.

The app holds what outlives a screen: the archive, the store for the reading position, the
titles index the command palette searches, and the reading toggles. Everything slow (the
scan, parsing, jieba's dictionary, the search index, which also collects the palette's titles
in the same pass) runs in thread workers after the first screen is drawn.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from reader.page.model import Page
from reader.resources import styles_dir
from reader.store import BookmarkStore
from reader.ui.bookmarking import BOOKMARK_BINDINGS, BookmarkingMixin
from reader.ui.commands import ArticleTitles, Toggles
from reader.ui.document import ParagraphStyle, headline_parts
from reader.ui.entries import IssueRow, page_label
from reader.ui.indexing import BackgroundIndex, IndexFailed, IndexProgressed, TitlesFound
from reader.ui.position import PositionKeeper, ReadingPosition
from reader.ui.screens.archive_search import ArchiveSearchScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.settings import SettingsFile
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.lists import PaneList

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
#: Stylesheets, one per thing styled, in the top-level `styles/` folder.
STYLESHEETS = (
    "app.tcss",
    "panes.tcss",
    "article.tcss",
    "help.tcss",
    "names.tcss",
    "bookmarks.tcss",
    "search.tcss",
    "contrast.tcss",
)


def _not_bookmarks(bindings: Sequence[BindingType]) -> list[BindingType]:
    """The app's own keys, without the bookmark keys listed in a section of their own."""
    return [b for b in bindings if b not in BOOKMARK_BINDINGS]


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """An article the palette can jump to."""

    title: str
    issue: str
    position: ReadingPosition
    headline: str = ""  # the kicker and subtitle: the palette matches them too (平安 in a kicker)
    page: str = ""  # 第2版, or the file name: two articles of one title on two pages differ

    @property
    def candidate(self) -> str:
        """What the palette shows and matches: title, the rest of the headline, issue and page."""
        extra = f" — {self.headline}" if self.headline else ""
        return (
            f"{self.title}{extra} · {self.issue} · {self.page}"
            if self.page
            else f"{self.title}{extra} · {self.issue}"
        )


class ReaderApp(BookmarkingMixin, App[None]):
    """看报 kanbao: issues | articles | article, keyboard first."""

    TITLE = "看报 kanbao"
    CSS_PATH: ClassVar[list[str | PurePath]] = [styles_dir() / name for name in STYLESHEETS]
    COMMANDS = App.COMMANDS | {ArticleTitles, Toggles}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("S,ctrl+f", "search_archive", "Search", tooltip="Search archive", id="app.search_archive"),
        *BOOKMARK_BINDINGS,
        Binding("T", "toggle_dark", "Light/dark", show=False, id="app.theme"),
        Binding("question_mark", "help", "Help", tooltip="Help: every key", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        archive: object,
        *,
        positions: PositionKeeper | None = None,
        store: BookmarkStore | None = None,
        db: str | os.PathLike[str] | None = None,
        restore: bool = True,
        notices: Sequence[str] = (),
        theme: str | None = None,
        on_first_screen: Callable[[], None] | None = None,
        settings: SettingsFile | None = None,
    ) -> None:
        super().__init__()
        self.archive = archive
        self.positions = positions
        self.restore = restore
        self.notices = list(notices)
        # Theme, paragraph style and inline pinyin outlive a session (reader.ui.settings).
        self.settings = settings if settings is not None else SettingsFile.load()
        self.notices.extend(self.settings.problems)
        kept = self.settings.settings
        self.paragraph_style: ParagraphStyle = kept.paragraph_style  # type: ignore[assignment]
        self.inline_pinyin = kept.inline_pinyin
        if theme is None:
            theme = LIGHT_THEME if kept.theme == "light" else DARK_THEME
        self.title_index: dict[tuple[str, str], TitleEntry] = {}
        self.indexed_pages: set[str] = set()
        self.last_archive_query = ""  # S reopens the archive search on it
        self.issue_labels: dict[str, str] = {}
        self._on_first_screen = on_first_screen
        self._theme_name = theme
        self.indexer = BackgroundIndex(list(getattr(archive, "paths", [])))
        # Bookmarks: the given store, else the one the positions use, else one opened at `db`.
        self.init_bookmarks(store if store is not None else getattr(positions, "store", None), db)

    def on_mount(self) -> None:
        self.theme = self._theme_name
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=8, markup=False)
        self.open_bookmarks()

    def get_default_screen(self) -> MainScreen:
        position = None
        if self.restore and self.positions is not None:
            position, error = self.positions.load()
            if error:
                self.notices.append(error)
        return MainScreen(restore=position)

    @property
    def main(self) -> MainScreen:
        """The main screen, wherever the screen stack is."""
        return self.screen_stack[0]  # type: ignore[return-value]

    def first_screen_ready(self) -> None:
        """Called once the main screen has drawn (a benchmark hooks in here).

        jieba is not preloaded: its dictionary costs about 130 MB, which a reader who never opens
        the names panel or the word cursor should not pay (an archive of 30,000 pages indexed
        must stay under 300 MB). Those features load it in their own worker, showing "loading…".
        """
        if self._on_first_screen is not None:
            self._on_first_screen()

    # -- what the screen tells the app ---------------------------------------------------

    def scan_finished(self, rows: list[IssueRow], errors: list[str]) -> None:
        self.issue_labels = {row.key: row.label for row in rows}
        for error in errors:
            self.notify(error, title="Could not open", severity="error", timeout=10, markup=False)
        refs = [ref for row in rows for ref in row.pages]
        # One pass serves the search index and the palette's titles (see reader.ui.indexing).
        self.indexer.start(self, refs, self.archive.load, self.indexed_pages.__contains__)  # type: ignore[attr-defined]

    def on_index_progressed(self, message: IndexProgressed) -> None:
        self.indexer.progress = message.progress
        if not self.screen_stack:  # a last report arriving as the app closes
            return
        self.main.update_status()
        for screen in self.screen_stack:
            if isinstance(screen, ArchiveSearchScreen):
                screen.index_grew(message.progress.finished)

    def on_titles_found(self, message: TitlesFound) -> None:
        for ref, page in message.pages:
            self.note_page(ref, page)

    def on_index_failed(self, message: IndexFailed) -> None:
        self.indexer.error = message.error
        self.notify(message.error, severity="warning", timeout=8, markup=False)
        self.main.update_status()

    def open_search_result(self, result: object, query: str) -> None:
        """Leave the archive search for the article, the in-place find on `query` at its best hit."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        hit = result.hits[0]  # type: ignore[attr-defined]
        rel, article_id = result.source, result.article_id  # type: ignore[attr-defined]
        self.main.find.expect(query, rel, article_id, hit.part, hit.block, hit.start)
        self.main.go_to(ReadingPosition(rel, article_id))

    def note_page(self, ref: object, page: Page) -> None:
        """Add a parsed page's article titles to the palette's index."""
        rel = str(getattr(ref, "rel", page.source))
        issue = self.issue_labels.get(getattr(ref, "issue_key", ""), getattr(ref, "issue_key", ""))
        self.indexed_pages.add(rel)
        where = page_label(ref, page)
        for article in page.articles:
            title = article.title or (article.blocks[0].text[:30] if article.blocks else article.id)
            kicker, _title, subtitle = headline_parts(article)
            headline = " ".join(part for part in (kicker, subtitle) if part)[:60]
            self.title_index[(rel, article.id)] = TitleEntry(
                title, issue, ReadingPosition(rel, article.id), headline, where
            )

    def open_position(self, position: ReadingPosition) -> None:
        """Go to an article (from the palette; later from bookmarks)."""
        if position.article_id:
            self.main.go_to(position)

    def remember_position(self) -> None:
        position = self.main.position()
        if position is not None and self.positions is not None:
            self.save_position(self.positions, position)

    @work(thread=True, exclusive=True, group="save")
    def save_position(self, positions: PositionKeeper, position: ReadingPosition) -> None:
        error = positions.save(position)
        if error:
            self.call_from_thread(self.notify, error, severity="warning", markup=False)

    # -- actions -------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.indexer.stop()
        position = self.main.position() if self.screen_stack else None
        if position is not None and self.positions is not None:
            error = self.positions.save(position)
            if error:
                self.log.warning(error)
        self.exit()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            ("Everywhere", [*self._shown(_not_bookmarks(type(self).BINDINGS)), *self._palette_binding()]),
            ("Bookmarks", BOOKMARK_BINDINGS),
            ("Panes", self._shown(MainScreen.BINDINGS)),
            ("Lists (issues, articles)", [*self._list_keys(), *self._shown(PaneList.BINDINGS)]),
            ("Article", self._shown(ArticleView.BINDINGS)),
            ("Find field (/)", [*self._find_keys(), *self._shown(FindBar.BINDINGS)]),
        ]
        self.push_screen(HelpScreen(sections))

    @staticmethod
    def _shown(bindings: Sequence[object]) -> list[Binding]:
        return [b for b in bindings if isinstance(b, Binding)]

    @staticmethod
    def _palette_binding() -> list[Binding]:
        return [Binding("ctrl+p", "command_palette", "Command palette: go to article, toggles")]

    @staticmethod
    def _list_keys() -> list[Binding]:
        return [
            Binding("up,down", "", "Move"),
            Binding("enter", "", "Open (issue → articles → article)"),
        ]

    @staticmethod
    def _find_keys() -> list[Binding]:
        return [Binding("enter", "", "Next match, back to the article")]

    def action_search_archive(self) -> None:
        """Open the archive search (or bring its field back into focus)."""
        if isinstance(self.screen, ArchiveSearchScreen):
            self.screen.field.focus()
            return
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        self.push_screen(ArchiveSearchScreen(self.last_archive_query))  # the last query, kept

    def action_toggle_paragraph_style(self) -> None:
        self.paragraph_style = "blank" if self.paragraph_style == "indent" else "indent"
        self.main.view.set_paragraph_style(self.paragraph_style)
        label = "two-space indent" if self.paragraph_style == "indent" else "blank line between paragraphs"
        self.notify(f"Paragraphs: {label}", timeout=2)
        self.keep_setting(paragraph_style=self.paragraph_style)

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME
        self.keep_setting(theme="dark" if self.current_theme.dark else "light")

    def keep_setting(self, **changes: object) -> None:
        """Write a changed toggle to the settings file; say so once if it cannot be written."""
        problem = self.settings.update(**changes)
        if problem and problem != getattr(self, "_settings_problem", None):
            self._settings_problem = problem
            self.notify(problem, severity="warning", timeout=8, markup=False)
