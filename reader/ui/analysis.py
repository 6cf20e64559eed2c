"""What the names panel, the word cursor, the popup and inline pinyin need of one article.

`analyse(article)` runs in a thread worker (it loads jieba, CC-CEDICT's proper nouns and
pypinyin on first use): it finds the article's people and places with `reader.lang.names`,
reads each name into tone-marked pieces, and segments every display block into words for
the word cursor, names kept whole. The result goes back to the screen in `ArticleAnalysed`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from textual.message import Message

from reader.lang.names import NameHit, Names
from reader.page.model import Article
from reader.ui.document import Annotation, article_blocks
from reader.ui.words import ArticleWords, NameKind, NameSpot, Pieces, name_spots, reading_annotation


@dataclass(frozen=True, slots=True)
class NameEntry:
    """A found name with its kind and its reading cut into tone pieces."""

    hit: NameHit
    kind: NameKind
    pieces: Pieces


@dataclass(slots=True)
class Analysis:
    """One article's names, their occurrences on screen, and its words."""

    article: Article
    names: Names
    entries: dict[str, NameEntry]
    spots: list[NameSpot]
    words: ArticleWords
    seconds: float  # how long the analysis took (jieba's first load included)
    annotations: list[Annotation] = field(default_factory=list)

    def entry(self, name: str) -> NameEntry | None:
        return self.entries.get(name)

    def spots_of(self, name: str) -> list[NameSpot]:
        """The occurrences of `name` in reading order (headline first, then the body)."""
        found = [spot for spot in self.spots if spot.name == name]
        return sorted(found, key=lambda spot: self.words.order(spot.block, spot.start))

    def spot_at(self, block: object, start: int, end: int) -> NameSpot | None:
        """The name occurrence exactly covering `start:end` of `block`, if any."""
        return next(
            (s for s in self.spots if s.block == block and s.start == start and s.end == end),
            None,
        )


class ArticleAnalysed(Message):
    """The worker finished `analyse` for an article (or failed with `error`)."""

    def __init__(self, article: Article, analysis: Analysis | None, error: str = "") -> None:
        super().__init__()
        self.article = article
        self.analysis = analysis
        self.error = error


def analyse(article: Article) -> Analysis:
    """Names, readings and words of `article` (slow on first use: call it from a worker)."""
    from reader.lang import segment
    from reader.lang.names import find_names
    from reader.lang.pinyin import name_pieces

    started = time.perf_counter()
    segment.ensure_loaded()
    names = find_names(article)
    entries: dict[str, NameEntry] = {}
    for kind, hits in (("person", names.people), ("place", names.places)):
        for hit in hits:
            pieces = hit.pieces or tuple(name_pieces(hit.name, kind))  # type: ignore[arg-type]
            entries[hit.name] = NameEntry(hit, kind, pieces)  # type: ignore[arg-type]
    blocks = article_blocks(article)
    spots = name_spots(blocks, [(name, e.kind, e.hit.spans) for name, e in entries.items()])
    words = ArticleWords(blocks, lambda text: [(w.start, w.end) for w in segment.words(text)])
    words.merge_names(spots)
    analysis = Analysis(article, names, entries, spots, words, 0.0)
    analysis.annotations = [reading_annotation(spot, entries[spot.name].pieces) for spot in spots]
    analysis.seconds = time.perf_counter() - started
    return analysis
