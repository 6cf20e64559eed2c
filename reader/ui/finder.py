"""Find in the shown article: the matches of a query, which one is current, and stepping.

Pure state over `reader.search` (no widgets), so the find bar stays a thin view and the
stepping rules are easy to test. Matches are spans over the article's *display* blocks
(`reader.ui.document.article_blocks`): body blocks come from `find_in_article` (the reflowed
text, so a phrase the column broke across lines is one match); headline parts are matched
on the very text the view draws (a subtitle is its lines joined by a space; a title that
merely repeats the body's first words is not drawn, so it is not searched), so every
highlight lands on characters that are on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.page.model import Article
from reader.search import compile_query, find_in_article, find_in_text
from reader.ui.document import BlockKey, Highlight, article_blocks

HIGHLIGHT = "highlight"
CURRENT = "highlight-current"
#: Display blocks that are labels of ours, not page text: never searched.
NOT_SEARCHED = frozenset({"kind"})

#: A place in the article in reading order: (display block number, character offset).
Place = tuple[int, int]


def article_matches(article: Article, query: str) -> list[Highlight]:
    """Every match of `query` in the article as drawn, in reading order (headline, then body)."""
    compiled = compile_query(query)
    if compiled is None:
        return []
    spans: list[Highlight] = []
    for block in article_blocks(article):
        if isinstance(block.key, str) and block.key not in NOT_SEARCHED:
            spans.extend(Highlight(block.key, s, e, HIGHLIGHT) for s, e in find_in_text(block.text, compiled))
    spans.extend(
        Highlight(m.block_index, m.start, m.end, HIGHLIGHT) for m in find_in_article(article, compiled)
    )
    return spans


def block_order(article: Article) -> dict[BlockKey, int]:
    """Reading order of the display blocks, to compare a match with the reader's place."""
    return {block.key: number for number, block in enumerate(article_blocks(article))}


@dataclass
class FindState:
    """The query, its matches in the shown article, and the current one (None: no match)."""

    query: str = ""
    matches: list[Highlight] = field(default_factory=list)
    current: int | None = None
    _order: dict[BlockKey, int] = field(default_factory=dict)

    def run(self, article: Article | None, query: str, anchor: Place = (0, 0)) -> None:
        """Match `query` in `article`; the current match is the first at or after `anchor`."""
        self.query = query
        self.matches = article_matches(article, query) if article is not None else []
        self._order = block_order(article) if article is not None else {}
        self.current = self._first_from(anchor)

    def clear(self) -> None:
        self.query = ""
        self.matches = []
        self.current = None

    def place(self, number: int) -> Place:
        match = self.matches[number]
        return (self._order.get(match.block, 0), match.start)

    def _first_from(self, anchor: Place) -> int | None:
        if not self.matches:
            return None
        return next((n for n in range(len(self.matches)) if self.place(n) >= anchor), 0)

    def last_before(self, anchor: Place) -> None:
        """Make the last match before `anchor` current (wrapping round to the last match)."""
        if not self.matches:
            self.current = None
            return
        before = [n for n in range(len(self.matches)) if self.place(n) < anchor]
        self.current = before[-1] if before else len(self.matches) - 1

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) match, wrapping round at either end."""
        if not self.matches:
            return
        if self.current is None:
            self.current = 0 if direction > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + direction) % len(self.matches)

    def select(self, block: BlockKey, start: int) -> None:
        """Make the match at `block`/`start` current (an archive-search hit); else the nearest after."""
        if not self.matches:
            return
        order = self._order.get(block, 0)
        self.current = self._first_from((order, start))

    def select_first_in_headline(self) -> None:
        """Make the first headline match current (a hit the archive index found in a headline)."""
        self.current = next((n for n, m in enumerate(self.matches) if isinstance(m.block, str)), self.current)

    def highlights(self) -> list[Highlight]:
        """All matches, the current one in its own style."""
        return [
            Highlight(m.block, m.start, m.end, CURRENT) if n == self.current else m
            for n, m in enumerate(self.matches)
        ]

    @property
    def current_match(self) -> Highlight | None:
        return self.matches[self.current] if self.current is not None and self.matches else None

    def count_label(self) -> str:
        """ "3/12"; "0/0 no match" when the query finds nothing; "" with no query."""
        if not self.query.strip():
            return ""
        if not self.matches:
            return "0/0 no match"
        return f"{(self.current or 0) + 1}/{len(self.matches)}"
