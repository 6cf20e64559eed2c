"""Where the reader was: the app's view of `reader.store`'s reading position.

The store keeps one position per archive (keyed by `archive_key(paths)`); `PositionKeeper`
binds a store to the open archive so the app only says "save here" and "where was I". Store
errors (a read-only disk, a busy lock) never stop the reading: they come back as a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """A page (archive-relative path), an article id on it, the view's top line and its block."""

    rel: str
    article_id: str
    scroll: int = 0
    paragraph: int = 0  # index into Article.blocks of the block at the top (survives a resize)
    issue_key: str = ""


class PositionKeeper:
    """The store's reading position for one archive."""

    def __init__(self, store: Any, archive: str) -> None:
        self.store = store
        self.archive = archive
        self._reported = ""  # the save failure already told: a read-only disk is said once

    def load(self) -> tuple[ReadingPosition | None, str]:
        """The stored position (or None) and an error message when the store failed."""
        try:
            stored = self.store.last_position(self.archive)
        except Exception as error:  # a broken store must not stop reading
            return None, f"could not read the last position: {error}"
        if stored is None or not stored.rel or not stored.article_id:
            return None, ""
        return (
            ReadingPosition(
                stored.rel, stored.article_id, int(stored.scroll), int(stored.paragraph), stored.issue_key
            ),
            "",
        )

    def save(self, position: ReadingPosition) -> str:
        """Save `position`; return an error message instead of raising.

        The same failure again (every article move on a read-only disk) returns "": the reader
        was told once. A success, or a different failure, is news again.
        """
        from reader.store import ReadingPosition as StoredPosition

        try:
            self.store.save_position(
                StoredPosition(
                    archive=self.archive,
                    issue_key=position.issue_key,
                    rel=position.rel,
                    article_id=position.article_id,
                    scroll=float(position.scroll),
                    paragraph=position.paragraph,
                )
            )
        except Exception as error:
            message = f"could not save the reading position: {error}"
            if message == self._reported:
                return ""
            self._reported = message
            return message
        self._reported = ""
        return ""
