"""The main screen: issues | articles | article, a status line and the footer.

The screen owns the reading state (open issue, its articles, the article shown) and the
workers that feed it: the archive scan and the parse of the open issue's pages run in
threads and report with messages, so the first screen is drawn before any page is parsed.
Below `NARROW_WIDTH` columns only one pane shows at a time; Tab and Esc move between them.
"""

from __future__ import annotations

import threading
import time
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static

from reader.ui.analysis import ArticleAnalysed
from reader.ui.entries import ArticleEntry, IssueRow, page_label
from reader.ui.messages import ArchiveScanned, IssueLoaded, PageLoaded
from reader.ui.names_feature import NamesFeature
from reader.ui.position import ReadingPosition
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.lists import PROBLEM_STATUSES, ArticleList, IssueList
from reader.ui.widgets.names_panel import NamesPanel
from reader.ui.widgets.status_bar import StatusBar

NARROW_WIDTH = 60
TINY = (20, 6)  # below this, only a "terminal too small" notice
PANES = ("issues", "articles", "article")
#: How often the scan worker sends a snapshot of the issues (the first one goes at once).
SCAN_REPORT_SECONDS = 0.3
#: ] and [ share one footer entry: "] [ Article".
ARTICLE_KEYS = Binding.Group("Article")
#: The footer's keys take 78 columns; the "^p palette" key docked on its right needs 13 more.
#: Below this width the palette key is left out of the footer (Ctrl+P works and `?` lists it)
#: rather than cover the reading keys.
FOOTER_PALETTE_WIDTH = 92


