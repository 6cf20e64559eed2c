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
2 bad usage (an empty query). An index that cannot be opened (the cache directory is a
file, not writable...) is one line on stderr and status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.search.index import ArticleResult, SearchIndex, SearchIndexError
from reader.search.matcher import compile_query

if TYPE_CHECKING:
    from reader.archive import Archive


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
        report = index.update_from_archive(archive)
        for error in archive.errors:
            print(f"reader search: {error}", file=sys.stderr)
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
    return 0 if matched else 1
