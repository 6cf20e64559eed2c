"""Folding away the differences a reader does not see, with a map back to the original text.

A page typed on a Chinese system mixes full-width and half-width forms (`ＧＤＰ` and `GDP`,
`１４．１％` and `14.1%`), capitals and small letters, and spaces that a column layout or a
despacing rule left in the middle of words (`章 旭升`). A reader sees the same word in all of
them, so search compares folded text: compatibility forms normalised (NFKC, one character at
a time), Latin case lowered, every space (the full-width `　` too) dropped, and traditional
characters written as simplified ones (OpenCC's `t2s`, one character at a time: `數字經濟`
finds `数字经济` and back). A character at a time, because both sides only need to fold
alike, and because it keeps the map back to the original text one character for one.

Dropping and expanding characters moves offsets, so `fold_with_offsets` also returns, for
each folded character, the index of the original character it came from: a match found in
the folded text is highlighted on the original characters (`Folded.original_span`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache

#: Invisible characters that PDF extractors leave inside words; a reader never sees them.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@lru_cache(maxsize=1)
def _to_simplified() -> Callable[[str], str]:
    """OpenCC's traditional-to-simplified conversion, loaded on first use (about 40 ms)."""
    import opencc

    return opencc.OpenCC("t2s").convert


def _fold_char(char: str) -> str:
    """How one character reads: '' for spaces, the ASCII form of a full-width form, lower case,
    simplified."""
    if char.isspace() or char in _INVISIBLE:
        return ""
    folded = unicodedata.normalize("NFKC", char).lower()
    if not folded.isascii():
        with suppress(UnicodeError, ValueError):  # a lone surrogate from an odd decoding: as it is
            folded = _to_simplified()(folded)
    # NFKC turns the full-width space and a few others into ASCII spaces: still spaces.
    return "".join(c for c in folded if not c.isspace())


class _FoldTable(dict[int, str]):
    """`str.translate` table filled on first sight of each character.

    Folding a whole archive (150 million characters for ten years of a daily) must run at C
    speed: `str.translate` does, and it only calls back into Python once per distinct
    character, which is a few thousand for Chinese text.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        if len(folded) != 1:
            _UNEVEN.add(chr(code))
        return folded


_TABLE = _FoldTable()
#: Characters that fold to none or to several (spaces, ligatures such as ㎡): only a text
#: holding one needs its offsets mapped one by one. Filled as the table is.
_UNEVEN: set[str] = set()


def fold(text: str) -> str:
    """The folded form of `text` (no offsets): for indexing and for queries."""
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, for each of its characters, the index of the original character."""

    text: str
    origins: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of folded[start:end]: first to last original character.

        A match never starts or ends on a dropped space (folded text has none), so the span
        runs from the first matched character to the last one, spaces inside included.
        """
        if start >= end:
            raise ValueError(f"empty span {start}:{end}")
        return self.origins[start], self.origins[end - 1] + 1


def fold_with_offsets(text: str) -> Folded:
    """Fold `text` and remember where each folded character came from."""
    folded = text.translate(_TABLE)  # fills the table, and so _UNEVEN, for every character
    if _UNEVEN.isdisjoint(text):  # one for one: the offsets are the same (C speed)
        return Folded(folded, tuple(range(len(folded))), len(text))
    table = _TABLE
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = table[ord(char)]
        if folded == char:
            pieces.append(char)
            origins.append(index)
        elif folded:
            pieces.append(folded)
            origins.extend([index] * len(folded))
    return Folded("".join(pieces), tuple(origins), len(text))
