"""Bookmarks and notes as documents: Markdown grouped by issue, or JSON objects for scripts.

Used by `reader bookmarks export` and by the app's bookmarks screen (`x`), so both write the
same document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reader.store.model import Bookmark

#: Issue heading for bookmarks that name no issue and sit at the archive root.
NO_ISSUE = "(no issue)"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _escape(text: str) -> str:
    """Titles are newspaper text, not Markdown: characters Markdown would act on are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.splitlines() if line.strip()]


def _note_lines(note: str) -> list[str]:
    """The reader's note as written, except that a line cannot turn into a heading of the export.

    Markdown joins consecutive lines into one: a line followed by another ends in a backslash
    (a hard line break), so the note keeps its lines; blank lines stay paragraph breaks."""
    lines = [f"\\{line}" if line.startswith("#") else line for line in note.strip().splitlines()]
    return [
        f"{line}\\" if line.strip() and index + 1 < len(lines) and lines[index + 1].strip() else line
        for index, line in enumerate(lines)
    ]


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
                # "paragraph 2 (index 1)": counted from 1 for the reader, the JSON's paragraph_index too
                f"`{mark.rel}` · article {mark.article_id} · paragraph {mark.paragraph + 1}"
                f" (index {mark.paragraph}) · {mark.created}",
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
