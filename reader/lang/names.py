"""The people and places of an article, with their readings and where they occur.

`find_names(article)` runs jieba's part-of-speech tagger over the article (headline, byline
and body) and keeps what the newspaper's own conventions confirm:

- places first (`place_finder`): jieba's place tags that CC-CEDICT knows as a place (its
  place entries are capitalised and say "county", "city" ...), the place table's names
  (六安, 乐亭), and unknown place words ending in 市/县/镇… whose proper part is not an
  everyday word (都市区 is not a place); a place is never a person;
- people (`people`, `credits`, `foreign_names`, with the small rules of `name_rules`):
  names after a title or role (市委书记章旭升, 记者 吕高攀), lists joined by 、 or 和,
  bylines, closing and photo credits, transliterated names whole (阿尔弗雷德·桑特), CC-CEDICT's
  people, and jieba's person tags when the word has a name's shape and something around it
  says "person"; never a function word glued on (和家人), a demonym (杭州人) or a body (宣传部).
  A transliterated name is read as one word a part (Sāngtè), a Chinese one as surname, space,
  given name (Zhāng Xùshēng).

Every occurrence of a found name in the body is returned as a span (block index, start, end)
into `article.blocks[i].text`, so the UI can highlight it. jieba loads on the first call;
call it from a worker thread (or call `segment.ensure_loaded()` there first).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from reader.lang.article_text import ArticleLike, ArticleText, article_texts
from reader.lang.people import find_people
from reader.lang.pinyin import ReadingPiece, foreign_name_pieces, name_pieces
from reader.lang.place_finder import is_place, places_of

__all__ = ["ArticleLike", "NameHit", "Names", "Span", "find_names", "is_place"]

#: (block index, start, end): `article.blocks[block].text[start:end]` is the name.
Span = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class NameHit:
    """One person or place of an article: its reading, how often it occurs, and where."""

    name: str
    pinyin: str
    count: int  # occurrences in the headline, byline and body
    spans: tuple[Span, ...] = ()  # occurrences in the body blocks only
    pieces: tuple[ReadingPiece, ...] = ()  # the reading cut into syllables with tones (for colour)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "pinyin": self.pinyin, "count": self.count}


@dataclass(frozen=True, slots=True)
class Names:
    """The people and places of one article, each in order of first appearance."""

    people: tuple[NameHit, ...] = ()
    places: tuple[NameHit, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"people": [h.to_json() for h in self.people], "places": [h.to_json() for h in self.places]}


# --- occurrences --------------------------------------------------------------------------


def _occurrences(
    texts: list[ArticleText], names: dict[str, str]
) -> dict[str, tuple[int, list[Span], tuple[int, int]]]:
    """name -> (count, body spans, first position), longest names first so that 金华市 is
    not also counted as 金华, nor 施礼干 as 施礼."""
    result: dict[str, tuple[int, list[Span], tuple[int, int]]] = {}
    covered = [bytearray(len(t.text)) for t in texts]
    for name in sorted(names, key=len, reverse=True):
        count, spans, first = 0, [], (len(texts), 0)
        for index, text in enumerate(texts):
            start = text.text.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(covered[index][start:end]):
                    covered[index][start:end] = b"\x01" * len(name)
                    count += 1
                    first = min(first, (index, start))
                    if text.block is not None:
                        spans.append((text.block, start, end))
                start = text.text.find(name, end)
        if count:
            result[name] = (count, sorted(spans), first)
    return result


def find_names(article: ArticleLike) -> Names:
    """The people and places of `article`, each with its name reading, count and body spans."""
    texts = article_texts(article)
    place_names = places_of(texts)
    found_people, transliterated = find_people(article, texts)
    people = [p for p in found_people if p not in place_names]
    kinds = {**dict.fromkeys(place_names, "place"), **dict.fromkeys(people, "person")}
    found = _occurrences(texts, kinds)

    def hit(name: str, kind: Literal["person", "place"]) -> NameHit:
        if kind == "person" and name in transliterated:
            pieces = tuple(foreign_name_pieces(name))
        else:
            pieces = tuple(name_pieces(name, kind))
        reading = "".join(text for text, _ in pieces)
        return NameHit(name, reading, found[name][0], tuple(found[name][1]), pieces)

    def hits(kind: Literal["person", "place"]) -> tuple[NameHit, ...]:
        chosen = [(found[n][2], n) for n, k in kinds.items() if k == kind and n in found]
        return tuple(hit(name, kind) for _, name in sorted(chosen))

    return Names(people=hits("person"), places=hits("place"))
