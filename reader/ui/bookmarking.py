"""The app's bookmark keys: `b` marks the article shown, `a` writes a note on it, `B` lists them.

A mixin for `ReaderApp`, kept apart so the bookmark behaviour reads in one place. Every store
call blocks on file I/O (and an fsync for changes), so it runs in a thread worker; results come
back as messages handled on the event loop, which alone touches widgets. One lock orders the
workers' store calls, so the lists are redrawn from the store's states in the order they
happened. Store errors never stop the reading: they become one notification.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.message import Message

from reader.store import Bookmark, BookmarkStore, StoreError
from reader.ui.bookmark_places import bookmark_here
from reader.ui.position import ReadingPosition
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.note import NoteScreen

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[None]
else:
    _AppBase = object

#: The bookmark keys, bound on the app so that they work whichever pane has focus.
BOOKMARK_BINDINGS: list[Binding] = [
    Binding("b", "bookmark", "Bookmark", id="bookmarks.toggle"),
    Binding("a", "note", "Note", show=False, id="bookmarks.note"),
    Binding("B", "bookmarks", "Bookmarks", show=False, tooltip="Bookmarks list", id="bookmarks.open"),
]
BOOKMARK_ACTIONS = frozenset(binding.action for binding in BOOKMARK_BINDINGS)


class BookmarksChanged(Message):
    """What the store holds now (newest first), with things to tell the reader."""

    def __init__(
        self, store: Any, bookmarks: list[Bookmark], notices: list[str], severity: str = "information"
    ) -> None:
        super().__init__()
        self.store = store
        self.bookmarks = bookmarks
        self.notices = notices
        self.severity = severity


class BookmarkRefused(Message):
    """The store could not do what was asked; `reason` is the sentence for the reader."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class NoteWanted(Message):
    """The store can take a note on `bookmark`'s article; `existing` is what it holds, if anything."""

    def __init__(self, bookmark: Bookmark, existing: Bookmark | None) -> None:
        super().__init__()
        self.bookmark = bookmark
        self.existing = existing


