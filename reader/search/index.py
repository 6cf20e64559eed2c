"""The archive index: every article's text in SQLite FTS5, built in the background, kept on disk.

Ten years of a daily paper is 30,000 pages and some 150 million characters: far too much to
hold in Python's memory or to scan per keystroke. So the text lives in a SQLite database in
the cache directory (`docs`: what each article says; `fts`: a contentless FTS5 index of its
bigrams and pinyin, see `tokens.py`). A query asks FTS5 for candidate articles (C speed),
then `matcher.py` checks and locates the hits precisely in the few candidates shown.

Building is incremental: `pages` remembers each page file's size, mtime and the parser's
version, so re-opening an archive only stats the files and re-indexes the ones that changed.
The builder commits every few pages, so a query typed while it runs sees what is done
(`SearchResults.complete` says whether that was everything).

Threads: one thread builds (`update`), any number query (`search`); each build and each
query opens its own SQLite connection and closes it when done (the app runs every query in a
new worker thread: a connection kept per thread would pile up open files), and WAL
journaling lets queries read while the builder writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import reader.page as page_module
from reader.page.model import Article, Page
from reader.search.fold import fold
from reader.search.matcher import Query, compile_query, find_in_text
from reader.search.snippet import ELLIPSIS, make_snippet
from reader.search.tokens import (
    bigram_tokens,
    initial_tokens,
    join_parts,
    literal_expression,
    pinyin_expression,
    pinyin_tokens,
)

#: Changes whenever what the index stores changes (schema, folding, tokens): a mismatch rebuilds.
INDEX_VERSION = "2"
#: Commit (and so become visible to queries) at least this often while building.
_COMMIT_EVERY_PAGES = 64
_COMMIT_EVERY_SECONDS = 0.5
_DOCS_PER_FETCH = 64
#: How long a connection waits for another writer's lock before "database is locked".
_BUSY_TIMEOUT_SECONDS = 30.0
#: Hits located (with a snippet) per article; the rest are only counted (`more_hits`). A page
#: of one 1,000,000-character line can hold 100,000 hits: nobody reads them all, and
#: building them all cost gigabytes before the first line was shown.
MAX_HITS_PER_ARTICLE = 100
#: Characters of a title in a result; a page that is one long line has a 4,000-character one.
MAX_TITLE_CHARS = 80


class SearchIndexError(Exception):
    """The index cannot be opened or used (a cache path that is a file, no permission, a full
    disk, a database locked for too long): one clear line for the user, search unavailable."""


def _describe(error: BaseException) -> str:
    """The reason in a reader's words: "Not a directory: /tmp/x/cache", not "[Errno 20] ..."."""
    if isinstance(error, sqlite3.OperationalError) and getattr(error, "sqlite_errorcode", 0) & 0xFF in (
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
    ):
        return f"{error} (another kanbao or reader search is writing it: try again)"
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return str(error) or type(error).__name__


def _is_foreign_or_corrupt(error: sqlite3.DatabaseError) -> bool:
    """True when the file is not an index we can use: corrupt, not a database, or another schema.

    OperationalError is mostly about the circumstances (locked, busy, read-only, disk full,
    cannot open), not the file: only its generic SQL error (SQLITE_ERROR, "no such column"
    from an older schema) says the file itself is foreign.
    """
    if not isinstance(error, sqlite3.OperationalError):
        return True
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_ERROR


class PageRefLike(Protocol):
    """What the index needs of a page reference (reader.archive.PageRef has it all)."""

    @property
    def path(self) -> Path: ...
    @property
    def rel(self) -> str: ...
    @property
    def date(self) -> str: ...


class ArchiveLike(Protocol):
    """What the index needs of an archive (reader.archive.Archive)."""

    def scan(self, cancel: threading.Event | None = None) -> Iterator[PageRefLike]: ...
    def load(self, ref: PageRefLike) -> Page: ...


#: Set to pin the version (tests); None reads the parser's own, importing it only when needed.
PARSER_VERSION: str | None = None


def parser_version() -> str:
    """The parser's version: a page parsed by another version is indexed again."""
    return PARSER_VERSION if PARSER_VERSION is not None else str(page_module.PARSER_VERSION)


