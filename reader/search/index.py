"""The archive index: which articles hold which tokens, in SQLite FTS5, kept on disk.

Ten years of a daily paper is 30,000 pages and some 150 million characters. The index
keeps, for each character bigram and initials trigram (`tokens.py`), only the articles that
hold it (FTS5 `detail=none`, contentless): a query asks FTS5 for the candidates at C speed,
and the exact check and the hits' places come from the article itself, loaded through the
parse cache (`reader.archive.cache`: one small file a page, the one the app reads anyway).
So the index stores no text at all; a positional index with a copy of the text was 4.4x the
size of the archive, this one is a few tenths of it (`benchmarks/bench_search.py`).

Loading the candidates' pages also checks them for changes, lazily: a page edited since
it was indexed is parsed again and checked as it is now, so `reader search` can answer
from the index at once and bring the rest up to date afterwards.

`docs` holds one row an article: its page, date, page number (版), kind and authors, for
filters and ordering in SQL. `fts` holds the tokens of the whole article (headline lines
joined, byline, every block: paragraphs, subheads, captions); `head` those of its headline
and byline only: a hit there ranks an article first (relevance order). Only texts the
hits are located in are tokenised, so a one- or two-character query's candidates are all
hits, and its count is exact (an author's name is in the byline, or in a closing credit
inside the body).
A contentless FTS5 row cannot be deleted without its tokens, which are not kept: a changed
page's old rows stay behind as dead ids that no `docs` row has (skipped by every query, and
counted, so that the index is built afresh once they outnumber the live ones).

Building is incremental: `pages` remembers each page file's size, mtime and the parser's
version, so re-opening an archive only stats the files and re-indexes the ones that changed.
The builder commits every few pages, so a query typed while it runs sees what is done
(`SearchResults.complete` says whether that was everything).

Threads: one thread builds (`update`), any number query (`search`); each build and each
query opens its own SQLite connection and closes it when done, and WAL journaling lets
queries read while the builder writes.
"""

from __future__ import annotations

import contextlib
import hashlib
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
from reader.search.building import Pipeline, PreparedPage
from reader.search.fold import fold
from reader.search.matcher import Query, compile_query, find_in_text
from reader.search.query import Filters, ParsedQuery, date_bounds, normal_page, parse_query
from reader.search.snippet import ELLIPSIS, make_snippet
from reader.search.tokens import literal_expression, pinyin_expression

#: Changes whenever what the index stores changes (schema, folding, tokens): a mismatch rebuilds.
INDEX_VERSION = "6"
#: Commit (and so become visible to queries) at least this often while building.
_COMMIT_EVERY_PAGES = 256
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
#: Pages a query keeps parsed in memory (its candidates come page by page).
_PAGES_IN_MEMORY = 32
#: Dead FTS ids (of pages re-indexed since) tolerated before the index is built afresh.
_MIN_DEAD_FOR_REBUILD = 2000


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


def index_path_for(paths: Sequence[Path], directory: Path | None = None) -> Path:
    """The index file of the archive opened from `paths` (one per set of archive roots).

    Page keys are paths relative to their archive root, so two archives must not share one.
    """
    roots = "\n".join(sorted(str(Path(p).resolve()) for p in paths))
    digest = hashlib.sha1(roots.encode("utf-8")).hexdigest()[:16]
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
    """One match. `part` is "body" (block = index in article.blocks), "headline" (block = line;
    a phrase across two headline lines is given on the line where it starts) or "byline"."""

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
    page_no: str = ""
    kind: str = "article"
    authors: tuple[str, ...] = ()

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
    #: Matching articles in all (one aggregate query over the index): exact when `total_exact`,
    #: else the number of candidates, an upper bound (a phrase's bigrams may lie apart).
    total: int = 0
    total_exact: bool = True


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, rel TEXT NOT NULL, path TEXT NOT NULL,
    part INTEGER NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    parser_version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, page INTEGER NOT NULL, number INTEGER NOT NULL,
    article_id TEXT NOT NULL, date TEXT NOT NULL, page_no TEXT NOT NULL, kind TEXT NOT NULL,
    authors TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_by_page ON docs (page);
