"""The `p` popup: a word's pinyin (a name's own reading), its alternatives and CC-CEDICT senses.

It opens beside the word cursor at once with what is already known (the word, a name's
reading), then looks the word up in a thread worker: the first look-up loads CC-CEDICT
(about two seconds), so it says "loading dictionary…" meanwhile. Esc, `p` or a click
outside closes it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Click
from textual.geometry import Offset
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.lang.dictionary import Definition
from reader.ui.analysis import NameEntry
from reader.ui.tones import tone_styles
from reader.ui.widgets.names_panel import reading_text
from reader.ui.words import NameKind, Pieces

#: At most this many dictionary entries, and senses per entry, are shown.
MAX_ENTRIES = 6
MAX_SENSES = 6
#: The card's largest outer size (as in names.tcss: max-width 60, max-height 16).
MAX_WIDTH = 60
MAX_HEIGHT = 16


@dataclass(slots=True)
class WordInfo:
    """Everything the popup shows about one word."""

    word: str
    reading: Pieces  # the word's pinyin in tone pieces (a name's reading for a name)
    kind: NameKind | None = None  # set when the word is a name the finder found
    alternatives: list[str] = field(default_factory=list)  # other readings of a name
    definitions: list[Definition] = field(default_factory=list)
    surname: list[Definition] = field(default_factory=list)  # a person's surname entries
    looked_up: bool = False  # False until the dictionary has answered


def word_pieces(word: str) -> Pieces:
    """The everyday reading of `word` as one written word, with tones: 创新 -> chuàngxīn."""
    from reader.lang.pinyin import word_pieces as pieces_of

    return tuple(pieces_of(word))


def look_up(word: str, name: NameEntry | None) -> WordInfo:
    """The reading, alternatives and definitions of `word` (loads CC-CEDICT: call in a worker)."""
    from reader.lang import dictionary, surnames
    from reader.lang.pinyin import alternatives

    if name is not None:
        info = WordInfo(word, name.pieces, name.kind)
        info.alternatives = [
            a for a in alternatives(word, name.kind) if a != "".join(t for t, _ in name.pieces)
        ]
    else:
        info = WordInfo(word, word_pieces(word))
    info.definitions = dictionary.lookup(word)[:MAX_ENTRIES]
    if name is not None and name.kind == "person":
        family, _ = surnames.split_name(word)
        info.surname = [d for d in dictionary.lookup(family) if any("surname" in s for s in d.senses)][:2]
    info.looked_up = True
    return info


def card_text(info: WordInfo, tones: dict[int, Style], muted: Style, dictionary_loaded: bool) -> Text:
    """The popup's text: the word, its reading, alternatives, then the dictionary's senses."""
    text = Text(info.word, style="bold")
    if info.kind is not None:
        text.append(f"  {info.kind}", style=muted)
    text.append("\n")
    text.append_text(reading_text(info.reading, tones))
    if info.alternatives:
        text.append("\nalso read: ", style=muted)
        text.append(", ".join(info.alternatives))
    text.append("\n")
    if not info.looked_up:
        note = "looking up…" if dictionary_loaded else "loading dictionary…"
        text.append(f"\n{note}", style=muted)
        return text
    if not info.definitions and not info.surname:
        text.append("\nnot in CC-CEDICT", style=muted)
    for definition in [*info.definitions, *info.surname]:
        text.append("\n")
        text.append(definition.reading, style="bold")
        senses = list(definition.senses[:MAX_SENSES])
        if len(definition.senses) > MAX_SENSES:
            senses.append("…")
        text.append("  " + "; ".join(senses))
    return text


class WordCard(Static):
    """The popup's content, its readings a colour per tone (`reader.ui.tones`)."""

    def show(self, info: WordInfo, dictionary_loaded: bool) -> None:
        tones = tone_styles(self.app)
        self.update(card_text(info, tones, tones[0], dictionary_loaded))

    @property
    def text(self) -> str:
        return str(self.render())


class WordPopup(ModalScreen[None]):
    """A card beside the word cursor: pinyin, alternatives, English senses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,p", "dismiss", "Close", id="popup.close"),
    ]

    class LookedUp(Message):
        def __init__(self, info: WordInfo) -> None:
            super().__init__()
            self.info = info

    def __init__(self, word: str, name: NameEntry | None, anchor: Offset) -> None:
        super().__init__()
        self.word = word
        self.name_entry = name
        self.anchor = anchor  # screen cell of the word's first character
        self.info = WordInfo(word, name.pieces if name else (), name.kind if name else None)
        self.opened = time.perf_counter()
        self.seconds_to_answer: float | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="word-popup"):
            yield WordCard(id="word-card")

    @property
    def card(self) -> WordCard:
        return self.query_one("#word-card", WordCard)

    def on_mount(self) -> None:
        from reader.lang import dictionary

        self.card.show(self.info, dictionary.is_loaded())
        self._place(self._estimated_size())  # no first frame at the top-left corner
        self.call_after_refresh(self._place)
        self.look_up_word()

    def _estimated_size(self) -> tuple[int, int]:
        """The card's outer size before it is laid out: its lines wrapped at MAX_WIDTH."""
        text = card_text(self.info, {}, Style(), True)
        inner = MAX_WIDTH - 4  # the border and the padding
        widths = [cell_len(line) for line in text.plain.splitlines()] or [0]
        rows = sum(max(1, -(-width // inner)) for width in widths)
        return min(max(widths), inner) + 4, min(rows + 2, MAX_HEIGHT)

    @work(thread=True, exclusive=True, group="word-popup")
    def look_up_word(self) -> None:
        try:
            info = look_up(self.word, self.name_entry)
        except Exception as error:  # a broken dictionary must not take the reading down
            info = WordInfo(self.word, self.info.reading, self.info.kind, looked_up=True)
            self.app.call_from_thread(
                self.app.notify, f"dictionary unavailable: {error}", severity="warning", markup=False
            )
        self.post_message(self.LookedUp(info))

    @on(LookedUp)
    def _looked_up(self, message: LookedUp) -> None:
        self.info = message.info
        self.seconds_to_answer = time.perf_counter() - self.opened
        self.card.show(self.info, True)
        self.call_after_refresh(self._place)

    def _place(self, size: tuple[int, int] | None = None) -> None:
        """Put the card under the word (above it when there is no room below), inside the screen."""
        box = self.query_one("#word-popup")
        width, height = size or box.outer_size
        screen_width, screen_height = self.size
        x = max(0, min(self.anchor.x, screen_width - width))
        y = self.anchor.y + 1
        if y + height > screen_height:
            y = max(0, self.anchor.y - height)
        box.styles.offset = (x, y)

    def on_click(self, event: Click) -> None:
        if event.widget is self:  # a click outside the card
            self.dismiss(None)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
