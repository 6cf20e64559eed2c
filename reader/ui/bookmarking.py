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

from reader.store import Bookmark, BookmarkStore, Draft, StoreError
from reader.ui.bookmark_places import bookmark_here, note_drafts
from reader.ui.position import ReadingPosition
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.confirm import ConfirmScreen
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
        self,
        store: Any,
        bookmarks: list[Bookmark],
        notices: list[str],
        severity: str = "information",
        signature: object = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.bookmarks = bookmarks
        self.notices = notices
        self.severity = severity
        self.signature = signature  # the file's signature taken just before it was read


class BookmarkRefused(Message):
    """The store could not do what was asked; `reason` is the sentence for the reader."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class NoteWanted(Message):
    """The store can take a note on `bookmark`'s article; `existing` is what it holds, if anything."""

    def __init__(self, bookmark: Bookmark, existing: Bookmark | None, draft: Draft | None = None) -> None:
        super().__init__()
        self.bookmark = bookmark
        self.existing = existing
        self.draft = draft  # unsaved text left by an editor that did not close normally


class BookmarkingMixin(_AppBase):
    """Bookmarks and notes for `ReaderApp` (which supplies `main`, `archive`, `issue_labels`)."""

    #: How often the database file is checked for changes made by another copy of kanbao
    #: (a stat: inode, mtime, size). The marks on screen follow within this delay.
    BOOKMARK_POLL_SECONDS: float = 1.0

    def init_bookmarks(self, store: BookmarkStore | None, db: str | os.PathLike[str] | None) -> None:
        """`store` if given, else one opened at `db` (else $READER_DB, else the user data dir)."""
        self.store: BookmarkStore | None = store
        self.store_problem = ""  # why there is no store, once opening it failed
        self.bookmarks: list[Bookmark] = []
        self._db = db
        self._store_lock = threading.Lock()
        self._db_signature: object = None  # the file as last read, to notice other copies' writes
        self._watching = False

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
            notices = store.take_messages()
            if store.writable_reason is None:
                notices += [_draft_notice(draft) for draft in store.drafts.all()]
            self._post_state(store, notices, "warning")

    @work(thread=True, group="bookmarks")
    def refresh_bookmarks(self) -> None:
        """Re-read the store (after the bookmarks screen changed it) and redraw the marks."""
        store = self.store
        if store is None:
            return
        with self._store_lock:
            self._post_state(store, [])

    def _post_state(self, store: BookmarkStore, notices: list[str], severity: str = "information") -> None:
        signature = store.file_signature()  # before the read: a write after it is noticed next poll
        try:
            bookmarks = store.list()
        except (StoreError, OSError) as error:
            self.post_message(BookmarkRefused(f"The bookmarks could not be read: {error}"))
            return
        self.post_message(BookmarksChanged(store, bookmarks, notices, severity, signature))

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        self.store = message.store
        self.bookmarks = message.bookmarks
        self._db_signature = message.signature
        if not self._watching:
            self._watching = True
            self.set_interval(self.BOOKMARK_POLL_SECONDS, self._poll_bookmarks)
        for notice in message.notices:
            self.notify(notice, severity=message.severity, timeout=10, markup=False)  # type: ignore[arg-type]
        self.show_bookmark_marks()

    def on_bookmark_refused(self, message: BookmarkRefused) -> None:
        if message.reason.startswith("Bookmarks are unavailable"):
            self.store_problem = message.reason
        self.notify(message.reason, title="Bookmarks", severity="error", timeout=10, markup=False)

    def _poll_bookmarks(self) -> None:
        """Re-read the store when its file changed (another copy of kanbao wrote it).

        Without this each copy showed ★ from its own last read, so a reader could not see, and
        `b` could not respect, a bookmark made in the other copy.
        """
        store = self.store
        if store is None:
            return
        signature = store.file_signature()
        if signature != self._db_signature:
            self._db_signature = signature
            self.refresh_bookmarks()
            if isinstance(self.screen, BookmarksScreen):
                self.screen.load()  # the list open now follows too

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
        """`b`: bookmark the article at the paragraph on top of the view, or remove its bookmark.

        Removing a bookmark that carries a note asks first: a note is never lost to one key.
        """
        mark = self._mark_here()
        store = self._usable_store() if mark is not None else None
        if mark is None or store is None:
            return
        seen = next((b for b in self.bookmarks if b.key == mark.key), None)
        if seen is None or not seen.note.strip():
            self._toggle(store, mark, seen)
            return

        def answered(remove: bool | None) -> None:
            if remove:
                self._toggle(store, mark, seen)

        title = seen.title or seen.article_id
        note = " ".join(seen.note.split())
        preview = note if len(note) <= 80 else note[:79] + "…"
        self.push_screen(
            ConfirmScreen(
                f"Remove the bookmark on «{title}» and its note?\n\n✎ {preview}", yes="Remove", no="Keep"
            ),
            answered,
        )

    @work(thread=True, group="bookmarks")
    def _toggle(self, store: BookmarkStore, mark: Bookmark, seen: Bookmark | None) -> None:
        with self._store_lock:
            try:
                added, stored, done = store.toggle(mark, seen=seen)
            except StoreError as error:
                self.post_message(BookmarkRefused(str(error)))
                return
            title = stored.title or stored.article_id
            if not done:
                self._post_state(store, [_changed_elsewhere(title, added, seen is None)], "warning")
                return
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
            self.post_message(NoteWanted(mark, store.get(*mark.key), store.drafts.get(*mark.key)))

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
        draft = message.draft
        self.push_screen(
            NoteScreen(
                heading,
                note,
                partial(store.set_note, message.bookmark),
                **note_drafts(store, shown),
                recovered=draft.text if draft is not None and draft.text != note else None,
            ),
            closed,
        )

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


def _changed_elsewhere(title: str, bookmarked: bool, saw_none: bool) -> str:
    """What `b` says when another copy of kanbao changed this bookmark since the screen was drawn."""
    if not bookmarked:
        return f"«{title}» was already unbookmarked in another copy of kanbao; nothing changed."
    if saw_none:
        return f"«{title}» is already bookmarked (in another copy of kanbao); it is kept as it is."
    return (
        f"The bookmark on «{title}» was changed in another copy of kanbao; nothing removed. "
        "Look at it, then press b again to remove it."
    )


def _draft_notice(draft: Draft) -> str:
    title = draft.title or draft.article_id
    return (
        f"An unsaved note on «{title}» was kept when kanbao closed ({draft.saved[:16].replace('T', ' ')}): "
        "press a on that article to get it back."
    )
