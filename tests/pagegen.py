"""Typeset articles into page text the way a PDF extraction gives it back, for parser tests.

Paragraphs are cut at a column width (first line two characters short, the lost indent),
punctuation that may not start a line is pulled up (the squeeze), lines are optionally
double spaced, and each article's headline is printed before or after its body.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

NO_LINE_START = set("，。、；：？！）》」』”’…%")


@dataclass
class Story:
    headline: list[str]
    paragraphs: list[str]
    byline: str = ""
    subheads: dict[int, str] = field(default_factory=dict)  # paragraph index -> subhead before it


def cells(char: str) -> int:
    return 1 if char.isascii() else 2


def wrap(paragraph: str, width: int) -> list[str]:
    """Cut a paragraph into column lines of `width` CJK characters (2 cells each, Latin and
    digits 1); the first line is two characters short (its lost indent); punctuation that
    may not start a line is squeezed onto the line before."""
    lines: list[str] = []
    limit = (width - 2) * 2
    current = ""
    used = 0
    for char in paragraph:
        if used + cells(char) > limit and current and char not in NO_LINE_START:
            lines.append(current)
            current, used, limit = "", 0, width * 2
        current += char
        used += cells(char)
    if current:
        lines.append(current)
    return lines


def typeset(
    stories: list[Story], width: int, *, double: bool, headline_after: bool, rng: random.Random
) -> str:
    out: list[str] = []

    def emit(line: str) -> None:
        out.append(line)
        if double:
            out.append("")

    for story in stories:
        if not headline_after:
            for line in story.headline:
                emit(line)
        if story.byline:
            emit(story.byline)
        for index, paragraph in enumerate(story.paragraphs):
            if index in story.subheads:
                emit(story.subheads[index])
            for line in wrap(paragraph, width):
                emit(line)
        if headline_after:
            if not double:
                out.append("")
            for line in story.headline:
                emit(line)
        if not double and rng.random() < 0.5:
            out.append("")
    return "\n".join(out) + "\n"
