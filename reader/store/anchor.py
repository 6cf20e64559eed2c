"""Finding a bookmarked article again after the parser has changed how it splits a page.

Pure functions on plain data, so the UI, the CLI and the tests can use them without an archive.
The order of the search follows how much each clue can be trusted:

1. the same article id *and* the same title (or the saved paragraph inside it): nothing moved;
2. the same title: ids are positional, so a new split can renumber the articles;
3. a paragraph starting with the saved characters: the title was re-read differently;
4. the same id alone: the page changed beyond recognition, but the id is the best remaining clue.

Whitespace is ignored when comparing text, because reflow rules change spacing between versions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reader.store.model import Bookmark

#: (article id, title, paragraph texts), the shape of ``[(a.id, a.title, [p.text ...]) ...]``.
Candidate = tuple[str, str, Sequence[str]]
Match = Literal["id", "title", "text", "id-only"]


@dataclass(frozen=True, slots=True)
class Anchored:
    """Where a bookmark points now: article id, paragraph index, and which clue found it."""

    article_id: str
    paragraph: int
    found_by: Match


def _squash(text: str) -> str:
    return "".join(text.split())


def _paragraph_in(bookmark: Bookmark, paragraphs: Sequence[str]) -> int | None:
    """Index of the bookmarked paragraph: the saved index if its text still matches, else a search."""
    anchor = bookmark.anchor_text
    if not anchor:
        return None
    squashed = [_squash(p) for p in paragraphs]
    if bookmark.paragraph < len(squashed) and squashed[bookmark.paragraph].startswith(anchor):
        return bookmark.paragraph
    for index, text in enumerate(squashed):
        if text.startswith(anchor):
            return index
    for index, text in enumerate(squashed):
        if anchor in text:  # the paragraph was merged into the one before it
            return index
    return None


def _clamped(index: int, paragraphs: Sequence[str]) -> int:
    return min(index, max(len(paragraphs) - 1, 0))


def reanchor(bookmark: Bookmark, candidates: Sequence[Candidate]) -> Anchored | None:
    """The article and paragraph a bookmark points at in a (re)parsed page, or None if gone.

    A None does not delete anything: the bookmark stays listed, shown as not found.
    """
    title = _squash(bookmark.title)

    def located(article_id: str, paragraphs: Sequence[str], found_by: Match) -> Anchored:
        index = _paragraph_in(bookmark, paragraphs)
        return Anchored(
            article_id, index if index is not None else _clamped(bookmark.paragraph, paragraphs), found_by
        )

    same_id = [c for c in candidates if c[0] == bookmark.article_id]
    for article_id, candidate_title, paragraphs in same_id:
        if (title and _squash(candidate_title) == title) or _paragraph_in(bookmark, paragraphs) is not None:
            return located(article_id, paragraphs, "id")
    if title:
        for article_id, candidate_title, paragraphs in candidates:
            if _squash(candidate_title) == title:
                return located(article_id, paragraphs, "title")
    for article_id, _title, paragraphs in candidates:
        index = _paragraph_in(bookmark, paragraphs)
        if index is not None:
            return Anchored(article_id, index, "text")
    for article_id, _title, paragraphs in same_id:
        return located(article_id, paragraphs, "id-only")
    return None
