"""A filter field that leaves some letters to the screen's keys until something is typed.

Textual drops a screen's printable-key bindings while an Input has the focus (the Input
"consumes" them), so in the bookmarks screen, which opens with its filter focused, `x` typed
an x instead of exporting. This field claims the `free_keys` only once its value is not empty:
on an empty filter they are the screen's keys, inside a filter being typed they are letters.
"""

from __future__ import annotations

from textual.widgets import Input


class FilterField(Input):
    """An Input that lets `free_keys` through to the screen's bindings while it is empty."""

    def __init__(self, *args: object, free_keys: frozenset[str] = frozenset(), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.free_keys = free_keys

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if key in self.free_keys and not self.value:
            return False
        return super().check_consume_key(key, character)
