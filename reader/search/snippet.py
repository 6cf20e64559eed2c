"""A short piece of text around a hit, for a results list line or `reader search` output."""

from __future__ import annotations

from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Snippet:
    """`text` shows the hit at `text[start:end]` (offsets for the UI's highlight)."""

    text: str
    start: int
    end: int


def make_snippet(text: str, start: int, end: int, before: int = 16, after: int = 30) -> Snippet:
    """The hit with up to `before`/`after` characters around it, on one line, cuts marked with …."""
    left = max(0, start - before)
    right = min(len(text), end + after)
    head = ELLIPSIS if left > 0 else ""
    tail = ELLIPSIS if right < len(text) else ""
    # A block is one paragraph, but headlines and odd blocks may hold newlines: keep one line.
    body = text[left:right].replace("\n", " ")
    return Snippet(head + body + tail, len(head) + start - left, len(head) + end - left)
