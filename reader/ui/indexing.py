"""The archive-search index and the palette's titles, built in one background pass.

`BackgroundIndex` owns the app's `SearchIndex` (SQLite in the cache directory, see
`reader.search.index`) and the thread worker that brings it up to date from the page refs
the app's scan already found (never a second walk of the archive). The builder commits as
it goes and skips pages whose size, mtime and parser version are unchanged, so quitting in
the middle loses nothing: the next start resumes where this one stopped. Quitting sets the
worker's cancel event, which `SearchIndex.update` checks between two pages, so `q` is not
kept waiting by a 30,000-page build.

The same pass feeds the command palette's "go to article" titles (`TitlesFound`): every page
the index parses is handed over too, so a cold archive of 30,000 pages is parsed once, not
once for the index and again for the titles. Pages the index skips as unchanged are read
afterwards from the parse cache (a cheap read, no parse) for their titles.

Queries (`search`) may run in any thread while the build goes on; until it has finished
they answer from what is indexed so far, and `SearchResults.complete` says so.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from textual.app import App
from textual.message import Message
from textual.worker import Worker, get_current_worker

from reader.page.model import Page
from reader.search.index import IndexProgress, SearchIndex, SearchResults
from reader.search.query import Filters

#: Loaded pages go to the app in batches: at most this many, or every `TITLE_BATCH_SECONDS`.
TITLE_BATCH_PAGES = 200
TITLE_BATCH_SECONDS = 0.1

#: The status line mentions the build only once it has run this long, so a small archive or
#: a warm cache (an update that just stats the files) does not flicker the status line.
QUIET_SECONDS = 1.0


class IndexProgressed(Message):
    """The index builder's report (about every 0.1 s, and once at the end)."""

    def __init__(self, progress: IndexProgress, total: int) -> None:
        super().__init__()
        self.progress = progress
        self.total = total


class TitlesFound(Message):
    """Pages the background pass loaded, in batches, whose article titles the palette lists."""

    def __init__(self, pages: list[tuple[object, Page]]) -> None:
        super().__init__()
        self.pages = pages


class IndexFailed(Message):
    """The index could not be opened or built (a read-only cache dir, a full disk...)."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class BackgroundIndex:
    """The archive's search index and the worker that builds it."""

    def __init__(self, paths: Sequence[Path], cache: Path | None = None) -> None:
        self.paths = list(paths)
        self.cache = cache
        self.total = 0
        self.progress: IndexProgress | None = None
        self.error = ""
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()
        self._worker: Worker[None] | None = None
        self._started = 0.0
        self.quiet_seconds = QUIET_SECONDS
        self._stopped = threading.Event()  # set when the builder thread has returned

    def index(self) -> SearchIndex:
        """The index, opened on first use (from whichever thread asks first)."""
        with self._lock:
            if self._index is None:
                self._index = SearchIndex.for_archive(self.paths, self.cache)
            return self._index

    # -- building ----------------------------------------------------------------------------

    def start(
        self,
        app: App[object],
        refs: Sequence[object],
        load: Callable[[object], Page],
        has_titles: Callable[[str], bool] = lambda rel: False,
    ) -> None:
        """Index `refs` in a thread worker (a running build is cancelled and replaced).

        Every page loaded on the way is posted to `app` in `TitlesFound` batches; pages for
        which `has_titles(rel)` already holds (the open issue's) are not loaded again for that.
        """
        self.total = len(refs)
        self.progress = None
        self.error = ""
        self._started = time.monotonic()
        self._stopped.clear()
        self._worker = app.run_worker(
            lambda: self._build(app, list(refs), load, has_titles),
            name="search index",
            group="search-index",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def stop(self) -> None:
        """Stop the build between two pages (quitting): what is committed stays for next time."""
        if self._worker is not None:
            self._worker.cancel()

    def _build(
        self,
        app: App[object],
        refs: list[object],
        load: Callable[[object], Page],
        has_titles: Callable[[str], bool],
    ) -> None:
        cancel = get_current_worker().cancelled_event
        total = len(refs)
        feed = _TitleFeed(app)

        def load_for_both(ref: object) -> Page:
            page = load(ref)
            feed.add(ref, page)
            return page

        try:
            try:
                self.index().update(
                    refs,  # type: ignore[arg-type]
                    load_for_both,  # type: ignore[arg-type]
                    progress=lambda progress: app.post_message(IndexProgressed(progress, total)),
                    cancel=cancel,
                )
            except Exception as error:  # search is unavailable; reading (and the palette) go on
                app.post_message(IndexFailed(f"search index unavailable: {error}"))
            # The pages the index did not parse (unchanged since last time) still owe their titles.
            for ref in refs:
                if cancel.is_set():
                    break
                rel = str(getattr(ref, "rel", ""))
                if rel not in feed.fed and not has_titles(rel):
                    feed.add(ref, load(ref))
            feed.flush()
        finally:
            self._stopped.set()

    def wait_stopped(self, timeout: float) -> bool:
        """Wait for the builder thread to return (it outlives the app by at most one page)."""
        return self._stopped.wait(timeout)

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.is_running

    @property
    def ready(self) -> bool:
        """The last build went through every page."""
        return self.progress is not None and self.progress.finished

    def note(self) -> str:
        """What the status line says about the index ("indexing 1234/30000"), "" when nothing."""
        if self.error:
            return "search unavailable"
        progress = self.progress
        if progress is None or progress.finished or progress.cancelled:
            return ""
        if time.monotonic() - self._started < self.quiet_seconds:
            return ""
        return f"indexing {progress.seen}/{self.total}"

    # -- querying ----------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 100, *, offset: int = 0, filters: Filters | None = None
    ) -> SearchResults:
        """Matching articles, best first (any thread). Raises ValueError for an empty query."""
        return self.index().search(query, limit=limit, offset=offset, filters=filters)

    def by_month(self, query: str, filters: Filters | None = None) -> list[tuple[str, int]]:
        """Matching articles a month (the index's aggregate count), oldest month first."""
        return self.index().by_month(query, filters)[0]

    def partial_note(self, results: SearchResults) -> str:
        """ "partial: 1234 of 30000 pages indexed" while the index is incomplete, else "".

        An answer given as the build finished may still say incomplete (the build marks the
        index complete just after its last report): with every page in, it is complete."""
        if results.complete or (self.ready and results.indexed_pages >= self.total):
            return ""
        total = max(self.total, results.indexed_pages)
        return f"partial: {results.indexed_pages} of {total} pages indexed"


class _TitleFeed:
    """Collects the pages the builder thread loads and posts them to the app in batches.

    Batches keep the event loop's share small: one message per 200 pages rather than one per
    page, and a batch is never older than a tenth of a second, so the palette fills steadily.
    """

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.fed: set[str] = set()
        self._batch: list[tuple[object, Page]] = []
        self._last_post = time.monotonic()

    def add(self, ref: object, page: Page) -> None:
        self.fed.add(str(getattr(ref, "rel", "")))
        self._batch.append((ref, page))
        if len(self._batch) >= TITLE_BATCH_PAGES or time.monotonic() - self._last_post >= TITLE_BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._batch:
            self.app.post_message(TitlesFound(self._batch))
            self._batch = []
        self._last_post = time.monotonic()