def cache_dir(override: Path | None = None) -> Path:
    """Where indexes live: the argument, else $READER_CACHE, else the user's cache dir."""
    if override is not None:
        return Path(override)
    env = os.environ.get("READER_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("kanbao"))


def _db_key(rel: str) -> str:
    """A page key SQLite can store: a name that is not valid UTF-8 (surrogate escapes) is kept as
    NUL + the hex of its bytes, which no file name can collide with and `_page_key` reverses."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return "\0" + rel.encode("utf-8", "surrogateescape").hex()
    return rel


def _page_key(stored: str) -> str:
    if stored.startswith("\0"):
        return bytes.fromhex(stored[1:]).decode("utf-8", "surrogateescape")
    return stored


def index_path_for(paths: Sequence[Path], directory: Path | None = None) -> Path:
    """The index file of the archive opened from `paths` (one per set of archive roots).

    Page keys are paths relative to their archive root, so two archives must not share one.
    """
    roots = "\n".join(sorted(str(Path(p).resolve()) for p in paths))
    digest = hashlib.sha1(os.fsencode(roots)).hexdigest()[:16]
    return cache_dir(directory) / "search" / f"index-{digest}.sqlite3"


@dataclass(frozen=True, slots=True)
class IndexProgress:
    """Reported while building: pages seen so far, of which re-indexed, unchanged, failed."""

    seen: int
    indexed: int
    unchanged: int
    failed: int
    finished: bool = False
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """One match. `part` is "body" (block = index in article.blocks) or "headline" (block = line)."""

    part: str
    block: int
    start: int
    end: int
    snippet: str
    snippet_start: int
    snippet_end: int


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """An article that matched, with every hit in it (headline hits first, then reading order)."""

    source: str  # the page's rel path: the archive's key for it
    article_id: str
    title: str  # at most MAX_TITLE_CHARS (+ "…")
    date: str
    hits: tuple[Hit, ...]  # the first MAX_HITS_PER_ARTICLE
    more_hits: int = 0  # hits beyond those listed in `hits`

    @property
    def in_title(self) -> bool:
        return any(hit.part == "headline" for hit in self.hits)

    @property
    def hit_count(self) -> int:
        """Every hit in the article, listed or not."""
        return len(self.hits) + self.more_hits


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Best matches first. `complete` is False while the index was still being built."""

    query: str
    articles: tuple[ArticleResult, ...]
    complete: bool
    indexed_pages: int
    more: bool  # True when `limit` cut the list


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (
    rel TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    parser_version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, rel TEXT NOT NULL, article_id TEXT NOT NULL, title TEXT NOT NULL,
    date TEXT NOT NULL, headline TEXT NOT NULL, blocks TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_by_rel ON docs (rel);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    head, body, head_py, body_py, head_ini, body_ini, content='', columnsize=0, tokenize='ascii'
);
"""


def _article_columns(headline: Sequence[str], blocks: Sequence[str]) -> tuple[str, ...]:
    """The six FTS columns of an article: headline and body, as bigrams, syllables, initials."""
    head = [fold(line) for line in headline]
    body = [fold(text) for text in blocks]
    return (
        join_parts([bigram_tokens(t) for t in head]),
        join_parts([bigram_tokens(t) for t in body]),
        join_parts([pinyin_tokens(t) for t in head]),
        join_parts([pinyin_tokens(t) for t in body]),
        join_parts([initial_tokens(t) for t in head]),
        join_parts([initial_tokens(t) for t in body]),
    )


def _hits_in(
    article_headline: Sequence[str], blocks: Sequence[str], query: Query, limit: int = MAX_HITS_PER_ARTICLE
) -> tuple[list[Hit], int]:
    """The first `limit` hits (headline lines, then blocks), snippets made for those only; and
    how many hits there are in all."""
    hits: list[Hit] = []
    total = 0
    for part, texts in (("headline", article_headline), ("body", blocks)):
        for index, text in enumerate(texts):
            spans = find_in_text(text, query)
            total += len(spans)
            for start, end in spans[: max(0, limit - len(hits))]:
                snippet = make_snippet(text, start, end)
                hits.append(Hit(part, index, start, end, snippet.text, snippet.start, snippet.end))
    return hits, total


def _short_title(title: str) -> str:
    """The title cut at MAX_TITLE_CHARS, the cut marked with …; one line."""
    title = title.replace("\n", " ")
    return title if len(title) <= MAX_TITLE_CHARS else title[:MAX_TITLE_CHARS] + ELLIPSIS


class SearchIndex:
    """The on-disk index of one archive. Safe to query from any thread while one thread builds."""

    def __init__(self, db_path: Path, *, commit_every: float = _COMMIT_EVERY_SECONDS) -> None:
        """`commit_every`: seconds between commits while building (what queries can see)."""
        self.db_path = Path(db_path)
        self.commit_every = commit_every
        self._live: set[sqlite3.Connection] = set()  # open now: a build's, queries', an opener's
        self._live_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._building = False
        try:
            self._open_or_rebuild()
        except (OSError, sqlite3.Error) as error:
            raise SearchIndexError(
                f"cannot open the search index {self.db_path}: {_describe(error)}"
            ) from error

    @classmethod
    def for_archive(cls, paths: Sequence[Path], cache: Path | None = None) -> SearchIndex:
        return cls(index_path_for(paths, cache))

    # -- connections -------------------------------------------------------------------------

    def _connect(self, *, writer: bool) -> sqlite3.Connection:
        # isolation_level=None: transactions are begun and committed explicitly by `_update`.
        connection = sqlite3.connect(
            self.db_path, timeout=_BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None
        )
        with self._live_lock:
            self._live.add(connection)
        if writer:  # WAL is kept in the file once set: a query's connection need not ask again
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def _release(self, connection: sqlite3.Connection) -> None:
        with self._live_lock:
            self._live.discard(connection)
        connection.close()

    @contextmanager
    def _session(self, *, writer: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection for one build, one query or one look at the state; closed after it."""
        connection = self._connect(writer=writer)
        try:
            yield connection
        finally:
            self._release(connection)

    @property
    def open_connections(self) -> int:
        """Connections open right now (0 when nothing is built or queried): each is a file."""
        with self._live_lock:
            return len(self._live)

    def _open_or_rebuild(self) -> None:
        """Open the index; a corrupt file or one of another INDEX_VERSION is started afresh.

        Only a file that is really not a usable index is discarded. "database is locked" (the
        app's builder, or another `reader search`, holding it longer than the busy timeout), a
        read-only or full disk: those are raised, never answered by deleting someone's index.
        """
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._session(writer=True) as connection:
                connection.executescript(_SCHEMA)
                row = connection.execute("SELECT value FROM meta WHERE key='index_version'").fetchone()
                if row is not None and row[0] == INDEX_VERSION:
                    return
                if row is None and connection.execute("SELECT 1 FROM pages LIMIT 1").fetchone() is None:
                    connection.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('index_version', ?)", (INDEX_VERSION,)
                    )
                    return
        except sqlite3.DatabaseError as error:
            if not _is_foreign_or_corrupt(error):
                raise
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        with self._session(writer=True) as connection:
            connection.executescript(_SCHEMA)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('index_version', ?)", (INDEX_VERSION,))

    def close(self) -> None:
        """Close any connection still open: one of an `iter_results` left unfinished.

        Builds and queries close their own; call this when none of them runs any more.
        """
        with self._live_lock:
            connections, self._live = self._live, set()
        for connection in connections:
            connection.close()

    # -- state -------------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """True when the last build went through the whole archive and none is running now."""
        with self._session() as connection:
            return self._complete(connection)

    def _complete(self, connection: sqlite3.Connection) -> bool:
        if self._building:
            return False
        row = connection.execute("SELECT value FROM meta WHERE key='complete'").fetchone()
        return row is not None and row[0] == "1"

    def indexed_pages(self) -> int:
        with self._session() as connection:
            return self._indexed_pages(connection)

    @staticmethod
    def _indexed_pages(connection: sqlite3.Connection) -> int:
        return int(connection.execute("SELECT count(*) FROM pages").fetchone()[0])

    # -- building ----------------------------------------------------------------------------

    def update_from_archive(
        self,
        archive: ArchiveLike,
        *,
        progress: Callable[[IndexProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> IndexProgress:
        """Bring the index up to date with `archive` (see `update`)."""
        return self.update(archive.scan(cancel), archive.load, progress=progress, cancel=cancel)

    def update(
        self,
        refs: Iterable[PageRefLike],
        load: Callable[[PageRefLike], Page],
        *,
        progress: Callable[[IndexProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> IndexProgress:
        """Index the pages of `refs` that are new or changed; forget pages no longer listed.

        Runs in a worker thread. `cancel` stops it between two pages (what is committed stays
        and the next run resumes from there); `progress` is called every few pages.
        Pages that vanished from the archive are removed only after a full, uncancelled pass.
        """
        with self._write_lock:
            self._building = True
            try:
                with self._session(writer=True) as connection:
                    return self._update(connection, refs, load, progress, cancel)
            except sqlite3.Error as error:  # a full disk, a lock held too long...
                raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error
            finally:
                self._building = False

    def _update(
        self,
        connection: sqlite3.Connection,
        refs: Iterable[PageRefLike],
        load: Callable[[PageRefLike], Page],
        progress: Callable[[IndexProgress], None] | None,
        cancel: threading.Event | None,
    ) -> IndexProgress:
        version = parser_version()
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '0')")
        known = {
            _page_key(rel): (size, mtime, parser)
            for rel, size, mtime, parser in connection.execute(
                "SELECT rel, size, mtime_ns, parser_version FROM pages"
            )
        }
        seen_rels: set[str] = set()
        seen = indexed = unchanged = failed = 0
        pending = 0
        last_commit = last_report = time.monotonic()
        connection.execute("BEGIN IMMEDIATE")
        cancelled = False
        try:
            for ref in refs:
                if cancel is not None and cancel.is_set():
                    cancelled = True
                    break
                seen += 1
                seen_rels.add(ref.rel)
                try:
                    stat = ref.path.stat()
                except OSError:
                    failed += 1
                    if ref.rel in known:  # deleted (or made unreadable) since it was indexed
                        self._forget_page(connection, ref.rel)
                    continue
                key = (stat.st_size, stat.st_mtime_ns, version)
                if known.get(ref.rel) == key:
                    unchanged += 1
                elif self._replace_page_safely(connection, ref, load(ref), key):
                    indexed += 1
                    pending += 1
                else:
                    failed += 1
                now = time.monotonic()
                if pending and (pending >= _COMMIT_EVERY_PAGES or now - last_commit >= self.commit_every):
                    connection.execute("COMMIT")
                    connection.execute("BEGIN IMMEDIATE")
                    pending, last_commit = 0, now
                if progress is not None and (now - last_report > 0.1 or seen % 500 == 0):
                    progress(IndexProgress(seen, indexed, unchanged, failed))
                    last_report = now
            if cancel is not None and cancel.is_set():
                cancelled = True
            if not cancelled:
                for rel in set(known) - seen_rels:
                    self._forget_page(connection, rel)
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
            connection.execute("COMMIT")
        except BaseException:
            # SQLite rolls back by itself on a full disk or an I/O error: a second ROLLBACK would
            # raise "no transaction is active" and hide the real cause.
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise
        report = IndexProgress(seen, indexed, unchanged, failed, finished=not cancelled, cancelled=cancelled)
        if progress is not None:
            progress(report)
        return report

    def _forget_page(self, connection: sqlite3.Connection, rel: str) -> None:
        """Remove a page's articles; a contentless FTS5 row is deleted by giving its tokens again."""
        rel = _db_key(rel)
        rows = connection.execute("SELECT id, headline, blocks FROM docs WHERE rel=?", (rel,)).fetchall()
        for doc_id, headline, blocks in rows:
            columns = _article_columns(json.loads(headline), json.loads(blocks))
            connection.execute(
                "INSERT INTO fts(fts, rowid, head, body, head_py, body_py, head_ini, body_ini) "
                "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, *columns),
            )
        connection.execute("DELETE FROM docs WHERE rel=?", (rel,))
        connection.execute("DELETE FROM pages WHERE rel=?", (rel,))

    def _replace_page_safely(
        self, connection: sqlite3.Connection, ref: PageRefLike, page: Page, key: tuple[int, int, str]
    ) -> bool:
        """Index one page unless SQLite could not take its text (a lone surrogate cannot be
        encoded as UTF-8): checked before anything is written, so such a page costs itself,
        never the index of the whole archive. (A savepoint a page did the same at +50% time.)"""
        try:
            (ref.date or page.info.date).encode("utf-8")
            for article in page.articles:
                for text in (article.id, article.title, *article.headline, *(b.text for b in article.blocks)):
                    text.encode("utf-8")
        except UnicodeEncodeError:
            return False
        self._replace_page(connection, ref, page, key)
        return True

    def _replace_page(
        self, connection: sqlite3.Connection, ref: PageRefLike, page: Page, key: tuple[int, int, str]
    ) -> None:
        self._forget_page(connection, ref.rel)
        date = ref.date or page.info.date
        for article in page.articles:
            self._add_article(connection, ref.rel, date, article)
        connection.execute("INSERT INTO pages VALUES (?, ?, ?, ?)", (_db_key(ref.rel), *key))

    def _add_article(self, connection: sqlite3.Connection, rel: str, date: str, article: Article) -> None:
        blocks = [block.text for block in article.blocks]
        cursor = connection.execute(
            "INSERT INTO docs (rel, article_id, title, date, headline, blocks) VALUES (?, ?, ?, ?, ?, ?)",
            (
                _db_key(rel),
                article.id,
                article.title,
                date,
                json.dumps(list(article.headline), ensure_ascii=False),
                json.dumps(blocks, ensure_ascii=False),
            ),
        )
        connection.execute(
            "INSERT INTO fts (rowid, head, body, head_py, body_py, head_ini, body_ini) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (cursor.lastrowid, *_article_columns(article.headline, blocks)),
        )

    # -- querying ----------------------------------------------------------------------------

    def search(self, query: str, *, limit: int | None = 100) -> SearchResults:
        """Articles matching `query`, best first: headline hits, then by FTS5's bm25 rank.

        Only the first `limit` matching articles are checked and located (None: all of them),
        so showing the first screen of results costs little even when thousands match.
        Raises ValueError for a query with nothing to look for.
        """
        compiled = compile_query(query)
        if compiled is None:
            raise ValueError("empty query")
        results: list[ArticleResult] = []
        more = False
        try:
            with self._session() as connection:
                complete = self._complete(connection)
                indexed_pages = self._indexed_pages(connection)
                for result in self._iter_results(connection, compiled):
                    if limit is not None and len(results) >= limit:
                        more = True
                        break
                    results.append(result)
        except sqlite3.Error as error:
            raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error
        return SearchResults(query, tuple(results), complete, indexed_pages, more)

    def iter_results(self, query: str) -> Iterator[ArticleResult]:
        """Matching articles one by one, best first, without holding them all (`reader search`).

        The connection closes when the iteration ends or the iterator is closed (`close()`
        closes it too). Raises ValueError for a query with nothing to look for.
        """
        compiled = compile_query(query)
        if compiled is None:
            raise ValueError("empty query")
        try:
            with self._session() as connection:
                yield from self._iter_results(connection, compiled)
        except sqlite3.Error as error:
            raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error

    def _iter_results(self, connection: sqlite3.Connection, compiled: Query) -> Iterator[ArticleResult]:
        for batch in self._ranked_candidates(connection, compiled):
            rows = {
                row[0]: row
                for row in connection.execute(
                    "SELECT id, rel, article_id, title, date, headline, blocks FROM docs WHERE id IN "
                    f"({','.join('?' * len(batch))})",
                    batch,
                )
            }
            for doc_id in batch:
                row = rows.get(doc_id)
                if row is None:
                    continue  # removed by the builder since the candidates were listed
                _, rel, article_id, title, date, headline, blocks = row
                hits, total = _hits_in(json.loads(headline), json.loads(blocks), compiled)
                if hits:  # the index only pre-selects; tones, heteronyms... are checked here
                    yield ArticleResult(
                        _page_key(rel), article_id, _short_title(title), date, tuple(hits), total - len(hits)
                    )

    def _ranked_candidates(self, connection: sqlite3.Connection, query: Query) -> Iterator[list[int]]:
        """Ids of the articles FTS5 pre-selects, in batches: headline matches first, by rank."""
        literal = literal_expression(query.folded)
        head = f"{{head}} : {literal}"
        anywhere = f"{{head body}} : {literal}"
        if query.pinyin is not None and query.pinyin.segmentations():
            head += " OR " + pinyin_expression(query.pinyin, "head_py", "head_ini")
            anywhere += " OR " + pinyin_expression(query.pinyin, "head_py body_py", "head_ini body_ini")
        ranking = "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 4.0, 1.0, 4.0, 1.0, 4.0, 1.0)"
        given: set[int] = set()
        for expression in (head, anywhere):
            cursor = connection.execute(ranking, (expression,))
            while rows := cursor.fetchmany(_DOCS_PER_FETCH):
                batch = [row[0] for row in rows if row[0] not in given]
                given.update(batch)
                if batch:
                    yield batch
