"""Rich text that wraps with the article view's Chinese line breaking, wherever it is drawn.

Textual's lists, popups and statics wrap text with Rich, which knows no 避头尾: a list entry
can start a line with `，` or end one with `“`. `WrappedText` is a Rich renderable that wraps
its `Text` with `reader.ui.wrap` at the width it is given when drawn, so an option list, a
popup card or a result list breaks Chinese lines the way the article pane does, and rewraps
by itself when the pane is resized. Pure Rich, no Textual: testable alone.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from reader.ui.wrap import wrap


class WrappedText:
    """`text` (styles kept) wrapped by `reader.ui.wrap` to the width it is rendered at.

    Newlines are hard breaks; the spaces a line starts with (an indented byline) are kept
    before its first screen line. `str()` and `plain` give the text, as for a `Text`.
    """

    def __init__(self, text: Text, *, wrap: bool = True) -> None:
        self.text = text
        self.wrap = wrap  # False: each line is cut to the width, ending in "…" (a page header)

    @property
    def plain(self) -> str:
        return self.text.plain

    def __str__(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        """The screen lines at `width` cells, each a slice of the text with its styles."""
        width = max(1, width)
        if not self.wrap:
            return [self._cut(line, width) for line in self.text.split("\n")]
        out: list[Text] = []
        offset = 0
        for piece in self.text.plain.split("\n"):
            lead = len(piece) - len(piece.lstrip(" "))
            body_start = offset + lead
            for line in wrap(piece[lead:], width, min(lead, width - 1)):
                part = self.text[body_start + line.start : body_start + line.end]
                if line.indent:
                    part = Text.assemble(" " * line.indent, part)
                out.append(part)
            offset += len(piece) + 1
        return out

    @staticmethod
    def _cut(line: Text, width: int) -> Text:
        if cell_len(line.plain) <= width:
            return line
        cut = line.copy()
        cut.truncate(width, overflow="ellipsis")
        return cut

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width):
            line.no_wrap = True
            line.overflow = "crop"
            line.end = "\n"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        pieces = self.text.plain.split("\n")
        widest = max((cell_len(piece) for piece in pieces), default=0)
        # Not clamped to `options.max_width`: Textual measures an auto-width widget against its
        # (auto, so still empty) container and applies the CSS max-width itself.
        return Measurement(min(4, widest), widest)
