"""What the index writes for a page, made in this process or in worker processes.

Building the index of a cold archive is parsing each page and cutting its articles into
tokens: Python work, one core's worth. `reader search` and the benchmark build with a pool
of worker processes (`update(..., workers=2)`): each worker loads its pages through the
parse cache (parsing them, and storing the parse for everyone), and sends back only the rows
to write, which one writer (the process that owns the SQLite connection) puts in the index
in the archive's order. The app keeps building in its own thread (workers=1): it also wants
the parsed pages themselves, for the command palette's titles.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.page.model import Article, Page
from reader.search.fold import fold
from reader.search.query import normal_page
from reader.search.tokens import text_tokens

#: The authors of an article as the `docs` row keeps them: folded, one a line, framed by
#: newlines so that `instr` finds a name's piece but never runs across two names.
AUTHOR_SEPARATOR = "\n"


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """One `docs` row and the tokens of its `fts` and `head` rows."""

    number: int
    article_id: str
    kind: str
    authors: str
    tokens: str
    head_tokens: str


@dataclass(frozen=True, slots=True)
class PreparedPage:
    date: str
    page_no: str
    articles: tuple[PreparedArticle, ...]


def _article_parts(article: Article) -> tuple[list[str], list[str]]:
    """The folded texts the index cuts into tokens: (headline and byline, everything).

    Only texts the hits are located in are tokenised, so a one- or two-character query's
    candidates are all hits (an author's name is in the byline, or in a closing credit in
    the body).
    """
    head = [fold("".join(article.headline)), fold(article.byline)]
    return head, head + [fold(block.text) for block in article.blocks]


def prepare(page: Page, ref_date: str, ref_page_no: str) -> PreparedPage:
    """The rows of `page`; the date and page number from its file name, else from its furniture."""
    articles = []
    for number, article in enumerate(page.articles):
        head, everything = _article_parts(article)
        authors = AUTHOR_SEPARATOR.join(fold(name) for name in article.authors)
        articles.append(
            PreparedArticle(
                number,
                article.id,
                article.kind,
                f"{AUTHOR_SEPARATOR}{authors}{AUTHOR_SEPARATOR}",
                text_tokens(everything),
                text_tokens(head),
            )
        )
    page_no = normal_page(ref_page_no or page.info.page_no or "")
    return PreparedPage(ref_date or page.info.date, page_no, tuple(articles))


_CACHES: dict[str, object] = {}


def prepare_file(path: str, rel: str, part: int, ref_date: str, ref_page_no: str, cache: str) -> PreparedPage:
    """In a worker process: the page loaded through the parse cache in `cache`, prepared."""
    from reader.archive.cache import ParseCache

    parse_cache = _CACHES.get(cache)
    if parse_cache is None:
        parse_cache = _CACHES[cache] = ParseCache(Path(cache))
    page = parse_cache.load(path, rel, part)  # type: ignore[attr-defined]
    return prepare(page, ref_date, ref_page_no)


class Pipeline:
    """Prepares changed pages in order: here (`workers` <= 1, through `load`), or in a pool
    of worker processes started on the first page (`spawn`: safe beside the app's threads).

    `put` hands back the pages ready to write, oldest first; `drain` the rest. A page whose
    worker failed is prepared here instead, so a broken pool costs time, never a page.
    """

    def __init__(self, load: Callable[[Any], Page], workers: int, cache: Path | None) -> None:
        self._load = load
        self._workers = workers if cache is not None else 1
        self._cache = str(cache) if cache is not None else ""
        self._pool: Executor | None = None
        self._queue: deque[tuple[Any, Any, Any, Future[PreparedPage]]] = deque()

    def put(self, key: str, ref: Any, state: Any) -> list[tuple[str, Any, Any, PreparedPage]]:
        page_no = getattr(ref, "page_no", "")
        if self._workers <= 1:
            return [(key, ref, state, prepare(self._load(ref), ref.date, page_no))]
        try:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self._workers, mp_context=multiprocessing.get_context("spawn")
                )
            future = self._pool.submit(
                prepare_file,
                os.fspath(ref.path),
                ref.rel,
                getattr(ref, "part", 0),
                ref.date,
                page_no,
                self._cache,
            )
        except (BrokenExecutor, OSError, RuntimeError):
            # the pool broke (its workers could not start: no room, no access to Python itself):
            # the rest of the build goes on here, one page after another
            self._workers = 1
            ready = self.drain()
            ready.append((key, ref, state, prepare(self._load(ref), ref.date, page_no)))
            return ready
        self._queue.append((key, ref, state, future))
        ready = []
        while len(self._queue) > self._workers * 16:
            ready.append(self._finish(self._queue.popleft()))
        return ready

    def drain(self) -> list[tuple[str, Any, Any, PreparedPage]]:
        ready = [self._finish(item) for item in self._queue]
        self._queue.clear()
        return ready

    def _finish(self, item: tuple[Any, Any, Any, Future[PreparedPage]]) -> tuple[str, Any, Any, PreparedPage]:
        key, ref, state, future = item
        try:
            prepared = future.result()
        except Exception:  # a worker died or could not start: this page is prepared here
            prepared = prepare(self._load(ref), ref.date, getattr(ref, "page_no", ""))
        return key, ref, state, prepared

    def close(self) -> None:
        """Stop the workers (pages not yet written are dropped: the next update redoes them)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._queue.clear()
