"""The note editor: a multi-line TextArea over the reading screen, for one article's note.

Saving writes through the store in a thread worker and closes only once the write has
returned: when the store refuses (a read-only disk, a busy lock) the editor stays open with
the text intact and says why, because a note lost on the way to the disk is the one thing a
reader will not forgive. Esc with unsaved changes asks before throwing them away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from reader.store import Bookmark, StoreError
from reader.ui.screens.confirm import ConfirmScreen


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

    class Failed(Message):
        """The store refused the note; `reason` is the sentence to show."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, heading: str, note: str, save: Callable[[str], Bookmark]) -> None:
        super().__init__()
        self.heading = heading
        self.original = note
        self._save = save
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(
                Text(self.heading, style="bold", no_wrap=True, overflow="ellipsis"), id="note-heading"
            )
            yield TextArea(self.original, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static(Text("Ctrl+S save · Esc close (asks first if the note changed)"), id="note-hint")

    def on_mount(self) -> None:
        editor = self.editor
        editor.focus()
        editor.move_cursor(editor.document.end)

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
            saved = self._save(text)
        except (StoreError, OSError) as error:
            self.post_message(self.Failed(str(error)))
        else:
            self.post_message(self.Saved(saved))

    def on_note_screen_saved(self, message: Saved) -> None:
        self.dismiss(message.bookmark)

    def on_note_screen_failed(self, message: Failed) -> None:
        self.saving = False
        self.notify(
            f"{message.reason} The note is still here.",
            title="Note not saved",
            severity="error",
            markup=False,
        )

    def action_close(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Throw away the changes to this note?", yes="Discard", no="Keep editing"), answered
        )