class BookmarkingMixin(_AppBase):
    """Bookmarks and notes for `ReaderApp` (which supplies `main`, `archive`, `issue_labels`)."""

    def init_bookmarks(self, store: BookmarkStore | None, db: str | os.PathLike[str] | None) -> None:
        """`store` if given, else one opened at `db` (else $READER_DB, else the user data dir)."""
        self.store: BookmarkStore | None = store
        self.store_problem = ""  # why there is no store, once opening it failed
        self.bookmarks: list[Bookmark] = []
        self._db = db
        self._store_lock = threading.Lock()

    # -- keeping the lists in step with the store ----------------------------------------

    @work(thread=True, group="bookmarks")
    def open_bookmarks(self) -> None:
        """Open the store (unless given), tell the reader what it found wrong, read the marks."""
        with self._store_lock:
            store = self.store
            if store is None:
                try:
                    store = BookmarkStore(self._db)
                except Exception as error:  # reading goes on without bookmarks
                    self.post_message(BookmarkRefused(f"Bookmarks are unavailable: {error}"))
                    return
            self._post_state(store, store.take_messages(), "warning")

    @work(thread=True, group="bookmarks")
    def refresh_bookmarks(self) -> None:
        """Re-read the store (after the bookmarks screen changed it) and redraw the marks."""
        store = self.store
        if store is None:
            return
        with self._store_lock:
            self._post_state(store, [])

    def _post_state(self, store: BookmarkStore, notices: list[str], severity: str = "information") -> None:
        try:
            bookmarks = store.list()
        except (StoreError, OSError) as error:
            self.post_message(BookmarkRefused(f"The bookmarks could not be read: {error}"))
            return
        self.post_message(BookmarksChanged(store, bookmarks, notices, severity))

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        self.store = message.store
        self.bookmarks = message.bookmarks
        for notice in message.notices:
            self.notify(notice, severity=message.severity, timeout=10, markup=False)  # type: ignore[arg-type]
        self.show_bookmark_marks()

    def on_bookmark_refused(self, message: BookmarkRefused) -> None:
        if message.reason.startswith("Bookmarks are unavailable"):
            self.store_problem = message.reason
        self.notify(message.reason, title="Bookmarks", severity="error", timeout=10, markup=False)

    def show_bookmark_marks(self) -> None:
        """★ on bookmarked articles, and each issue's count, from the last read of the store."""
        if not self.screen_stack:
            return
        main = self.main  # type: ignore[attr-defined]
        main.articles.show_bookmarked({b.key for b in self.bookmarks})
        main.issues.show_bookmark_counts(dict(Counter(b.issue_key for b in self.bookmarks)))

    # -- the keys ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The bookmark keys act on the reading screen only (not over help or the list)."""
        if action in BOOKMARK_ACTIONS and self.screen is not self.main:  # type: ignore[attr-defined]
            return False
        return super().check_action(action, parameters)

    def _usable_store(self) -> BookmarkStore | None:
        """The store, or None after telling the reader why bookmarks cannot be changed now."""
        store = self.store
        if store is None:
            reason = self.store_problem or "Bookmarks are not ready yet; try again in a moment."
            self.notify(reason, severity="warning", markup=False)
            return None
        if store.writable_reason is not None:
            self.notify(store.writable_reason, title="Bookmarks", severity="error", timeout=10, markup=False)
            return None
        return store

    def _mark_here(self) -> Bookmark | None:
        main = self.main  # type: ignore[attr-defined]
        entry = main.current
        if entry is None:
            self.notify("Open an article first.", severity="warning")
            return None
        issue_key = str(getattr(entry.ref, "issue_key", ""))
        label = self.issue_labels.get(issue_key, "")  # type: ignore[attr-defined]
        if not label:
            row = main.issues.row(issue_key)
            label = row.label if row is not None else issue_key
        return bookmark_here(entry, main.view.top_block(), label)

    def action_bookmark(self) -> None:
        """`b`: bookmark the article at the paragraph on top of the view, or remove its bookmark."""
        mark = self._mark_here()
        store = self._usable_store() if mark is not None else None
        if mark is not None and store is not None:
            self._toggle(store, mark)

    @work(thread=True, group="bookmarks")
    def _toggle(self, store: BookmarkStore, mark: Bookmark) -> None:
        with self._store_lock:
            try:
                added, stored = store.toggle(mark)
            except StoreError as error:
                self.post_message(BookmarkRefused(str(error)))
                return
            title = stored.title or stored.article_id
            if added:
                notice = f"Bookmarked «{title}» at paragraph {stored.paragraph + 1}."
            else:
                notice = f"Bookmark removed: «{title}»" + (" (and its note)." if stored.note.strip() else ".")
            self._post_state(store, [notice])

    def action_note(self) -> None:
        """`a`: open the note editor on the article (it is bookmarked when the note is saved)."""
        mark = self._mark_here()
        store = self._usable_store() if mark is not None else None
        if mark is not None and store is not None:
            self._prepare_note(store, mark)

    @work(thread=True, group="bookmarks")
    def _prepare_note(self, store: BookmarkStore, mark: Bookmark) -> None:
        """Refuse at once where a note could not be saved; else fetch the note to edit."""
        with self._store_lock:
            problem = store.write_problem()
            if problem is not None:
                self.post_message(BookmarkRefused(problem))
                return
            self.post_message(NoteWanted(mark, store.get(*mark.key)))

    def on_note_wanted(self, message: NoteWanted) -> None:
        store = self.store
        if store is None:
            return
        shown = message.existing or message.bookmark
        heading = f"Note on «{shown.title or shown.article_id}» · {shown.issue}"

        def closed(saved: Bookmark | None) -> None:
            if saved is not None:
                self.notify(f"Note saved: «{saved.title or saved.article_id}»", markup=False)
                self.refresh_bookmarks()

        note = message.existing.note if message.existing is not None else ""
        self.push_screen(NoteScreen(heading, note, partial(store.set_note, message.bookmark)), closed)

    def action_bookmarks(self) -> None:
        """`B`: the bookmarks screen; choosing one opens its article at the bookmarked paragraph."""
        store = self.store
        if store is None:
            self.notify(
                self.store_problem or "Bookmarks are not ready yet.", severity="warning", markup=False
            )
            return
        main = self.main  # type: ignore[attr-defined]

        def chosen(position: ReadingPosition | None) -> None:
            if position is not None:
                self.open_position(position)  # type: ignore[attr-defined]

        self.push_screen(BookmarksScreen(store, self.archive, scan_done=main.scan_done), chosen)  # type: ignore[attr-defined]
