"""jieba behind a lock: one lazily loaded segmenter for the whole process.

jieba's dictionary takes about half a second and 60 MB to load, and its logger prints a
"Building prefix dict" chatter to stderr. So it is imported and initialised only on first use
(or when the app's worker calls `ensure_loaded()` after the first screen), exactly once even
when several threads ask at the same moment, with its logger silenced before it can speak.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, NamedTuple

_lock = threading.Lock()
_posseg: Any = None  # jieba.posseg.POSTokenizer once loaded
_jieba: Any = None  # the jieba module once loaded


class Word(NamedTuple):
    """A word of the segmentation: its text and its [start, end) offsets in the input."""

    word: str
    start: int
    end: int


class TaggedWord(NamedTuple):
    """A word with jieba's part-of-speech flag (nr person, ns place, nt organisation ...)."""

    word: str
    flag: str
    start: int
    end: int


def ensure_loaded() -> None:
    """Load jieba's dictionary now (safe to call from any thread, any number of times)."""
    global _posseg, _jieba
    if _posseg is not None:
        return
    with _lock:
        if _posseg is not None:
            return
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.ERROR)
        jieba.default_logger.setLevel(logging.ERROR)
        jieba.initialize()
        _jieba = jieba
        _posseg = jieba.posseg.dt


def is_loaded() -> bool:
    """True once jieba is ready, so the UI can tell whether a call would block."""
    return _posseg is not None


def _place(pieces: list[str], text: str) -> list[tuple[int, int] | None]:
    """The [start, end) offsets of jieba's pieces in `text`, which they concatenate back to.

    A piece that cannot be found (never seen in practice) gets None instead of shifting
    every later offset.
    """
    spans: list[tuple[int, int] | None] = []
    position = 0
    for piece in pieces:
        start = position if text.startswith(piece, position) else text.find(piece, position)
        if start < 0 or not piece:
            spans.append(None)
            continue
        spans.append((start, start + len(piece)))
        position = start + len(piece)
    return spans


def words(text: str) -> list[Word]:
    """Segment `text` into words with offsets (whitespace and punctuation are words too)."""
    ensure_loaded()
    pieces = list(_jieba.cut(text, HMM=True))
    return [Word(w, *span) for w, span in zip(pieces, _place(pieces, text), strict=True) if span]


def dictionary_cut(text: str) -> list[str]:
    """`text` cut by jieba's dictionary alone, without the model that guesses new words."""
    ensure_loaded()
    return [w for w in _jieba.cut(text, HMM=False) if w]


def tagged(text: str) -> list[TaggedWord]:
    """Segment and tag `text` with jieba's part-of-speech flags, with offsets."""
    ensure_loaded()
    pairs = [(pair.word, pair.flag) for pair in _posseg.cut(text)]
    spans = _place([w for w, _ in pairs], text)
    return [TaggedWord(w, f, *span) for (w, f), span in zip(pairs, spans, strict=True) if span]


def word_frequency(word: str) -> int:
    """How often jieba's dictionary has seen `word` (0 for a word it does not know)."""
    ensure_loaded()
    return int(_jieba.dt.FREQ.get(word) or 0)


def word_tag(word: str) -> str | None:
    """The part-of-speech tag jieba's dictionary gives `word`, None when it is not listed."""
    ensure_loaded()
    return _posseg.word_tag_tab.get(word)
