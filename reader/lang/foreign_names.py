"""The rules that find transliterated names in an article (see `foreign` for the tables)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.lang import foreign, name_rules, segment
from reader.lang.article_text import ArticleText
from reader.lang.place_finder import cedict_place, is_place


def full_names(text: ArticleText) -> Iterable[str]:
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
        if not foreign.has_dot(name) and any(len(p) < 2 or is_place(p) or cedict_place(p) for p in pieces):
            continue  # 北京—莫斯科 is a route, not a double name
        yield name


def foreign_words(text: ArticleText, parts: frozenset[str]) -> Iterable[str]:
    """Transliterated names written alone: a part of a full name of the article (桑特); the
    run of transliteration characters right after a title, cut at a jieba word end
    (主席凯斯里对此表示: jieba cut 凯斯|里); a word jieba takes for a name, made of
    transliteration characters only, with a person's verb after it or CC-CEDICT's word that
    it is a person (克林顿), and not after 在/到/至 (在阿克莫拉主持: a place)."""
    ends = text.word_ends
    for match in name_rules.TITLE_PATTERN.finditer(text.text):
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
    yield from runs_before_titles(text)
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
        if not word.flag.startswith("nr") or (word.start > 0 and text.text[word.start - 1] in LOCATIVES):
            continue
        context = (
            name_rules.person_context_after(text.text, word.end)
            or (len(name) >= 3 and name_rules.is_cedict_person(name))
            or (len(name) >= 3 and counts.get(name, 0) >= 2 and segment.word_frequency(name) < 100)
        )
        if context:
            yield name


LOCATIVES = "在到至往赴从于"

_TITLE_AFTER_PATTERN = re.compile(
    "|".join(map(re.escape, sorted({*name_rules.TITLES_AFTER, *name_rules.TITLES}, key=len, reverse=True)))
)


def runs_before_titles(text: ArticleText) -> Iterable[str]:
    """The run of transliteration characters right before a title (萨达姆总统, 舍里总裁,
    科雷先生), starting where a jieba word starts: 俄罗斯总统 holds no 罗斯, as jieba's word
    俄罗斯 starts before the run; a place, a common word or a country (贝宁总统) is no name."""
    starts = text.word_starts
    for match in _TITLE_AFTER_PATTERN.finditer(text.text):
        start = match.start()
        while start > 0 and text.text[start - 1] in foreign.TRANSLIT_CHARS:
            start -= 1
        while start < match.start() and start not in starts:
            start += 1
        run = text.text[start : match.start()]
        if len(run) < 2 or (text.text[start - 1 : start] in "·•・—-" and start > 0):
            continue
        if is_place(run) or cedict_place(run) or name_rules.is_common_word(run):
            continue
        tag = next((w.flag for w in text.words if w.start == start), "")
        if tag.startswith("nr") or not (tag == "ns" or name_rules.is_cedict_non_person(run)):
            yield run  # 萨达姆 (jieba: a person) yes, 贝宁 (a place; CC-CEDICT: Benin) no


def _trailing_function_word(text: ArticleText, end: int) -> bool:
    """jieba reads the single character before `end` as a preposition, conjunction, adverb..."""
    return any(w.end == end and len(w.word) == 1 and w.flag[:1] in "pcu" for w in text.words)
