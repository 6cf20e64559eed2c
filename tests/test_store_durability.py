"""Nothing is lost when a writer is killed mid-write, or when two processes write at once.

TinyDB's own JSON storage fails both: it rewrites the file in place with no lock, so a kill leaves
half a document and two writers overwrite each other. These tests use real processes and SIGKILL.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reader.store import Bookmark, BookmarkStore

REPO = Path(__file__).resolve().parents[1]

#: Adds bookmarks PREFIX/0, PREFIX/1, ... and prints each one's number once add() has returned.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.store import Bookmark, BookmarkStore

    path, prefix, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    store = BookmarkStore(path, lock_timeout=60)
    print("ready", flush=True)
    while go != "-" and not Path(go).exists():
        time.sleep(0.001)
    for n in range(count):
        store.add(Bookmark.at(f"{prefix}/page.txt", f"a{n}", title="标题" * 10,
                              paragraph_text="　　这是一段足够长的文字，让文件在每次写入时都变大。" * 8,
                              note=f"note {prefix} {n}"))
        print(n, flush=True)
    """
)


def start_writer(path: Path, prefix: str, count: int, go: Path | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, str(count), str(go) if go else "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def stored_keys(path: Path) -> set[tuple[str, str]]:
    """Parse the file the strict way (plain json, not the store) and list its bookmarks."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(d["rel"], d["article_id"]) for d in data["bookmarks"].values()}


def reported(output: str, prefix: str) -> set[tuple[str, str]]:
    """Bookmarks whose add() returned: complete lines only (a kill can cut the last one)."""
    lines = output.split("\n")[:-1]
    return {(f"{prefix}/page.txt", f"a{line}") for line in lines if line.isdigit()}


@pytest.mark.slow
def test_sigkill_in_a_stream_of_writes_never_loses_a_returned_write(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    seed = int.from_bytes(os.urandom(4), "big")
    chance = random.Random(seed)
    expected: set[tuple[str, str]] = set()
    rounds, deadline = 20, time.monotonic() + 60
    for round_no in range(rounds):
        assert time.monotonic() < deadline, f"kill loop took too long (seed {seed})"
        prefix = f"round{round_no}"
        writer = start_writer(path, prefix, count=100_000)
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n", writer.stderr.read() if writer.stderr else ""
        first = writer.stdout.readline()  # at least one write went through: the file exists now
        assert first == "0\n", f"writer failed: {writer.stderr.read() if writer.stderr else ''}"
        time.sleep(chance.uniform(0.0, 0.25))
        writer.send_signal(signal.SIGKILL)
        rest = writer.stdout.read()  # not communicate(): it would skip lines readline() buffered
        assert writer.wait(timeout=30) == -signal.SIGKILL
        done = reported(first + rest, prefix)
        expected |= done
        found = stored_keys(path)  # raises if the file is not valid JSON
        missing = expected - found
        assert not missing, f"round {round_no} (seed {seed}): {len(missing)} returned writes lost"
        landed = {key for key in found if key[0].startswith(f"{prefix}/")}
        assert len(landed - done) <= 1, "only the write in progress at the kill may have landed unreported"

    # A kill between the temporary file and the rename leaves the temporary file behind; the next
    # writer, holding the lock, knows it is an orphan and removes it.
    BookmarkStore(path).add(Bookmark.at("after/page.txt", "a0"))
    assert not list(tmp_path.glob(".bookmarks.json.*.tmp"))
    assert expected <= stored_keys(path)


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path, go = tmp_path / "bookmarks.json", tmp_path / "go"
    writers = [start_writer(path, name, count=100, go=go) for name in ("left", "right")]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"

    # Meanwhile this process reads: every read sees a whole file, and the count never goes back.
    seen: list[int] = []
    reading = threading.Event()
    reader = BookmarkStore(path)

    def keep_reading() -> None:
        while not reading.is_set():
            seen.append(len(reader.list()))

    watcher = threading.Thread(target=keep_reading)
    watcher.start()
    go.touch()
    outputs = [(writer.stdout.read(), writer.stderr.read()) for writer in writers]  # type: ignore[union-attr]
    for writer in writers:
        writer.wait(timeout=120)
    reading.set()
    watcher.join()

    for writer, (out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
        assert out.split()[-1] == "99"
    keys = stored_keys(path)
    assert len(keys) == 200
    assert {rel.split("/")[0] for rel, _ in keys} == {"left", "right"}
    assert seen == sorted(seen), "a reader saw bookmarks disappear while others were writing"
    assert reader.messages == ()


def test_two_stores_in_one_process_interleaving_lose_nothing(tmp_path: Path) -> None:
    """The app's UI thread and a worker each holding a store on the same file."""
    path = tmp_path / "bookmarks.json"
    stores = [BookmarkStore(path), BookmarkStore(path)]
    errors: list[BaseException] = []

    def add_many(store: BookmarkStore, name: str) -> None:
        try:
            for n in range(40):
                store.add(Bookmark.at(f"{name}/p.txt", f"a{n}"))
        except BaseException as error:  # surfaced below: a thread's exception would vanish
            errors.append(error)

    threads = [threading.Thread(target=add_many, args=(s, f"t{i}")) for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(stored_keys(path)) == 80


def test_a_change_that_fails_halfway_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """put() replaces a bookmark by a remove and an insert: never only the remove."""
    from tinydb.table import Table

    path = tmp_path / "bookmarks.json"
    store = BookmarkStore(path)
    store.set_note(Bookmark.at("p/01.txt", "a1"), "the only copy of this note")
    before = path.read_bytes()

    def failing_insert(self: Table, document: object) -> int:
        raise RuntimeError("simulated crash between the two steps")

    monkeypatch.setattr(Table, "insert", failing_insert)
    with pytest.raises(RuntimeError, match="simulated"):
        store.put(Bookmark.at("p/01.txt", "a1", note="replacement"))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert store.get("p/01.txt", "a1").note == "the only copy of this note"  # type: ignore[union-attr]


def test_writers_through_a_symlink_and_the_real_path_share_one_file_and_one_lock(tmp_path: Path) -> None:
    """`--db link` where link -> real: the link stays a link, and no acknowledged write is lost.

    Replacing the unresolved path turned the link into a file of its own, and `<link>.lock` and
    `<real>.lock` were two locks on one file: half the writes of four writers vanished.
    """
    real = tmp_path / "data" / "bookmarks.json"
    real.parent.mkdir()
    link = tmp_path / "bookmarks-link.json"
    link.symlink_to(real)
    go = tmp_path / "go"
    writers = [
        start_writer(path, name, count=50, go=go)
        for path, name in ((link, "link1"), (real, "real1"), (link, "link2"), (real, "real2"))
    ]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
    go.touch()
    outputs = [(writer.stdout.read(), writer.stderr.read()) for writer in writers]  # type: ignore[union-attr]
    acknowledged: set[tuple[str, str]] = set()
    for writer, (out, err), name in zip(writers, outputs, ("link1", "real1", "link2", "real2")):
        assert writer.wait(timeout=120) == 0, err
        acknowledged |= reported(out, name)
    assert len(acknowledged) == 200
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert acknowledged <= stored_keys(real)
    assert not Path(f"{link}.lock").exists()  # one lock, beside the real file


def test_a_write_fsyncs_the_new_file_before_the_rename_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the file fsync a power cut can leave the renamed file empty; without the folder
    fsync the rename itself can be lost. Every call is recorded with what its descriptor is."""
    import stat as stat_module

    import reader.store.atomic as atomic

    path = tmp_path / "bookmarks.json"
    events: list[tuple[str, object]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        info = os.fstat(fd)
        kind = "dir" if stat_module.S_ISDIR(info.st_mode) else "file"
        events.append((f"fsync-{kind}", (info.st_dev, info.st_ino)))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append(("replace", (os.stat(src).st_dev, os.stat(src).st_ino)))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    BookmarkStore(path).set_note(Bookmark.at("p/01.txt", "a1"), "must survive a power cut")
    monkeypatch.undo()

    final = os.stat(path)
    folder = os.stat(tmp_path)
    kinds = [kind for kind, _ in events]
    assert kinds == ["fsync-file", "replace", "fsync-dir"], events
    assert events[0][1] == events[1][1] == (final.st_dev, final.st_ino)  # the file that was renamed
    assert events[2][1] == (folder.st_dev, folder.st_ino)  # the folder holding it
