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


class StoreWriteError(StoreError):
    """Writing failed for another reason than permissions (disk full, I/O error)."""
