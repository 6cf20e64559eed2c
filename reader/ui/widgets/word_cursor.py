"""The article view's word cursor: a highlight that walks jieba's words, keys and clicks.

The cursor stands on one word of `reader.ui.words.ArticleWords` (names kept whole) and is
drawn as a `word-cursor` highlight. The words come from the screen's analysis worker: a move
asked for before they exist waits (`WordsWanted` asks for them) and runs when they arrive.
A step from a cursor that is out of sight starts again from the first word in view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.ui.document import Highlight
from reader.ui.words import ArticleWords, WordSpan

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView


class WordCursor:
    """Where the word cursor of one article view is, and how it moves."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.words: ArticleWords | None = None  # the cursor's stops, once analysed
        self.word: WordSpan | None = None
        self._waiting: Callable[[], None] | None = None  # a move waiting for the words

    def reset(self) -> None:
        """A new article: no words yet, no cursor."""
        self.words, self.word, self._waiting = None, None, None

    def set_words(self, words: ArticleWords) -> None:
        self.words = words
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    def highlight(self) -> Highlight | None:
        word = self.word
        return Highlight(word.block, word.start, word.end, "word-cursor") if word else None

    def text(self) -> str:
        return self.words.text(self.word) if self.words is not None and self.word is not None else ""

    # -- moves ---------------------------------------------------------------------------

    def _with_words(self, then: Callable[[ArticleWords], None]) -> None:
        """Run `then` now if the words are known, else once the screen's worker sends them."""
        words = self.words
        if words is not None:
            then(words)
        elif self.view.article is not None:

            def run() -> None:
                if self.words is not None:
                    then(self.words)

            self._waiting = run
            self.view.post_message(self.view.WordsWanted())

    def _line(self, word: WordSpan) -> int:
        layout = self.view.layout
        return layout.line_of(word.block, word.start) if layout is not None else 0

    def _top(self) -> int:
        return round(self.view.scroll_y)

    def _height(self) -> int:
        return self.view.scrollable_content_region.height

    def shown(self) -> bool:
        """Whether the cursor is on a line in view."""
        return self.word is not None and self._top() <= self._line(self.word) < self._top() + self._height()

    def _first_in_view(self, words: ArticleWords) -> WordSpan | None:
        key = self.view.top_block()
        word = words.first_from(key) if key is not None else None
        while word is not None and self._line(word) < self._top():
            following = words.step(word, 1)
            word = following if following != word else None
        return word

    def put(self, word: WordSpan | None) -> None:
        """Move the cursor to `word` and scroll just enough to show it."""
        if word is None or self.view.layout is None:
            return
        self.word = word
        y = self._line(word)
        if y < self._top():
            self.view.jump_to_line(y)
        elif y >= self._top() + self._height():
            self.view.jump_to_line(y - self._height() + 1)
        self.view.refresh()

    def step(self, count: int) -> None:
        """`count` words on (back when negative); onto the view first if the cursor is out of it."""
        self._with_words(
            lambda words: self.put(
                words.step(self.word, count) if self.shown() else self._first_in_view(words)
            )
        )

    def ask_pinyin(self) -> None:
        """`p`: make sure the cursor is on a word in view, then ask the screen for the popup."""

        def ask(words: ArticleWords) -> None:
            if not self.shown():
                self.put(self._first_in_view(words))
            if self.word is not None:
                self.view.post_message(self.view.PinyinWanted())

        self._with_words(ask)

    def click(self, x: int, y: int) -> None:
        """A click at content cell (x, y): the cursor goes to the word drawn there."""
        layout = self.view.layout
        place = layout.offset_at(self._top() + y, x) if layout is not None else None
        if place is not None:
            self._with_words(lambda words: self.put(words.at(*place)))
