"""People of credits: photo credits, byline lines of names, closing credits, the parser's authors."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.lang import name_rules
from reader.lang.article_text import ArticleLike, ArticleText
from reader.lang.place_finder import is_place


def photo_credits(text: ArticleText) -> Iterable[str]:
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


def name_lines(text: ArticleText) -> Iterable[str]:
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


def credit_lines(text: ArticleText) -> Iterable[str]:
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


def author_names(article: ArticleLike) -> Iterable[str]:
    """Authors the parser took from the byline: any surname CC-CEDICT knows will do here."""
    for author in article.authors:
        author = author.strip()
        if name_rules.looks_like_person(author, rare_surnames=True):
            yield author
