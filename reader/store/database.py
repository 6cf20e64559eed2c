"""BookmarkStore: the bookmarks, notes and reading positions of one reader, safe across processes.

Two copies of ``reader`` may run at once (two terminals on the same archive). TinyDB keeps no lock
between processes and caches table state, so each would overwrite the other's bookmarks. Here
every change runs as: take the inter-process lock ``<db>.lock``, open a fresh TinyDB on the file
(so nothing stale is trusted), apply the change, write atomically, release. Reads take no lock:
atomic writes mean a reader always sees a whole file, and reads keep working where the lock
cannot even be created (a read-only folder).

Every public method is safe to call from a Textual thread worker: a thread lock serialises the
calls of one store, and no method touches the UI.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, TypeVar, cast

import filelock
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from reader.store.atomic import (
    AtomicJSONStorage,
    CorruptDatabase,
    Data,
    DatabaseUnreadable,
    looks_like_ours,
    read_database,
    remove_orphan_temp_files,
    unusable_path,
)
from reader.store.drafts import Drafts
from reader.store.errors import StoreBusy, StoreConflict, StoreError, StoreReadOnly, StoreWriteError
from reader.store.location import default_db_path, resolve_db_path
from reader.store.model import Bookmark, ReadingPosition
from reader.store.schema import (
    BOOKMARKS_TABLE,
    POSITIONS_TABLE,
    SCHEMA_VERSION,
    is_newer,
    schema_version,
    upgrade,
)

T = TypeVar("T")

_READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR})


class Toggled(NamedTuple):
    """What ``toggle`` did: ``added`` True with the new bookmark, or False with the removed one.

    ``done`` is False when the file no longer held what the reader saw (another copy of kanbao
    changed it): nothing was changed, ``bookmark`` is what the file holds (or what was seen,
    when the other copy removed it), and ``added`` says whether the article is bookmarked now.
    """

    added: bool
    bookmark: Bookmark
    done: bool = True


class _Unchecked:
    """``toggle``'s default for ``seen``: act on the file whatever the reader saw."""


UNCHECKED = _Unchecked()


def _now() -> datetime:
    return datetime.now().astimezone()


