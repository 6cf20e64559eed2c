"""A TinyDB storage that can be killed at any moment without losing or mangling the file.

TinyDB's own ``JSONStorage`` rewrites the file in place (seek, write, truncate): a process killed
mid-write leaves half a JSON document, and the reader's notes with it. Here every write goes to a
temporary file in the same folder, is flushed and fsynced, then ``os.replace``\\ d over the old file
(an atomic rename on POSIX and Windows) and the folder is fsynced so the rename itself survives a
power cut. A reader therefore always sees either the old file or the new one, never a mix.

This module knows nothing of bookmarks; the lock between processes lives in ``database.py``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reader.store.errors import StoreReadOnly, StoreWriteError

#: errno values that mean "this location refuses writes", as opposed to a failing disk.
_READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR})

Data = dict[str, dict[str, Any]]


class CorruptDatabase(Exception):
    """The database file exists but cannot be read as a TinyDB JSON document."""


class DatabaseUnreadable(Exception):
    """The file cannot be read at all (permission denied, a folder appeared there, I/O error).

    Not corruption: the bytes may be perfectly good, so the file is never moved aside for it.
    """


#: Text every database kanbao writes starts with (``encode`` sorts keys: ``_meta`` comes first),
#: and table names a truncated or hand-damaged one of ours still shows near its start.
_OUR_MARKS = (b'"_meta"', b'"bookmarks"', b'"positions"', b'"unplaced"')


def looks_like_ours(path: Path) -> bool:
    """True when the (unreadable) file at `path` still looks like a bookmark database kanbao wrote.

    Only such a file may be moved aside without asking: a `--db` pointed by mistake at the
    reader's notes.txt or a binary file must be left exactly where and as it is.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and any(mark in head for mark in _OUR_MARKS)


#: A bookmark database is a few hundred KB; a file far beyond this is not one (or `--db` named
#: something else, such as a device), and is never read whole into memory.
MAX_DATABASE_BYTES = 64 * 1024 * 1024


def unusable_path(path: Path) -> str | None:
    """Why `path` can never be this store's database (a folder, a device, under a file), or None.

    Such a path is not a corrupt database to move aside: renaming the reader's folder or a
    device because `--db` pointed at it would be a disaster. Bookmarks are refused instead.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return f"{path} cannot hold a bookmark database: part of that path is a file, not a folder"
    except OSError as error:
        return f"{path} cannot be read: {error.strerror or error}"
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device or other special file"
        return f"{path} is {kind}, not a bookmark database"
    if info.st_size > MAX_DATABASE_BYTES:
        return f"{path} is larger than {MAX_DATABASE_BYTES // (1024 * 1024)} MB: not a bookmark database"
    return None


def temp_prefix(path: Path) -> str:
    """Prefix of this database's temporary files, so orphans of a killed writer can be found."""
    return f".{path.name}."


def read_database(path: Path) -> Data | None:
    """The decoded database, or None when there is none yet (missing or blank file).

    Raises CorruptDatabase when the file is there but unreadable or not a JSON object of tables:
    the caller decides whether it may move it aside.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None  # a parent is a file: nothing can be stored there, so nothing is
    except OSError as error:
        raise DatabaseUnreadable(f"{path} cannot be read: {error.strerror or error}") from error
    if not raw.strip():
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise CorruptDatabase(f"{path} is not valid JSON: {error}") from error
    if not _is_tinydb_layout(data):
        raise CorruptDatabase(f"{path} does not hold TinyDB tables of numbered documents")
    return data


def _is_tinydb_layout(data: object) -> bool:
    """TinyDB's invariant: ``{table: {"<int id>": {document}}}``; anything else breaks its queries."""
    if not isinstance(data, dict):
        return False
    for table in data.values():
        if not isinstance(table, dict):
            return False
        for doc_id, document in table.items():
            if not (isinstance(doc_id, str) and doc_id.isdecimal() and isinstance(document, dict)):
                return False
    return True


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; Windows cannot open a directory, and needs no such step."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on directories; the rename is still atomic
    finally:
        os.close(fd)


def _translate(error: OSError, path: Path) -> Exception:
    """Turn an OSError into the store error the app can explain."""
    reason = error.strerror or str(error)
    if error.errno in _READ_ONLY_ERRNOS:
        return StoreReadOnly(f"Bookmarks cannot be saved: {path.parent} is not writable ({reason}).")
    return StoreWriteError(f"Bookmarks could not be saved to {path}: {reason}.")


def _keep_mode(path: Path, fd: int) -> None:
    """Give the new file the old one's permissions (mkstemp makes 0600; a shared file stays shared)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        return
    with contextlib.suppress(OSError, AttributeError):
        os.fchmod(fd, mode)


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that no moment exists where the file is partial.

    Raises StoreReadOnly when the folder refuses writes, StoreWriteError for other failures; the
    old file is untouched in both cases and no temporary file is left behind.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _translate(error, path) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            _keep_mode(path, handle.fileno())
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise _translate(error, path) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_directory(path.parent)


def remove_orphan_temp_files(path: Path) -> int:
    """Delete temporary files a killed writer left; call only while holding the database lock.

    Under the lock no other writer can be mid-write, so every matching file is an orphan.
    """
    removed = 0
    try:
        candidates = list(path.parent.glob(f"{temp_prefix(path)}*.tmp"))
    except OSError:
        return 0
    for candidate in candidates:
        with contextlib.suppress(OSError):
            candidate.unlink()
            removed += 1
    return removed


def encode(data: Data) -> bytes:
    """JSON with the Chinese left readable and one key per line, for a reader who opens the file.

    A page name that is not valid UTF-8 holds lone surrogates: ``backslashreplace`` writes each
    as the JSON escape ``\\udcXX``, which reads back as the same name.
    """
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8", "backslashreplace")


class AtomicJSONStorage(Storage):
    """TinyDB storage whose every write replaces the file atomically (``write_atomically``).

    ``upgrade`` is applied to what is read (the schema migration), so an old file is read in the
    current layout and saved in it on the next change, and a read-only old file is still readable.

    With ``batch=True`` the storage serves one unit of work: the file is read once, TinyDB's
    writes are held in memory, and ``commit()`` writes the final state in a single atomic
    replace. A change made of several TinyDB operations (remove, then insert) is therefore all or
    nothing: a kill or an error between them leaves the file as it was. Without ``commit()`` the
    held writes are dropped.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        upgrade: Callable[[Data], Data] | None = None,
        *,
        batch: bool = False,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self._upgrade = upgrade
        self._batch = batch
        self._state: Data | None = None  # batch mode: what TinyDB sees (read once, then its writes)
        self._dirty = False

    def _read_file(self) -> Data | None:
        data = read_database(self.path)
        if self._upgrade is None:
            return data
        # A fresh file is upgraded too, so the first write already carries the schema version.
        return self._upgrade(data or {})

    def read(self) -> Data | None:
        if not self._batch:
            return self._read_file()
        if self._state is None:
            self._state = self._read_file()
        return self._state

    def write(self, data: Data) -> None:
        if not self._batch:
            write_atomically(self.path, encode(data))
            return
        self._state, self._dirty = data, True

    def commit(self) -> bool:
        """Batch mode: write the held state, if anything changed; True when the file was written."""
        if not (self._batch and self._dirty and self._state is not None):
            return False
        write_atomically(self.path, encode(self._state))
        self._dirty = False
        return True
