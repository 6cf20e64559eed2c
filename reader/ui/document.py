"""An article laid out for the screen: display blocks, wrapped lines, Rich text per line.

Pure Rich (no Textual), so layout can be tested and timed without an app. The article view
keeps one `Layout` per (article, width, paragraph style) and renders only the lines in view.

Page text is data: every line is built as a `rich.text.Text` from plain strings with styles
attached by span, never parsed as markup, so `[bold]` or `[/red]` in a page shows literally.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from reader.page.model import Article
from reader.ui.wrap import Line, wrap

ParagraphStyle = Literal["indent", "blank"]
#: A block key: the index of a body block in `Article.blocks`, or the name of a headline part
#: ("kicker", "title", "subtitle", "byline", "kind").
BlockKey = int | str
INDENT = "\u3000\u3000"  # the two full-width spaces a printed paragraph starts with
KIND_LABELS = {"photo": "图片新闻 photo", "brief": "简讯 brief", "notice": "公告 notice"}


@dataclass(frozen=True, slots=True)
class Highlight:
    """Characters `start:end` of block `block` drawn in `style` (a search hit, a name...)."""

    block: BlockKey
    start: int
    end: int
    style: str  # a role name resolved by the view, e.g. "highlight", "highlight-current"


@dataclass(frozen=True, slots=True)
class DocBlock:
    """One piece of the article as shown: its text, its role (the style) and its spacing."""

    key: BlockKey
    text: str
    role: str  # kicker | title | subtitle | byline | paragraph | subhead | caption | continuation | kind
    lead: str = ""  # drawn before the first line (the paragraph indent, the → of a continuation)
    space_before: int = 0  # blank lines above the block
    center: bool = False


@dataclass(frozen=True, slots=True)
class DocLine:
    """One screen line: a slice of a block (or a blank line when `block` is -1)."""

    block: int  # index into Layout.blocks, -1 for a blank spacer line
    line: Line
    first: bool = False  # the block's first line, which carries its lead


def article_blocks(article: Article, paragraph_style: ParagraphStyle = "indent") -> list[DocBlock]:
    """The display blocks of an article: headline parts styled apart, then the body."""
    blocks: list[DocBlock] = []
    if article.kind in KIND_LABELS:
        blocks.append(DocBlock("kind", f"【{KIND_LABELS[article.kind]}】", "kind"))
    if article.kicker:
        blocks.append(DocBlock("kicker", article.kicker, "kicker", center=True))
    if article.title and not _is_excerpt(article):
        blocks.append(DocBlock("title", article.title, "title", center=True))
    if article.subtitle:
        blocks.append(DocBlock("subtitle", article.subtitle, "subtitle", center=True))
    if article.byline:
        blocks.append(DocBlock("byline", article.byline, "byline", space_before=1 if blocks else 0))
    first_body = True
    for index, block in enumerate(article.blocks):
        space = 1 if (first_body and blocks) else 0
        if block.kind == "subhead":
            blocks.append(DocBlock(index, block.text, "subhead", space_before=1, center=True))
        elif block.kind == "continuation":
            blocks.append(DocBlock(index, block.text, "continuation", lead="→ ", space_before=1))
        else:
            role = "caption" if article.kind == "photo" else "paragraph"
            if paragraph_style == "indent":
                blocks.append(DocBlock(index, block.text, role, lead=INDENT, space_before=space))
            else:
                blocks.append(DocBlock(index, block.text, role, space_before=1 if blocks else 0))
        first_body = False
    return blocks


def _is_excerpt(article: Article) -> bool:
    """A headline-less article (photo, notice) titled by the start of its own text: not repeated."""
    head = article.title.rstrip("…. ")
    return bool(article.blocks) and not article.headline and article.blocks[0].text.startswith(head)


class Layout:
    """Blocks wrapped to a width: the list of screen lines, built once per width."""

    def __init__(self, blocks: Sequence[DocBlock], width: int) -> None:
        self.blocks = list(blocks)
        self.width = max(1, width)
        self.lines: list[DocLine] = []
        self._first_line: dict[BlockKey, int] = {}
        for index, block in enumerate(self.blocks):
            self.lines.extend(DocLine(-1, Line(0, 0)) for _ in range(block.space_before))
            self._first_line[block.key] = len(self.lines)
            wrapped = wrap(block.text, self.width, cell_len(block.lead))
            for number, line in enumerate(wrapped):
                self.lines.append(DocLine(index, line, first=number == 0))

    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, key: BlockKey, offset: int = 0) -> int:
        """The screen line showing character `offset` of block `key` (0 when unknown)."""
        first = self._first_line.get(key)
        if first is None:
            return 0
        number = first
        while number + 1 < len(self.lines):
            following = self.lines[number + 1]
            if following.block != self.lines[first].block or following.line.start > offset:
                break
            number += 1
        return number

    def block_at(self, y: int) -> BlockKey | None:
        """The key of the block shown on screen line `y` (the next block for a blank line)."""
        for line in self.lines[max(0, y) :]:
            if line.block >= 0:
                return self.blocks[line.block].key
        return None

    def render(
        self,
        y: int,
        style_for: Callable[[str], Style],
        highlights: Sequence[Highlight] = (),
    ) -> Text:
        """Line `y` as Rich text, `width` cells wide at most (highlights applied)."""
        if not 0 <= y < len(self.lines):
            return Text()
        entry = self.lines[y]
        if entry.block < 0:
            return Text()
        block = self.blocks[entry.block]
        line = entry.line
        base = style_for(block.role)
        text = Text(block.text[line.start : line.end], style=base, no_wrap=True, end="")
        for mark in highlights:
            if mark.block != block.key:
                continue
            start = max(mark.start, line.start) - line.start
            end = min(mark.end, line.end) - line.start
            if end > start:
                text.stylize(style_for(mark.style), start, end)
        if line.indent:
            lead = block.lead if entry.first and block.lead else " " * line.indent
            lead = lead if cell_len(lead) == line.indent else " " * line.indent
            text = Text.assemble(Text(lead, style=style_for(f"{block.role}-lead")), text)
        if block.center:
            room = self.width - text.cell_len
            if room > 1:
                text = Text.assemble(" " * (room // 2), text)
        return text
