"""What is stored: a Bookmark (with its note) and a ReadingPosition, as frozen dataclasses.

A bookmark is keyed by the page's path relative to the archive root plus the article's stable
id, because both survive moving the archive to another disk. The title and the paragraph's text
are kept as well: when a later parser splits a page differently and the id no longer matches,
they let ``reanchor`` find the article again, and they let a bookmark whose page is gone still be
listed and exported with something a reader recognises.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

#: How many leading characters of the paragraph re-anchor a bookmark (whitespace ignored).
ANCHOR_CHARS = 40
#: How much of the paragraph is kept for quoting in exports: a paragraph, not a whole page.
QUOTE_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A marked article: where it is, what it was called, which paragraph, and the reader's note.

    ``created`` and ``updated`` are ISO 8601 timestamps with the local UTC offset, set by the
    store; ``paragraph`` is the index of the paragraph that was at the top of the view.
    """

    rel: str
    article_id: str
    title: str = ""
    issue_key: str = ""
    issue_label: str = ""
    paragraph: int = 0
    paragraph_text: str = ""
    note: str = ""
    created: str = ""
    updated: str = ""

    @classmethod
    def at(
        cls,
        rel: str,
        article_id: str,
        *,
        title: str = "",
        paragraph: int = 0,
        paragraph_text: str = "",
        issue_key: str = "",
        issue_label: str = "",
        note: str = "",
    ) -> Bookmark:
        """A new, not yet stored bookmark for the article the reader is looking at."""
        return cls(
            rel=rel,
            article_id=article_id,
            title=title,
            issue_key=issue_key,
            issue_label=issue_label,
            paragraph=max(paragraph, 0),
            paragraph_text=paragraph_text[:QUOTE_LIMIT],
            note=note,
        )

    @property
    def key(self) -> tuple[str, str]:
        return (self.rel, self.article_id)

    @property
    def anchor_text(self) -> str:
        """The paragraph's first characters with whitespace removed (reflow may change spacing)."""
        return "".join(self.paragraph_text.split())[:ANCHOR_CHARS]

    @property
    def issue(self) -> str:
        """The issue to group this bookmark under: its saved label, else the page's folder."""
        if self.issue_label:
            return self.issue_label
        if self.issue_key:
            return self.issue_key
        parent = str(PurePosixPath(self.rel).parent)
        return "" if parent == "." else parent

    def replace(self, **changes: Any) -> Bookmark:
        return dataclasses.replace(self, **changes)

    def to_document(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Bookmark:
        """Lenient: a field of the wrong type (a hand-edited file) becomes its default."""

        def text(name: str) -> str:
            value = document.get(name, "")
            return value if isinstance(value, str) else ("" if value is None else str(value))

        paragraph = document.get("paragraph", 0)
        return cls(
            rel=text("rel"),
            article_id=text("article_id"),
            title=text("title"),
            issue_key=text("issue_key"),
            issue_label=text("issue_label"),
            paragraph=paragraph if isinstance(paragraph, int) and paragraph >= 0 else 0,
            paragraph_text=text("paragraph_text"),
            note=text("note"),
            created=text("created"),
            updated=text("updated"),
        )


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """Where the reader was in one archive, so the app can reopen there.

    ``archive`` names the archive (see ``archive_key``); ``scroll`` is the article view's vertical
    offset and ``paragraph`` the paragraph at the top, which survives a change of terminal width.
    """

    archive: str
    issue_key: str = ""
    rel: str = ""
    article_id: str = ""
    scroll: float = 0.0
    paragraph: int = 0
    saved: str = ""

    def to_document(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> ReadingPosition:
        scroll = document.get("scroll", 0.0)
        paragraph = document.get("paragraph", 0)
        return cls(
            archive=str(document.get("archive", "")),
            issue_key=str(document.get("issue_key", "")),
            rel=str(document.get("rel", "")),
            article_id=str(document.get("article_id", "")),
            scroll=float(scroll)
            if isinstance(scroll, (int, float)) and not isinstance(scroll, bool)
            else 0.0,
            paragraph=paragraph if isinstance(paragraph, int) and paragraph >= 0 else 0,
            saved=str(document.get("saved", "")),
        )
