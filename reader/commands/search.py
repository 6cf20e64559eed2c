"""`reader search QUERY [PATH...] [--json]`: grep over the reflowed text of an archive.

Unlike grep over the page files, this finds phrases that the column broke across two lines,
full-width/half-width and case variants, and pinyin (`reader search zxs` finds 章旭升).
The archive's index is brought up to date first (only new or changed pages are parsed), and
kept in the cache directory for the next search and for the app.

Output: one line a hit, tab-separated: page, article id, title, snippet. With --json, one
object a hit per line: source, article_id, title, part ("body" or "headline"), block (index
of the block, or of the headline line), start, end (offsets in that text), snippet.
At most 100 hits an article are printed and a title is cut at 80 characters: a page that is
one huge line must not print gigabytes.
Exit status as grep: 0 something matched, 1 nothing did (or no page could be read),
2 bad usage (an empty query). A page file named on the command line that is binary,
unreadable or empty is one line on stderr, as with `reader parse`. An index that cannot be
opened (the cache directory is a file, not writable...) is one line on stderr and status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.pages import UNREADABLE, PageReader
from reader.search.index import ArticleResult, SearchIndex, SearchIndexError
from reader.search.matcher import compile_query

if TYPE_CHECKING:
    from reader.archive import Archive, PageRef

#: Page statuses reported for a page named on the command line: it has no text to search.
NOTHING_TO_SEARCH = (*UNREADABLE, "empty")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="text to find (Chinese, Latin, or pinyin like zxs)")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="page files or folders (default: the bundled pages)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object a hit per line")
    parser.add_argument(
        "--cache", metavar="DIR", type=Path, help="cache directory (default: $READER_CACHE or the user's)"
    )


def _lines(result: ArticleResult, as_json: bool) -> list[str]:
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


def run(args: argparse.Namespace) -> int:
    if compile_query(args.query) is None:
        print("reader search: the query is empty (nothing but spaces)", file=sys.stderr)
        return 2
    from reader.archive import Archive, default_archive_paths

    paths = [Path(p) for p in args.paths] or default_archive_paths()
    archive = Archive(paths, cache_dir=args.cache)
    try:
        return _search(args, paths, archive)
    except SearchIndexError as error:  # the cache dir is a file, read-only, full...
        print(f"reader search: {error}", file=sys.stderr)
        return 1


def _search(args: argparse.Namespace, paths: list[Path], archive: Archive) -> int:
    index = SearchIndex.for_archive(paths, args.cache)
    try:
        named = _NamedPages(args.paths)
        report = index.update(named.watch(archive.scan()), archive.load)
        for error in archive.errors:
            print(f"reader search: {error}", file=sys.stderr)
        unreadable = named.report_unreadable(archive)
        if report.seen == 0 and not archive.errors:
            print("reader search: no pages (*.txt) found", file=sys.stderr)
        matched = False
        out = sys.stdout
        # streamed, like grep: the first hits print at once and memory stays flat
        for result in index.iter_results(args.query):
            matched = True
            out.write("".join(line + "\n" for line in _lines(result, args.json)))
        out.flush()
    finally:
        index.close()
    return 0 if matched and not unreadable else 1