class MainScreen(Screen):
    """Three panes for reading an archive with the keyboard."""

    #: The footer shows only what a reader needs most, with short words; the `?` screen lists
    #: every binding with its tooltip (the longer description) when it has one.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Pane", key_display="Tab", tooltip="Next pane", id="pane.next"),
        Binding("shift+tab", "previous_pane", "Prev pane", show=False, id="pane.previous"),
        Binding("escape", "back", "Back", show=False, id="pane.back"),
        Binding(
            "right_square_bracket,full_stop",
            "next_article",
            "Next article",
            group=ARTICLE_KEYS,
            id="article.next",
        ),
        Binding(
            "left_square_bracket,comma",
            "previous_article",
            "Prev article",
            group=ARTICLE_KEYS,
            id="article.previous",
        ),
        Binding("right_curly_bracket", "next_issue", "Next issue", show=False, id="issue.next"),
        Binding("left_curly_bracket", "previous_issue", "Prev issue", show=False, id="issue.previous"),
        Binding("slash", "find", "Find", tooltip="Find in article", id="find.open"),
        Binding("n", "find_step(1)", "Next match", show=False, id="find.next"),
        Binding("N", "find_step(-1)", "Prev match", show=False, id="find.previous"),
        Binding("m", "toggle_names", "Names", tooltip="Names panel (people, places)", id="names.panel"),
        Binding("y", "toggle_inline_pinyin", "Pinyin after names", show=False, id="names.inline"),
        Binding("i", "app.toggle_paragraph_style", "Indent/blank", show=False, id="view.paragraph_style"),
    ]

    def __init__(self, restore: ReadingPosition | None = None) -> None:
        super().__init__()
        self.open_issue_key: str | None = None
        self.current: ArticleEntry | None = None
        self.scan_done = False
        self.scanned_pages = 0
        self.loading_issue = False
        self._loaded_pages = 0
        self._want_first = False
        self.pending: ReadingPosition | None = restore
        self.active_pane = "issues"
        self._cancel_scan = threading.Event()
        self.names = NamesFeature(self)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield IssueList(id="issues", classes="pane -active")
            yield ArticleList(id="articles", classes="pane")
            yield ArticleView(id="article", classes="pane")
            yield NamesPanel(id="names")
        yield Static("Terminal too small: make it bigger (q quits)", id="too-small")
        yield FindBar(id="find")
        yield StatusBar(id="status")
        # The palette key is decided once, at the width the app starts with: recomposing the
        # footer on resize set off an endless resize loop in Textual's headless driver.
        yield Footer(show_command_palette=self.app.size.width >= FOOTER_PALETTE_WIDTH)

    # -- the widgets ---------------------------------------------------------------------

    @property
    def issues(self) -> IssueList:
        return self.query_one("#issues", IssueList)

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def find(self) -> FindBar:
        return self.query_one("#find", FindBar)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    def on_mount(self) -> None:
        self.issues.border_title = "Issues"
        self.articles.border_title = "Articles"
        self.view.border_title = "Article"
        self.find.attach(self.view)
        self.articles.reset("scanning the archive…")
        self.view.paragraph_style = getattr(self.app, "paragraph_style", "indent")
        self.view.show_article(None, "Scanning the archive…")
        self.issues.focus()
        self._layout_for(self.size.width, self.size.height)
        self.scan_archive()
        self.update_status()
        ready = getattr(self.app, "first_screen_ready", None)
        if ready is not None:
            self.call_after_refresh(ready)

    def on_unmount(self) -> None:
        self._cancel_scan.set()

    # -- scanning ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="scan")
    def scan_archive(self) -> None:
        """Walk the archive off the event loop, sending snapshots of its issues as they grow."""
        archive = self.app.archive  # type: ignore[attr-defined]
        last_report = 0.0
        pages = 0
        for _ref in archive.scan(self._cancel_scan):
            pages += 1
            now = time.monotonic()
            if pages == 1 or now - last_report >= SCAN_REPORT_SECONDS:
                last_report = now
                self.post_message(ArchiveScanned(_snapshot(archive), pages, False, list(archive.errors)))
        self.post_message(ArchiveScanned(_snapshot(archive), pages, True, list(archive.errors)))

    @on(ArchiveScanned)
    def _scanned(self, message: ArchiveScanned) -> None:
        self.scanned_pages = message.pages
        self.scan_done = message.done
        self.issues.set_rows(message.rows)
        if message.done:
            self.app.scan_finished(message.rows, message.errors)  # type: ignore[attr-defined]
        if self.pending is not None:
            self._seek_pending()
        if self.open_issue_key is None and self.issues.current_key is not None:
            self.open_issue(self.issues.current_key)
        elif self.open_issue_key is not None:
            self._refresh_open_issue(message.rows)
        if message.done and not message.rows:
            self.articles.reset("no pages found")
            self.view.show_article(None, "No pages found in " + ", ".join(message.errors or ["the archive"]))
        self.update_status()

    def _refresh_open_issue(self, rows: list[IssueRow]) -> None:
        """The open issue grew while it was being read: load the pages it gained."""
        row = next((r for r in rows if r.key == self.open_issue_key), None)
        if row is not None and not self.loading_issue and row.page_count > self._loaded_pages:
            self._load_pages(row, self._loaded_pages)

    # -- opening an issue ----------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#issues")
    def _issue_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id
        if key is not None and key != self.open_issue_key:
            self.open_issue(key)

    def open_issue(self, key: str) -> None:
        """Show the articles of issue `key`; its pages are parsed in a worker."""
        row = self.issues.row(key)
        if row is None:
            return
        self.open_issue_key = key
        self.current = None
        self._loaded_pages = 0
        self._want_first = True
        self.articles.reset("loading…")
        self.view.show_article(None, "Loading…")
        self._load_pages(row, 0)
        self.update_status()

    def _load_pages(self, row: IssueRow, first_page: int) -> None:
        # The flag lives on the event loop (set here, cleared by IssueLoaded), so a snapshot and
        # the end of a load can never both believe the other will pick up the new pages.
        self.loading_issue = True
        self.load_issue(row, first_page)

    @work(thread=True, exclusive=True, group="issue")
    def load_issue(self, row: IssueRow, first_page: int) -> None:
        """Parse the issue's pages in order (through the archive's cache), one message each."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        archive = self.app.archive  # type: ignore[attr-defined]
        for index, ref in enumerate(row.pages[first_page:], start=first_page):
            if worker.is_cancelled:
                return
            page = archive.load(ref)
            self.post_message(PageLoaded(row.key, index, ref, page))
        self.post_message(IssueLoaded(row.key))

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        self.app.note_page(message.ref, message.page)  # type: ignore[attr-defined]
        if message.page.status in PROBLEM_STATUSES:
            self.issues.mark_problem(message.issue_key, message.page.status)
        if message.issue_key != self.open_issue_key or message.page_index < self._loaded_pages:
            return
        self._loaded_pages = message.page_index + 1
        added = self.articles.add_page(message.ref, message.page, message.page_index)
        if self.pending is not None:
            self._seek_pending()
        elif self._want_first and added:
            self._want_first = False
            self.articles.select_number(len(self.articles.entries) - len(added))
        elif self.current is None and not self.articles.entries:
            self.view.show_article(None, _empty_page_message(message.ref, message.page))
        self.update_status()

    @on(IssueLoaded)
    def _issue_loaded(self, message: IssueLoaded) -> None:
        if message.issue_key != self.open_issue_key:
            return
        self.loading_issue = False
        # The issue may have grown while it loaded (the scan's last snapshot came meanwhile):
        # load what it gained, or the list would stop short for good.
        self._refresh_open_issue(self.issues.rows)
        target = self.pending
        if target is None or self.loading_issue:
            return
        row = self.issues.row(message.issue_key)
        if self.scan_done or (row is not None and any(p.rel == target.rel for p in row.pages)):
            self._article_gone(target)
        else:
            # The remembered page is in an issue the scan has not reached yet (a large archive
            # opens its first issue at once): keep waiting for it, and show nothing that would
            # be saved as the reading position in its place.
            self.view.show_article(None, f"Finding where you left off ({target.rel})…")

    def _article_gone(self, target: ReadingPosition) -> None:
        """The article asked for (restore, bookmark, search hit) is not on its page any more."""
        self.pending = None
        name = target.rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        self.notify(f"That article is no longer on {name}.", severity="warning", markup=False)
        self._show_first()

    def _show_first(self) -> None:
        if self.articles.entries and self.current is None:
            self.articles.select_number(0)

    # -- showing an article --------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        number = self.articles.current_number
        if number is not None:
            self.show_entry(number)

    def show_entry(self, number: int, at: ReadingPosition | None = None) -> None:
        """Show article `number` of the issue, from its top or at a remembered place."""
        entry = self.articles.entries[number]
        if entry is self.current and at is None:
            return
        self.current = entry
        self.pending = None  # an article is shown: any restore still waiting is over
        self.view.show_article(entry.article)
        self.names.article_shown()
        if at is not None and (at.scroll > 0 or at.paragraph > 0):  # a bookmark gives a paragraph only
            self.view.scroll_to_block(at.paragraph, context=0)
        self.find.article_shown(entry.rel, entry.article)
        self.update_status()
        self.app.remember_position()  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "#issues")
    def _issue_chosen(self) -> None:
        self._activate("articles")

    @on(OptionList.OptionSelected, "#articles")
    def _article_chosen(self) -> None:
        self._activate("article")

    @on(ArticleView.Moved)
    def _moved(self) -> None:
        self.update_status()

    def update_status(self) -> None:
        row = self.issues.row(self.open_issue_key) if self.open_issue_key else None
        entry = self.current
        note = ""
        if not self.scan_done:
            note = f"scanning… {self.scanned_pages} pages"
        indexer = getattr(self.app, "indexer", None)
        if indexer is not None and indexer.note():
            note = f"{note}  {indexer.note()}".strip()
        self.status.show(
            row.label if row else "",
            page_label(entry.ref, entry.page) if entry else "",
            self.articles.entries.index(entry) if entry in self.articles.entries else None,
            len(self.articles.entries),
            self.view.percent if entry else None,
            note,
        )

    def position(self) -> ReadingPosition | None:
        """Where the reader is now (None before an article shows)."""
        if self.current is None:
            return None
        top = self.view.top_block()
        return ReadingPosition(
            self.current.rel,
            self.current.article.id,
            round(self.view.scroll_y),
            top if isinstance(top, int) else 0,
            str(getattr(self.current.ref, "issue_key", "")),
        )

    # -- names and pinyin (reader.ui.names_feature) -------------------------------------

    def action_toggle_names(self) -> None:
        self.names.toggle_panel()

    def action_toggle_inline_pinyin(self) -> None:
        self.names.toggle_inline()

    @on(ArticleAnalysed)
    def _analysed(self, message: ArticleAnalysed) -> None:
        self.names.analysed(message)

    @on(ArticleView.WordsWanted)
    def _words_wanted(self) -> None:
        self.names.want_analysis()
        self.names.preload_dictionary()

    @on(ArticleView.PinyinWanted)
    def _pinyin_wanted(self) -> None:
        self.names.open_popup()

    @on(NamesPanel.Chosen)
    def _name_chosen(self, message: NamesPanel.Chosen) -> None:
        self.names.choose(message.entry)

    @on(NamesPanel.Closed)
    def _names_closed(self) -> None:
        self.names.toggle_panel()

    # -- going somewhere -----------------------------------------------------------------

    def go_to(self, position: ReadingPosition) -> None:
        """Open the article at `position` (palette, restore, later bookmarks)."""
        self.pending = position
        self._seek_pending()

    def _seek_pending(self) -> None:
        target = self.pending
        if target is None:
            return
        key = next((r.key for r in self.issues.rows if any(p.rel == target.rel for p in r.pages)), None)
        if key is None:
            if self.scan_done:
                self.pending = None
                self.notify("That article is no longer in the archive.", severity="warning")
                self._show_first()
            return
        if key != self.open_issue_key:
            self.issues.highlighted = self.issues.get_option_index(key)
            self.open_issue(key)
            return
        number = self.articles.find(target.rel, target.article_id)
        if number is None:
            if not self.loading_issue:  # the issue is loaded and the article is not in it
                self._article_gone(target)
            return  # else its page is still loading
        self.pending = None
        self._want_first = False
        self.articles.select_number(number)
        self.show_entry(number, at=target)
        self._activate("article")

    # -- panes and keys ------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._layout_for(event.size.width, event.size.height)

    def _layout_for(self, width: int, height: int) -> None:
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(width < TINY[0] or height < TINY[1], "-tiny")

    def _pane(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def _activate(self, name: str) -> None:
        """Make `name` the active pane (the one shown when narrow) and focus it."""
        self.active_pane = name
        for pane in PANES:
            self._pane(pane).set_class(pane == name, "-active")
        self._pane(name).focus()

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if focused is not None and focused.id in PANES and focused.id != self.active_pane:
            self._activate(focused.id)

    def action_next_pane(self) -> None:
        self._activate(PANES[(PANES.index(self.active_pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self._activate(PANES[(PANES.index(self.active_pane) - 1) % len(PANES)])

    def action_back(self) -> None:
        if self.find.active:
            self.find.close()  # Esc first clears a kept search's highlights
        elif self.active_pane != "issues":
            self.action_previous_pane()

    def action_find(self) -> None:
        if self.current is None:
            self.notify("No article to search yet.", timeout=2)
            return
        self.find.open()

    def action_find_step(self, direction: int) -> None:
        if self.find.active:
            self.find.step(direction)
        else:
            self.notify("Nothing to step through: / finds in the article.", timeout=2)

    def _step_article(self, step: int) -> None:
        entries = self.articles.entries
        if not entries:
            return
        number = entries.index(self.current) if self.current in entries else -1
        target = number + step
        if 0 <= target < len(entries):
            self.articles.select_number(target)
        elif target >= len(entries) and self.open_issue_key is not None:
            self.notify("Last article of this issue: } opens the next issue.", timeout=2)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def _step_issue(self, step: int) -> None:
        rows = self.issues.rows
        keys = [r.key for r in rows]
        if not keys:
            return
        index = keys.index(self.open_issue_key) if self.open_issue_key in keys else -1
        target = min(max(index + step, 0), len(keys) - 1)
        if target != index:
            self.issues.highlighted = target

    def action_next_issue(self) -> None:
        self._step_issue(1)

    def action_previous_issue(self) -> None:
        self._step_issue(-1)


def _snapshot(archive: object) -> list[IssueRow]:
    """Frozen rows of the archive's issues (read while the scan thread may append to them)."""
    rows = []
    for issue in list(archive.issues):  # type: ignore[attr-defined]
        rows.append(IssueRow(issue.key, issue.label, issue.date, tuple(issue.pages)))
    return rows


def _empty_page_message(ref: object, page: object) -> str:
    status = getattr(page, "status", "ok")
    warnings = getattr(page, "warnings", ())
    detail = f": {warnings[0]}" if warnings else ""
    return f"{page_label(ref)} has no articles ({status}){detail}"
