"""Drafts of notes being typed, kept on disk so a closed terminal (SIGHUP) or a kill loses nothing.

The note editor writes its text here a moment after each change; saving or discarding the note
removes the draft. A draft left behind means the editor died with unsaved text: the app offers
it back the next time the reader opens the note of that article.

One small JSON file per article, in ``.<db name>.drafts/`` beside the database, written
atomically: a draft is never half a file, and the database itself is not rewritten (nor its
lock taken) on every pause in typing. Keys and text go through ``ensure_ascii`` JSON, so a
page name that is not valid UTF-8 (surrogate escapes) round-trips too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.store.atomic import write_atomically


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved text of the note on one article, and when it was last written."""

    rel: str
    article_id: str
    title: str
    text: str
    saved: str


class Drafts:
    """The drafts kept beside one bookmark database."""

    def __init__(self, db_path: Path) -> None:
        self.folder = db_path.parent / f".{db_path.name}.drafts"

    def _file(self, rel: str, article_id: str) -> Path:
        key = f"{rel}\0{article_id}".encode("utf-8", "surrogateescape")
        return self.folder / f"{hashlib.blake2b(key, digest_size=16).hexdigest()}.json"

    def save(self, rel: str, article_id: str, text: str, *, title: str = "") -> None:
        """Keep `text` as the draft of this article's note (raises StoreError if it cannot)."""
        document = {
            "rel": rel,
            "article_id": article_id,
            "title": title,
            "text": text,
            "saved": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        write_atomically(self._file(rel, article_id), json.dumps(document, ensure_ascii=True).encode())

    def get(self, rel: str, article_id: str) -> Draft | None:
        return _read(self._file(rel, article_id))

    def discard(self, rel: str, article_id: str) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self._file(rel, article_id))

    def all(self) -> list[Draft]:
        """Every draft left behind, oldest first."""
        try:
            files = sorted(self.folder.glob("*.json"))
        except OSError:
            return []
        drafts = [draft for draft in map(_read, files) if draft is not None]
        return sorted(drafts, key=lambda draft: draft.saved)


def _read(path: Path) -> Draft | None:
    try:
        document = json.loads(path.read_bytes())
        return Draft(
            str(document["rel"]),
            str(document["article_id"]),
            str(document.get("title", "")),
            str(document["text"]),
            str(document.get("saved", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: there is no draft to offer
