"""The pieces of an article the name finder reads: headline lines, the byline, body blocks.

Each piece keeps jieba's tagged words with their offsets, so every rule can ask where jieba
cut (`word_starts`, `word_ends`) and what it tagged, without segmenting twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from reader.lang import segment


class BlockLike(Protocol):
    kind: str
    text: str


class ArticleLike(Protocol):
    """What the name finder reads of a `reader.page.Article` (so tests can pass their own)."""

    # read-only properties: a frozen Article (and any object with these attributes) matches
    @property
    def headline(self) -> Sequence[str]: ...
    @property
    def byline(self) -> str: ...
    @property
    def authors(self) -> Sequence[str]: ...
    @property
    def blocks(self) -> Sequence[Any]: ...


@dataclass
class ArticleText:
    """One piece of the article to search: a headline line, the byline or a body block.

    Where jieba's words start and end is asked by every rule, many times: computed once."""

    text: str
    block: int | None  # index into article.blocks, None for headline and byline
    words: list[segment.TaggedWord] = field(default_factory=list)

    @cached_property
    def word_starts(self) -> frozenset[int]:
        return frozenset(w.start for w in self.words)

    @cached_property
    def word_ends(self) -> frozenset[int]:
        return frozenset(w.end for w in self.words)


def article_texts(article: ArticleLike) -> list[ArticleText]:
    """The headline lines, the byline and the body blocks (not continuation markers), tagged."""
    pieces: list[tuple[str, int | None]] = [(line, None) for line in article.headline if line.strip()]
    if article.byline.strip():
        pieces.append((article.byline, None))
    for index, block in enumerate(article.blocks):
        if block.kind != "continuation" and block.text.strip():
            pieces.append((block.text, index))
    return [ArticleText(text, block, segment.tagged(text)) for text, block in pieces]
