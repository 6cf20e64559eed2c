"""Between what the reader sees and what the store keeps: paragraphs, bookmarks, places to open.

The article view counts every block (paragraphs, subheads, continuation notes) while the store
counts paragraphs only (``Article.paragraphs``, what an export quotes and ``reanchor`` searches),
so a subhead added by a later parser does not shift every bookmark below it. These functions
convert between the two and find where a stored bookmark points in today's archive. No Textual
here: they run in worker threads and are tested without an app.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from reader.page.model import Article, Page
from reader.store import Bookmark, BookmarkStore, reanchor
from reader.ui.document import BlockKey
from reader.ui.entries import ArticleEntry
from reader.ui.position import ReadingPosition


def paragraph_at(article: Article, block: BlockKey | None) -> int:
    """The paragraph number (in ``article.paragraphs``) at or after block ``block``.

    A headline part at the top of the view (a string key) means the article's first paragraph;
    a subhead means the paragraph it introduces; past the last paragraph, the last one.
    """
    if not isinstance(block, int):
        return 0
    count = 0
    for index, candidate in enumerate(article.blocks):
        if candidate.kind == "paragraph":
            if index >= block:
                return count
            count += 1
    return max(count - 1, 0)


def block_of_paragraph(article: Article, paragraph: int) -> int:
    """The index in ``article.blocks`` of paragraph number ``paragraph`` (clamped; 0 if none)."""
    places = [index for index, block in enumerate(article.blocks) if block.kind == "paragraph"]
    if not places:
        return 0
    return places[min(max(paragraph, 0), len(places) - 1)]


def article_label(article: Article) -> str:
    """What the lists call an article: its title, else the start of its text."""
    if article.title:
        return article.title
    return article.blocks[0].text[:24] + "…" if article.blocks else article.id


def bookmark_here(entry: ArticleEntry, top: BlockKey | None, issue_label: str) -> Bookmark:
    """A new bookmark for the article shown, pointing at the paragraph at the top of the view."""
    article = entry.article
    paragraph = paragraph_at(article, top)
    paragraphs = article.paragraphs
    return Bookmark.at(
        entry.rel,
        article.id,
        title=article_label(article),
        paragraph=paragraph,
        paragraph_text=paragraphs[paragraph].text if paragraph < len(paragraphs) else "",
        issue_key=str(getattr(entry.ref, "issue_key", "")),
        issue_label=issue_label,
    )


def note_drafts(store: BookmarkStore, mark: Bookmark) -> dict[str, Any]:
    """The NoteScreen arguments that keep (and drop) the draft of `mark`'s note in `store`."""
    return {
        "keep": partial(store.drafts.save, mark.rel, mark.article_id, title=mark.title),
        "drop": partial(store.drafts.discard, mark.rel, mark.article_id),
    }


def recovered_text(store: BookmarkStore, mark: Bookmark, note: str) -> str | None:
    """The draft left for `mark`'s note, when there is one that differs from the saved note."""
    draft = store.drafts.get(*mark.key)
    return draft.text if draft is not None and draft.text != note else None


@dataclass(frozen=True, slots=True)
class Located:
    """Where a stored bookmark leads now: a place to open, or why it cannot be found."""

    bookmark: Bookmark
    position: ReadingPosition | None
    problem: str = ""

    @property
    def missing(self) -> bool:
        return self.position is None


def place_in_page(bookmark: Bookmark, ref: Any, page: Page) -> ReadingPosition | None:
    """The article and block a bookmark points at in a parsed page (re-anchored if needed)."""
    candidates = [(a.id, a.title, [p.text for p in a.paragraphs]) for a in page.articles]
    anchored = reanchor(bookmark, candidates)
    if anchored is None:
        return None
    article = next(a for a in page.articles if a.id == anchored.article_id)
    return ReadingPosition(
        str(getattr(ref, "rel", bookmark.rel)),
        article.id,
        0,
        block_of_paragraph(article, anchored.paragraph) if anchored.paragraph > 0 else 0,
        str(getattr(ref, "issue_key", bookmark.issue_key)),
    )


def locate(archive: Any, bookmark: Bookmark, *, scan_done: bool = True) -> Located:
    """Find a bookmark's page and article in the archive (parses the page: call from a worker)."""
    ref = archive.find(bookmark.rel)
    if ref is None:
        still = " yet (the archive is still being scanned)" if not scan_done else ""
        return Located(bookmark, None, f"its page {bookmark.rel} is not in the open archive{still}")
    page = archive.load(ref)
    position = place_in_page(bookmark, ref, page)
    if position is None:
        return Located(bookmark, None, f"the article is no longer on {bookmark.rel}")
    return Located(bookmark, position)
