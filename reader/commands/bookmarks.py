"""`reader bookmarks [list|export] [--format md|json] [--db PATH]`: the reader's notes, outside the app.

``list`` prints one line a bookmark, newest first; ``export`` writes them all to stdout, as
Markdown grouped by issue (title, the bookmarked paragraph quoted, the note) or as a JSON list
for scripts. The database is the app's: ``--db PATH``, else ``$READER_DB``, else the user data dir.

Exit status: 0 done; 1 ``list`` found no bookmark, or the database could not be read; 2 bad usage.
An export of an empty store is still a valid document (``[]`` or a heading) with status 0, so a
script can always parse what it gets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from reader.store import Bookmark, BookmarkStore

#: Issue heading for bookmarks that name no issue and sit at the archive root.
NO_ISSUE = "(no issue)"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


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


def _escape(text: str) -> str:
    """Titles are newspaper text, not Markdown: characters Markdown would act on are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.splitlines() if line.strip()]


def _note_lines(note: str) -> list[str]:
    """The reader's note as written, except that a line cannot turn into a heading of the export."""
    return [f"\\{line}" if line.startswith("#") else line for line in note.strip().splitlines()]


def _issue_order(issue: str) -> tuple[int, str]:
    return (1, "") if issue == NO_ISSUE else (0, issue)


def export_markdown(marks: Iterable[Bookmark]) -> str:
    """Notes grouped by issue (in issue order), each with its title, quoted paragraph and note."""
    groups: dict[str, list[Bookmark]] = {}
    for mark in marks:
        groups.setdefault(mark.issue or NO_ISSUE, []).append(mark)
    out = ["# Bookmarks", ""]
    for issue in sorted(groups, key=_issue_order):
        out += [f"## {_escape(issue)}", ""]
        for mark in sorted(groups[issue], key=lambda m: (m.rel, m.paragraph, m.created)):
            out += [f"### {_escape(mark.title or mark.article_id)}", ""]
            out += [
                f"`{mark.rel}` · article {mark.article_id} · paragraph {mark.paragraph + 1} · {mark.created}",
                "",
            ]
            quoted = _quote(mark.paragraph_text)
            if quoted:
                out += [*quoted, ""]
            if mark.note.strip():
                out += [*_note_lines(mark.note), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def export_json_objects(marks: Iterable[Bookmark]) -> list[dict[str, Any]]:
    """One object a bookmark; ``paragraph`` is the paragraph's text, ``paragraph_index`` its place."""
    return [
        {
            "source": mark.rel,
            "article_id": mark.article_id,
            "title": mark.title,
            "issue": mark.issue,
            "issue_key": mark.issue_key,
            "paragraph": mark.paragraph_text,
            "paragraph_index": mark.paragraph,
            "note": mark.note,
            "created": mark.created,
            "updated": mark.updated,
        }
        for mark in marks
    ]


def run(args: argparse.Namespace) -> int:
    store = BookmarkStore(args.db)
    for message in store.take_messages():
        print(f"reader bookmarks: {message}", file=sys.stderr)
    if store.writable_reason is not None:
        return 1  # the file is unreadable and stayed in place: nothing to list or export
    marks = store.list()
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
