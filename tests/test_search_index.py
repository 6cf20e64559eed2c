"""The archive index: build, query, incremental re-open, partial results while building."""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.page import Page, read_page
from reader.search import index as index_module
from reader.search.index import IndexProgress, SearchIndex, SearchIndexError


@dataclass(frozen=True)
class Ref:
    path: Path
    rel: str
    date: str = ""


def page_text(title: str, *paragraphs: str) -> str:
    """A page as a PDF dump lays it out: headline, then paragraphs wrapped at 18 characters."""
    lines = [title, ""]
    for paragraph in paragraphs:
        text = "\u3000\u3000" + paragraph
        lines.extend(text[i : i + 18] for i in range(0, len(text), 18))
    return "\n".join(lines) + "\n"


def write_archive(root: Path, pages: dict[str, str]) -> list[Ref]:
    refs = []
    for rel, text in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        refs.append(Ref(path, rel, rel.split("/")[0]))
    return refs


def load(ref: Ref) -> Page:
    return read_page(ref.path, ref.rel)


PAGES = {
    "2023-04-21/01.txt": page_text(
        "数字经济大会召开",
        "本报讯今天上午，市委书记章旭升出席会议并讲话，强调要把数字经济作为一号发展工程来抓，"
        "加快建设现代都市区。",
    ),
    "2023-04-22/01.txt": page_text(
        "安全生产工作会议",
        "会议要求各地深刻吸取教训，全面排查风险隐患，确保安全生产形势持续稳定，同时推进数字经济与"
        "实体经济深度融合。",
    ),
    "2023-04-23/01.txt": page_text(
        "春耕时节农事忙", "田间地头一派繁忙景象，农户们抢抓农时播种插秧，确保全年粮食丰收。"
    ),
}


@pytest.fixture
def archive(tmp_path: Path) -> list[Ref]:
    return write_archive(tmp_path / "archive", PAGES)


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    return SearchIndex(tmp_path / "cache" / "index.sqlite3", commit_every=0)


def test_a_built_index_finds_phrases_across_line_breaks_with_snippets(archive, index) -> None:
    raw = "".join(ref.path.read_text(encoding="utf-8") for ref in archive)
    assert "一号发展工程" not in raw  # wrapped at 18 characters: 一号发 / 展工程
    report = index.update(archive, load)
    assert report == IndexProgress(seen=3, indexed=3, unchanged=0, failed=0, finished=True)
    results = index.search("一号发展工程")
    assert results.complete and not results.more
    assert [r.source for r in results.articles] == ["2023-04-21/01.txt"]
    hit = results.articles[0].hits[0]
    assert hit.snippet[hit.snippet_start : hit.snippet_end] == "一号发展工程"


def test_headline_hits_rank_first_and_every_hit_is_located(archive, index) -> None:
    index.update(archive, load)
    results = index.search("数字经济")
    assert [r.source for r in results.articles] == ["2023-04-21/01.txt", "2023-04-22/01.txt"]
    first = results.articles[0]
    assert first.in_title and [h.part for h in first.hits] == ["headline", "body"]
    assert not results.articles[1].in_title


def test_full_width_and_pinyin_queries_go_through_the_index(archive, index) -> None:
    index.update(archive, load)
    for query in ("zxs", "zhangxusheng", "zhang xu sheng", "章　旭升"):
        results = index.search(query)
        assert [r.source for r in results.articles] == ["2023-04-21/01.txt"], query
        hit = results.articles[0].hits[0]
        assert hit.snippet[hit.snippet_start : hit.snippet_end] == "章旭升"
    assert index.search("chuntian").articles == ()  # 春天 is not in the archive
    assert [r.source for r in index.search("chungeng").articles] == ["2023-04-23/01.txt"]


def test_limit_cuts_the_list_and_says_so(archive, index) -> None:
    index.update(archive, load)
    results = index.search("会", limit=1)
    assert len(results.articles) == 1 and results.more
    assert len(index.search("会", limit=None).articles) == 2


def test_reopening_skips_unchanged_pages_and_reindexes_changed_ones(archive, index, tmp_path) -> None:
    index.update(archive, load)
    index.close()
    reopened = SearchIndex(tmp_path / "cache" / "index.sqlite3")
    assert reopened.update(archive, load).unchanged == 3
    changed = archive[2]
    changed.path.write_text(
        page_text("春耕时节农事忙", "今年油菜花开得格外早，游客纷至沓来。"), encoding="utf-8"
    )
    report = reopened.update(archive, load)
    assert (report.indexed, report.unchanged) == (1, 2)
    assert [r.source for r in reopened.search("油菜花").articles] == [changed.rel]
    assert reopened.search("播种插秧").articles == ()


def test_a_new_parser_version_reindexes_everything(archive, index, monkeypatch) -> None:
    index.update(archive, load)
    monkeypatch.setattr(index_module, "PARSER_VERSION", "next")
    assert index.update(archive, load).indexed == 3