CREATE INDEX IF NOT EXISTS docs_by_date ON docs (date);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    tokens, content='', columnsize=0, detail=none, tokenize='ascii'
);
CREATE VIRTUAL TABLE IF NOT EXISTS head USING fts5(
    tokens, content='', columnsize=0, detail=none, tokenize='ascii'
);
"""


def _page_key(rel: str, part: int) -> str:
    """The `pages` key: a file holding a whole issue has one entry a form-feed page."""
    return _db_key(rel if not part else f"{rel}#{part}")


def _db_key(name: str) -> str:
    """A name SQLite can store: one that is not valid UTF-8 (surrogate escapes) is kept as
    NUL + the hex of its bytes, which no file name can collide with and `_from_db` reverses."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "\0" + name.encode("utf-8", "surrogateescape").hex()
    return name


def _from_db(stored: str) -> str:
    if stored.startswith("\0"):
        return bytes.fromhex(stored[1:]).decode("utf-8", "surrogateescape")
    return stored


def _line_of(lines: Sequence[str], offset: int) -> tuple[int, int]:
    """(line, offset in that line) of `offset` in the lines joined without separator."""
    for number, line in enumerate(lines):
        if offset < len(line) or number == len(lines) - 1:
            return number, offset
        offset -= len(line)
    return 0, offset


def _hits_in(article: Article, query: Query, limit: int = MAX_HITS_PER_ARTICLE) -> tuple[list[Hit], int]:
    """The first `limit` hits (headline, byline, then blocks), snippets made for those only;
    and how many hits there are in all.

    The headline's lines are searched joined, so a phrase the headline broke across two
    lines is found; the hit is given on the line where it starts.
    """
    hits: list[Hit] = []
    total = 0
    joined = "".join(article.headline)
    for start, end in find_in_text(joined, query):
        total += 1
        if len(hits) < limit:
            line, at = _line_of(article.headline, start)
            text = article.headline[line]
            stop = min(len(text), at + end - start)
            snippet = make_snippet(joined, start, end)
            hits.append(Hit("headline", line, at, stop, snippet.text, snippet.start, snippet.end))
    texts = [("byline", 0, article.byline)] + [
        ("body", index, block.text) for index, block in enumerate(article.blocks)
    ]
    for part, index, text in texts:
        spans = find_in_text(text, query)
        total += len(spans)
        for start, end in spans[: max(0, limit - len(hits))]:
            snippet = make_snippet(text, start, end)
            hits.append(Hit(part, index, start, end, snippet.text, snippet.start, snippet.end))
    return hits, total


def _in_headline(article: Article, needle: str) -> bool:
    folded = fold(needle)
    return bool(folded) and folded in fold("".join(article.headline))


def _short_title(title: str) -> str:
    """The title cut at MAX_TITLE_CHARS, the cut marked with …; one line."""
    title = title.replace("\n", " ")
    return title if len(title) <= MAX_TITLE_CHARS else title[:MAX_TITLE_CHARS] + ELLIPSIS


@dataclass(frozen=True, slots=True)
class _Plan:
    """A query made into SQL: the candidate ids in the order asked, and how to count them."""

    where: str
    params: tuple[object, ...]
    order: str
    order_params: tuple[object, ...]
    exact_count: bool


