"""A corrupt database is moved aside and a fresh one started; a read-only location refuses writes
with a clear message while reads go on."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import Bookmark, BookmarkStore, StoreReadOnly

BACKUP = re.compile(r"^bookmarks\.json\.corrupt-\d{8}-\d{6}(-\d+)?$")
NOBODY = 65534


def mark(article_id: str = "a1") -> Bookmark:
    return Bookmark.at("2021-07-29/01.txt", article_id, title="标题", paragraph_text="　　正文第一段。")


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if BACKUP.match(p.name))


@pytest.mark.parametrize(
    "content",
    [
        b'{"bookmarks": {"1": {"rel": "x", "article_id"',  # cut mid-write
        b'{\n "_meta": {\n  "1": {\n   "schema": 1\n  }\n },\n "bookm\x00\x00\x00',  # torn by a crash
        b'{"bookmarks": {"first": {"rel": "x"}}}',  # a document id TinyDB cannot read
    ],
)
def test_a_corrupt_file_is_moved_to_a_timestamped_backup(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_bytes(content)
    store = BookmarkStore(path)
    (backup,) = backups(tmp_path)
    assert backup.read_bytes() == content  # kept byte for byte
    (message,) = store.take_messages()
    assert backup.name in message
    assert "fresh" in message
    assert store.take_messages() == []  # shown once
    assert store.list() == []
    store.add(mark())
    assert [m.article_id for m in store.list()] == ["a1"]
    assert json.loads(path.read_text(encoding="utf-8"))["bookmarks"]


def test_corruption_appearing_while_the_store_is_open_is_recovered_on_the_next_call(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    store = BookmarkStore(path)
    store.add(mark("a1"))
    path.write_text("{ not json", encoding="utf-8")  # e.g. an editor saved half a file
    assert store.list() == []
    assert len(backups(tmp_path)) == 1
    assert store.messages
    store.add(mark("a2"))
    assert [m.article_id for m in BookmarkStore(path).list()] == ["a2"]


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00garbage",  # not UTF-8
        b"[1, 2, 3]",  # JSON, but not TinyDB tables
        b"my own notes, not a database\n",
    ],
)
@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_that_is_not_ours_is_never_moved_and_bookmarks_are_off(
    tmp_path: Path, content: bytes, read_only: bool
) -> None:
    """`--db notes.txt` by mistake: the reader's file stays as and where it is; no lock is left."""
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    store = BookmarkStore(path, read_only=read_only)
    assert store.list() == []
    (message,) = store.take_messages()
    assert "is not a kanbao bookmark database" in message
    assert store.writable_reason == message
    with pytest.raises(StoreReadOnly):
        store.add(mark())
    assert path.read_bytes() == content
    assert os.listdir(tmp_path) == ["notes.txt"]


