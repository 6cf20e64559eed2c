"""The words of an article as the word cursor walks them, and the names placed on its text.

Pure Python (no Textual): the article view asks jieba (in a worker) for each display
block's words, and this module keeps them in reading order, drops punctuation and spaces,
and makes every name the name finder found one word, even where jieba cut it in two (施礼+干).
It also turns found names into inline annotations (the pinyin drawn after each occurrence).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from reader.ui.document import Annotation, BlockKey, DocBlock

NameKind = Literal["person", "place"]
#: jieba's words of a text as (start, end) offsets.
Segmenter = Callable[[str], Iterable[tuple[int, int]]]
#: A reading cut into (text, tone) pieces, tone 0 for separators (`reader.lang.pinyin.name_pieces`).
Pieces = Sequence[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class WordSpan:
    """Characters `start:end` of display block `block`: one word the cursor can stand on."""

    block: BlockKey
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class NameSpot:
    """One occurrence of a found name in a display block."""

    block: BlockKey
    start: int
    end: int
    name: str
    kind: NameKind


def is_word(text: str) -> bool:
    """A word worth a cursor stop: it has a letter, digit or Chinese character (not `，` or spaces)."""
    return any(char.isalnum() for char in text)


def name_spots(
    blocks: Sequence[DocBlock], names: Iterable[tuple[str, NameKind, Sequence[tuple[int, int, int]]]]
) -> list[NameSpot]:
    """Every occurrence of the names in the display blocks.

    `names` gives (name, kind, body spans): the finder's spans (block index, start, end) are
    used for the body; the headline parts (title, byline...), which it does not map, are
    searched, longest names first so that 金华市 is not also marked as 金华.
    """
    spots: list[NameSpot] = []
    known = list(names)
    body_keys = {block.key for block in blocks if isinstance(block.key, int)}
    for name, kind, spans in known:
        spots.extend(NameSpot(b, s, e, name, kind) for b, s, e in spans if b in body_keys)
    for block in blocks:
        if isinstance(block.key, int):
            continue
        covered = bytearray(len(block.text))
        for name, kind, _ in sorted(known, key=lambda item: len(item[0]), reverse=True):
            start = block.text.find(name) if name else -1
            while start >= 0:
                end = start + len(name)
                if not any(covered[start:end]):
                    covered[start:end] = b"\x01" * len(name)
                    spots.append(NameSpot(block.key, start, end, name, kind))
                start = block.text.find(name, end)
    return spots


class ArticleWords:
    """The cursor stops of one article, in reading order, with names kept whole."""

    def __init__(self, blocks: Sequence[DocBlock], segmenter: Segmenter) -> None:
        self.blocks = list(blocks)
        self._order = {block.key: index for index, block in enumerate(self.blocks)}
        self._segmented: dict[BlockKey, list[tuple[int, int]]] = {
            block.key: [(s, e) for s, e in segmenter(block.text) if is_word(block.text[s:e])]
            for block in self.blocks
        }
        self.words: list[WordSpan] = []
        self._keys: list[tuple[int, int]] = []
        self.merge_names(())

    def merge_names(self, spots: Iterable[NameSpot]) -> None:
        """Make each name occurrence one word: the words it overlaps give way to it."""
        by_block: dict[BlockKey, list[tuple[int, int]]] = {}
        for spot in spots:
            by_block.setdefault(spot.block, []).append((spot.start, spot.end))
        words: list[WordSpan] = []
        for block in self.blocks:
            names = sorted(by_block.get(block.key, ()))
            kept = [
                (s, e)
                for s, e in self._segmented[block.key]
                if not any(s < ne and ns < e for ns, ne in names)
            ]
            words.extend(WordSpan(block.key, s, e) for s, e in sorted({*kept, *names}))
        self.words = words
        self._keys = [self.order(word.block, word.start) for word in words]

    def order(self, block: BlockKey, offset: int) -> tuple[int, int]:
        """A sort key for a place in the article: (block in reading order, offset)."""
        return self._order.get(block, -1), offset

    def __len__(self) -> int:
        return len(self.words)

    def text(self, word: WordSpan) -> str:
        return self.blocks[self._order[word.block]].text[word.start : word.end]

    def at(self, block: BlockKey, offset: int) -> WordSpan | None:
        """The word covering character `offset` of `block`, else the next word of that block."""
        index = bisect_right(self._keys, self.order(block, offset)) - 1
        for candidate in (index, index + 1):
            if 0 <= candidate < len(self.words):
                word = self.words[candidate]
                if word.block == block and offset < word.end:
                    return word
        return None

    def step(self, word: WordSpan | None, count: int) -> WordSpan | None:
        """The word `count` words after `word` (before it when negative), clamped to the article."""
        if not self.words:
            return None
        if word is None:
            return self.words[0] if count >= 0 else self.words[-1]
        index = bisect_right(self._keys, self.order(word.block, word.start)) - 1
        return self.words[max(0, min(len(self.words) - 1, index + count))]

    def first_from(self, block: BlockKey) -> WordSpan | None:
        """The first word in `block` or after it."""
        index = bisect_right(self._keys, self.order(block, -1))
        return self.words[index] if index < len(self.words) else None


def reading_annotation(spot: NameSpot, pieces: Pieces) -> Annotation:
    """The inline pinyin after one name occurrence: `(Zhāng Xùshēng)`, each syllable in its tone."""
    inner = tuple((text, f"tone-{tone}") for text, tone in pieces)
    return Annotation(spot.block, spot.start, spot.end, (("(", "tone-0"), *inner, (")", "tone-0")))
