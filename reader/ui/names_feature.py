"""The names panel, inline pinyin, word cursor and popup, wired to the main screen.

The main screen keeps one `NamesFeature` and hands it its keys and messages; everything
here works on the article the screen shows. The article's analysis (names, readings, words:
`reader.ui.analysis`) is made once per article in a thread worker, only when something asks
for it (the panel, inline pinyin, the word cursor or the popup), and kept for the last few
articles so that coming back is instant.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from typing import TYPE_CHECKING

from textual.geometry import Offset
from textual.widget import Widget

from reader.page.model import Article
from reader.ui.analysis import Analysis, ArticleAnalysed, NameEntry, analyse
from reader.ui.document import Highlight
from reader.ui.screens.word_popup import WordPopup
from reader.ui.widgets.names_panel import NamesPanel

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen
    from reader.ui.widgets.article_view import ArticleView

#: Analyses kept for articles read recently.
KEEP_ANALYSES = 16


class NamesFeature:
    """The state behind `m` (names panel), `y` (inline pinyin), the word cursor and `p`."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.panel_open = False
        self.inline = False  # the screen sets it from the settings when it mounts
        self.analyses: OrderedDict[int, Analysis] = OrderedDict()
        self._asked: int | None = None  # id() of the article whose analysis is under way
        self._chosen: tuple[str, int] | None = None  # the chosen name and its occurrence shown
        self._dictionary_asked = False
        self._focus_before: Widget | None = None  # where the focus goes back when the panel closes

    @property
    def view(self) -> ArticleView:
        return self.screen.view

    @property
    def panel(self) -> NamesPanel:
        return self.screen.query_one("#names", NamesPanel)

    @property
    def article(self) -> Article | None:
        return self.view.article

    def analysis(self) -> Analysis | None:
        """The analysis of the article shown, when it is ready."""
        article = self.article
        return self.analyses.get(id(article)) if article is not None else None

    # -- the analysis worker -------------------------------------------------------------

    def want_analysis(self) -> None:
        """Make sure the article shown gets analysed (at once if it already was)."""
        article = self.article
        if article is None:
            return
        ready = self.analysis()
        if ready is not None:
            self._apply(ready)
            return
        if self.panel_open:
            self.panel.show_loading()
        if self._asked == id(article):
            return
        self._asked = id(article)
        self.screen.run_worker(
            partial(self._analyse, article), thread=True, exclusive=True, group="names", name="names"
        )

    def _analyse(self, article: Article) -> None:
        try:
            self.screen.post_message(ArticleAnalysed(article, analyse(article)))
        except Exception as error:  # the reading goes on without names
            self.screen.post_message(ArticleAnalysed(article, None, str(error)))

    def analysed(self, message: ArticleAnalysed) -> None:
        if self._asked == id(message.article):
            self._asked = None
        if message.analysis is None:
            if message.article is self.article and self.panel_open:
                self.panel.show_error(message.error)
            self.screen.notify(f"names unavailable: {message.error}", severity="warning", markup=False)
            return
        self.analyses[id(message.article)] = message.analysis
        while len(self.analyses) > KEEP_ANALYSES:
            self.analyses.popitem(last=False)
        if message.article is self.article:
            self._apply(message.analysis)

    def _apply(self, analysis: Analysis) -> None:
        """Hand the analysis to the view (words, inline pinyin) and the panel."""
        self.view.set_analysis(analysis.words, analysis.annotations if self.inline else [])
        if self.panel_open:
            self.panel.show_analysis(analysis)

    def preload_dictionary(self) -> None:
        """The word cursor is in use: load CC-CEDICT in the background so that `p` answers at once."""
        if not self._dictionary_asked:
            self._dictionary_asked = True
            self.screen.run_worker(_load_dictionary, thread=True, group="dictionary", name="dictionary")

    # -- what the screen passes on -------------------------------------------------------

    def article_shown(self) -> None:
        """A new article is in the view: analyse it if the panel or inline pinyin needs it."""
        self._chosen = None
        if self.panel_open or self.inline:
            self.want_analysis()

    def toggle_panel(self) -> None:
        self.panel_open = not self.panel_open
        self.screen.set_class(self.panel_open, "-names")
        self.screen.fit_names_panel()
        if self.panel_open:
            self._focus_before = self.screen.focused
            self.panel.show_loading()
            self.want_analysis()
            self.panel.names_list.focus()
        else:
            self.view.set_highlights([])
            self._chosen = None
            back = self._focus_before
            (back if back is not None and back.is_attached else self.view).focus()

    def toggle_inline(self) -> None:
        self.inline = not self.inline
        self.screen.notify(f"Pinyin after names: {'on' if self.inline else 'off'}", timeout=2)
        keep = getattr(self.screen.app, "keep_setting", None)
        if keep is not None:
            keep(inline_pinyin=self.inline)
        if self.inline:
            self.want_analysis()
        else:
            self.view.set_annotations([])

    def choose(self, entry: NameEntry) -> None:
        """Highlight every occurrence of a name and scroll to the next one (the first, at first)."""
        analysis = self.analysis()
        if analysis is None:
            return
        spots = analysis.spots_of(entry.hit.name)
        if not spots:
            return
        previous = self._chosen
        number = (previous[1] + 1) % len(spots) if previous and previous[0] == entry.hit.name else 0
        self._chosen = (entry.hit.name, number)
        self.view.set_highlights(
            [
                Highlight(s.block, s.start, s.end, "highlight-current" if i == number else "highlight")
                for i, s in enumerate(spots)
            ]
        )
        current = spots[number]
        self.view.scroll_to_block(current.block, current.start)

    def open_popup(self) -> None:
        """`p`: the popup for the word under the cursor (the view asks once it has its words)."""
        analysis = self.analysis()
        if analysis is None:
            return
        word = self.view.cursor_word()
        if word is None:
            return
        text = analysis.words.text(word)
        spot = analysis.spot_at(word.block, word.start, word.end)
        entry = analysis.entry(spot.name) if spot is not None else analysis.entry(text)
        x, y = self.view.screen_cell(word.block, word.start)
        self.screen.app.push_screen(WordPopup(text, entry, Offset(x, y)))


def _load_dictionary() -> None:
    from reader.lang import dictionary

    try:
        dictionary.ensure_loaded()
    except Exception:  # the popup's own look-up meets the same error and reports it
        return
