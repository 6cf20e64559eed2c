"""The names panel: the people and places of the article shown, their pinyin and counts.

Choosing a name (Enter or a click) posts `NamesPanel.Chosen`; the screen highlights the
name's occurrences in the article and scrolls to the next one. Readings are drawn a colour
per tone (`reader.ui.tones`, derived from the theme).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.analysis import Analysis, NameEntry
from reader.ui.tones import tone_styles
from reader.ui.words import Pieces
from reader.ui.wrapped_text import WrappedText


def reading_text(pieces: Pieces, style_for_tone: dict[int, Style]) -> Text:
    """A reading as Rich text, each syllable in its tone's style (separators plain)."""
    text = Text()
    for piece, tone in pieces:
        text.append(piece, style=style_for_tone.get(tone, Style()))
    return text


class NameList(OptionList):
    """The names, one option each; section headers are disabled options."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="names.down"),
        Binding("k", "cursor_up", "Up", show=False, id="names.up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)


class NamesPanel(Vertical):
    """People and places of the current article; Enter highlights one, Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close names", id="names.close"),
    ]

    class Chosen(Message):
        """The reader chose a name: highlight its occurrences."""

        def __init__(self, entry: NameEntry) -> None:
            super().__init__()
            self.entry = entry

    class Closed(Message):
        """The reader closed the panel with Esc."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: dict[str, NameEntry] = {}
        self._shown: Analysis | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…"), id="names-status")
        yield NameList(id="names-list")

    @property
    def status(self) -> Static:
        return self.query_one("#names-status", Static)

    @property
    def names_list(self) -> NameList:
        return self.query_one("#names-list", NameList)

    def on_mount(self) -> None:
        self.border_title = "Names"

    def show_loading(self, note: str = "loading…") -> None:
        """Clear the list while the finder runs (jieba may still be loading)."""
        self.entries, self._shown = {}, None
        self.status.update(Text(note, style="italic"))
        self.status.display = True
        self.names_list.clear_options()

    def show_error(self, error: str) -> None:
        self.entries, self._shown = {}, None
        self.status.update(Text(f"names unavailable: {error}"))
        self.status.display = True
        self.names_list.clear_options()

    def show_analysis(self, analysis: Analysis) -> None:
        """List the people, then the places, with readings and counts."""
        tones = tone_styles(self.app)
        header = tones[0] + Style(bold=True)
        count_style = tones[0]
        options: list[Option] = []
        self.entries, self._shown = {}, analysis
        sections = (("People", analysis.names.people, "person"), ("Places", analysis.names.places, "place"))
        for title, hits, _kind in sections:
            options.append(Option(Text(f"{title} ({len(hits)})", style=header), disabled=True))
            for hit in hits:
                entry = analysis.entries[hit.name]
                prompt = Text(hit.name, style="bold")
                prompt.append("  ")
                prompt.append_text(reading_text(entry.pieces, tones))
                prompt.append(f"  ×{hit.count}", style=count_style)
                options.append(Option(WrappedText(prompt), id=hit.name))  # 避头尾, as the article
                self.entries[hit.name] = entry
        self.names_list.set_options(options)
        self.status.display = not self.entries
        if not self.entries:
            self.status.update(Text("no names found in this article", style="italic"))
        else:
            self.names_list.action_first()  # the first name, below the People header

    def notify_style_update(self) -> None:
        """A new theme: draw the readings again in its tone colours, keeping the highlighted name."""
        super().notify_style_update()
        if self._shown is not None and self.is_mounted:
            highlighted = self.names_list.highlighted
            self.show_analysis(self._shown)
            self.names_list.highlighted = highlighted

    def text(self) -> str:
        """The panel as plain text, line per option (for tests and screen readers)."""
        lines = [str(self.status.render())] if self.status.display else []
        lines.extend(str(option.prompt) for option in self.names_list.options)
        return "\n".join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries.get(event.option.id or "")
        if entry is not None:
            self.post_message(self.Chosen(entry))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # the screen listens to its own lists' highlights: keep ours to ourselves

    def action_close(self) -> None:
        self.post_message(self.Closed())
