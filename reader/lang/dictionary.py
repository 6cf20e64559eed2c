"""English definitions from CC-CEDICT, for the word popup.

The whole dictionary (120,000 entries) takes about a second to index, so it is loaded on the
first look-up, once, under a lock: the app should make that first call (or `ensure_loaded()`)
from a worker thread. Every entry of a headword is kept, everyday senses before proper nouns
(单: "bill; list; form…" before "surname Shan").
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.lang import cedict


@dataclass(frozen=True, slots=True)
class Definition:
    """One reading of a word and its English senses."""

    word: str
    reading: str  # toned pinyin, syllables apart: "dān", "Shàn"
    senses: tuple[str, ...]


def ensure_loaded() -> None:
    """Load the dictionary now (from a worker thread); later look-ups are instant."""
    cedict.all_entries()


def is_loaded() -> bool:
    return cedict.is_loaded()


def lookup(word: str) -> list[Definition]:
    """Every CC-CEDICT entry for `word` (simplified or traditional), everyday ones first."""
    entries = sorted(cedict.all_entries().get(word.strip(), ()), key=lambda e: e.is_proper_noun)
    return [
        Definition(
            word.strip(), " ".join(cedict.numbered_to_marks(s) for s in e.pinyin.split()), e.definitions
        )
        for e in entries
    ]


def define(word: str) -> list[str]:
    """The English senses of `word`, everyday ones first, without repeats; [] if unknown."""
    senses: list[str] = []
    for definition in lookup(word):
        for sense in definition.senses:
            if sense not in senses:
                senses.append(sense)
    return senses
