"""The `?` screen: every key of the app, read from the bindings themselves so it never goes stale."""

from __future__ import annotations

import io
from typing import ClassVar

from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: The key names Textual uses, as a person would type them.
KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "full_stop": ".",
    "comma": ",",
    "question_mark": "?",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "shift+tab": "Shift+Tab",
    "tab": "Tab",
    "enter": "Enter",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "ctrl+p": "Ctrl+P",
    "ctrl+f": "Ctrl+F",
    "slash": "/",
    "shift+enter": "Shift+Enter",
}

#: Which widgets' keys to list, in the order a reader meets them.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("Everywhere", "app"),
    ("Panes", "main"),
    ("Lists (issues, articles)", "list"),
    ("Article", "article"),
)


def key_label(keys: str) -> str:
    return " / ".join(KEY_NAMES.get(key, key) for key in keys.split(","))


def bindings_table(sections: list[tuple[str, list[Binding]]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), "")
        for binding in bindings:
            # The tooltip is the longer wording; the footer shows the short description.
            table.add_row(
                Text(key_label(binding.key)), Text(binding.tooltip or binding.description or binding.action)
            )
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists the keys; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("看报 kanbao — keys", style="bold"), id="help-title")
            yield Static(bindings_table(self.sections), id="help-keys")
            yield Static(Text("Ctrl+P: go to an article by title, toggles.  Esc closes."), id="help-foot")

    def plain_text(self) -> str:
        """The key table as plain text (what a screen reader or a test sees)."""
        console = Console(width=100, record=True, file=io.StringIO(), color_system=None)
        console.print(bindings_table(self.sections))
        return console.export_text()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
