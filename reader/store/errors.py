"""Why a bookmark could not be saved, as exceptions the app can turn into one calm message.

Every error carries a sentence meant for the reader (``str(error)``), because the app shows it
as it is and goes on reading: a refused bookmark must never end the session.
"""

from __future__ import annotations


class StoreError(Exception):
    """A bookmark or note could not be saved; ``str(error)`` is the message for the reader."""


class StoreReadOnly(StoreError):
    """The database cannot be written here (read-only folder or file, or a newer schema).

    Reads still work: the app keeps listing what is already stored and only refuses changes.
    """


class StoreBusy(StoreError):
    """Another process held the database lock for longer than the timeout."""


class StoreConflict(StoreError):
    """Another copy of kanbao changed the note since the editor opened: nothing was written.

    ``current`` is the note the file holds now, so the editor can show it and ask whether to
    replace it (saving again with it as the expected note).
    """

    def __init__(self, message: str, current: str) -> None:
        super().__init__(message)
        self.current = current


class StoreWriteError(StoreError):
    """Writing failed for another reason than permissions (disk full, I/O error)."""
