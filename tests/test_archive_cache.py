"""The parse cache: hits, invalidation (page changed, parser changed), corrupt entries rebuilt."""

from __future__ import annotations

import json
import os
import shutil
import threading
import zlib
from pathlib import Path

import pytest

import reader.page
from reader.archive import CACHE_ENV, Archive, PageRef
from reader.page import Page, read_page
from reader.resources import seeds_dir

SEED = "002_3e78d953360ccaa3.txt"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's real cache, even through the default path."""
    folder = tmp_path / "env-cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(seeds_dir() / SEED, folder / SEED)
    return folder


class ParseCounter:
    """Counts real parses by wrapping the parser the cache calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = reader.page.read_page

        def counting(path: Path, source: str | None = None) -> Page:
            self.calls += 1
            return real(path, source)

        monkeypatch.setattr(reader.page, "read_page", counting)


def open_page(pages: Path, cache: Path) -> tuple[Archive, PageRef]:
    archive = Archive([pages], cache_dir=cache)
    (ref,) = archive.scan_all()
    return archive, ref


def test_cache_hit_gives_the_same_page_without_parsing(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = ParseCounter(monkeypatch)
    archive, ref = open_page(pages, tmp_path / "cache")
    first = archive.load(ref)
    assert counter.calls == 1
    assert first == read_page(pages / SEED, SEED)
    assert first.articles and first.source == SEED
    assert archive.load(ref) is first  # the memory cache
    reopened, ref = open_page(pages, tmp_path / "cache")
    again = reopened.load(ref)
    assert counter.calls == 1  # the disk cache
    assert reopened.cache.hits == 1
    assert again == first


def test_changed_page_size_is_parsed_again(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = ParseCounter(monkeypatch)
    archive, ref = open_page(pages, tmp_path / "cache")
    before = archive.load(ref)
    with open(pages / SEED, "a", encoding="utf-8") as handle:
        handle.write("\n新增的一段测试文字。\n")
    after = Archive([pages], cache_dir=tmp_path / "cache").load(ref)
    assert counter.calls == 2
    assert after != before
    assert "新增的一段测试文字" in json.dumps(after.to_json(), ensure_ascii=False)


def test_changed_mtime_with_same_size_is_parsed_again(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = ParseCounter(monkeypatch)
    archive, ref = open_page(pages, tmp_path / "cache")
    archive.load(ref)
    page = pages / SEED
    text = page.read_bytes()
    # same size, one character swapped for another of the same UTF-8 length, mtime moved on
    changed = text.replace("会议".encode(), "大会".encode(), 1)
    assert len(changed) == len(text) and changed != text
    stat = page.stat()
    page.write_bytes(changed)
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    reloaded = Archive([pages], cache_dir=tmp_path / "cache").load(ref)
    assert counter.calls == 2
    assert reloaded == read_page(page, SEED)


def test_new_parser_version_invalidates(pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = ParseCounter(monkeypatch)
    archive, ref = open_page(pages, tmp_path / "cache")
    archive.load(ref)
    Archive([pages], cache_dir=tmp_path / "cache").load(ref)
    assert counter.calls == 1
    monkeypatch.setattr(reader.page, "PARSER_VERSION", f"{reader.page.PARSER_VERSION}-next")
    Archive([pages], cache_dir=tmp_path / "cache").load(ref)
    assert counter.calls == 2
    Archive([pages], cache_dir=tmp_path / "cache").load(ref)
    assert counter.calls == 2  # the rebuilt entry is used from then on


def entry_of(archive: Archive, ref: PageRef) -> Path:
    entry = archive.cache.entry_path(ref.path)
    assert entry is not None
    return Path(entry)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"\x00\xff garbage", id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
        # still valid JSON, a different character inside an article's text: only the CRC sees it
        pytest.param(lambda data: data.replace("会议".encode(), "骗局".encode(), 1), id="flipped-text"),
        pytest.param(lambda data: data.partition(b"\n")[0] + b'\n{"articles": 3}', id="not-a-page"),
    ],
)
def test_corrupt_entry_is_ignored_and_rebuilt(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    counter = ParseCounter(monkeypatch)
    archive, ref = open_page(pages, tmp_path / "cache")
    good = archive.load(ref)
    entry = entry_of(archive, ref)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    reopened, ref = open_page(pages, tmp_path / "cache")
    shown = reopened.load(ref)
    assert shown == good  # never the damaged content
    assert "骗局" not in json.dumps(shown.to_json(), ensure_ascii=False)
    assert counter.calls == 2  # parsed again
    assert reopened.errors == []
    # ...and the entry was rebuilt: the next archive loads it without parsing
    third, ref = open_page(pages, tmp_path / "cache")
    assert third.load(ref) == good
    assert counter.calls == 2 and third.cache.hits == 1


def test_entry_that_is_a_folder_is_ignored(pages: Path, tmp_path: Path) -> None:
    archive, ref = open_page(pages, tmp_path / "cache")
    entry = entry_of(archive, ref)
    entry.parent.mkdir(parents=True)
    entry.mkdir()
    assert archive.load(ref) == read_page(pages / SEED, SEED)


def test_entries_are_written_atomically_no_temporary_left(pages: Path, tmp_path: Path) -> None:
    archive, ref = open_page(pages, tmp_path / "cache")
    archive.load(ref)
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert files == [entry_of(archive, ref)]


def test_same_file_under_another_root_keeps_its_own_source(tmp_path: Path) -> None:
    (tmp_path / "arc" / "2021-07-29").mkdir(parents=True)
    shutil.copy(seeds_dir() / SEED, tmp_path / "arc" / "2021-07-29" / SEED)
    whole = Archive([tmp_path / "arc"], cache_dir=tmp_path / "cache")
    (ref,) = whole.scan_all()
    assert whole.load(ref).source == f"2021-07-29/{SEED}"
    day = Archive([tmp_path / "arc" / "2021-07-29"], cache_dir=tmp_path / "cache")
    (ref,) = day.scan_all()
    assert day.load(ref).source == SEED


def test_cache_dir_from_environment(pages: Path, private_cache: Path) -> None:
    archive = Archive([pages])
    (ref,) = archive.scan_all()
    archive.load(ref)
    assert [p for p in private_cache.rglob("*.json")] == [entry_of(archive, ref)]


def test_use_cache_false_writes_nothing(pages: Path, private_cache: Path) -> None:
    archive = Archive([pages], use_cache=False)
    (ref,) = archive.scan_all()
    assert archive.load(ref).articles
    assert not private_cache.exists()


def test_unwritable_cache_still_loads_and_says_so_once(pages: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("not a folder")
    archive = Archive([pages], cache_dir=blocker)
    (ref,) = archive.scan_all()
    assert archive.load(ref) == read_page(pages / SEED, SEED)
    archive.cache._memory.clear()
    assert archive.load(ref).articles
    assert len(archive.errors) == 1 and "parse cache not writable" in archive.errors[0]


def test_page_gone_since_the_scan_is_an_unreadable_page(pages: Path, tmp_path: Path) -> None:
    archive, ref = open_page(pages, tmp_path / "cache")
    (pages / SEED).unlink()
    page = archive.load(ref)
    assert page.status == "unreadable" and page.articles == ()
    assert page.warnings


def test_parser_crash_costs_one_page(pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, source: str | None = None) -> Page:
        raise RecursionError("deep")

    monkeypatch.setattr(reader.page, "read_page", broken)
    archive, ref = open_page(pages, tmp_path / "cache")
    page = archive.load(ref)
    assert page.status == "unreadable" and "RecursionError" in page.warnings[0]
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_memory_cache_is_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(6):
        (folder / f"{number:02d}.txt").write_text(f"第{number}段测试文字。\n", encoding="utf-8")
    archive = Archive([folder], cache_dir=tmp_path / "cache")
    archive.cache._memory_pages = 4
    for ref in archive.scan_all():
        archive.load(ref)
    assert len(archive.cache._memory) == 4


def test_concurrent_loads_share_one_valid_entry(pages: Path, tmp_path: Path) -> None:
    """Two reader processes or the app's index worker may parse one page at once: atomic
    replaces mean every reader sees a whole entry, and no temporary file is left behind."""
    expected = read_page(pages / SEED, SEED)
    barrier = threading.Barrier(6)
    results: list[Page] = []

    def load_in_fresh_archive() -> None:
        archive, ref = open_page(pages, tmp_path / "cache")
        barrier.wait()
        for _ in range(5):
            archive.cache._memory.clear()
            results.append(archive.load(ref))

    threads = [threading.Thread(target=load_in_fresh_archive) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 30 and all(page == expected for page in results)
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert len(files) == 1 and not files[0].name.startswith(".tmp-")


def test_a_leftover_temporary_file_is_never_read(pages: Path, tmp_path: Path) -> None:
    """A writer killed between writing its temporary file and the rename leaves `.tmp-*`."""
    archive, ref = open_page(pages, tmp_path / "cache")
    entry = entry_of(archive, ref)
    entry.parent.mkdir(parents=True)
    (entry.parent / ".tmp-abandoned.json").write_bytes(b'{"half": ')
    assert archive.load(ref) == read_page(pages / SEED, SEED)
    assert entry.is_file()


def test_a_page_rewritten_while_it_is_parsed_is_not_stored_under_its_old_key(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parse read the new text but the key was taken from the old file: storing it would let
    the old file (restored later with its mtime, as `rsync -t` or `cp -p` do) show the new text."""
    page = pages / SEED
    original = page.read_bytes()
    before = page.stat()
    real = reader.page.read_page

    def rewritten_during_the_parse(path: Path, source: str | None = None) -> Page:
        page.write_bytes(original.replace("会议".encode(), "改写后的会议".encode()))
        return real(path, source)

    monkeypatch.setattr(reader.page, "read_page", rewritten_during_the_parse)
    archive, ref = open_page(pages, tmp_path / "cache")
    assert "改写后的会议" in json.dumps(archive.load(ref).to_json(), ensure_ascii=False)
    monkeypatch.undo()

    page.write_bytes(original)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # the old file, its old key
    reopened, ref = open_page(pages, tmp_path / "cache")
    assert reopened.load(ref) == read_page(page, SEED)
    assert reopened.cache.hits == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("use_cache", [True, False])