def _timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _sort_moment(stamp: str) -> float:
    """Seconds since the epoch for sorting; unparsable stamps (hand edits) sort as oldest."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return float("-inf")
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.timestamp()


def archive_key(paths: Sequence[str | os.PathLike[str]]) -> str:
    """A stable name for an archive opened from these paths, to key its reading position."""
    resolved = sorted({str(Path(p).expanduser().resolve()) for p in paths})
    return os.pathsep.join(resolved)


def _backup_name(path: Path, moment: datetime) -> Path:
    """``<name>.corrupt-YYYYmmdd-HHMMSS``, with a counter if that name is already taken."""
    base = path.with_name(f"{path.name}.corrupt-{moment:%Y%m%d-%H%M%S}")
    candidate, counter = base, 1
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{counter}")
        counter += 1
    return candidate


class BookmarkStore:
    """Bookmarks, notes and reading positions in one TinyDB file. See the package docstring."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        lock_timeout: float = 10.0,
        clock: Callable[[], datetime] = _now,
        read_only: bool = False,
    ) -> None:
        """Open the store; nothing is written until a change is asked for.

        ``read_only`` (``reader bookmarks list|export``): the file is only ever read. Nothing is
        moved, created or locked; an unreadable file makes ``writable_reason`` say why.
        """
        # Symlinks resolved once: the lock and the atomic replace must act on the real file, or
        # `os.replace` turns a linked `--db` into a file of its own and two paths take two locks.
        self.path: Path = Path(os.path.realpath(resolve_db_path(path)))
        self._clock = clock
        self._file_lock = filelock.FileLock(f"{self.path}.lock", timeout=lock_timeout)
        self._thread_lock = threading.RLock()
        self.drafts = Drafts(self.path)  # unsaved note text, kept while the editor is open
        self._messages: list[str] = []
        self._refusal: str | None = None  # set when writing would destroy an unreadable file
        self._orphans_checked = False
        self._read_only = read_only
        self._known_ours = False  # this store has read the file as a database: it is ours
        problem = unusable_path(self.path)
        if problem is not None:
            self._refusal = (
                f"Bookmarks cannot be saved: {problem}; they are off for this session, reading goes on."
            )
            self._messages.append(self._refusal)
        else:
            self._check_readable()

    # ----------------------------------------------------------------- messages for the app

    @property
    def messages(self) -> tuple[str, ...]:
        """What the reader should be told about the database (a backup made, writes refused)."""
        return tuple(self._messages)

    def take_messages(self) -> list[str]:
        """The pending messages, cleared, so the app shows each one once."""
        with self._thread_lock:
            taken, self._messages = self._messages, []
            return taken

    @property
    def writable_reason(self) -> str | None:
        """None when changes can be attempted; else why they are refused for this session."""
        return self._refusal

    def write_problem(self) -> str | None:
        """Why a change would be refused right now, found without writing; None: worth trying.

        The note editor asks before it opens, so a reader on a read-only disk is told at once
        rather than after typing a note. It cannot foresee everything (a full disk, a busy lock):
        the change itself still raises ``StoreError`` for those.
        """
        if self._refusal is not None:
            return self._refusal
        if _read_only_file(self.path):
            return f"Bookmarks cannot be saved: {self.path} is read-only."
        existing = self.path.parent
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            return f"Bookmarks cannot be saved: {existing} is a file, not a folder."
        effective = os.access in os.supports_effective_ids
        if not os.access(existing, os.W_OK | os.X_OK, effective_ids=effective):
            return f"Bookmarks cannot be saved: {existing} is not writable."
        return None

    # ----------------------------------------------------------------- bookmarks: reading

    def get(self, rel: str, article_id: str) -> Bookmark | None:
        with self._thread_lock:
            db = self._snapshot()
            document = self._bookmarks(db).get(self._is(rel, article_id))
        return Bookmark.from_document(dict(document)) if isinstance(document, dict) else None

    def list(self) -> list[Bookmark]:
        """All bookmarks, newest first (by creation; ties in insertion order, newest first)."""
        with self._thread_lock:
            db = self._snapshot()
            documents = [(document.doc_id, dict(document)) for document in self._bookmarks(db).all()]
        marks = [(doc_id, Bookmark.from_document(document)) for doc_id, document in documents]
        marks.sort(key=lambda pair: (_sort_moment(pair[1].created), pair[0]), reverse=True)
        return [mark for _doc_id, mark in marks]

    def for_page(self, rel: str) -> dict[str, Bookmark]:
        """The bookmarks of one page by article id, to mark them in the article list."""
        return {mark.article_id: mark for mark in self.list() if mark.rel == rel}

    def count_by_issue(self) -> dict[str, int]:
        """How many bookmarks each issue key has, for the issues list."""
        counts: dict[str, int] = {}
        for mark in self.list():
            counts[mark.issue_key] = counts.get(mark.issue_key, 0) + 1
        return counts

    # ----------------------------------------------------------------- bookmarks: changing

    def add(self, bookmark: Bookmark) -> Bookmark:
        """Store a bookmark unless one exists for that article; returns the stored one."""

        def change(table: Table) -> Bookmark:
            existing = table.get(self._is(*bookmark.key))
            if isinstance(existing, dict):
                return Bookmark.from_document(dict(existing))
            return self._insert(table, bookmark)

        return self._change(change)

    def put(self, bookmark: Bookmark) -> Bookmark:
        """Store a bookmark exactly as given, replacing one for the same article (undo, import)."""

        def change(table: Table) -> Bookmark:
            stamped = bookmark
            if not stamped.created:
                stamped = stamped.replace(created=_timestamp(self._clock()))
            if not stamped.updated:
                stamped = stamped.replace(updated=stamped.created)
            table.remove(self._is(*bookmark.key))
            table.insert(stamped.to_document())
            return stamped

        return self._change(change)

    def remove(self, rel: str, article_id: str) -> Bookmark | None:
        """Delete a bookmark and its note; returns what was removed (so the UI can undo)."""

        def change(table: Table) -> Bookmark | None:
            existing = table.get(self._is(rel, article_id))
            if not isinstance(existing, dict):
                return None
            table.remove(self._is(rel, article_id))
            return Bookmark.from_document(dict(existing))

        return self._change(change)

    def delete(self, bookmark: Bookmark) -> bool:
        """Delete this bookmark (from the bookmarks screen); False if it was already gone."""
        return self.remove(*bookmark.key) is not None

    def toggle(self, bookmark: Bookmark, *, seen: Bookmark | _Unchecked | None = UNCHECKED) -> Toggled:
        """The ``b`` key: add the bookmark, or remove the existing one for that article.

        ``seen`` is the bookmark the reader's screen shows for the article (None: no ★). Another
        copy of kanbao may have changed the file since that screen was drawn; then the toggle
        is decided by what the reader saw, not by the file: a bookmark (or a note) the reader has
        not seen is never removed, and nothing is added where the reader saw one (``done`` False).
        """

        def change(table: Table) -> Toggled:
            found = table.get(self._is(*bookmark.key))
            existing = Bookmark.from_document(dict(found)) if isinstance(found, dict) else None
            if isinstance(seen, _Unchecked) or seen == existing:
                if existing is None:
                    return Toggled(True, self._insert(table, bookmark))
                table.remove(self._is(*bookmark.key))
                return Toggled(False, existing)
            if existing is None:  # seen, but removed by another copy meanwhile
                return Toggled(False, cast(Bookmark, seen), done=False)
            return Toggled(True, existing, done=False)  # added, or its note changed, elsewhere

        return self._change(change)

    def set_note(self, bookmark: Bookmark, note: str, *, expected: str | None = None) -> Bookmark:
        """Save a note on the article, bookmarking it first if needed (the ``a`` key).

        An existing bookmark keeps its paragraph: the note belongs to what was marked.
        ``expected`` is the note the editor started from: when the file holds another one (a
        second copy of kanbao saved its own meanwhile) nothing is written and StoreConflict
        says what is there, so neither copy's note is overwritten unseen.
        """

        def change(table: Table) -> Bookmark:
            existing = table.get(self._is(*bookmark.key))
            current = str(existing.get("note", "")) if isinstance(existing, dict) else ""
            if expected is not None and current != expected and current != note:
                raise StoreConflict(
                    "This note was changed in another copy of kanbao while you wrote.", current
                )
            if not isinstance(existing, dict):
                return self._insert(table, bookmark.replace(note=note))
            updated = Bookmark.from_document(dict(existing)).replace(
                note=note, updated=_timestamp(self._clock())
            )
            table.update(updated.to_document(), self._is(*bookmark.key))
            return updated

        return self._change(change)

    # ----------------------------------------------------------------- reading position

    def save_position(self, position: ReadingPosition) -> ReadingPosition:
        """Remember where the reader is in ``position.archive``; skips the write when unchanged.

        Every save rewrites and fsyncs the file: call it on leaving an article or the app, or
        debounced while scrolling, not on every scroll event.
        """
        stamped = (
            position if position.saved else dataclasses.replace(position, saved=_timestamp(self._clock()))
        )
        where = Query().archive == position.archive

        def change(db: TinyDB) -> ReadingPosition:
            table = db.table(POSITIONS_TABLE, cache_size=0)
            current = table.get(where)
            if isinstance(current, dict) and _same_place(
                ReadingPosition.from_document(dict(current)), position
            ):
                return ReadingPosition.from_document(dict(current))
            table.remove(where)
            table.insert(stamped.to_document())
            return stamped

        return self._change_db(change)

    def last_position(self, archive: str) -> ReadingPosition | None:
        with self._thread_lock:
            db = self._snapshot()
            document = db.table(POSITIONS_TABLE, cache_size=0).get(Query().archive == archive)
        return ReadingPosition.from_document(dict(document)) if isinstance(document, dict) else None

    # ----------------------------------------------------------------- internals

    @staticmethod
    def _is(rel: str, article_id: str):  # type: ignore[no-untyped-def]  # a TinyDB QueryInstance
        item = Query()
        return (item.rel == rel) & (item.article_id == article_id)

    @staticmethod
    def _bookmarks(db: TinyDB) -> Table:
        # cache_size=0: TinyDB's query cache would answer from memory after another process wrote.
        return db.table(BOOKMARKS_TABLE, cache_size=0)

    def _insert(self, table: Table, bookmark: Bookmark) -> Bookmark:
        stamp = _timestamp(self._clock())
        stored = bookmark.replace(created=bookmark.created or stamp, updated=stamp)
        table.insert(stored.to_document())
        return stored

    def _snapshot(self) -> TinyDB:
        """An in-memory TinyDB holding one consistent read of the file, for queries.

        One read per call: the file is replaced atomically, so the snapshot is a whole state and
        reflects every change other processes made before it.
        """
        snapshot = TinyDB(storage=MemoryStorage)
        snapshot.storage.write(self._read_data())
        return snapshot

    def _read_data(self) -> Data:
        if self._refusal is not None:
            return {}
        try:
            raw = read_database(self.path)
        except DatabaseUnreadable as error:
            self._refuse(self._unreadable(error))
            return {}
        except CorruptDatabase as error:
            self._recover(str(error))
            try:
                raw = None if self._refusal is not None else read_database(self.path)
            except (CorruptDatabase, DatabaseUnreadable):
                raw = None  # corrupted again at once by someone else: show nothing this time
        if raw is not None:
            self._known_ours = True
        return upgrade(raw or {})

    def _change(self, change: Callable[[Table], T]) -> T:
        return self._change_db(lambda db: change(self._bookmarks(db)))

    def _change_db(self, change: Callable[[TinyDB], T]) -> T:
        """Run ``change`` on a freshly read database while holding the inter-process lock."""
        with self._thread_lock:
            if self._refusal is not None:
                raise StoreReadOnly(self._refusal)
            if _read_only_file(self.path):
                # os.replace would happily rename over it: respect the reader's chmod instead.
                raise StoreReadOnly(f"Bookmarks cannot be saved: {self.path} is read-only.")
            self._make_folder()
            try:
                with self._file_lock:
                    return self._change_locked(change)
            except filelock.Timeout as error:
                raise StoreBusy(
                    f"Bookmarks are busy: another reader has held {self.path.name} for too long; try again."
                ) from error
            except StoreError:
                raise
            except OSError as error:  # the lock file could not be created: the folder refuses writes
                if error.errno in _READ_ONLY_ERRNOS:
                    raise StoreReadOnly(
                        f"Bookmarks cannot be saved: {self.path.parent} is not writable "
                        f"({error.strerror or error})."
                    ) from error
                raise StoreWriteError(f"Bookmarks could not be saved: {error.strerror or error}.") from error

    def _make_folder(self) -> None:
        """Create the database's folder on the first change; a file in its way means read-only."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError as error:  # mkdir's answer when a *file* has the folder's name
            raise StoreReadOnly(f"Bookmarks cannot be saved: {folder} is a file, not a folder.") from error
        except OSError as error:
            if error.errno in _READ_ONLY_ERRNOS:
                raise StoreReadOnly(
                    f"Bookmarks cannot be saved: {folder} cannot be created ({error.strerror or error})."
                ) from error
            raise StoreWriteError(f"Bookmarks could not be saved: {error.strerror or error}.") from error

    def _change_locked(self, change: Callable[[TinyDB], T]) -> T:
        if not self._orphans_checked:
            remove_orphan_temp_files(self.path)
            self._orphans_checked = True
        try:
            raw = read_database(self.path)
        except DatabaseUnreadable as error:
            raise StoreReadOnly(self._refuse(f"Bookmarks cannot be saved: {error}.")) from error
        except CorruptDatabase as error:
            if not self._may_move_aside():
                raise StoreReadOnly(self._refuse(self._not_ours(str(error)))) from error
            self._move_aside(str(error))  # under the lock: no one else can be writing it
            raw = None
        if raw is not None and is_newer(raw):
            raise StoreReadOnly(
                f"{self.path.name} was written by a newer kanbao (schema {schema_version(raw)}, "
                f"this one knows {SCHEMA_VERSION}); bookmarks are read-only."
            )
        # One read, one atomic write per change, however many TinyDB operations it takes.
        with TinyDB(self.path, storage=AtomicJSONStorage, upgrade=upgrade, batch=True) as db:
            result = change(db)
            cast(AtomicJSONStorage, db.storage).commit()
            self._known_ours = True  # written by this store: a later corruption may be moved aside
            return result

    def file_signature(self) -> tuple[int, int, int] | None:
        """(inode, mtime ns, size) of the file, None when absent: a change means re-read it.

        Every write replaces the file (a new inode), so a copy of kanbao that polls this sees
        the other copies' changes without reading the file each time.
        """
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def _check_readable(self) -> None:
        try:
            if read_database(self.path) is not None:
                self._known_ours = True
        except DatabaseUnreadable as error:
            self._refuse(self._unreadable(error))
        except CorruptDatabase as error:
            self._recover(str(error))

    def _refuse(self, reason: str) -> str:
        """Turn changes off for this session, telling the reader once why; returns the reason."""
        with self._thread_lock:
            if self._refusal is None:
                self._refusal = reason
            if reason not in self._messages:
                self._messages.append(reason)
        return reason

    def _unreadable(self, error: DatabaseUnreadable) -> str:
        if self._read_only:
            return f"{error}; nothing was changed."
        return f"{error}; it was left as it is and bookmarks are off for this session."

    def _may_move_aside(self) -> bool:
        """Only a file that is recognisably ours is moved aside: ours by place, by past, or by look."""
        if self._read_only:
            return False
        return (
            self._known_ours
            or self.path == Path(os.path.realpath(default_db_path()))
            or looks_like_ours(self.path)
        )

    def _not_ours(self, reason: str) -> str:
        if self._read_only:
            return f"{self.path} is not a kanbao bookmark database ({reason}); nothing was changed."
        return (
            f"{self.path} is not a kanbao bookmark database ({reason}); it was left untouched and "
            "bookmarks are off for this session, reading goes on (choose another file with --db)."
        )

    def _recover(self, reason: str) -> None:
        """Move an unreadable file aside under the lock, or refuse writes if that is impossible."""
        if not self._may_move_aside():
            self._refuse(self._not_ours(reason))
            return
        with self._thread_lock:
            try:
                with self._file_lock:
                    try:
                        read_database(self.path)
                        return  # another process already recovered it
                    except CorruptDatabase:
                        self._move_aside(reason)
            except DatabaseUnreadable as error:
                self._refuse(self._unreadable(error))
            except (OSError, filelock.Timeout) as error:
                detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
                self._refusal = (
                    f"The bookmark database {self.path} is unreadable ({reason}) and could not be moved "
                    f"aside ({detail}); bookmarks are off for this session, reading goes on."
                )
                if self._refusal not in self._messages:
                    self._messages.append(self._refusal)

    def _move_aside(self, reason: str) -> None:
        """Rename the unreadable file to a timestamped backup; nothing the reader wrote is deleted."""
        backup = _backup_name(self.path, datetime.now())
        os.replace(self.path, backup)
        self._messages.append(
            f"The bookmark database was unreadable ({reason}); it was kept as {backup} "
            "and a fresh one was started."
        )


def _read_only_file(path: Path) -> bool:
    effective = os.access in os.supports_effective_ids
    return path.is_file() and not os.access(path, os.W_OK, effective_ids=effective)


def _same_place(a: ReadingPosition, b: ReadingPosition) -> bool:
    return (a.archive, a.issue_key, a.rel, a.article_id, a.scroll, a.paragraph) == (
        b.archive,
        b.issue_key,
        b.rel,
        b.article_id,
        b.scroll,
        b.paragraph,
    )