class SearchIndex:
    """The on-disk index of one archive. Safe to query from any thread while one thread builds."""

    def __init__(
        self,
        db_path: Path,
        *,
        commit_every: float = _COMMIT_EVERY_SECONDS,
        pages: Callable[[str, str, int], Page] | None = None,
        page_cache: Path | None = None,
    ) -> None:
        """`commit_every`: seconds between commits while building (what queries can see).

        `pages(path, rel, part)` loads a page to check the candidates; by default the parse
        cache in `page_cache` (else the cache directory), the one `reader.archive` fills.
        """
        self.db_path = Path(db_path)
        self.commit_every = commit_every
        self._live: set[sqlite3.Connection] = set()  # open now: a build's, queries', an opener's
        self._live_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._building = False
        #: The parse cache folder the pages are read from (workers use it too); None when
        #: `pages` is the caller's own.
        self._page_cache: Path | None = None
        if pages is None:
            from reader.archive.cache import ParseCache

            self._page_cache = cache_dir(page_cache)
            # a query reads each candidate's page once: a few in memory (several articles of
            # one page), the rest from disk, so listing every hit of a common word stays small
            pages = ParseCache(self._page_cache, memory_pages=_PAGES_IN_MEMORY).load
        self._load_page = pages
        try:
            self._open_or_rebuild()
        except (OSError, sqlite3.Error) as error:
            raise SearchIndexError(
                f"cannot open the search index {self.db_path}: {_describe(error)}"
            ) from error

    @classmethod
    def for_archive(cls, paths: Sequence[Path], cache: Path | None = None) -> SearchIndex:
        return cls(index_path_for(paths, cache), page_cache=cache)

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
                row = None
                if connection.execute(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
                ).fetchone():
                    row = connection.execute("SELECT value FROM meta WHERE key='index_version'").fetchone()
                    if row is not None and row[0] == INDEX_VERSION:
                        connection.executescript(_SCHEMA)
                        return
                tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if row is None and tables == 0:
                    self._create(connection)
                    return
        except sqlite3.DatabaseError as error:
            if not _is_foreign_or_corrupt(error):
                raise
        self._start_afresh()

    @staticmethod
    def _create(connection: sqlite3.Connection) -> None:
        connection.executescript(_SCHEMA)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('index_version', ?)", (INDEX_VERSION,))
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('dead', '0')")

    def _start_afresh(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        with self._session(writer=True) as connection:
            self._create(connection)

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
        workers: int = 1,
    ) -> IndexProgress:
        """Index the pages of `refs` that are new or changed; forget pages no longer listed.

        Runs in a worker thread. `cancel` stops it between two pages (what is committed stays
        and the next run resumes from there); `progress` is called every few pages.
        Pages that vanished from the archive are removed only after a full, uncancelled pass.
        With `workers` > 1, changed pages are parsed and tokenised by that many processes
        (`building.Pipeline`; `load` is then called only for a page a worker failed on).
        """
        with self._write_lock:
            self._building = True
            try:
                if self._too_many_dead():
                    self._start_afresh()
                with self._session(writer=True) as connection:
                    pipeline = Pipeline(load, workers, self._page_cache)
                    try:
                        return self._update(connection, refs, pipeline, progress, cancel)
                    finally:
                        pipeline.close()
            except sqlite3.Error as error:  # a full disk, a lock held too long...
                raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error
            finally:
                self._building = False

    def _too_many_dead(self) -> bool:
        with self._session() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key='dead'").fetchone()
            dead = int(row[0]) if row else 0
            if dead < _MIN_DEAD_FOR_REBUILD:
                return False
            live = int(connection.execute("SELECT count(*) FROM docs").fetchone()[0])
            return dead > live

    def _update(
        self,
        connection: sqlite3.Connection,
        refs: Iterable[PageRefLike],
        pipeline: Pipeline,
        progress: Callable[[IndexProgress], None] | None,
        cancel: threading.Event | None,
    ) -> IndexProgress:
        version = parser_version()
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '0')")
        known = {
            key: (size, mtime, parser)
            for key, size, mtime, parser in connection.execute(
                "SELECT key, size, mtime_ns, parser_version FROM pages"
            )
        }
        seen_keys: set[str] = set()
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
                key = _page_key(ref.rel, getattr(ref, "part", 0))
                seen_keys.add(key)
                try:
                    stat = ref.path.stat()
                except OSError:
                    failed += 1
                    if key in known:  # deleted (or made unreadable) since it was indexed
                        self._forget_page(connection, key)
                    continue
                state = (stat.st_size, stat.st_mtime_ns, version)
                if known.get(key) == state:
                    unchanged += 1
                else:
                    for ready in pipeline.put(key, ref, state):
                        self._write_page(connection, *ready)
                        pending += 1
                    indexed += 1
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
                for ready in pipeline.drain():
                    self._write_page(connection, *ready)
                for key in set(known) - seen_keys:
                    self._forget_page(connection, key)
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
            connection.execute("COMMIT")
        except BaseException:
            # SQLite rolls back by itself on a full disk or an I/O error: a second ROLLBACK would
            # raise "no transaction is active" and hide the real cause.
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise
        if not cancelled and indexed and indexed * 10 >= seen:
            self._compact(connection)
        report = IndexProgress(seen, indexed, unchanged, failed, finished=not cancelled, cancelled=cancelled)
        if progress is not None:
            progress(report)
        return report

    @staticmethod
    def _compact(connection: sqlite3.Connection) -> None:
        """After a big build: fold the write-ahead log back into the file (FTS5's 'optimize'
        was measured too: 2 % smaller, but the rewrite leaves the file bigger until a VACUUM)."""
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _forget_page(self, connection: sqlite3.Connection, key: str) -> None:
        """Remove a page's articles; their FTS ids stay behind, dead (see the module's note)."""
        row = connection.execute("SELECT id FROM pages WHERE key=?", (key,)).fetchone()
        if row is None:
            return
        dropped = connection.execute("DELETE FROM docs WHERE page=?", (row[0],)).rowcount
        if dropped:
            connection.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key='dead'", (dropped,)
            )
        connection.execute("DELETE FROM pages WHERE id=?", (row[0],))

    def _write_page(
        self,
        connection: sqlite3.Connection,
        key: str,
        ref: PageRefLike,
        state: tuple[int, int, str],
        prepared: PreparedPage,
    ) -> None:
        self._forget_page(connection, key)
        page_id = connection.execute(
            "INSERT INTO pages (key, rel, path, part, size, mtime_ns, parser_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, _db_key(ref.rel), _db_key(os.fspath(ref.path)), getattr(ref, "part", 0), *state),
        ).lastrowid
        for article in prepared.articles:
            doc_id = connection.execute(
                "INSERT INTO docs (page, number, article_id, date, page_no, kind, authors) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    page_id,
                    article.number,
                    article.article_id,
                    prepared.date,
                    prepared.page_no,
                    article.kind,
                    article.authors,
                ),
            ).lastrowid
            connection.execute("INSERT INTO fts (rowid, tokens) VALUES (?, ?)", (doc_id, article.tokens))
            if article.head_tokens:
                connection.execute(
                    "INSERT INTO head (rowid, tokens) VALUES (?, ?)", (doc_id, article.head_tokens)
                )

    # -- querying ----------------------------------------------------------------------------

    def search(
        self, query: str, *, limit: int | None = 100, filters: Filters | None = None, offset: int = 0
    ) -> SearchResults:
        """Articles matching `query`, in the order `filters.sort` asks (relevance: headline
        and byline hits first, then newest first), with the total count.

        Only the first `offset + limit` matching articles are checked and located (None: all
        of them), so showing the first screen of results costs little even when thousands
        match; `offset` skips the first ones (the app's next page of results).
        Raises ValueError for a query with nothing to look for.
        """
        parsed = parse_query(query, filters)
        plan = self._plan(parsed)
        results: list[ArticleResult] = []
        more = False
        try:
            with self._session() as connection:
                complete = self._complete(connection)
                indexed_pages = self._indexed_pages(connection)
                total = self._count(connection, plan)
                skipped = 0
                for result in self._iter_results(connection, parsed, plan):
                    if skipped < offset:
                        skipped += 1
                        continue
                    if limit is not None and len(results) >= limit:
                        more = True
                        break
                    results.append(result)
        except sqlite3.Error as error:
            raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error
        if not more:  # every match was checked: the count is the list's length
            return SearchResults(
                query, tuple(results), complete, indexed_pages, False, skipped + len(results), True
            )
        return SearchResults(query, tuple(results), complete, indexed_pages, True, total, plan.exact_count)

    def count(self, query: str, filters: Filters | None = None) -> tuple[int, bool]:
        """(matching articles, exact): one aggregate query over the index. Not exact (an upper
        bound) for phrases of 3+ characters, pinyin and title filters, which only the check
        of each article settles."""
        plan = self._plan(parse_query(query, filters))
        try:
            with self._session() as connection:
                return self._count(connection, plan), plan.exact_count
        except sqlite3.Error as error:
            raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error

    def iter_results(self, query: str, filters: Filters | None = None) -> Iterator[ArticleResult]:
        """Matching articles one by one, in order, without holding them all (`reader search`).

        The connection closes when the iteration ends or the iterator is closed (`close()`
        closes it too). Raises ValueError for a query with nothing to look for.
        """
        parsed = parse_query(query, filters)
        plan = self._plan(parsed)
        try:
            with self._session() as connection:
                yield from self._iter_results(connection, parsed, plan)
        except sqlite3.Error as error:
            raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error

    @staticmethod
    def _plan(parsed: ParsedQuery) -> _Plan:
        """The SQL that lists the candidates of `parsed`; ValueError when nothing is asked."""
        filters = parsed.filters
        compiled = compile_query(parsed.words) if parsed.words else None
        if compiled is None and not filters.narrows:
            raise ValueError("empty query")
        conditions: list[str] = []
        params: list[object] = []
        expression = ""
        if compiled is not None:
            expression = literal_expression(compiled.folded)
            if compiled.pinyin is not None:
                pinyin = pinyin_expression(compiled.pinyin)
                if pinyin:
                    expression = f"({expression}) OR ({pinyin})"
            conditions.append("d.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
            params.append(expression)
        for title in filters.titles:
            conditions.append("d.id IN (SELECT rowid FROM head WHERE head MATCH ?)")
            params.append(literal_expression(fold(title)))
        for author in filters.authors:
            conditions.append("instr(d.authors, ?) > 0")
            params.append(fold(author))
        low, high = date_bounds(filters)
        if low:
            conditions.append("d.date >= ?")
            params.append(low)
        if high:
            conditions.append("d.date <> '' AND d.date <= ?")
            params.append(high)
        if filters.page:
            conditions.append("d.page_no = ?")
            params.append(normal_page(filters.page))
        if filters.kind:
            conditions.append("d.kind = ?")
            params.append(filters.kind)
        order_params: tuple[object, ...] = ()
        if filters.sort == "oldest":
            order = "d.date = '', d.date, d.id"
        elif filters.sort == "newest" or not expression:
            order = "d.date DESC, d.id DESC"
        else:
            order = "d.id IN (SELECT rowid FROM head WHERE head MATCH ?) DESC, d.date DESC, d.id DESC"
            order_params = (expression,)
        exact = (
            compiled is None or (compiled.pinyin is None and len(compiled.folded) <= 2)
        ) and not filters.titles
        return _Plan(" AND ".join(conditions) or "1", tuple(params), order, order_params, exact)

    @staticmethod
    def _count(connection: sqlite3.Connection, plan: _Plan) -> int:
        return int(
            connection.execute(f"SELECT count(*) FROM docs d WHERE {plan.where}", plan.params).fetchone()[0]
        )

    def _iter_results(
        self, connection: sqlite3.Connection, parsed: ParsedQuery, plan: _Plan
    ) -> Iterator[ArticleResult]:
        compiled = compile_query(parsed.words) if parsed.words else None
        cursor = connection.execute(
            "SELECT d.number, d.article_id, d.date, d.page_no, p.rel, p.path, p.part FROM docs d "
            f"JOIN pages p ON p.id = d.page WHERE {plan.where} ORDER BY {plan.order}",
            (*plan.params, *plan.order_params),
        )
        while rows := cursor.fetchmany(_DOCS_PER_FETCH):
            for number, article_id, date, page_no, stored_rel, stored_path, part in rows:
                rel, path = _from_db(stored_rel), _from_db(stored_path)
                article = self._article(path, rel, part, number, article_id)
                if article is None:
                    continue  # the page changed since it was indexed: the next update sees it
                if not all(_in_headline(article, title) for title in parsed.filters.titles):
                    continue
                if compiled is not None:
                    hits, total = _hits_in(article, compiled)
                    if not hits:  # the index only pre-selects: the phrase, pinyin... are checked here
                        continue
                else:
                    hits, total = [], 0
                yield ArticleResult(
                    rel,
                    article_id,
                    _short_title(article.title),
                    date,
                    tuple(hits),
                    total - len(hits),
                    page_no,
                    article.kind,
                    tuple(article.authors),
                )

    def _article(self, path: str, rel: str, part: int, number: int, article_id: str) -> Article | None:
        """The indexed article as its page reads now (parse cache); None when it is gone."""
        page = self._load_page(path, rel, part)
        articles = page.articles
        if number < len(articles) and articles[number].id == article_id:
            return articles[number]
        return next((article for article in articles if article.id == article_id), None)

    def by_month(self, query: str, filters: Filters | None = None) -> tuple[list[tuple[str, int]], bool]:
        """([(YYYY-MM, articles)], exact): how often the query appears over time, from one
        aggregate query (exact or an upper bound, as `count`). Undated articles are `""`."""
        plan = self._plan(parse_query(query, filters))
        try:
            with self._session() as connection:
                rows = connection.execute(
                    f"SELECT substr(d.date, 1, 7) AS month, count(*) FROM docs d WHERE {plan.where} "
                    "GROUP BY month ORDER BY month",
                    plan.params,
                ).fetchall()
        except sqlite3.Error as error:
            raise SearchIndexError(f"the search index {self.db_path}: {_describe(error)}") from error
        return [(str(month), int(n)) for month, n in rows], plan.exact_count