def test_pages_gone_from_the_archive_are_forgotten(archive, index) -> None:
    index.update(archive, load)
    report = index.update(archive[:2], load)
    assert report.unchanged == 2
    assert index.search("播种插秧").articles == ()
    assert index.indexed_pages() == 2


def test_a_cancelled_build_keeps_its_work_and_says_the_index_is_partial(archive, index) -> None:
    cancel = threading.Event()

    def load_then_stop(ref: Ref) -> Page:
        cancel.set()  # quit while the first page is being indexed
        return load(ref)

    report = index.update(archive, load_then_stop, cancel=cancel)
    assert report.cancelled and report.indexed == 1
    assert not index.complete
    results = index.search("数字经济")
    assert not results.complete
    assert [r.source for r in results.articles] == [archive[0].rel]
    assert index.update(archive, load).unchanged == 1  # resumes where it stopped
    assert index.search("数字经济").complete


def test_queries_from_another_thread_see_pages_while_the_build_runs(archive, index) -> None:
    first_page_visible = threading.Event()
    seen: list[tuple[bool, list[str]]] = []

    def slow_load(ref: Ref) -> Page:
        if ref is archive[1]:
            # the builder waits here until a query in another thread has seen page 1
            assert first_page_visible.wait(10)
        return load(ref)

    builder = threading.Thread(target=index.update, args=(archive, slow_load))
    builder.start()
    try:
        for _ in range(200):
            results = index.search("章旭升")
            if results.articles:
                seen.append((results.complete, [r.source for r in results.articles]))
                break
            threading.Event().wait(0.02)
    finally:
        first_page_visible.set()
        builder.join(10)
    assert seen == [(False, [archive[0].rel])]
    assert index.search("章旭升").complete


def test_a_corrupt_index_file_is_rebuilt_not_trusted(archive, tmp_path) -> None:
    path = tmp_path / "cache" / "index.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    index = SearchIndex(path)
    assert index.update(archive, load).indexed == 3
    assert len(index.search("会议").articles) >= 1


def test_an_empty_query_is_refused(index) -> None:
    with pytest.raises(ValueError):
        index.search("  ")


def test_each_archive_has_its_own_index_file_under_the_cache_dir(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "env-cache"))
    first = index_module.index_path_for([tmp_path / "a"])
    second = index_module.index_path_for([tmp_path / "b"])
    assert first != second and first.is_relative_to(tmp_path / "env-cache")
    assert index_module.index_path_for([tmp_path / "a"], tmp_path / "x").is_relative_to(tmp_path / "x")


