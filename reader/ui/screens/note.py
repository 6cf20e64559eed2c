"""The note editor: a multi-line TextArea over the reading screen, for one article's note.

Saving writes through the store in a thread worker and closes only once the write has
returned: when the store refuses (a read-only disk, a busy lock) the editor stays open with
the text intact and says why, because a note lost on the way to the disk is the one thing a
reader will not forgive. Esc with unsaved changes asks before throwing them away.

A moment after each change the text is also kept as a draft (``keep``), removed once the note
is saved or discarded (``drop``): a terminal closed mid-note (SIGHUP) or a kill leaves the
draft behind, and the next editor on that article opens with it (``recovered``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from reader.store import Bookmark, StoreConflict, StoreError
from reader.ui.screens.confirm import ConfirmScreen

#: Seconds of quiet in typing after which the draft is written.
DRAFT_DELAY = 0.3


class NoteScreen(ModalScreen[Bookmark | None]):
    """Edits a note; dismisses with the saved Bookmark, or None when closed without saving."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "close", "Close", id="note.close"),
    ]

    class Saved(Message):
        """The store has the note (posted by the save worker)."""

        def __init__(self, bookmark: Bookmark) -> None:
            super().__init__()
            self.bookmark = bookmark

    class Conflict(Message):
        """Another copy of kanbao saved a different note meanwhile; `current` is that note."""

        def __init__(self, current: str) -> None:
            super().__init__()
            self.current = current

    class Failed(Message):
        """The store refused the note; `reason` is the sentence to show."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self,
        heading: str,
        note: str,
        save: Callable[..., Bookmark],
        *,
        keep: Callable[[str], None] | None = None,
        drop: Callable[[], None] | None = None,
        recovered: str | None = None,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.original = note
        self._save = save  # save(text, expected=note the editor started from)
        self.base = note  # the stored note this text replaces
        self._keep = keep
        self._drop = drop
        self.recovered = recovered
        self._draft_timer: Timer | None = None
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(
                Text(self.heading, style="bold", no_wrap=True, overflow="ellipsis"), id="note-heading"
            )
            start = self.recovered if self.recovered is not None else self.original
            yield TextArea(start, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static(Text("Ctrl+S save · Esc close (asks first if the note changed)"), id="note-hint")

    def on_mount(self) -> None:
        editor = self.editor
        editor.focus()
        editor.move_cursor(editor.document.end)
        if self.recovered is not None:
            self.notify(
                "This is the unsaved draft kept when the editor closed: Ctrl+S saves it, "
                "Esc offers to throw it away.",
                title="Draft recovered",
                timeout=10,
                markup=False,
            )

    @on(TextArea.Changed)
    def _text_changed(self) -> None:
        """Keep a draft once typing pauses (a timer restarted by each change)."""
        if self._keep is None:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._write_draft)

    def _write_draft(self) -> None:
        self._draft_timer = None
        if not self.saving:
            self._store_draft(self.editor.text)

    @work(thread=True, exclusive=True, group="note-draft")
    def _store_draft(self, text: str) -> None:
        with contextlib.suppress(StoreError, OSError):  # a draft is a safety net, never an error
            if text == self.original:
                self._forget_draft()
            elif self._keep is not None:
                self._keep(text)

    def _forget_draft(self) -> None:
        if self._drop is not None:
            self._drop()

    @property
    def editor(self) -> TextArea:
        return self.query_one("#note-text", TextArea)

    @property
    def changed(self) -> bool:
        return self.editor.text != self.original

    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self._write(self.editor.text)

    @work(thread=True, exclusive=True, group="note-save")
    def _write(self, text: str) -> None:
        try:
            saved = self._save(text, expected=self.base)
        except StoreConflict as conflict:
            self.post_message(self.Conflict(conflict.current))
        except (StoreError, OSError) as error:
            self.post_message(self.Failed(str(error)))
        else:
            self._forget_draft()
            self.post_message(self.Saved(saved))

    def on_note_screen_saved(self, message: Saved) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self.dismiss(message.bookmark)

    def on_note_screen_conflict(self, message: Conflict) -> None:
        """Show what the other copy saved; replace it only when the reader says so."""
        self.saving = False
        theirs = " ".join(message.current.split()) or "(empty)"
        if len(theirs) > 200:
            theirs = theirs[:199] + "…"

        def answered(replace: bool | None) -> None:
            if replace:
                self.base = message.current
                self.action_save()

        self.app.push_screen(
            ConfirmScreen(
                "This note was changed in another copy of kanbao while you wrote. It now reads:"
                f"\n\n✎ {theirs}\n\nReplace it with yours?",
                yes="Replace",
                no="Keep editing",
            ),
            answered,
        )

    def on_note_screen_failed(self, message: Failed) -> None:
        self.saving = False
        self.notify(
            f"{message.reason} The note is still here.",
            title="Note not saved",
            severity="error",
            markup=False,
        )

    def _closed_without_saving(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._forget_draft()
        self.dismiss(None)

    def action_close(self) -> None:
        if not self.changed:
            self._closed_without_saving()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._closed_without_saving()

        self.app.push_screen(
            ConfirmScreen("Throw away the changes to this note?", yes="Discard", no="Keep editing"), answered
        )
