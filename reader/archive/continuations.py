"""Stories continued on another page of their issue: `（下转3版）` here, `（上接1版）` there.

A front-page story is often cut off with `（下转3版）`; its rest opens page 3 with `（上接1版）`
and, usually, the same or a shortened headline. The link is made here, on parsed pages of one
issue, so that the reader, the search and `reader parse --json` can treat the two parts as one
story. A marker points at a page by its printed number; the part it leads to is the article of
that page that continues from this page (its `上接` names it), the one whose headline or opening
shares most with this part when several do, or, with no `上接` at all, the best match on the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.page.model import Article, Page

_MARKER = re.compile(r"(下转|上接|转|接)\s*第?\s*([0-9０-９A-Za-z]{1,3}|[一二三四五六七八九十]{1,3})\s*版")
_CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")
#: A part found without its `上接` marker must share at least this much with the first part.
MIN_UNMARKED_MATCH = 0.3


@dataclass(frozen=True, slots=True)
class Link:
    """Article `source_id` on page `source` continues as article `target_id` on page `target`
    (indexes into the page list given to `link_continuations`)."""

    source: int
    source_id: str
    target: int
    target_id: str


def page_number(text: str) -> str:
    """`3`, `A3` or `十二` as the page number the pages print (`3`, `A3`, `12`)."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).upper()
    if text and all(c in _CHINESE_DIGITS or c == "十" for c in text):
        if "十" not in text:
            return str(int("".join(str(_CHINESE_DIGITS[c]) for c in text)))
        tens, _, ones = text.partition("十")
        value = (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0)
        return str(value)
    return text.lstrip("0") if text.isdigit() else text


def markers(article: Article, direction: str) -> list[str]:
    """The page numbers an article's markers name: `out` for 下转, `in` for 上接."""
    found = []
    for block in article.continuations:
        match = _MARKER.search(block.text)
        if match and (match.group(1) in ("下转", "转")) == (direction == "out"):
            found.append(page_number(match.group(2)))
    return found


def _words(article: Article) -> set[str]:
    text = _NOT_HAN.sub("", "".join(article.headline) + article.text[:200])
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _likeness(first: Article, rest: Article) -> float:
    """How much the second part's headline and opening share with the first part's headline and text."""
    head = _NOT_HAN.sub("", "".join(first.headline) or first.title)
    theirs = _NOT_HAN.sub("", "".join(rest.headline) + rest.text[:400])
    if head:
        pairs = {head[i : i + 2] for i in range(len(head) - 1)} or {head}
        return sum(pair in theirs for pair in pairs) / len(pairs)
    mine, other = _words(first), _words(rest)
    return len(mine & other) / len(mine | other) if mine and other else 0.0


def link_continuations(pages: Sequence[tuple[str, Page]]) -> list[Link]:
    """The continuation links among the pages of one issue, given as (printed page number, page)."""
    by_number: dict[str, list[int]] = {}
    for index, (number, _) in enumerate(pages):
        by_number.setdefault(page_number(number), []).append(index)
    links: list[Link] = []
    taken: set[tuple[int, str]] = set()
    for index, (number, page) in enumerate(pages):
        here = page_number(number)
        for article in page.articles:
            for target_number in markers(article, "out"):
                best: tuple[float, int, Article] | None = None
                for target in by_number.get(target_number, ()):
                    if target == index:
                        continue
                    for candidate in pages[target][1].articles:
                        if (target, candidate.id) in taken:
                            continue
                        came_from = markers(candidate, "in")
                        if came_from and here not in came_from:
                            continue
                        score = _likeness(article, candidate) + (1.0 if came_from else 0.0)
                        if not came_from and score < MIN_UNMARKED_MATCH:
                            continue
                        if best is None or score > best[0]:
                            best = (score, target, candidate)
                if best is not None:
                    _, target, candidate = best
                    taken.add((target, candidate.id))
                    links.append(Link(index, article.id, target, candidate.id))
    return links