def test_an_index_under_a_file_raises_a_clear_search_index_error(tmp_path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    with pytest.raises(SearchIndexError, match=r"cannot open the search index.*Not a directory"):
        SearchIndex(tmp_path / "afile" / "cache" / "index.sqlite3")


def _lock_exclusively(path: Path) -> sqlite3.Connection:
    """Another process's writer holding the index (exclusive locking mode keeps the lock)."""
    locker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    locker.execute("PRAGMA locking_mode=EXCLUSIVE")
    locker.execute("BEGIN EXCLUSIVE")
    locker.execute("INSERT OR REPLACE INTO meta VALUES ('held', 'yes')")
    return locker


def test_a_locked_index_is_reported_and_never_deleted(archive, index, monkeypatch) -> None:
    index.update(archive, load)
    index.close()
    locker = _lock_exclusively(index.db_path)
    real_connect = sqlite3.connect
    # the busy timeout is 30 s; the test waits 0.2 s before the lock counts as held for good
    monkeypatch.setattr(
        index_module.sqlite3, "connect", lambda *a, **k: real_connect(*a, **{**k, "timeout": 0.2})
    )
    with pytest.raises(SearchIndexError, match="database is locked"):
        SearchIndex(index.db_path)
    locker.rollback()
    locker.close()
    monkeypatch.undo()
    reopened = SearchIndex(index.db_path)
    assert reopened.indexed_pages() == 3
    assert reopened.search("章旭升").articles


def test_opening_waits_for_a_lock_held_for_a_moment(archive, index) -> None:
    index.update(archive, load)
    index.close()
    locker = _lock_exclusively(index.db_path)

    def release() -> None:
        locker.rollback()
        locker.close()

    timer = threading.Timer(0.3, release)
    timer.start()
    try:
        reopened = SearchIndex(index.db_path)
    finally:
        timer.join()
    assert reopened.indexed_pages() == 3


def test_an_index_of_another_schema_is_rebuilt(archive, tmp_path) -> None:
    path = tmp_path / "cache" / "index.sqlite3"
    path.parent.mkdir(parents=True)
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE meta (name TEXT, setting TEXT)")
    old.execute("CREATE TABLE pages (rel TEXT)")
    old.execute("INSERT INTO pages VALUES ('x.txt')")
    old.commit()
    old.close()
    index = SearchIndex(path)
    assert index.indexed_pages() == 0
    assert index.update(archive, load).indexed == 3


#: 83,334 hits of 经济 in one 1,000,000-character paragraph, one more in the headline.
HUGE_BODY = "数字经济发展大会召开\n\n\u3000\u3000本报讯" + "推动数字经济高质量发展，" * 83_334 + "。\n"
#: One 1,000,000-character line and nothing else: the parser makes it a 4,000-character title.
HUGE_TITLE = "推动数字经济高质量发展" * 90_910 + "\n"


def test_an_article_of_a_million_characters_lists_a_bounded_number_of_hits(tmp_path, index) -> None:
    refs = write_archive(tmp_path / "archive", {"2024-01-01/01.txt": HUGE_BODY})
    index.update(refs, load)
    [result] = index.iter_results("经济")
    assert len(result.hits) == index_module.MAX_HITS_PER_ARTICLE == 100
    assert result.hit_count == 83_335 and result.more_hits == 83_235
    assert [(hit.part, hit.start) for hit in result.hits[:3]] == [("headline", 2), ("body", 7), ("body", 19)]
    assert all(len(hit.snippet) < 60 and "经济" in hit.snippet for hit in result.hits)


def test_a_page_that_is_one_huge_line_gives_a_short_title(tmp_path, index) -> None:
    refs = write_archive(tmp_path / "archive", {"2024-01-01/01.txt": HUGE_TITLE})
    index.update(refs, load)
    results = index.search("经济")
    [result] = results.articles
    assert len(result.title) <= index_module.MAX_TITLE_CHARS + 1 and result.title.endswith("…")
    assert len(result.hits) == 100 and result.hit_count > 80_000


def _open_files_of(path: Path) -> int:
    """File descriptors of this process open on the index (its -wal and -shm too)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # closed since the listing
            continue
        count += target.startswith(str(path))
    return count


def test_queries_from_many_short_lived_threads_leave_no_connection_open(archive, index) -> None:
    index.update(archive, load)
    before = _open_files_of(index.db_path)

    def query() -> None:
        for words in ("章旭升", "数字经济", "zxs"):
            assert index.search(words).articles

    for _ in range(3):  # as the archive search screen does: each query in a new worker thread
        threads = [threading.Thread(target=query) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert _open_files_of(index.db_path) == before
    assert index.open_connections == 0 and before == 0


def test_an_iteration_stopped_early_closes_its_connection(archive, index) -> None:
    index.update(archive, load)
    results = index.iter_results("经济")
    next(results)
    assert index.open_connections == 1
    results.close()
    assert index.open_connections == 0
    unfinished = index.iter_results("经济")
    next(unfinished)
    index.close()  # what `reader search` does when it stops
    assert index.open_connections == 0 and _open_files_of(index.db_path) == 0


class FullDiskIndex(SearchIndex):
    """An index whose file may not grow past a few pages: SQLite's own "database or disk is
    full" (SQLITE_FULL), as on a full disk, on the builder's connection."""

    def _connect(self, *, writer: bool):  # type: ignore[no-untyped-def]
        connection = super()._connect(writer=writer)
        if writer and getattr(self, "full", False):
            connection.execute("PRAGMA max_page_count = 12")
        return connection


def test_a_full_disk_is_reported_as_such_on_the_first_run(tmp_path: Path) -> None:
    from reader.archive import Archive
    from reader.resources import seeds_dir

    archive = Archive([seeds_dir()], cache_dir=tmp_path / "cache")
    refs = archive.scan_all()
    index = FullDiskIndex(tmp_path / "index.sqlite3")
    index.full = True  # type: ignore[attr-defined]
    try:
        with pytest.raises(SearchIndexError) as failed:
            index.update(refs, archive.load)
    finally:
        index.close()
    assert "full" in str(failed.value)
    assert "rollback" not in str(failed.value).lower()


def test_a_page_sqlite_cannot_take_costs_that_page_not_the_index(tmp_path: Path) -> None:
    """A title holding a lone surrogate (text SQLite cannot encode as UTF-8) never reaches the
    index, which keeps only ASCII tokens: that page and every other are indexed and searchable."""
    import dataclasses

    from reader.archive import Archive
    from reader.resources import seeds_dir

    archive = Archive([seeds_dir()], cache_dir=tmp_path / "cache")
    refs = archive.scan_all()
    bad = refs[0]

    def load(ref):  # type: ignore[no-untyped-def]
        page = archive.load(ref)
        if ref is not bad:
            return page
        first = dataclasses.replace(page.articles[0], title="坏\udce9")
        return dataclasses.replace(page, articles=(first, *page.articles[1:]))

    index = SearchIndex(tmp_path / "index.sqlite3")
    try:
        report = index.update(refs, load)
        assert report.finished and (report.indexed, report.failed) == (len(refs), 0)
        sources = {r.source for r in index.search("会议").articles}
        assert sources
    finally:
        index.close()
