"""The main screen's footer: Textual's, with the keys a narrow terminal has no room for marked.

At 50 columns the full footer (78 cells) was cut after "S Search": b, ? and q were lost. The
keys in `OPTIONAL_ACTIONS` get the `-optional` class, which the narrow layout hides (styles/
app.tcss), so what shows always ends with "? Help" (every key) and "q Quit". Done with a
class, not by recomposing on resize: that set off an endless resize loop in Textual's headless
driver once.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Footer keys a narrow terminal leaves out; `?` lists them with every other key.
OPTIONAL_ACTIONS = frozenset({"toggle_names", "search_archive", "bookmark"})


class ReaderFooter(Footer):
    """A footer whose less needed keys step aside below the narrow width."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in OPTIONAL_ACTIONS:
                widget.add_class("-optional")
            yield widget
