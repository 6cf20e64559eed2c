"""`reader bookmarks [list|export] [--format md|json] [--db PATH]`: the reader's notes, outside the app.

``list`` prints one line a bookmark, newest first; ``export`` writes them all to stdout, as
Markdown grouped by issue (title, the bookmarked paragraph quoted, the note) or as a JSON list
for scripts. The database is the app's: ``--db PATH``, else ``$READER_DB``, else the user data dir.

Exit status: 0 done; 1 ``list`` found no bookmark, or the file is not a readable bookmark
database; 2 bad usage. An export of an empty (or not yet created) store is still a valid document
(``[]`` or a heading) with status 0, so a script can always parse what it gets.

Both are read-only: they never move, create or lock a file, whatever ``--db`` points at.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.store import Bookmark, BookmarkStore
from reader.store.export import NO_ISSUE, export_json_objects, export_markdown


def add_arguments(parser: argparse.ArgumentParser) -> None:
    db_help = "bookmark database (default: $READER_DB, else the user data dir)"
    parser.add_argument("--db", metavar="PATH", help=db_help)
    actions = parser.add_subparsers(dest="action", metavar="{list,export}")
    listing = actions.add_parser("list", help="one line a bookmark, newest first (the default)")
    listing.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    export = actions.add_parser("export", help="all bookmarks and notes as Markdown or JSON on stdout")
    export.add_argument("--format", choices=("md", "json"), default="md", help="md (default) or json")
    export.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)


def _one_line(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def format_list_line(mark: Bookmark) -> str:
    """``date  issue  title  [note]``: what a reader needs to recognise a bookmark."""
    title = mark.title or mark.article_id
    line = f"{mark.created[:16].replace('T', ' ')}  {mark.issue or NO_ISSUE}  {_one_line(title, 40)}"
    line += f"  ({mark.rel})"
    if mark.note.strip():
        line += f"  — {_one_line(mark.note, 60)}"
    return line


def run(args: argparse.Namespace) -> int:
    store = BookmarkStore(args.db, read_only=True)
    for message in store.take_messages():
        print(f"reader bookmarks: {message}", file=sys.stderr)
    if store.writable_reason is not None:
        return 1  # the file is unreadable and stayed in place: nothing to list or export
    marks = store.list()
    if store.writable_reason is not None:  # found unreadable while listing
        for message in store.take_messages():
            print(f"reader bookmarks: {message}", file=sys.stderr)
        return 1
    action = args.action or "list"
    if action == "list":
        if not marks:
            print(f"reader bookmarks: no bookmarks in {store.path}", file=sys.stderr)
            return 1
        sys.stdout.write("".join(format_list_line(mark) + "\n" for mark in marks))
    elif args.format == "json":
        sys.stdout.write(json.dumps(export_json_objects(marks), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(export_markdown(marks))
    sys.stdout.flush()
    return 0
