"""The article pane: a line-API ScrollView that wraps Chinese text itself and draws only what shows.

Modelled on toolong's LogLines: the widget keeps a `Layout` (the article wrapped to the
pane's width with `reader.ui.wrap`'s line-breaking rules) and `render_line` turns the one
line asked for into a Strip, so a long article costs nothing until it is scrolled into view.
Highlights (search hits, names, the word cursor) are spans over block text, applied when a
line is drawn; inline annotations (a name's pinyin) are wrapped with the text but never shift
the block offsets that highlights, the cursor and bookmarks use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.page.model import Article
from reader.ui.document import (
    Annotation,
    BlockKey,
    DocBlock,
    Highlight,
    Layout,
    ParagraphStyle,
    article_blocks,
)
from reader.ui.tones import tone_styles
from reader.ui.widgets.word_cursor import WordCursor
from reader.ui.words import ArticleWords, WordSpan
from reader.ui.wrapped_text import WrappedText

#: An article longer than this (characters of display text) is laid out in a thread: wrapping
#: 1,000,000 characters takes seconds, which must not freeze the keys. Until the layout is
#: ready the view shows the article's first PREVIEW_CHARS characters, laid out at once.
LAZY_CHARS = 50_000
PREVIEW_CHARS = 5_000

ROLES = (
    "kind",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "credit",
    "paragraph",
    "subhead",
    "caption",
    "continuation",
    "continuation-lead",
    "placeholder",
    "highlight",
    "highlight-current",
    "word-cursor",
)


class ArticleView(ScrollView, can_focus=True):
    """Shows one article, wrapped to the pane, scrolled by keys; knows how far the reader got."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"article-view--{role}" for role in ROLES}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_lines(1)", "Line ↓", show=False, id="article.line_down"),
        Binding("up,k", "scroll_lines(-1)", "Line ↑", show=False, id="article.line_up"),
        Binding("space,pagedown,f", "scroll_pages(1)", "Page ↓", show=False, id="article.page_down"),
        Binding("pageup,u", "scroll_pages(-1)", "Page ↑", show=False, id="article.page_up"),
        Binding("home,g", "to_top", "Top", show=False, id="article.top"),
        Binding("end,G", "to_bottom", "Bottom", show=False, id="article.bottom"),
        Binding("w,right", "step_word(1)", "Next word", show=False, id="word.next"),
        Binding("W,left", "step_word(-1)", "Prev word", show=False, id="word.previous"),
        Binding("p", "pinyin", "Pinyin", show=False, id="word.pinyin"),
    ]

    class Moved(Message):
        """The reader scrolled: the status line updates its percentage."""

    class WordsWanted(Message):
        """The word cursor needs the article's words: the screen has it analysed."""

    class PinyinWanted(Message):
        """`p` on the word under the cursor: the screen opens the popup."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.placeholder = "Choose an article"
        self.paragraph_style: ParagraphStyle = "indent"
        self.highlights: list[Highlight] = []
        self._layout: Layout | None = None
        self._styles: dict[str, Style] = {}
        self.annotations: list[Annotation] = []  # inline pinyin after names
        self._placeholder_lines: list[str] = [self.placeholder]
        self._generation = 0  # bumped at each relayout: a late layout from the thread is dropped
        self.laying_out = False  # a preview shows while the full layout is made in a thread
        self._after_layout: tuple[BlockKey, int, int] | None = None  # a scroll asked meanwhile
        self._layout_busy = False  # the layout thread is working
        self._layout_next: tuple[int, list[DocBlock], int, list[Annotation]] | None = None
        self.cursor = WordCursor(self)

    # -- content -------------------------------------------------------------------------

    def show_article(self, article: Article | None, placeholder: str = "") -> None:
        """Show `article` from its top; None shows `placeholder` instead."""
        self.article = article
        self.placeholder = placeholder or "Choose an article"
        self.highlights = []
        self.annotations = []
        self.cursor.reset()
        self._after_layout = None
        self._relayout()
        self._jump(0)
        self.refresh()
        self.post_message(self.Moved())

    def set_paragraph_style(self, style: ParagraphStyle) -> None:
        """Indent paragraphs with two full-width spaces, or separate them by blank lines."""
        if style == self.paragraph_style:
            return
        key = self.top_block()
        self.paragraph_style = style
        self._relayout()
        if key is not None and self._layout is not None:
            self._jump(self._layout.line_of(key))
        self.refresh()

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Replace the highlighted spans (search hits, a name's occurrences) and redraw."""
        self.highlights = list(highlights)
        self.refresh()

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Draw text after some spans (a name's pinyin), keeping the block at the top in place."""
        key = self.top_block()
        self.annotations = list(annotations)
        self._relayout()
        if key is not None and self._layout is not None:
            self._jump(self._layout.line_of(key))
        self.refresh()

    def set_analysis(self, words: ArticleWords, annotations: Sequence[Annotation]) -> None:
        """The article's words (names whole) and inline pinyin, from the screen's worker."""
        if list(annotations) != self.annotations:
            self.set_annotations(annotations)
        self.cursor.set_words(words)

    def scroll_to_block(self, key: BlockKey, offset: int = 0, context: int = 2) -> None:
        """Bring character `offset` of block `key` into view, `context` lines below the top."""
        if self.laying_out:
            self._after_layout = (key, offset, context)  # done again on the full layout
        if self._layout is not None:
            y = self._layout.line_of(key, offset)
            self._jump(y - context)

    def reveal(self, key: BlockKey, offset: int = 0) -> None:
        """Scroll character `offset` of block `key` into view, a third down, unless it shows already."""
        if self._layout is None:
            return
        if self.laying_out:
            self._after_layout = (key, offset, max(1, self.scrollable_content_region.height) // 3)
        y = self._layout.line_of(key, offset)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if not top <= y < top + height:
            self._jump(y - height // 3)

    def top_block(self) -> BlockKey | None:
        """The block at the top of the view (the anchor kept across resizes and bookmarks)."""
        if self._layout is None:
            return None
        return self._layout.block_at(round(self.scroll_y))

    @property
    def line_count(self) -> int:
        return len(self._layout) if self._layout is not None else 0

    @property
    def percent(self) -> int:
        """How far through the article the bottom of the view is, 0-100."""
        if self._layout is None or not len(self._layout):
            return 0
        if self.max_scroll_y <= 0:
            return 100
        return round(100 * self.scroll_y / self.max_scroll_y)

    def visible_text(self) -> str:
        """The text of the lines in view, as drawn (for tests and screen readers)."""
        height = self.scrollable_content_region.height
        return "\n".join(self._text_line(round(self.scroll_y) + y).plain for y in range(height)).rstrip()

    def document_text(self) -> str:
        """Every wrapped line of the article, as drawn."""
        return "\n".join(self._text_line(y).plain for y in range(self.line_count))

    # -- layout and drawing --------------------------------------------------------------

    def _relayout(self) -> None:
        width = max(1, self.scrollable_content_region.width)
        self._generation += 1
        self.laying_out = False
        if self.article is None:
            self._layout = None
            # The placeholder wraps like the text (a binary page's message is not cut at the edge).
            self._placeholder_lines = [
                line.plain for line in WrappedText(Text(self.placeholder)).lines(width)
            ]
            self.virtual_size = Size(width, max(1, len(self._placeholder_lines)))
            return
        blocks = article_blocks(self.article, self.paragraph_style)
        if sum(len(block.text) for block in blocks) <= LAZY_CHARS:
            self._layout = Layout(blocks, width, self.annotations)
        else:
            self.laying_out = True
            if not self.show_vertical_scrollbar:  # it will show: lay out once, at the final width
                width = max(1, width - self.styles.scrollbar_size_vertical)
            self._layout = Layout(preview_blocks(blocks), width, self.annotations)
            self._lay_out_in_thread(self._generation, blocks, width, list(self.annotations))
        self.virtual_size = Size(width, len(self._layout))

    #: What makes a layout (a test may slow it down to press keys meanwhile).
    layout_factory = Layout

    def _lay_out_in_thread(
        self, generation: int, blocks: list[DocBlock], width: int, annotations: list[Annotation]
    ) -> None:
        """Lay the article out in a thread; while one runs, only the latest request waits for it
        (a resize or a scrollbar during a long layout does not start a second one at once)."""
        job = (generation, blocks, width, annotations)
        if self._layout_busy:
            self._layout_next = job
            return
        self._layout_busy = True

        def work() -> None:
            current: tuple[int, list[DocBlock], int, list[Annotation]] | None = job
            while current is not None:
                number, parts, columns, marks = current
                layout = self.layout_factory(parts, columns, marks)
                try:
                    self.app.call_from_thread(self._layout_ready, number, layout)
                    current = self.app.call_from_thread(self._next_layout_job)
                except RuntimeError:  # the app closed meanwhile
                    return

        self.run_worker(work, thread=True, group="article-layout", exit_on_error=False)

    def _next_layout_job(self) -> tuple[int, list[DocBlock], int, list[Annotation]] | None:
        """The layout asked for while the thread worked, if it is still wanted (event loop)."""
        job, self._layout_next = self._layout_next, None
        if job is None or job[0] != self._generation:
            self._layout_busy = False
            return None
        return job

    def _layout_ready(self, generation: int, layout: Layout) -> None:
        """The full layout from the thread: swapped in with the same character at the top."""
        if generation != self._generation:
            return  # another article, width or style since
        anchor = self._top_character()
        self._layout = layout
        self.laying_out = False
        self.virtual_size = Size(layout.width, len(layout))
        wanted, self._after_layout = self._after_layout, None
        if wanted is not None:
            key, offset, context = wanted
            self._jump(layout.line_of(key, offset) - context)
        elif anchor is not None:
            self._jump(layout.line_of(*anchor))
        self.refresh()
        self.post_message(self.Moved())

    def on_resize(self) -> None:
        # Keep the character at the top, not just its block: a long paragraph (or a search
        # hit in it) stays in view when the pane narrows or the find bar takes a row.
        anchor = self._top_character()
        top = round(self.scroll_y)
        # A blank line at the top stays at the top (its block is the anchor, one line below).
        blank = (
            self._layout is not None and 0 <= top < len(self._layout) and self._layout.lines[top].block < 0
        )
        self._relayout()
        if anchor is not None and self._layout is not None:
            self._jump(self._layout.line_of(*anchor) - (1 if blank else 0))

    def _top_character(self) -> tuple[BlockKey, int] | None:
        return self._layout.place_at(max(0, round(self.scroll_y))) if self._layout is not None else None

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar came or went: the text is one cell narrower or wider, so wrap it again
        (else the last cell of the longest lines is cut off under the scrollbar)."""
        if self._layout is not None and self._layout.width != self.scrollable_content_region.width:
            self.on_resize()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, role: str) -> Style:
        style = self._styles.get(role)
        if style is None:
            name = f"article-view--{role}"
            if role.startswith("tone-"):  # pinyin after a name: a colour per tone, from the theme
                style = tone_styles(self.app).get(int(role[5:]), Style())
            elif name in self.COMPONENT_CLASSES:
                style = self.get_component_rich_style(name, partial=True)
            else:
                style = Style()
            self._styles[role] = style
        return style

    def _text_line(self, y: int) -> Text:
        if self._layout is None:
            lines = self._placeholder_lines
            return Text(lines[y], style=self._style("placeholder")) if 0 <= y < len(lines) else Text()
        cursor = self.cursor.highlight()
        return self._layout.render(y, self._style, [*self.highlights, cursor] if cursor else self.highlights)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        text = self._text_line(round(self.scroll_y) + y)
        segments = [s for s in text.render(self.app.console) if s.text != "\n"]
        strip = Strip(segments, text.cell_len) if segments else Strip([Segment("")], 0)
        return strip.crop_extend(0, width, None).apply_style(self.rich_style)

    def _jump(self, y: int) -> None:
        """Scroll to line `y` now (clamped): restoring and relayouts cannot wait for a frame."""
        y = max(0, min(y, self.max_scroll_y))
        self.scroll_target_y = y
        self.scroll_y = y

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Moved())

    # -- actions -------------------------------------------------------------------------

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to(y=self.scroll_y + count, animate=False)

    def action_scroll_pages(self, count: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)  # keep one line of context
        self.scroll_to(y=self.scroll_y + count * page, animate=False)

    def action_to_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_to_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # -- the word cursor and `p` (reader.ui.widgets.word_cursor) -------------------------

    @property
    def layout(self) -> Layout | None:
        """The article as laid out now (None with no article)."""
        return self._layout

    def jump_to_line(self, y: int) -> None:
        self._jump(y)

    def cursor_word(self) -> WordSpan | None:
        return self.cursor.word

    def screen_cell(self, key: BlockKey, offset: int) -> tuple[int, int]:
        """The screen (x, y) where character `offset` of block `key` is drawn."""
        if self._layout is None:
            return self.content_region.x, self.content_region.y
        y, x = self._layout.cell_of(key, offset)
        return self.content_region.x + x, self.content_region.y + y - round(self.scroll_y)

    def action_step_word(self, count: int) -> None:
        self.cursor.step(count)

    def action_pinyin(self) -> None:
        self.cursor.ask_pinyin()

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.focus()
            self.cursor.click(offset.x, offset.y)


def preview_blocks(blocks: list[DocBlock]) -> list[DocBlock]:
    """The first PREVIEW_CHARS characters of the article's blocks (a block cut short keeps its
    key, so offsets in it stay right), then a line saying the rest is being laid out."""
    shown: list[DocBlock] = []
    room = PREVIEW_CHARS
    total = sum(len(block.text) for block in blocks)
    for block in blocks:
        if room <= 0:
            break
        if len(block.text) > room:
            block = replace(block, text=block.text[:room])
        shown.append(block)
        room -= len(block.text)
    note = f"… laying out the rest ({total:,} characters)"
    shown.append(DocBlock("laying-out", note, "placeholder", space_before=1))
    return shown
