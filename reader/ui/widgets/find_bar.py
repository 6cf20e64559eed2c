"""The find bar under the article: `/` opens it, matches highlight as you type, n/N step.

Two states once a query is typed:
- editing: the field has the focus; every keystroke re-matches and previews the match that
  Enter goes to (the first one at or after where the reader was); Enter goes there,
  Shift+Enter to the last one before, and either hands the keys back to the article;
- kept: the field is closed but the bar still shows the query and "3/12", the highlights
  stay, and n / N (bound on the main screen) step through them, until Esc clears it all.

The bar owns the `FindState` and drives the article view's highlights and scrolling.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from reader.page.model import Article
from reader.ui.finder import FindState, Place, block_order
from reader.ui.widgets.article_view import ArticleView


class FindBar(Horizontal):
    """A one-line find field with the match count; hidden until `/`."""

    #: Enter is the field's own key (Input.Submitted); these are the bar's.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+enter", "submit(-1)", "Previous match", show=False, id="find.submit_previous"),
        Binding("escape", "close", "Close find, clear highlights", show=False, id="find.close"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.state = FindState()
        self._view: ArticleView | None = None
        self._anchor: Place = (0, 0)
        self._previewing = False  # the query changed since the field opened: Enter keeps the preview
        self._target: tuple[str, str, str, int, int] | None = None  # rel, article id, part, block, start
        self._rel = ""

    def compose(self) -> ComposeResult:
        yield Static("/", id="find-prompt")
        yield Input(id="find-input", placeholder="find in article (Latin letters also match pinyin: zxs)")
        yield Static(id="find-query")
        yield Static(id="find-count")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    def attach(self, view: ArticleView) -> None:
        """The article view whose text is searched and highlighted."""
        self._view = view

    @property
    def active(self) -> bool:
        """A query is kept (its highlights show and n / N step through them)."""
        return self.has_class("-open") and bool(self.state.query.strip())

    @property
    def editing(self) -> bool:
        return self.has_class("-editing")

    @property
    def count_text(self) -> str:
        return str(self.query_one("#find-count", Static).render())

    # -- what the screen asks --------------------------------------------------------------

    def open(self) -> None:
        """Show the field, focused, holding the last query (selected, so typing replaces it)."""
        self._anchor = self._current_place() or self._top_place()
        self._previewing = False
        self.add_class("-open", "-editing")
        self.input.focus()

    def close(self) -> None:
        """Hide the bar and clear the highlights."""
        self.remove_class("-open", "-editing")
        self.state.clear()
        self._target = None
        self._previewing = False
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self._apply(reveal=False)  # the count goes with the query: no stale "1/6" when reopened
        if self._view is not None and (self.screen.focused is None or self.screen.focused is self.input):
            self._view.focus()

    def step(self, direction: int) -> None:
        """n / N: the next or previous match, scrolled into view."""
        self._target = None
        self.state.step(direction)
        self._apply(reveal=True)

    def article_shown(self, rel: str, article: Article) -> None:
        """Another article is shown: match the kept query in it (or land on the awaited hit)."""
        self._rel = rel
        if not self.has_class("-open"):
            return
        target = self._target
        if target is not None and (target[0], target[1]) != (rel, article.id):
            self._target = target = None
        self.state.run(article, self.state.query)
        if target is not None:
            _rel, _id, part, block, start = target
            if part == "headline":
                self.state.select_first_in_headline()
            else:
                self.state.select(block, start)
        self._apply(reveal=False)
        if target is not None:
            # The view is laid out again when the main screen comes back from the archive
            # search (a resize keeps the top block, not the hit): reveal after that refresh.
            self.call_after_refresh(self._reveal_current)

    def expect(self, query: str, rel: str, article_id: str, part: str, block: int, start: int) -> None:
        """Search `query` in the article about to be opened and make this hit current (archive search)."""
        self._target = (rel, article_id, part, block, start)
        self.state.query = query
        with self.input.prevent(Input.Changed):
            self.input.value = query
        self.add_class("-open")
        self.remove_class("-editing")

    # -- the field ---------------------------------------------------------------------------

    @on(Input.Changed, "#find-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._previewing = True
        self._target = None
        view = self._view
        self.state.run(view.article if view is not None else None, event.value, self._anchor)
        self._apply(reveal=True)

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit(1)

    def action_submit(self, direction: int) -> None:
        """Enter / Shift+Enter: go to the next / previous match and give the keys back to the article."""
        if not self.state.query.strip():
            self.close()
            return
        if not self._previewing:
            self.state.step(direction)  # the field reopened on the kept query: Enter is n
        elif direction < 0:
            self.state.last_before(self._anchor)  # the preview went forward; Shift+Enter goes back
        self._previewing = False
        self.remove_class("-editing")
        self._apply(reveal=True)
        if self._view is not None:
            self._view.focus()

    def action_close(self) -> None:
        self.close()

    # -- drawing -----------------------------------------------------------------------------

    def _apply(self, reveal: bool) -> None:
        view = self._view
        if view is not None:
            view.set_highlights(self.state.highlights())
            match = self.state.current_match
            if reveal and match is not None:
                view.reveal(match.block, match.start)
        self.query_one("#find-query", Static).update(Text(self.state.query, no_wrap=True))
        self.query_one("#find-count", Static).update(Text(self.state.count_label(), no_wrap=True))
        self.set_class(bool(self.state.query.strip()) and not self.state.matches, "-no-match")

    def _reveal_current(self) -> None:
        match = self.state.current_match
        if self._view is not None and match is not None:
            self._view.reveal(match.block, match.start)

    def _top_place(self) -> Place:
        view = self._view
        if view is None or view.article is None:
            return (0, 0)
        key = view.top_block()
        return (block_order(view.article).get(key, 0), 0) if key is not None else (0, 0)

    def _current_place(self) -> Place | None:
        if self.state.current is None or not self.state.matches:
            return None
        return self.state.place(self.state.current)
