"""Where a query occurs in an article: the spans the article view highlights and steps through.

Matching runs on the reflowed text of each block (`Block.text`), never on the page file's
lines, so a phrase that the column broke across two lines (`数字` / `经济`) is one phrase here.
Both sides are folded (`fold.py`) and every span is mapped back to the original characters.
A Latin-letter query matches literally (`GDP`) and by pinyin (`zxs` finds 章旭升); where the
two overlap, the earlier and then the longer span wins, so highlights never overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reader.page.model import Article
from reader.search.fold import fold, fold_with_offsets
from reader.search.pinyin_match import PinyinQuery, find_pinyin, parse_pinyin_query


@dataclass(frozen=True, slots=True)
class Query:
    """A query compiled once and matched against many texts (the folded form and its pinyin)."""

    text: str
    folded: str
    pinyin: PinyinQuery | None


@lru_cache(maxsize=256)
def compile_query(text: str) -> Query | None:
    """The compiled query, or None when nothing is left to look for (empty or only spaces)."""
    folded = fold(text)
    if not folded:
        return None
    return Query(text, folded, parse_pinyin_query(text))


@dataclass(frozen=True, slots=True, order=True)
class Match:
    """A hit in an article body: `article.blocks[block_index].text[start:end]`."""

    block_index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True, order=True)
class HeadlineMatch:
    """A hit in a headline line: `article.headline[line][start:end]`."""

    line: int
    start: int
    end: int


def _literal_spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at >= 0:
        spans.append((at, at + len(needle)))
        at = haystack.find(needle, at + len(needle))
    return spans


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, each starting after the previous one ended (earliest, then longest, wins)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def find_in_text(text: str, query: Query) -> list[tuple[int, int]]:
    """(start, end) spans of `text` (original offsets) where `query` matches, in order."""
    plain = fold(text)  # C speed; the offsets are mapped only for a text that has a hit
    spans = _literal_spans(plain, query.folded)
    if query.pinyin is not None:
        spans.extend(find_pinyin(plain, query.pinyin))
    if not spans:
        return []
    folded = fold_with_offsets(text)
    return [folded.original_span(start, end) for start, end in _without_overlaps(spans)]


def _as_query(query: str | Query) -> Query | None:
    return compile_query(query) if isinstance(query, str) else query


def find_in_article(article: Article, query: str | Query) -> list[Match]:
    """Every hit in the article's blocks, in reading order ([] for an empty query)."""
    compiled = _as_query(query)
    if compiled is None:
        return []
    return [
        Match(index, start, end)
        for index, block in enumerate(article.blocks)
        for start, end in find_in_text(block.text, compiled)
    ]


def find_in_headline(article: Article, query: str | Query) -> list[HeadlineMatch]:
    """Every hit in the headline lines (kicker, title, subtitles), top to bottom."""
    compiled = _as_query(query)
    if compiled is None:
        return []
    return [
        HeadlineMatch(line, start, end)
        for line, text in enumerate(article.headline)
        for start, end in find_in_text(text, compiled)
    ]
