"""The people and places of an article, with their readings and where they occur.

`find_names(article)` runs jieba's part-of-speech tagger over the article (headline, byline
and body) and keeps what the newspaper's own conventions confirm (see `name_rules`):

- people: names after a title or role (市委书记章旭升, 记者 吕高攀), lists of names joined by
  、 after 领导/出席 and the like, bylines and photo credits, and jieba's person tags when the
  word has a name's shape (a common surname, not an everyday word) and, for two-character
  names and names jieba cut in two, something around it that says "person";
- places: jieba's place tags that CC-CEDICT knows as a place (its place entries are
  capitalised and say "county", "city" ...), the special place readings, and unknown place
  words ending in 市/县/镇… whose proper part is not an everyday word (都市区 is not a place).

Every occurrence of a found name in the body is returned as a span (block index, start, end)
into `article.blocks[i].text`, so the UI can highlight it. jieba loads on the first call;
call it from a worker thread (or call `segment.ensure_loaded()` there first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from reader.lang import cedict, foreign, name_rules, places, segment
from reader.lang.pinyin import ReadingPiece, foreign_name_pieces, name_pieces

#: (block index, start, end): `article.blocks[block].text[start:end]` is the name.
Span = tuple[int, int, int]

_TITLE_PATTERN = re.compile("|".join(map(re.escape, name_rules.TITLES)))
_CLAUSE_BREAK = re.compile(r"[，。；：？！,;:?!（）()“”\"《》【】\n\s]")
_PLACE_TAGS = ("ns", "nz")


class _BlockLike(Protocol):
    kind: str
    text: str


class ArticleLike(Protocol):
    """What the name finder reads of a `reader.page.Article` (so tests can pass their own)."""

    headline: Sequence[str]
    byline: str
    authors: Sequence[str]
    blocks: Sequence[Any]


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


@dataclass(slots=True)
class _Text:
    """One piece of the article to search: a headline line, the byline or a body block."""

    text: str
    block: int | None  # index into article.blocks, None for headline and byline
    words: list[segment.TaggedWord] = field(default_factory=list)

    @property
    def word_starts(self) -> frozenset[int]:
        return frozenset(w.start for w in self.words)

    @property
    def word_ends(self) -> frozenset[int]:
        return frozenset(w.end for w in self.words)


def _article_texts(article: ArticleLike) -> list[_Text]:
    texts = [_Text(line, None) for line in article.headline if line.strip()]
    if article.byline.strip():
        texts.append(_Text(article.byline, None))
    for index, block in enumerate(article.blocks):
        if block.kind != "continuation" and block.text.strip():
            texts.append(_Text(block.text, index))
    for text in texts:
        text.words = segment.tagged(text.text)
    return texts


# --- people -------------------------------------------------------------------------------


def _after_titles(text: _Text) -> Iterable[str]:
    """Names right after a title or role: 市委书记章旭升, 融媒首席记者 陈晓苏.

    The title must be a word of its own (主席国期间 holds no 主席), and what follows must not
    be a word of another kind (记者来到南中国大酒店: 来到 is a verb, not 来 + a given name).
    """
    ends = text.word_ends
    for match in _TITLE_PATTERN.finditer(text.text):
        if match.end() not in ends:
            continue
        start = match.end()
        while start < len(text.text) and text.text[start] in " \u3000":
            start += 1
        if _other_word_at(text, start):
            continue
        credit = match.group().endswith(name_rules.CREDIT_TITLES)
        name = name_rules.name_at(text.text, start, ends, rare_surnames=credit)
        if name:
            yield name


def _other_word_at(text: _Text, start: int) -> bool:
    """jieba reads a verb, adverb, preposition... of two characters or more at `start`."""
    for word in text.words:
        if word.start == start:
            return len(word.word) >= 2 and word.flag[:1] in "vdpcrfutq" and not word.flag.startswith("nr")
    return False


def _list_items(clause: str, offset: int, text: _Text) -> list[str]:
    """The names of a 、 list clause (领导章旭升、胡勇春、胡天忠在…), or [] if it is not one.

    Inner items must each be a whole name (any surname CC-CEDICT knows, or a transliterated
    name: 王光英、布赫、朱光亚); the first is the name that ends the text before the first 、,
    the last the name that starts the text after the last one. Unless a trigger word (领导,
    出席, a title) introduces the list, there must be three names or more. A list most of
    whose items are everyday words (高速、高效、安全) is no list of names; in one of names, a
    word jieba also knows as something else (罗干, tagged a place) is still a name.
    """
    items = clause.split("、")
    if len(items) < 2:
        return []
    inner = items[1:-1]
    if not all(name_rules.looks_like_person(i, rare_surnames=True) or _foreign_item(i) for i in inner):
        return []
    first = name_rules.name_before(items[0], len(items[0]), frozenset(s - offset for s in text.word_starts))
    last_start = offset + len(clause) - len(items[-1])
    last = name_rules.name_at(text.text, last_start, text.word_ends)
    if first is None or last is None:
        return []
    names = [first, *inner, last]
    introduced = items[0][: -len(first)].rstrip().endswith(name_rules.LIST_TRIGGERS) or text.text[
        last_start + len(last) :
    ].startswith(("等", "和", "与", "及", *name_rules.TITLES_AFTER, *name_rules.PERSON_VERBS))
    common = [n for n in names if name_rules.is_common_word(n)]
    if not introduced and len(names) < 3:
        return []
    if len(common) * 3 >= len(names):
        return []
    return [n for n in names if not is_place(n)]


def _foreign_item(item: str) -> bool:
    return 2 <= len(item) <= 6 and foreign.is_translit(item) and not name_rules.is_common_word(item)


def _in_lists(text: _Text) -> Iterable[str]:
    position = 0
    for piece in [*_CLAUSE_BREAK.split(text.text)]:
        offset = text.text.find(piece, position)
        position = offset + len(piece)
        if "、" in piece:
            yield from _list_items(piece, offset, text)


def _photo_credits(text: _Text) -> Iterable[str]:
    """The photographer of a credit: 融媒记者 卢斌 摄, （张三 摄）."""
    for match in re.finditer(r"摄(?:影)?(?=$|[）)\s。，])", text.text):
        end = match.start()
        while end > 0 and text.text[end - 1] in " \u3000":
            end -= 1
        name = name_rules.name_before(text.text, end)
        if name is None:
            continue
        before = text.text[: end - len(name)]
        if not before or before[-1] in " \u3000（(" or before.rstrip().endswith(name_rules.TITLES):
            yield name


def _tagged_people(text: _Text) -> Iterable[str]:
    """jieba's person tags that keep a name's shape, mended where jieba cut the name in two.

    A three-character name that jieba found whole (by its model or its dictionary) stands on
    its own; a two-character one, or one mended from two pieces (施礼+干), needs a title
    before it or a title or person's verb after it: 安保, 惠民, 高塔 have neither.
    """
    ends = text.word_ends
    for word in text.words:
        if not word.flag.startswith("nr"):
            continue
        if word.flag == "nrfg" and name_rules.looks_like_person(word.word, rare_surnames=True):
            yield word.word
            continue
        name = name_rules.name_at(text.text, word.start, ends)
        if name is None:
            continue
        whole = name == word.word and len(name) >= 3
        known = whole and (
            segment.word_frequency(name) == 0
            or name_rules.is_cedict_person(name)
            or (name_rules.is_dictionary_person_word(name) and not name_rules.ends_like_a_thing(name))
        )
        if name_rules.title_before(text.text, word.start):
            yield name
        elif text.text[word.start - 1 : word.start] in _LOCATIVES and word.start > 0:
            continue  # 在贺信中强调: after 在, a place or a thing, whatever follows
        elif name_rules.person_context_after(text.text, word.start + len(name)) or (
            known and not _unlikely_setting(text, word.start, name)
        ):
            yield name


def _unlikely_setting(text: _Text, start: int, name: str) -> bool:
    """What says a word jieba took for a name, with no title or verb to confirm it, is not
    one: a book title opening before it (《贺新年》); a locative before it (到普者黑); a word
    for a body or a feature after it (万德莱公司, 黄粱梦派出所); a made-up word that begins
    with an everyday word (贺信中, 满天飞, 古镇村)."""
    before = text.text[start - 1 : start]
    if before in "《" + _LOCATIVES and before:
        return True
    end = start + len(name)
    if any(w.start == end and w.word in name_rules.NOT_PERSON_AFTER for w in text.words):
        return True
    return segment.word_frequency(name) == 0 and name_rules.is_common_word(name[:2])


def _cedict_people(text: _Text) -> Iterable[str]:
    """Words CC-CEDICT describes as a person (周恩来 "Zhou Enlai (1898-1976)", jieba says t)."""
    for word in text.words:
        if len(word.word) >= 3 and name_rules.is_cedict_person(word.word):
            yield word.word
        elif (
            len(word.word) == 2
            and word.flag.startswith("nr")
            and name_rules.is_cedict_person(word.word, lived=True)
        ):
            yield word.word  # 李鹏; but two characters are words too often (万里, 阿里) without jieba's tag


def _foreign_full_names(text: _Text) -> Iterable[str]:
    """Dotted (and dashed) transliterated names, cut to jieba's words at both ends:
    总理阿尔弗雷德·桑特13日 -> 阿尔弗雷德·桑特, 英迪拉·甘地夫人 -> 英迪拉·甘地."""
    starts, ends = text.word_starts, text.word_ends
    for match in foreign.FULL_NAME.finditer(text.text):
        start, end = match.span()
        first_dot = start + len(foreign.PARTS.split(match.group())[0])
        while start < first_dot and start not in starts:
            start += 1
        last_dot = max(m.start() for m in foreign.PARTS.finditer(text.text, start, end))
        while end > last_dot + 1 and end not in ends:
            end -= 1
        name = text.text[start:end]
        pieces = foreign.parts(name)
        if len(pieces) < 2 or sum(map(len, pieces)) < 3:
            continue
        if not foreign.has_dot(name) and any(len(p) < 2 or is_place(p) or _cedict_place(p) for p in pieces):
            continue  # 北京—莫斯科 is a route, not a double name
        yield name


def _foreign_words(text: _Text, parts: frozenset[str]) -> Iterable[str]:
    """Transliterated names written alone: a part of a full name of the article (桑特); the
    run of transliteration characters right after a title, cut at a jieba word end
    (主席凯斯里对此表示: jieba cut 凯斯|里); a word jieba takes for a name, made of
    transliteration characters only, with a person's verb after it or CC-CEDICT's word that
    it is a person (克林顿), and not after 在/到/至 (在阿克莫拉主持: a place)."""
    ends = text.word_ends
    for match in _TITLE_PATTERN.finditer(text.text):
        end = match.end()
        while end < len(text.text) and text.text[end] in foreign.TRANSLIT_CHARS:
            end += 1
        while end > match.end() and end not in ends:
            end -= 1
        while end - 1 > match.end() and _trailing_function_word(text, end):
            end -= 1  # 选手汉佩尔因出色…: 因 is a preposition, not the name's end
        run = text.text[match.end() : end]
        whole = len(run) >= 2 and match.end() in ends and text.text[end : end + 1] not in "·•・—-"
        if whole and not name_rules.is_common_word(run):
            yield run
    counts: dict[str, int] = {}
    for word in text.words:
        if word.flag.startswith("nr"):
            counts[word.word] = counts.get(word.word, 0) + 1
    for word in text.words:
        name = word.word
        if len(name) < 2 or not foreign.is_translit(name):
            continue
        if name in parts:
            yield name
            continue
        if not word.flag.startswith("nr") or (word.start > 0 and text.text[word.start - 1] in _LOCATIVES):
            continue
        context = (
            name_rules.person_context_after(text.text, word.end)
            or (len(name) >= 3 and name_rules.is_cedict_person(name))
            or (len(name) >= 3 and counts.get(name, 0) >= 2 and segment.word_frequency(name) < 100)
        )
        if context:
            yield name


_LOCATIVES = "在到至往赴从于"


def _trailing_function_word(text: _Text, end: int) -> bool:
    """jieba reads the single character before `end` as a preposition, conjunction, adverb..."""
    return any(w.end == end and len(w.word) == 1 and w.flag[:1] in "pcu" for w in text.words)


def _name_lines(text: _Text) -> Iterable[str]:
    """A headline or byline line that is only a name (徐科), or a □ byline (□士心)."""
    if text.block is not None:
        return
    line = text.text.strip()
    if line[:1] in "□■":
        line = line[1:].strip()
        name = (line.split() or [""])[-1]
        shaped = 2 <= len(name) <= 4 and all(map(name_rules.is_hanzi, name))
        if shaped and not name_rules.is_common_word(name) and not is_place(name):
            yield name
        return
    alone = len(text.words) == 1 and text.words[0].flag.startswith("nr")
    if (
        alone
        and name_rules.looks_like_person(line, rare_surnames=True)
        and not name_rules.is_common_word(line)
    ):
        yield line


def _joined_names(text: _Text, known: set[str]) -> Iterable[str]:
    """The other side of 和/与/及/、 next to a known name: 孙淑伟和田亮, 田亮和孙淑伟."""
    ends, starts = text.word_ends, text.word_starts
    for name in known:
        position = text.text.find(name)
        while position >= 0:
            after = position + len(name)
            if after < len(text.text) and text.text[after] in "和与及、":
                other = name_rules.name_at(text.text, after + 1, ends)
                if other and not _jieba_agrees(text, after + 1, other):
                    other = None
                end = after + 1 + len(other or "")
                tagged = any(
                    w.start == after + 1 and w.word == other and w.flag.startswith("nr") for w in text.words
                )
                if other and (len(other) == 3 or tagged or name_rules.boundary_score(text.text, end) >= 2.0):
                    yield other
            if position >= 2 and text.text[position - 1] in "和与及、":
                other = name_rules.name_before(text.text, position - 1, starts)
                if other and (len(other) == 3 or name_rules.boundary_score(text.text, position - 1) >= 2.0):
                    before = text.text[: position - 1 - len(other)]
                    if (
                        not before
                        or not name_rules.is_hanzi(before[-1])
                        or before.endswith(name_rules.TITLES)
                    ):
                        yield other
            position = text.text.find(name, after)


def _jieba_agrees(text: _Text, start: int, name: str) -> bool:
    """jieba cut at both ends of the name, or tagged a person at its start, and the name does
    not begin with an everyday word (战友如猛虎: 战友 is a word)."""
    for word in text.words:
        if word.start == start and word.flag.startswith("nr"):
            return True
    cut = start in text.word_starts and start + len(name) in text.word_ends
    return cut and not name_rules.is_common_word(name[:2])


def _credit_lines(text: _Text) -> Iterable[str]:
    """Names alone on a line, apart by spaces (陈某 张某某 李某), or a closing credit in
    brackets at the end of a paragraph (（王某某 李某）, （王某某李某）)."""
    line = text.text.strip()
    if text.block is not None:
        match = re.search(r"[（(]([\u4e00-\u9fff 　]{2,12})[）)]$", line)
        if not match:
            return
        line = match.group(1).strip()
    pieces = line.split()
    if len(pieces) == 1 and text.block is not None:
        pieces = _split_glued_names(pieces[0])
    if len(pieces) < 2 and text.block is None:
        return
    if pieces and all(_credit_name(p) for p in pieces):
        yield from pieces


def _credit_name(piece: str) -> bool:
    return (
        name_rules.looks_like_person(piece, rare_surnames=True)
        and not name_rules.is_common_word(piece)
        and not is_place(piece)
    )


def _split_glued_names(run: str) -> list[str]:
    """陈国琦朱丽琴 -> 陈国琦 朱丽琴: two or three names of two or three characters, glued."""
    for sizes in ((3, 3), (2, 3), (3, 2), (2, 2), (3, 3, 3)):
        if sum(sizes) == len(run):
            pieces, position = [], 0
            for size in sizes:
                pieces.append(run[position : position + size])
                position += size
            if all(name_rules.looks_like_person(p) for p in pieces):
                return pieces
    return [run]


def _author_names(article: ArticleLike) -> Iterable[str]:
    """Authors the parser took from the byline: any surname CC-CEDICT knows will do here."""
    for author in article.authors:
        author = author.strip()
        if name_rules.looks_like_person(author, rare_surnames=True):
            yield author


def _people(article: ArticleLike, texts: list[_Text]) -> tuple[list[str], set[str]]:
    """Every rule's people, then their neighbours across 和 and 、; places, organisations,
    demonyms and function words glued to a name are dropped (authors are kept as given).
    Also which of them are transliterated names, read as one word (桑特 Sāngtè, not Sāng Tè):
    the full names and their parts, and what only the foreign rules found, or what holds a
    character Chinese given names hardly use (汉佩尔)."""
    authors = list(_author_names(article))
    full = [name for text in texts for name in _foreign_full_names(text)]
    parts = frozenset(p for name in full for p in foreign.parts(name) if len(p) >= 2)
    found: list[str] = [*full, *parts]
    foreign_words = {name for text in texts for name in _foreign_words(text, parts)}
    chinese: set[str] = set()
    for text in texts:
        for rule in (
            _after_titles,
            _in_lists,
            _photo_credits,
            _tagged_people,
            _cedict_people,
            _name_lines,
            _credit_lines,
        ):
            for name in rule(text):
                found.append(name)
                chinese.add(name)
        found.extend(_foreign_words(text, parts))
    candidates = frozenset(found)
    titled = {name for text in texts for name in _after_titles(text)}
    kept = {name for name in found if name_rules.may_be_person(name, candidates, titled=name in titled)}
    for text in texts:
        kept.update(n for n in _joined_names(text, set(kept)) if name_rules.may_be_person(n, candidates))
    transliterated = {*full, *parts} | {
        n for n in foreign_words if n not in chinese or foreign.looks_foreign(n) or n in authors
    }
    return list(dict.fromkeys([*authors, *(n for n in found if n in kept), *kept])), transliterated


# --- places -------------------------------------------------------------------------------


def is_place(word: str, flag: str = "ns") -> bool:
    """Whether a word jieba tagged as a place (or proper noun) is one.

    Known special readings and CC-CEDICT's place entries (of the word, or of its proper part
    before 市/县/区…) say yes. An unknown ns word ending in such a suffix is taken when its
    proper part is not an everyday word (都市区 is a "city area", not a place).
    """
    if len(word) < 2 or not all(name_rules.is_hanzi(c) for c in word):
        return False
    proper, suffix = places.split_admin_suffix(word)
    for candidate in dict.fromkeys((word, proper)):
        if candidate in places.PLACE_READINGS or _cedict_place(candidate):
            return True
    return (
        flag == "ns"
        and bool(suffix)
        and segment.word_frequency(word) == 0
        and not name_rules.is_common_word(proper)
        and segment.word_frequency(proper) < name_rules.COMMON_WORD_FREQ
    )


def _cedict_place(word: str) -> bool:
    return any(e.is_place for e in cedict.proper_nouns().get(word, ()))


def _table_places(text: _Text) -> Iterable[str]:
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


def _places(texts: list[_Text]) -> list[str]:
    """Places come first: a word that is a place is never a person (石家庄, 六安)."""
    found: list[str] = []
    for text in texts:
        for word in text.words:
            if word.flag in _PLACE_TAGS and is_place(word.word, word.flag):
                found.append(word.word)
        found.extend(_table_places(text))
    return list(dict.fromkeys(found))


# --- occurrences --------------------------------------------------------------------------


def _occurrences(
    texts: list[_Text], names: dict[str, str]
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
    texts = _article_texts(article)
    place_names = _places(texts)
    found_people, transliterated = _people(article, texts)
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
