"""The app reopens where the reader left off (issue, article, scroll), unless told not to."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from reader.archive import Archive, PageRef
from reader.page.parse import read_page
from reader.store import BookmarkStore, archive_key
from reader.store import ReadingPosition as StoredPosition
from reader.ui.app import ReaderApp
from reader.ui.position import PositionKeeper, ReadingPosition
from tests.test_ui_session import SEEDS, loaded, seed_app, settle


def keeper(tmp_path: Path) -> PositionKeeper:
    return PositionKeeper(BookmarkStore(tmp_path / "bookmarks.json"), archive_key([str(SEEDS)]))


async def test_reopens_at_the_article_and_scroll_it_was_left_at(tmp_path: Path) -> None:
    app = seed_app(tmp_path, positions=keeper(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, loaded(app))
        longest = max(
            range(len(app.main.articles.entries)),
            key=lambda i: len(app.main.articles.entries[i].article.text),
        )
        await pilot.press("tab", *["j"] * longest, "enter", "space", "space")
        left_at = app.main.view.article
        top = app.main.view.top_block()
        assert app.main.view.scroll_y > 0 and isinstance(top, int)
        await pilot.press("q")

    again = seed_app(tmp_path, positions=keeper(tmp_path))
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: again.main.view.article == left_at)
        await pilot.pause()
        assert again.main.view.scroll_y > 0
        assert again.main.view.top_block() == top
        assert again.main.focused is again.main.view

    fresh = seed_app(tmp_path, positions=keeper(tmp_path), restore=False)
    async with fresh.run_test(size=(100, 30)) as pilot:
        await settle(pilot, loaded(fresh))
        assert fresh.main.view.article == fresh.main.articles.entries[0].article
        assert fresh.main.view.scroll_y == 0


class GatedArchive(Archive):
    """An archive whose scan stops after its first issue until `go` is set: a large archive,
    whose walk reaches the remembered issue only after the first one has loaded."""

    def __init__(self, paths: list[Path], **options: object) -> None:
        super().__init__(paths, **options)  # type: ignore[arg-type]
        self.go = threading.Event()

    def scan(self, cancel: threading.Event | None = None) -> Iterator[PageRef]:
        first = None
        for ref in super().scan(cancel):
            first = first or ref.issue_key
            if ref.issue_key != first:
                assert self.go.wait(60)
            yield ref


def dated_archive(tmp_path: Path, days: int) -> Path:
    root = tmp_path / "archive"
    for day in range(1, days + 1):
        folder = root / f"2021-07-{day:02d}"
        folder.mkdir(parents=True)
        for page in sorted(SEEDS.glob("*.txt")):
            shutil.copy(page, folder / page.name)
    return root


async def test_the_last_issue_is_reopened_when_the_scan_reaches_it_after_the_first_has_loaded(
    tmp_path: Path,
) -> None:
    root = dated_archive(tmp_path, 3)
    last_page = sorted((root / "2021-07-03").glob("*.txt"))[0]
    article = read_page(last_page).articles[2]
    store = BookmarkStore(tmp_path / "bookmarks.json")
    key = archive_key([str(root)])
    remembered = StoredPosition(key, "archive/2021-07-03", f"2021-07-03/{last_page.name}", article.id, 0.0, 0)
    store.save_position(remembered)

    archive = GatedArchive([root], cache_dir=tmp_path / "cache")
    app = ReaderApp(archive, positions=PositionKeeper(store, key))
    async with app.run_test(size=(100, 30)) as pilot:

        def first_issue_loaded() -> bool:
            issue_workers = [w for w in app.main.workers if w.group == "issue"]
            return (
                app.main.open_issue_key == "archive/2021-07-01"
                and app.main._loaded_pages >= 1  # the pages the scan has reported so far
                and all(w.is_finished for w in issue_workers)
            )

        await settle(pilot, first_issue_loaded)
        await pilot.pause()
        assert app.main.view.article is None  # nothing shown that would be saved in its place
        assert "Finding where you left off" in app.main.view.visible_text()
        assert store.last_position(key).article_id == article.id  # type: ignore[union-attr]
        archive.go.set()
        await settle(pilot, lambda: app.main.view.article == article)
        assert app.main.open_issue_key == "archive/2021-07-03"
        await pilot.press("q")
    assert store.last_position(key).rel == remembered.rel  # type: ignore[union-attr]
    assert store.last_position(key).article_id == article.id  # type: ignore[union-attr]


async def test_a_remembered_page_that_is_gone_opens_the_first_issue_once_the_scan_ends(
    tmp_path: Path,
) -> None:
    root = dated_archive(tmp_path, 2)
    store = BookmarkStore(tmp_path / "bookmarks.json")
    key = archive_key([str(root)])
    store.save_position(StoredPosition(key, "2021-07-09", "2021-07-09/gone.txt", "a1", 0.0, 0))
    app = ReaderApp(Archive([root], cache_dir=tmp_path / "cache"), positions=PositionKeeper(store, key))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: app.main.view.article is not None)
        assert app.main.open_issue_key == "archive/2021-07-01"
        assert app.main.view.article == app.main.articles.entries[0].article


class SlowFirstPageArchive(Archive):
    """Loading the first page takes until the scan has ended and the screen has taken its last
    snapshot: the open issue grows while it loads, as a 20,000-page folder does."""

    def __init__(self, paths: list[Path], **options: object) -> None:
        super().__init__(paths, **options)  # type: ignore[arg-type]
        self.app: ReaderApp | None = None
        self.loading = threading.Event()

    def scan(self, cancel: threading.Event | None = None) -> Iterator[PageRef]:
        for ref in super().scan(cancel):
            yield ref
            assert self.loading.wait(60)  # the rest is found while the first page loads

    def load(self, ref: PageRef):  # type: ignore[no-untyped-def]
        if ref.path.name == "001.txt":
            self.loading.set()
            for _ in range(3000):
                if self.app is not None and self.app.main.scan_done:
                    break
                time.sleep(0.01)
        return super().load(ref)


async def test_an_issue_that_grew_while_it_loaded_lists_every_page(tmp_path: Path) -> None:
    folder = tmp_path / "archive" / "2021-07-01"
    folder.mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for number in range(1, 13):
        shutil.copy(seeds[number % 2], folder / f"{number:03d}.txt")
    expected = sum(len(read_page(page).articles) for page in sorted(folder.glob("*.txt")))
    archive = SlowFirstPageArchive([folder.parent], cache_dir=tmp_path / "cache")
    app = ReaderApp(archive, restore=False)
    archive.app = app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: app.main.scan_done and app.main._loaded_pages >= 1)
        await settle(pilot, lambda: len(app.main.articles.entries) == expected)
        assert app.main._loaded_pages == 12


async def test_going_to_an_article_no_longer_on_its_page_says_so(tmp_path: Path) -> None:
    """What a stale search hit or bookmark asks for (`go_to`): said, not silently ignored."""
    app = seed_app(tmp_path, restore=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, loaded(app))
        shown_before = app.main.view.article
        rel = app.main.articles.entries[0].rel
        app.main.go_to(ReadingPosition(rel, "an-article-that-is-gone"))
        await settle(pilot, lambda: any("no longer on" in str(n.message) for n in app._notifications))
        assert app.main.pending is None
        assert app.main.view.article == shown_before


async def test_a_read_only_database_says_once_that_positions_cannot_be_saved(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    store = BookmarkStore(tmp_path / "a-file" / "bookmarks.json")
    app = seed_app(tmp_path, positions=PositionKeeper(store, archive_key([str(SEEDS)])), restore=False)

    def refusals() -> int:
        return sum("could not save the reading position" in str(n.message) for n in app._notifications)

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: refusals() == 1)  # the first article shown
        for number in range(1, 5):
            await pilot.press("full_stop")
            await settle(
                pilot, lambda n=number: app.main.view.article == app.main.articles.entries[n].article
            )
            await app.workers.wait_for_complete()
        assert refusals() == 1
