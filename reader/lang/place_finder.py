"""Places of an article: jieba's place words that a place list confirms, and the table's.

A place is found before any person rule runs, so that a place that looks like a name (石家庄,
六安, 黄陂: each starts with a surname) stays a place.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.lang import cedict, name_rules, places, segment
from reader.lang.article_text import ArticleText

_PLACE_TAGS = ("ns", "nz")


def is_place(word: str, flag: str = "ns") -> bool:
    """Whether a word jieba tagged as a place (or proper noun) is one.

    Known special readings, the countries and CC-CEDICT's place entries (of the word, or of
    its proper part before 市/县/区…) say yes. An unknown ns word ending in such a suffix is taken when its
    proper part is not an everyday word (都市区 is a "city area", not a place).
    """
    if len(word) < 2 or not all(name_rules.is_hanzi(c) for c in word):
        return False
    proper, suffix = places.split_admin_suffix(word)
    for candidate in dict.fromkeys((word, proper)):
        if candidate in places.PLACE_READINGS or candidate in places.COUNTRIES or cedict_place(candidate):
            return True
    return (
        flag == "ns"
        and bool(suffix)
        and segment.word_frequency(word) == 0
        and not name_rules.is_common_word(proper)
        and segment.word_frequency(proper) < name_rules.COMMON_WORD_FREQ
    )


def cedict_place(word: str) -> bool:
    return any(e.is_place for e in cedict.proper_nouns().get(word, ()))


def _table_places(text: ArticleText) -> Iterable[str]:
    """The place table's names wherever jieba's words start and end at them, whatever jieba
    tags them (乐亭 comes out as 乐|亭): the table lists only places, and those that are also
    everyday words (朝阳, 天台) are left to jieba's place tag."""
    starts, ends = text.word_starts, text.word_ends
    for place in places.PLACE_READINGS:
        if place in places.AMBIGUOUS_PLACES:
            continue
        position = text.text.find(place)
        while position >= 0:
            end = position + len(place)
            if position in starts and end in ends:
                yield place
            position = text.text.find(place, end)


def places_of(texts: list[ArticleText]) -> list[str]:
    """Places come first: a word that is a place is never a person (石家庄, 六安)."""
    found: list[str] = []
    for text in texts:
        for word in text.words:
            if word.word in places.COUNTRIES or (word.flag in _PLACE_TAGS and is_place(word.word, word.flag)):
                found.append(word.word)
        found.extend(_table_places(text))
    return list(dict.fromkeys(found))