def test_a_read_only_store_never_moves_even_a_file_of_ours(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_text('{"bookmarks": {"1": {"rel": ', encoding="utf-8")
    store = BookmarkStore(path, read_only=True)
    assert store.list() == []
    assert "not a kanbao bookmark database" in (store.writable_reason or "")
    assert os.listdir(tmp_path) == ["bookmarks.json"]


def test_a_second_backup_in_the_same_second_does_not_overwrite_the_first(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    for content in ('{"bookmarks": first broken', '{"bookmarks": second broken'):
        path.write_text(content, encoding="utf-8")
        BookmarkStore(path)
    assert sorted(b.read_text(encoding="utf-8") for b in backups(tmp_path)) == [
        '{"bookmarks": first broken',
        '{"bookmarks": second broken',
    ]


def test_a_folder_given_as_the_database_is_never_moved_or_renamed(tmp_path: Path) -> None:
    """`--db ~` must not rename the reader's home folder as if it were a corrupt file."""
    path = tmp_path / "bookmarks.json"
    path.mkdir()
    (path / "inside.txt").write_text("kept", encoding="utf-8")
    store = BookmarkStore(path)
    assert not backups(tmp_path)
    assert (path / "inside.txt").read_text(encoding="utf-8") == "kept"
    assert store.list() == []
    assert "is a folder" in (store.writable_reason or "")
    assert any("is a folder" in m for m in store.take_messages())
    with pytest.raises(StoreReadOnly):
        store.add(mark())
    assert path.is_dir()


def test_a_device_given_as_the_database_is_refused_without_reading_it() -> None:
    store = BookmarkStore(Path("/dev/zero"))
    assert store.list() == []
    assert "special file" in (store.writable_reason or "")


# --------------------------------------------------------------------------- read-only locations


def _can_write_in(folder: Path) -> bool:
    probe = folder / ".write-probe"
    try:
        probe.touch()
    except PermissionError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def shared_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder another user could reach: tmp_path normally, a 0755 temp dir when we are root.

    (pytest's own base dir is 0700, which an unprivileged uid cannot even traverse.)
    """
    if os.geteuid() != 0:
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="kanbao-store-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def unwritable(folder: Path, *, file_only: Path | None = None) -> Iterator[None]:
    """Make ``folder`` (or just ``file_only``) read-only for this process, for real.

    chmod alone does not stop root (CAP_DAC_OVERRIDE); then the effective uid drops to nobody for
    the duration, so the kernel refuses the writes exactly as it would for an ordinary user.
    """
    target = file_only or folder
    old_mode = target.stat().st_mode & 0o7777
    target.chmod(0o444 if file_only else 0o555)
    if file_only:
        folder.chmod(0o777)  # the folder stays writable: only the file is protected
    privileged = _can_write_in(folder) if file_only is None else os.access(file_only, os.W_OK)
    try:
        if privileged:
            os.seteuid(NOBODY)
        assert not (
            _can_write_in(folder) if file_only is None else os.access(file_only, os.W_OK, effective_ids=True)
        )
        yield
    finally:
        if privileged:
            os.seteuid(0)
        target.chmod(old_mode)
        folder.chmod(0o755)


@contextlib.contextmanager
def as_ordinary_user() -> Iterator[None]:
    """Root ignores file modes: drop the effective uid to nobody for the duration (if root)."""
    privileged = os.geteuid() == 0
    if privileged:
        os.seteuid(NOBODY)
    try:
        yield
    finally:
        if privileged:
            os.seteuid(0)


def test_read_only_folder_reads_still_work_writes_raise_store_read_only(shared_folder: Path) -> None:
    path = shared_folder / "bookmarks.json"
    BookmarkStore(path).set_note(mark("a1"), "written before")
    # The file and its lock stay writable: only the folder refuses, so the atomic write's own
    # temporary file is what the kernel turns down.
    path.chmod(0o666)
    Path(f"{path}.lock").chmod(0o666)
    before = path.read_bytes()
    with unwritable(shared_folder):
        store = BookmarkStore(path)
        assert [(m.article_id, m.note) for m in store.list()] == [("a1", "written before")]
        with pytest.raises(StoreReadOnly, match="not writable") as refused:
            store.add(mark("a2"))
        assert str(shared_folder) in str(refused.value)
        with pytest.raises(StoreReadOnly):
            store.set_note(mark("a1"), "changed")
        with pytest.raises(StoreReadOnly):
            store.toggle(mark("a1"))
        assert store.get(*mark("a1").key).note == "written before"  # type: ignore[union-attr]
        assert store.messages == ()
    assert path.read_bytes() == before
    assert not list(shared_folder.glob(".bookmarks.json.*.tmp"))


def test_read_only_folder_without_a_database_yet(shared_folder: Path) -> None:
    path = shared_folder / "data" / "bookmarks.json"
    path.parent.mkdir()
    with unwritable(path.parent):
        store = BookmarkStore(path)
        assert store.list() == []
        with pytest.raises(StoreReadOnly):
            store.add(mark())
    assert not path.exists()


def test_read_only_file_in_a_writable_folder_is_respected(shared_folder: Path) -> None:
    path = shared_folder / "bookmarks.json"
    BookmarkStore(path).add(mark("a1"))
    with unwritable(shared_folder, file_only=path):
        store = BookmarkStore(path)
        assert len(store.list()) == 1
        with pytest.raises(StoreReadOnly, match="read-only"):
            store.add(mark("a2"))
    assert len(BookmarkStore(path).list()) == 1


def test_a_path_below_a_file_is_refused_as_read_only(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    store = BookmarkStore(tmp_path / "not-a-folder" / "bookmarks.json")
    assert store.list() == []
    with pytest.raises(StoreReadOnly, match="not a folder"):
        store.add(mark())


def test_corrupt_file_in_a_read_only_folder_is_left_alone_and_bookmarks_are_off(shared_folder: Path) -> None:
    path = shared_folder / "bookmarks.json"
    path.write_text('{"bookmarks": broken', encoding="utf-8")
    path.chmod(0o644)
    with unwritable(shared_folder):
        store = BookmarkStore(path)
        (message,) = store.messages
        assert "unreadable" in message
        assert "reading goes on" in message
        assert store.writable_reason == message
        assert store.list() == []
        with pytest.raises(StoreReadOnly):
            store.add(mark())
    assert path.read_text(encoding="utf-8") == '{"bookmarks": broken'
    assert backups(shared_folder) == []


def test_a_lock_held_too_long_is_reported_as_busy_and_nothing_changes(tmp_path: Path) -> None:
    import filelock

    from reader.store import StoreBusy

    path = tmp_path / "bookmarks.json"
    BookmarkStore(path).add(mark("a1"))
    store = BookmarkStore(path, lock_timeout=0.2)
    with filelock.FileLock(f"{path}.lock"):  # another reader in the middle of a write
        assert len(store.list()) == 1  # reads need no lock
        with pytest.raises(StoreBusy, match="busy"):
            store.add(mark("a2"))
    assert store.add(mark("a2")).article_id == "a2"


def test_a_database_this_user_may_not_read_is_not_corrupt_and_never_moved(shared_folder: Path) -> None:
    """Mode 000, as an ordinary user: "permission denied", not "moved aside as corrupt"."""
    path = shared_folder / "bookmarks.json"
    BookmarkStore(path).set_note(mark("a1"), "kept")
    before = path.read_bytes()
    path.chmod(0o000)
    with as_ordinary_user():
        assert not os.access(path, os.R_OK, effective_ids=True)
        store = BookmarkStore(path)
        assert store.list() == []
        (message,) = store.take_messages()
        assert "Permission denied" in message and "left as it is" in message
        with pytest.raises(StoreReadOnly):
            store.add(mark("a2"))
    path.chmod(0o644)
    assert path.read_bytes() == before
    assert backups(shared_folder) == []


def test_a_folder_appearing_at_the_database_path_is_never_renamed(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    store = BookmarkStore(path)
    store.add(mark("a1"))
    path.unlink()
    path.mkdir()  # something else took the name while the app ran
    (path / "inside.txt").write_text("kept", encoding="utf-8")
    assert store.list() == []
    assert any("cannot be read" in m for m in store.take_messages())
    with pytest.raises(StoreReadOnly):
        store.add(mark("a2"))
    assert (path / "inside.txt").read_text(encoding="utf-8") == "kept"
    assert backups(tmp_path) == []
