"""`reader search QUERY [PATH...] [--json]`: grep over the reflowed text of an archive.

Unlike grep over the page files, this finds phrases that the column broke across two lines,
full-width/half-width and case variants, and pinyin (`reader search zxs` finds 章旭升).
The archive's index is kept in the cache directory for the next search and for the app. A
first search builds it; once it is complete, a search answers from it at once and checks
the files lazily: each page that holds a candidate is read through the parse cache, which
parses it again if it changed, and a detached `reader search --refresh` brings the index up
to date afterwards (new and removed pages) for the next search. `--fresh` checks every file
before answering instead.

Output: one line a hit, tab-separated: page, article id, title, snippet. With --json, one
object a hit per line: source, article_id, title, part ("body" or "headline"), block (index
of the block, or of the headline line), start, end (offsets in that text), snippet.
At most 100 hits an article are printed and a title is cut at 80 characters: a page that is
one huge line must not print gigabytes.
Filters: `--since`/`--until` (YYYY, YYYY-MM or YYYY-MM-DD), `--page` (版), `--author`, `--kind`,
and in the query itself `author:陈晓苏` and `title:基站`; `--sort relevance|newest|oldest`.
`--by month` prints how many articles match each month instead of the hits (a table, or
`--json` / `--csv`), every one checked: how often a term appeared over the years.
Exit status as grep: 0 something matched, 1 nothing did (or no page could be read),
2 bad usage (an empty query). A page file named on the command line that is binary,
unreadable or empty is one line on stderr, as with `reader parse`. An index that cannot be
opened (the cache directory is a file, not writable...) is one line on stderr and status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.pages import UNREADABLE, PageReader
from reader.search.index import ArticleResult, SearchIndex, SearchIndexError
from reader.search.matcher import compile_query
from reader.search.query import SORTS, Filters, parse_query

if TYPE_CHECKING:
    from reader.archive import Archive, PageRef

#: Page statuses reported for a page named on the command line: it has no text to search.
NOTHING_TO_SEARCH = (*UNREADABLE, "empty")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Optional for argparse, required by `run`: argparse would say "QUERY, PATH are required".
    parser.add_argument(
        "query", nargs="?", metavar="QUERY", help="text to find (Chinese, Latin, or pinyin like zxs)"
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="page files or folders (default: the bundled pages)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object a hit (or a month) per line")
    parser.add_argument("--csv", action="store_true", help="with --by month: comma-separated values")
    parser.add_argument("--since", metavar="DATE", default="", help="from this date on (YYYY[-MM[-DD]])")
    parser.add_argument("--until", metavar="DATE", default="", help="up to this date (YYYY[-MM[-DD]])")
    parser.add_argument("--page", metavar="N", default="", help="only this page (版) of each issue")
    parser.add_argument("--author", metavar="NAME", action="append", default=[], help="by this author")
    parser.add_argument("--kind", choices=("article", "photo", "brief", "notice"), default="")
    parser.add_argument("--sort", choices=SORTS, default="relevance", help="order of the articles")
    parser.add_argument("--by", choices=("month",), help="print the matching articles a month")
    parser.add_argument("--fresh", action="store_true", help="check every page file before answering")
    parser.add_argument("--refresh", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--cache", metavar="DIR", type=Path, help="cache directory (default: $READER_CACHE or the user's)"
    )


def _lines(result: ArticleResult, as_json: bool) -> list[str]:
    if not result.hits:  # found by its filters alone (`author:陈晓苏`): one line the article
        if as_json:
            record = {
                "source": result.source,
                "article_id": result.article_id,
                "title": result.title,
                "date": result.date,
                "authors": list(result.authors),
                "part": None,
            }
            return [json.dumps(record, ensure_ascii=False)]
        return [f"{result.source}\t{result.article_id}\t{result.title}\t{' '.join(result.authors)}"]
    lines = []
    for hit in result.hits:
        if as_json:
            record = {
                "source": result.source,
                "article_id": result.article_id,
                "title": result.title,
                "part": hit.part,
                "block": hit.block,
                "start": hit.start,
                "end": hit.end,
                "snippet": hit.snippet,
            }
            lines.append(json.dumps(record, ensure_ascii=False))
        else:
            lines.append(f"{result.source}\t{result.article_id}\t{result.title}\t{hit.snippet}")
    return lines


class _NamedPages:
    """The page files named on the command line: one that is binary, unreadable or empty gets
    a line on stderr, as `reader parse` and `reader names` say it. A page found in a named
    folder is searched quietly when binary or empty, but one this user may not read is said,
    as grep -r says "Permission denied": its text was not searched."""

    def __init__(self, names: list[str]) -> None:
        self._names = {os.path.abspath(os.path.expanduser(name)): name for name in names}
        self._refs: list[PageRef] = []
        self._denied: list[PageRef] = []

    def watch(self, refs: Iterator[PageRef]) -> Iterator[PageRef]:
        effective = os.access in os.supports_effective_ids
        for ref in refs:
            if str(ref.path) in self._names:
                self._refs.append(ref)
            elif not os.access(ref.path, os.R_OK, effective_ids=effective):
                self._denied.append(ref)
            yield ref

    def report_unreadable(self, archive: Archive) -> bool:
        """Say which pages could not be searched; True when one could not even be read."""
        reporter = PageReader("search")
        for ref in self._refs:
            page = archive.load(ref)  # from the parse cache: the index build just parsed it
            if page.status in NOTHING_TO_SEARCH:
                reporter.error(f"{self._names[str(ref.path)]}: {'; '.join(page.warnings)}")
        denied = PageReader("search")
        for ref in self._denied:
            denied.error(f"{ref.path}: permission denied")
        return denied.failed


_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _filters(args: argparse.Namespace) -> Filters | str:
    """The filters the options ask for, or the message saying which option is wrong."""
    for name in ("since", "until"):
        value = getattr(args, name)
        if value and not _DATE.match(value):
            return f"--{name} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD"
    return Filters(
        since=args.since,
        until=args.until,
        page=args.page,
        kind=args.kind,
        authors=tuple(args.author),
        sort=args.sort,
    )


def run(args: argparse.Namespace) -> int:
    if args.query is None:
        print("reader search: a QUERY is needed: reader search QUERY [PATH...]", file=sys.stderr)
        return 2
    if args.refresh:
        return _refresh(args)
    filters = _filters(args)
    if isinstance(filters, str):
        print(f"reader search: {filters}", file=sys.stderr)
        return 2
    parsed = parse_query(args.query, filters)
    if compile_query(parsed.words) is None and not parsed.filters.narrows:
        print("reader search: the query is empty (nothing but spaces)", file=sys.stderr)
        return 2
    args.filters = filters
    from reader.archive import Archive, default_archive_paths

    paths = [Path(p) for p in args.paths] or default_archive_paths()
    archive = Archive(paths, cache_dir=args.cache)
    try:
        return _search(args, paths, archive)
    except SearchIndexError as error:  # the cache dir is a file, read-only, full...
        print(f"reader search: {error}", file=sys.stderr)
        return 1


def _refresh(args: argparse.Namespace) -> int:
    """`reader search --refresh PATH...`: bring the index up to date, quietly (the detached
    child a warm search starts after answering)."""
    from reader.archive import Archive, default_archive_paths

    paths = [Path(p) for p in args.paths] or default_archive_paths()
    archive = Archive(paths, cache_dir=args.cache)
    try:
        SearchIndex.for_archive(paths, args.cache).update(archive.scan(), archive.load)
    except SearchIndexError:
        return 1
    return 0


def _refresh_later(args: argparse.Namespace) -> None:
    """Start `reader search --refresh` detached: the shell gets its prompt back at once."""
    import subprocess

    command = [sys.executable, "-c", "import sys; from reader.cli import main; sys.exit(main(sys.argv[1:]))"]
    command += ["search", "--refresh", "-", *args.paths]
    if args.cache is not None:
        command += ["--cache", str(args.cache)]
    # no way to start it (OSError): the next search checks the files itself
    with contextlib.suppress(OSError):
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


def _warm(index: SearchIndex, paths: list[Path], args: argparse.Namespace) -> bool:
    """True when the search may answer from the index before checking the files: it is
    complete, and only folders are named (a named page file is checked, to report it)."""
    if args.fresh or not all(path.is_dir() for path in paths):
        return False
    return index.complete and index.indexed_pages() > 0


def _search(args: argparse.Namespace, paths: list[Path], archive: Archive) -> int:
    index = SearchIndex.for_archive(paths, args.cache)
    try:
        warm = _warm(index, paths, args)
        unreadable = False
        if not warm:
            named = _NamedPages(args.paths)
            # a first build parses every page: two worker processes do it (one writer)
            workers = min(2, os.cpu_count() or 1) if index.indexed_pages() == 0 else 1
            report = index.update(named.watch(archive.scan()), archive.load, workers=workers)
            for error in archive.errors:
                print(f"reader search: {error}", file=sys.stderr)
            unreadable = named.report_unreadable(archive)
            if report.seen == 0 and not archive.errors:
                print("reader search: no pages (*.txt) found", file=sys.stderr)
        try:
            status = _answer(index, args)
            return 1 if unreadable else status
        finally:
            if warm:
                _refresh_later(args)
    finally:
        index.close()


def _answer(index: SearchIndex, args: argparse.Namespace) -> int:
    """Print the hits (or the months) of the query; the exit status."""
    if args.by == "month":
        return _by_month(index, args)
    matched = False
    out = sys.stdout
    # streamed, like grep: the first hits print at once and memory stays flat
    for result in index.iter_results(args.query, args.filters):
        matched = True
        out.write("".join(line + "\n" for line in _lines(result, args.json)))
    out.flush()
    return 0 if matched else 1


def _by_month(index: SearchIndex, args: argparse.Namespace) -> int:
    """Matching articles a month: the index's count where it is exact, else every one checked."""
    months, exact = index.by_month(args.query, args.filters)
    if not exact:
        counts: dict[str, int] = {}
        for result in index.iter_results(args.query, args.filters):
            month = result.date[:7]
            counts[month] = counts.get(month, 0) + 1
        months = sorted(counts.items())
    out = sys.stdout
    if args.json:
        for month, count in months:
            out.write(json.dumps({"month": month or None, "articles": count}) + "\n")
    elif args.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["month", "articles"])
        writer.writerows([(month, count) for month, count in months])
    else:
        width = max((count for _, count in months), default=0)
        for month, count in months:
            bar = "█" * max(1, round(40 * count / width)) if width else ""
            out.write(f"{month or 'undated':<8} {count:>7}  {bar}\n")
    out.flush()
    return 0 if months else 1
