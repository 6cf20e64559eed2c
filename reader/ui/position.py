"""Where the reader was: the small contract between the app and the store.

The app only needs two calls from `reader.store`; keeping them behind this protocol lets the
app be tested with any object that remembers a position, and keeps store errors (a read-only
disk, a corrupt file) from ever stopping the reading: they become a notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """A page (archive-relative path), an article id on it, and the top line of the view."""

    rel: str
    article_id: str
    scroll: int = 0


class PositionStore(Protocol):
    def save_position(self, rel: str, article_id: str, scroll: int) -> Any: ...

    def last_position(self) -> Any: ...


def read_position(store: PositionStore | None) -> tuple[ReadingPosition | None, str]:
    """The stored position (or None) and an error message when the store failed."""
    if store is None:
        return None, ""
    try:
        raw = store.last_position()
    except Exception as error:  # a broken store must not stop reading
        return None, f"could not read the last position: {error}"
    return _coerce(raw), ""


def _coerce(raw: Any) -> ReadingPosition | None:
    if raw is None:
        return None
    if isinstance(raw, ReadingPosition):
        return raw
    get = raw.get if isinstance(raw, dict) else lambda name, default=None: getattr(raw, name, default)
    rel = get("rel") or get("source") or ""
    article_id = get("article_id") or ""
    scroll = get("scroll", 0) or 0
    if not rel or not article_id:
        return None
    try:
        return ReadingPosition(str(rel), str(article_id), int(scroll))
    except (TypeError, ValueError):
        return ReadingPosition(str(rel), str(article_id), 0)


def write_position(store: PositionStore | None, position: ReadingPosition) -> str:
    """Save `position`; return an error message instead of raising."""
    if store is None:
        return ""
    try:
        store.save_position(position.rel, position.article_id, position.scroll)
    except Exception as error:
        return f"could not save the reading position: {error}"
    return ""
