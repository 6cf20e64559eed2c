"""The bookmarks screen (`B`): every bookmark, newest first, filtered by typing.

Each line shows the title, the issue, the date and the start of the note. Bookmarks whose page
or article the open archive no longer has stay listed, marked as missing, because the note is
still the reader's. Every store call and every page parse runs in a thread worker; results
come back as messages. Enter opens the article at the bookmarked paragraph (the screen
dismisses with that place), `d` deletes after asking, `e` edits the note, Esc closes.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.store import Bookmark, StoreError
from reader.store.export import export_markdown
from reader.ui.bookmark_places import Located, locate, note_drafts, recovered_text
from reader.ui.position import ReadingPosition
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.note import NoteScreen
from reader.ui.widgets.lists import PaneList

NOTE_EXCERPT = 70


def matches(bookmark: Bookmark, query: str) -> bool:
    """Whether every word of `query` occurs in the title, note, issue or page (case-folded)."""
    haystack = " ".join(
        (bookmark.title, bookmark.note, bookmark.issue, bookmark.issue_key, bookmark.rel)
    ).casefold()
    return all(word in haystack for word in query.casefold().split())


def when(bookmark: Bookmark) -> str:
    """The creation date as a reader writes it: 2024-05-01 12:34."""
    return bookmark.created[:16].replace("T", " ")


def excerpt(note: str, width: int = NOTE_EXCERPT) -> str:
    flat = " ".join(note.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class BookmarksScreen(Screen[ReadingPosition | None]):
    """Lists, filters, opens, deletes and edits bookmarks; dismisses with the place to open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="bookmarks.close"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete"),
        Binding("e", "edit", "Edit note", id="bookmarks.edit"),
        Binding("x", "export", "Export", id="bookmarks.export"),
        Binding("down", "to_list", "To the list", show=False, id="bookmarks.to_list"),
    ]

    class Loaded(Message):
        """The store's bookmarks, newest first (or why they could not be read)."""

        def __init__(self, bookmarks: list[Bookmark], error: str = "") -> None:
            super().__init__()
            self.bookmarks = bookmarks
            self.error = error

    class Checked(Message):
        """Which bookmarks the archive can no longer find: key -> why."""

        def __init__(self, missing: dict[tuple[str, str], str]) -> None:
            super().__init__()
            self.missing = missing

    class Opened(Message):
        """Where the bookmark chosen with Enter leads."""

        def __init__(self, located: Located) -> None:
            super().__init__()
            self.located = located

    class Changed(Message):
        """A bookmark was deleted or its note edited: `notice` says which."""

        def __init__(self, notice: str, severity: str = "information") -> None:
            super().__init__()
            self.notice = notice
            self.severity = severity

    def __init__(self, store: Any, archive: Any, *, scan_done: bool = True) -> None:
        super().__init__()
        self.store = store
        self.archive = archive
        self.scan_done = scan_done
        self.bookmarks: list[Bookmark] = []
        self.shown: list[Bookmark] = []
        self.missing: dict[tuple[str, str], str] = {}
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Static(Text("★ Bookmarks", style="bold"), id="bookmarks-title")
        yield Input(placeholder="Filter by title, note or issue", id="bookmarks-filter")
        yield PaneList(id="bookmarks-list")
        yield Static(
            Text(
                "Type to filter · ↓ to the list · Enter opens · d deletes · e edits the note"
                " · x exports (Markdown) · Esc closes"
            ),
            id="bookmarks-hint",
        )
        yield Footer()

    @property
    def filter(self) -> Input:
        return self.query_one("#bookmarks-filter", Input)

    @property
    def listing(self) -> PaneList:
        return self.query_one("#bookmarks-list", PaneList)

    def on_mount(self) -> None:
        self.listing.add_option(Option(Text("reading the bookmarks…", style="italic"), disabled=True))
        self.filter.focus()
        self.load()

    # -- reading the store and the archive -----------------------------------------------

    @work(thread=True, exclusive=True, group="bookmarks-load")
    def load(self) -> None:
        try:
            bookmarks = self.store.list()
        except (StoreError, OSError) as error:
            self.post_message(self.Loaded([], f"The bookmarks could not be read: {error}"))
            return
        self.post_message(self.Loaded(bookmarks))
        missing: dict[tuple[str, str], str] = {}
        for bookmark in bookmarks:
            located = locate(self.archive, bookmark, scan_done=self.scan_done)
            if located.missing:
                missing[bookmark.key] = located.problem
        self.post_message(self.Checked(missing))

    def on_bookmarks_screen_loaded(self, message: Loaded) -> None:
        self.bookmarks = message.bookmarks
        self.loaded = True
        if message.error:
            self.notify(message.error, severity="error", markup=False)
        self.show_matching()

    def on_bookmarks_screen_checked(self, message: Checked) -> None:
        self.missing = message.missing
        self.show_matching()

    # -- the list ------------------------------------------------------------------------

    @on(Input.Changed, "#bookmarks-filter")
    def _filter_changed(self) -> None:
        self.show_matching()

    def show_matching(self) -> None:
        """Show the bookmarks matching the filter, keeping the highlighted one if it still shows."""
        if not self.loaded:
            return
        listing = self.listing
        current = self.current
        query = self.filter.value
        self.shown = [b for b in self.bookmarks if matches(b, query)]
        listing.clear_options()
        if not self.shown:
            empty = (
                "No bookmarks yet: press b on an article." if not self.bookmarks else "No bookmark matches."
            )
            listing.add_option(Option(Text(empty, style="italic"), disabled=True))
            return
        listing.add_options(Option(self._prompt(b), id=str(n)) for n, b in enumerate(self.shown))
        keys = [b.key for b in self.shown]
        listing.highlighted = keys.index(current.key) if current is not None and current.key in keys else 0
        count = f"{len(self.shown)} of {len(self.bookmarks)}" if query.strip() else str(len(self.bookmarks))
        self.query_one("#bookmarks-title", Static).update(Text(f"★ Bookmarks ({count})", style="bold"))

    def _prompt(self, bookmark: Bookmark) -> Text:
        text = Text(no_wrap=False)
        text.append(bookmark.title or bookmark.article_id, style="bold")
        problem = self.missing.get(bookmark.key)
        if problem is not None:
            text.append("  [missing]", style="bold red")
        text.append(f"\n  {bookmark.issue or bookmark.rel} · {when(bookmark)}", style="dim")
        if bookmark.note.strip():
            text.append(f"\n  ✎ {excerpt(bookmark.note)}", style="italic")
        return text

    @property
    def current(self) -> Bookmark | None:
        """The highlighted bookmark."""
        option = self.listing.highlighted_option
        if option is None or option.id is None:
            return None
        return self.shown[int(option.id)]

    def lines(self) -> list[str]:
        """The list as plain text, one entry a line (for tests and screen readers)."""
        listing = self.listing
        return [
            str(listing.get_option_at_index(i).prompt).replace("\n", " ") for i in range(listing.option_count)
        ]

    def action_to_list(self) -> None:
        self.listing.focus()

    # -- opening -------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _chosen(self) -> None:
        self.open_current()

    @on(Input.Submitted, "#bookmarks-filter")
    def _submitted(self) -> None:
        self.open_current()

    def open_current(self) -> None:
        bookmark = self.current
        if bookmark is not None:
            self.find_place(bookmark)

    @work(thread=True, exclusive=True, group="bookmarks-open")
    def find_place(self, bookmark: Bookmark) -> None:
        self.post_message(self.Opened(locate(self.archive, bookmark, scan_done=self.scan_done)))

    def on_bookmarks_screen_opened(self, message: Opened) -> None:
        located = message.located
        if located.position is not None:
            self.dismiss(located.position)
            return
        title = located.bookmark.title or located.bookmark.article_id
        self.missing[located.bookmark.key] = located.problem
        self.show_matching()
        self.notify(f"Cannot open «{title}»: {located.problem}.", severity="warning", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    # -- deleting and editing ------------------------------------------------------------

    def action_delete(self) -> None:
        bookmark = self.current
        if bookmark is None:
            return
        title = bookmark.title or bookmark.article_id
        question = f"Delete the bookmark on «{title}»" + (" and its note?" if bookmark.note.strip() else "?")

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(bookmark)

        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answered)

    @work(thread=True, group="bookmarks-change")
    def delete(self, bookmark: Bookmark) -> None:
        """Delete the bookmark as listed: if another copy of kanbao changed it (its note) since
        the list was read, nothing is deleted and the list is read again to show the change."""
        title = bookmark.title or bookmark.article_id
        try:
            still_marked, _stored, done = self.store.toggle(bookmark, seen=bookmark)
        except (StoreError, OSError) as error:
            self.post_message(self.Changed(str(error), "error"))
            return
        if done:
            self.post_message(self.Changed(f"Bookmark deleted: «{title}»"))
        elif still_marked:
            notice = f"«{title}» was changed in another copy of kanbao; nothing deleted: look at it again."
            self.post_message(self.Changed(notice, "warning"))
        else:
            self.post_message(self.Changed(f"«{title}» was already deleted"))

    def action_edit(self) -> None:
        bookmark = self.current
        if bookmark is None:
            return
        heading = f"Note on «{bookmark.title or bookmark.article_id}» · {bookmark.issue}"

        def closed(saved: Bookmark | None) -> None:
            if saved is not None:
                self.post_message(self.Changed(f"Note saved: «{saved.title or saved.article_id}»"))

        self.app.push_screen(
            NoteScreen(
                heading,
                bookmark.note,
                partial(self.store.set_note, bookmark),
                **note_drafts(self.store, bookmark),
                recovered=recovered_text(self.store, bookmark, bookmark.note),
            ),
            closed,
        )

    def action_export(self) -> None:
        self.export()

    @work(thread=True, exclusive=True, group="bookmarks-export")
    def export(self) -> None:
        """Write every bookmark and note as Markdown beside the database (as `reader bookmarks
        export` prints it), so the notes can leave the app without a shell."""
        try:
            marks = self.store.list()
            target = Path(self.store.path).with_name(f"bookmarks-{datetime.now():%Y%m%d-%H%M%S}.md")
            target.write_text(export_markdown(marks), encoding="utf-8")
        except (StoreError, OSError) as error:
            self.post_message(self.Changed(f"Export failed: {error}", "error"))
            return
        self.post_message(self.Changed(f"Exported {len(marks)} bookmarks to {target}"))

    def on_bookmarks_screen_changed(self, message: Changed) -> None:
        self.notify(message.notice, severity=message.severity, markup=False)  # type: ignore[arg-type]
        self.load()
        refresh = getattr(self.app, "refresh_bookmarks", None)
        if refresh is not None:
            refresh()  # the ★ marks and counts of the main screen
