"""The people of an article: every person rule, then what no rule may call a person.

Rules (see `name_rules` for the small rules of a name's shape and ends): names after a title
or role, in 、 lists, jieba's person tags with something around them that says "person",
CC-CEDICT's people, the credits (`credits`), transliterated names (`foreign_names`), and the
other side of 和/与/、 next to a found name. Then places, organisations, demonyms and words
glued to a function word are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.lang import foreign, name_rules, segment
from reader.lang.article_text import ArticleLike, ArticleText
from reader.lang.credits import author_names, credit_lines, name_lines, photo_credits
from reader.lang.foreign_names import LOCATIVES, foreign_words, full_names, runs_before_titles
from reader.lang.place_finder import is_place

_CLAUSE_BREAK = re.compile(r"[，。；：？！,;:?!（）()“”\"《》【】\n\s]")


def _after_titles(text: ArticleText) -> Iterable[str]:
    """Names right after a title or role: 市委书记章旭升, 融媒首席记者 陈晓苏.

    The title must be a word of its own (主席国期间 holds no 主席), and what follows must not
    be a word of another kind (记者来到南中国大酒店: 来到 is a verb, not 来 + a given name).
    """
    ends = text.word_ends
    for match in name_rules.TITLE_PATTERN.finditer(text.text):
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


def _other_word_at(text: ArticleText, start: int) -> bool:
    """jieba reads a verb, adverb, preposition... of two characters or more at `start`."""
    for word in text.words:
        if word.start == start:
            return len(word.word) >= 2 and word.flag[:1] in "vdpcrfutq" and not word.flag.startswith("nr")
    return False


def _list_items(clause: str, offset: int, text: ArticleText) -> list[str]:
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


def _in_lists(text: ArticleText) -> Iterable[str]:
    position = 0
    for piece in [*_CLAUSE_BREAK.split(text.text)]:
        offset = text.text.find(piece, position)
        position = offset + len(piece)
        if "、" in piece:
            yield from _list_items(piece, offset, text)


def _tagged_people(text: ArticleText) -> Iterable[str]:
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
        elif text.text[word.start - 1 : word.start] in LOCATIVES and word.start > 0:
            continue  # 在贺信中强调: after 在, a place or a thing, whatever follows
        elif name_rules.person_context_after(text.text, word.start + len(name)) or (
            known and not _unlikely_setting(text, word.start, name)
        ):
            yield name


def _unlikely_setting(text: ArticleText, start: int, name: str) -> bool:
    """What says a word jieba took for a name, with no title or verb to confirm it, is not
    one: a book title opening before it (《贺新年》); a locative before it (到普者黑); a word
    for a body or a feature after it (万德莱公司, 黄粱梦派出所); a made-up word that begins
    with an everyday word (贺信中, 满天飞, 古镇村)."""
    before = text.text[start - 1 : start]
    if before in "《" + LOCATIVES and before:
        return True
    end = start + len(name)
    if any(w.start == end and w.word in name_rules.NOT_PERSON_AFTER for w in text.words):
        return True
    return segment.word_frequency(name) == 0 and name_rules.is_common_word(name[:2])


def _cedict_people(text: ArticleText) -> Iterable[str]:
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


def _joined_names(text: ArticleText, known: set[str]) -> Iterable[str]:
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


def _jieba_agrees(text: ArticleText, start: int, name: str) -> bool:
    """jieba cut at both ends of the name, or tagged a person at its start, and the name does
    not begin with an everyday word (战友如猛虎: 战友 is a word)."""
    for word in text.words:
        if word.start == start and word.flag.startswith("nr"):
            return True
    cut = start in text.word_starts and start + len(name) in text.word_ends
    return cut and not name_rules.is_common_word(name[:2])


def find_people(article: ArticleLike, texts: list[ArticleText]) -> tuple[list[str], set[str]]:
    """Every rule's people, then their neighbours across 和 and 、; places, organisations,
    demonyms and function words glued to a name are dropped (authors are kept as given).
    Also which of them are transliterated names, read as one word (桑特 Sāngtè, not Sāng Tè):
    the full names and their parts, and what only the foreign rules found, or what holds a
    character Chinese given names hardly use (汉佩尔)."""
    authors = list(author_names(article))
    full = [name for text in texts for name in full_names(text)]
    parts = frozenset(p for name in full for p in foreign.parts(name) if len(p) >= 2)
    found: list[str] = [*full, *parts]
    foreign_found = {name for text in texts for name in foreign_words(text, parts)}
    chinese: set[str] = set()
    for text in texts:
        for rule in (
            _after_titles,
            _in_lists,
            photo_credits,
            _tagged_people,
            _cedict_people,
            name_lines,
            credit_lines,
        ):
            for name in rule(text):
                found.append(name)
                chinese.add(name)
        found.extend(foreign_words(text, parts))
    candidates = frozenset(found)
    titled = {name for text in texts for name in [*_after_titles(text), *runs_before_titles(text)]}
    kept = {name for name in found if name_rules.may_be_person(name, candidates, titled=name in titled)}
    for text in texts:
        kept.update(n for n in _joined_names(text, set(kept)) if name_rules.may_be_person(n, candidates))
    transliterated = {*full, *parts} | {
        n for n in foreign_found if n not in chinese or foreign.looks_foreign(n) or n in authors
    }
    return list(dict.fromkeys([*authors, *(n for n in found if n in kept), *kept])), transliterated
