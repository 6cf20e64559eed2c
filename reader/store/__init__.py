"""Bookmarks, notes and the last reading position, kept in TinyDB so that none is ever lost.

Public API (everything the app and ``reader bookmarks`` need; no Textual here)::

    store = BookmarkStore(path=None)          # --db PATH, else $READER_DB, else the user data dir
    store.messages / store.take_messages()    # things to tell the reader (a corrupt file moved aside)
    store.writable_reason                     # None, or why changes are refused this session
    store.write_problem()                     # None, or why a change would be refused now (no write)

    mark = Bookmark.at(ref.rel, article.id, title=article.title, paragraph=i,
                       paragraph_text=paragraphs[i].text, issue_key=ref.issue_key,
                       issue_label=issue.label)
    store.toggle(mark, seen=shown) -> Toggled(added, bookmark, done)  # `b`: add or remove;
                                                     # done False: another copy changed it first
    store.file_signature()                           # poll it: changed means re-read
    store.set_note(mark, "text") -> Bookmark         # `a`: bookmarks the article if needed
    store.add(mark) / store.put(mark)                # add if missing / store exactly (undo, import)
    store.get(rel, article_id) -> Bookmark | None
    store.list() -> list[Bookmark]                   # newest first
    store.for_page(rel) -> {article_id: Bookmark}    # marks in the article list
    store.count_by_issue() -> {issue_key: count}     # counts in the issues list
    store.remove(rel, article_id) -> Bookmark | None;  store.delete(bookmark) -> bool
    store.drafts.save(rel, article_id, text) / .get / .discard / .all()  # unsaved note text
    store.save_position(ReadingPosition(archive_key(paths), issue_key, rel, article_id, scroll, paragraph))
    store.last_position(archive_key(paths)) -> ReadingPosition | None
    reanchor(bookmark, [(a.id, a.title, [p.text for p in a.paragraphs]) for a in page.articles])
        -> Anchored(article_id, paragraph, found_by) | None

Every change re-reads the file under an inter-process lock and replaces it atomically, so it is
safe with two copies of ``reader`` open and against a kill at any moment. Each call blocks for a
file read (and, for changes, an fsync): call it from a thread worker, and catch ``StoreError``
(``StoreReadOnly``, ``StoreBusy``, ``StoreWriteError``), whose text is the message to show.
Methods are thread-safe. Reads never raise for a bad file: it is moved aside to
``<name>.corrupt-YYYYmmdd-HHMMSS`` and a message is queued.
"""

from __future__ import annotations

from reader.store.anchor import Anchored, reanchor
from reader.store.database import BookmarkStore, Toggled, archive_key
from reader.store.drafts import Draft, Drafts
from reader.store.errors import StoreBusy, StoreConflict, StoreError, StoreReadOnly, StoreWriteError
from reader.store.location import ENV_VAR, default_db_path, resolve_db_path
from reader.store.model import ANCHOR_CHARS, Bookmark, ReadingPosition
from reader.store.schema import SCHEMA_VERSION, upgrade

__all__ = [
    "ANCHOR_CHARS",
    "ENV_VAR",
    "SCHEMA_VERSION",
    "Anchored",
    "Bookmark",
    "BookmarkStore",
    "Draft",
    "Drafts",
    "ReadingPosition",
    "StoreBusy",
    "StoreConflict",
    "StoreError",
    "StoreReadOnly",
    "StoreWriteError",
    "Toggled",
    "archive_key",
    "default_db_path",
    "reanchor",
    "resolve_db_path",
    "upgrade",
]