def test_a_page_replaced_by_a_fifo_is_unreadable_at_once(
    pages: Path, tmp_path: Path, use_cache: bool
) -> None:
    """Opening a FIFO blocks until a writer comes: the load would hang its issue and the quit."""
    archive = Archive([pages], cache_dir=tmp_path / "cache", use_cache=use_cache)
    (ref,) = archive.scan_all()
    (pages / SEED).unlink()
    os.mkfifo(pages / SEED)
    result: list[Page] = []
    worker = threading.Thread(target=lambda: result.append(archive.load(ref)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the open so the thread can end, then fail
        with open(pages / SEED, "wb"):
            pass
        pytest.fail("loading a FIFO blocked")
    (page,) = result
    assert page.status == "unreadable" and not page.articles
    assert "FIFO" in page.warnings[0]


@pytest.mark.parametrize("where", ["header", "body"])
def test_an_entry_nested_past_the_decoders_depth_is_rebuilt(pages: Path, tmp_path: Path, where: str) -> None:
    archive, ref = open_page(pages, tmp_path / "cache")
    expected = archive.load(ref)
    entry = entry_of(archive, ref)
    head, _, body = entry.read_bytes().partition(b"\n")
    nested = b"[" * 200_000
    if where == "header":
        entry.write_bytes(nested)
    else:
        header = json.loads(head)
        header["crc"] = zlib.crc32(nested)
        entry.write_bytes(
            json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" + nested
        )
    reopened, ref = open_page(pages, tmp_path / "cache")
    assert reopened.load(ref) == expected
    assert entry.read_bytes().partition(b"\n")[2] == body  # rewritten, good for next time
