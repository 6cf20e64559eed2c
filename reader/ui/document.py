"""An article laid out for the screen: display blocks, wrapped lines, Rich text per line.

Pure Rich (no Textual), so layout can be tested and timed without an app. The article view
keeps one `Layout` per (article, width, paragraph style) and renders only the lines in view.

Page text is data: every line is built as a `rich.text.Text` from plain strings with styles
attached by span, never parsed as markup, so `[bold]` or `[/red]` in a page shows literally.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from reader.page.model import Article
from reader.ui.wrap import Line, balanced_wrap, wrap

ParagraphStyle = Literal["indent", "blank"]
#: A block key: the index of a body block in `Article.blocks`, or the name of a headline part
#: ("kicker", "title", "subtitle", "byline", "kind").
BlockKey = int | str
INDENT = "\u3000\u3000"  # the two full-width spaces a printed paragraph starts with
#: Headline parts wrapped into lines of about equal length, at the phrase gap when there is one.
BALANCED_ROLES = frozenset({"kicker", "title", "subtitle", "subhead"})
#: The kind of a non-article, in the paper's own words, as `reader parse` prints it too:
#: one language on screen and in the shell, and no bare 讯 that reads as 本报讯.
KIND_LABELS = {"photo": "【图片】", "brief": "【简讯】", "notice": "【公告】"}


@dataclass(frozen=True, slots=True)
class Highlight:
    """Characters `start:end` of block `block` drawn in `style` (a search hit, a name...)."""

    block: BlockKey
    start: int
    end: int
    style: str  # a role name resolved by the view, e.g. "highlight", "highlight-current"


@dataclass(frozen=True, slots=True)
class Annotation:
    """Text drawn right after characters `start:at` of block `block` (a name's pinyin), not page text.

    The layout wraps the block as if the text were there, never breaking a line inside the
    annotated characters or between them and the annotation; every offset the rest of the app
    uses (highlights, the word cursor, bookmarks) still counts characters of the block's own text.
    """

    block: BlockKey
    start: int  # the annotated characters (a name) start here...
    at: int  # ...and end here: the annotation is drawn before character `at`
    pieces: tuple[tuple[str, str], ...]  # (text, style role): "(", "Zhāng" in "tone-1", ...

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


class _Shown:
    """A block's text as drawn, annotations included, and the map between its offsets and the block's."""

    def __init__(self, text: str, annotations: Sequence[Annotation]) -> None:
        marks = sorted((a for a in annotations if 0 <= a.at <= len(text)), key=lambda a: a.at)
        self.ats = [a.at for a in marks]
        self.starts: list[int] = []  # where each annotation starts in the shown text
        self.lengths = [len(a.text) for a in marks]
        self.annotations = marks
        #: Shown offsets where no line may start: inside an annotated name and before its annotation.
        self.no_break: set[int] = set()
        parts: list[str] = []
        previous = 0
        inserted = 0
        for mark, length in zip(marks, self.lengths, strict=True):
            parts.append(text[previous : mark.at])
            self.starts.append(mark.at + inserted)
            first = max(mark.start + 1, previous + 1) + inserted
            self.no_break.update(range(first, mark.at + inserted + 1))
            parts.append(mark.text)
            inserted += length
            previous = mark.at
        parts.append(text[previous:])
        self.text = "".join(parts)

    def shown(self, offset: int, *, end: bool = False) -> int:
        """Where character `offset` of the block is drawn (`end`: where a span ending there ends)."""
        count = bisect_left(self.ats, offset) if end else bisect_right(self.ats, offset)
        return offset + sum(self.lengths[:count])

    def source(self, shown: int) -> int:
        """The block offset of shown position `shown` (inside an annotation: the character before it)."""
        inserted = 0
        for start, length, mark in zip(self.starts, self.lengths, self.annotations, strict=True):
            if shown < start:
                break
            if shown < start + length:
                return max(0, mark.at - 1)
            inserted += length
        return shown - inserted


@dataclass(frozen=True, slots=True)
class DocBlock:
    """One piece of the article as shown: its text, its role (the style) and its spacing."""

    key: BlockKey
    text: str
    role: str  # kicker | title | subtitle | byline | credit | paragraph | subhead | caption | continuation | kind
    lead: str = ""  # drawn before the first line (the paragraph indent, the → of a continuation)
    space_before: int = 0  # blank lines above the block
    center: bool = False
    right: bool = False  # set flush right (a photo's credit, as printed under the caption)


@dataclass(frozen=True, slots=True)
class DocLine:
    """One screen line: a slice of a block (or a blank line when `block` is -1)."""

    block: int  # index into Layout.blocks, -1 for a blank spacer line
    line: Line
    first: bool = False  # the block's first line, which carries its lead


def _squeeze(text: str) -> str:
    return "".join(text.split())


def headline_parts(article: Article) -> tuple[str, str, str]:
    """(kicker, title, subtitle) as drawn, so that every headline line lands in one of them.

    The parser's title is one headline line, or several consecutive lines joined (a title the
    column broke); the lines before it are the kicker (引题), the lines after it the subtitle
    (副题), each joined by a space. A title found in no run of lines keeps every headline line
    as its subtitle: a line the parser printed is never dropped.
    """
    lines = list(article.headline)
    title = article.title
    target = _squeeze(title)
    if target:
        for start in range(len(lines)):
            joined = ""
            for end in range(start, len(lines)):
                joined += _squeeze(lines[end])
                if joined == target:
                    return " ".join(lines[:start]), title, " ".join(lines[end + 1 :])
                if not target.startswith(joined):
                    break
    rest = [line for line in lines if _squeeze(line) != target]
    return "", title, " ".join(rest)


def article_blocks(article: Article, paragraph_style: ParagraphStyle = "indent") -> list[DocBlock]:
    """The display blocks of an article: headline parts styled apart, then the body.

    A photo's credit (its byline, `新华社记者 郑宣 摄`) closes the caption as in print; other
    bylines come between the headline and the text.
    """
    blocks: list[DocBlock] = []
    if article.kind in KIND_LABELS:
        blocks.append(DocBlock("kind", KIND_LABELS[article.kind], "kind"))
    kicker, title, subtitle = headline_parts(article)
    if kicker:
        blocks.append(DocBlock("kicker", kicker, "kicker", center=True))
    if title and not _is_excerpt(article):
        blocks.append(DocBlock("title", title, "title", center=True))
    if subtitle:
        blocks.append(DocBlock("subtitle", subtitle, "subtitle", center=True))
    credit_last = article.kind == "photo" and bool(article.blocks)
    if article.byline and not credit_last and not _opens_text(article):
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
    if article.byline and credit_last:
        blocks.append(DocBlock("byline", article.byline, "credit", right=True))
    return blocks


def _opens_text(article: Article) -> bool:
    """The byline is the dateline the first paragraph opens with (`本报北京1月23日讯记者X报道：…`):
    shown there, it is not shown twice."""
    first = next((b.text for b in article.blocks if b.kind == "paragraph"), "")
    return _squeeze(first).startswith(_squeeze(article.byline))


def _is_excerpt(article: Article) -> bool:
    """A headline-less article (photo, notice) titled by the start of its own text: not repeated."""
    head = article.title.rstrip("…. ")
    return bool(article.blocks) and not article.headline and article.blocks[0].text.startswith(head)


class Layout:
    """Blocks wrapped to a width: the list of screen lines, built once per width."""

    def __init__(
        self, blocks: Sequence[DocBlock], width: int, annotations: Sequence[Annotation] = ()
    ) -> None:
        self.blocks = list(blocks)
        self.width = max(1, width)
        self.lines: list[DocLine] = []
        self._first_line: dict[BlockKey, int] = {}
        by_block: dict[BlockKey, list[Annotation]] = {}
        for annotation in annotations:
            by_block.setdefault(annotation.block, []).append(annotation)
        #: Each block as drawn; line offsets count characters of this text, not the block's.
        self._shown = [_Shown(block.text, by_block.get(block.key, ())) for block in self.blocks]
        for index, block in enumerate(self.blocks):
            self.lines.extend(DocLine(-1, Line(0, 0)) for _ in range(block.space_before))
            self._first_line[block.key] = len(self.lines)
            shown = self._shown[index]
            wrapper = balanced_wrap if block.role in BALANCED_ROLES else wrap
            wrapped = wrapper(shown.text, self.width, cell_len(block.lead), frozenset(shown.no_break))
            for number, line in enumerate(wrapped):
                self.lines.append(DocLine(index, line, first=number == 0))

    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, key: BlockKey, offset: int = 0) -> int:
        """The screen line showing character `offset` of block `key` (0 when unknown)."""
        first = self._first_line.get(key)
        if first is None:
            return 0
        offset = self._shown[self.lines[first].block].shown(offset)
        number = first
        while number + 1 < len(self.lines):
            following = self.lines[number + 1]
            if following.block != self.lines[first].block or following.line.start > offset:
                break
            number += 1
        return number

    def place_at(self, y: int) -> tuple[BlockKey, int] | None:
        """The block and block offset of the first character on screen line `y` (a blank line:
        the start of the next block), so a relayout can bring back the very same line."""
        if 0 <= y < len(self.lines) and self.lines[y].block >= 0:
            entry = self.lines[y]
            return self.blocks[entry.block].key, self._shown[entry.block].source(entry.line.start)
        key = self.block_at(y)
        return (key, 0) if key is not None else None

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
        """Line `y` as Rich text, `width` cells wide at most (highlights and annotations applied)."""
        if not 0 <= y < len(self.lines):
            return Text()
        entry = self.lines[y]
        if entry.block < 0:
            return Text()
        block = self.blocks[entry.block]
        shown = self._shown[entry.block]
        line = entry.line
        base = style_for(block.role)
        text = Text(shown.text[line.start : line.end], style=base, no_wrap=True, end="")
        for start, mark in zip(shown.starts, shown.annotations, strict=True):
            for piece, role in mark.pieces:
                self._stylize(text, line, start, start + len(piece), style_for(role))
                start += len(piece)
        for mark in highlights:
            if mark.block == block.key:
                start, end = shown.shown(mark.start), shown.shown(mark.end, end=True)
                self._stylize(text, line, start, end, style_for(mark.style))
        lead = self._lead(entry)
        if lead:
            text = Text.assemble(Text(lead, style=style_for(f"{block.role}-lead")), text)
        room = self._centring(entry)
        return Text.assemble(" " * room, text) if room else text

    @staticmethod
    def _stylize(text: Text, line: Line, start: int, end: int, style: Style) -> None:
        """Style shown characters `start:end` of a block where they fall on `line`."""
        start = max(start, line.start) - line.start
        end = min(end, line.end) - line.start
        if end > start:
            text.stylize(style, start, end)

    def _lead(self, entry: DocLine) -> str:
        """What is drawn before the line's text: the block's lead on its first line, else spaces."""
        if not entry.line.indent:
            return ""
        block = self.blocks[entry.block]
        lead = block.lead if entry.first and block.lead else " " * entry.line.indent
        return lead if cell_len(lead) == entry.line.indent else " " * entry.line.indent

    def _centring(self, entry: DocLine) -> int:
        """The spaces before a centred or flush-right line (0 for others)."""
        block = self.blocks[entry.block]
        if not (block.center or block.right):
            return 0
        shown = self._shown[entry.block].text[entry.line.start : entry.line.end]
        room = self.width - cell_len(self._lead(entry)) - cell_len(shown)
        if block.right:
            return max(0, room)
        return room // 2 if room > 1 else 0

    # -- screen cells <-> block offsets (a mouse click, the popup beside the word cursor) --

    def offset_at(self, y: int, x: int) -> tuple[BlockKey, int] | None:
        """The block and character drawn at cell `x` of line `y` (None off the text)."""
        if not 0 <= y < len(self.lines) or self.lines[y].block < 0:
            return None
        entry = self.lines[y]
        shown = self._shown[entry.block]
        x -= self._centring(entry) + cell_len(self._lead(entry))
        if x < 0:
            return None
        used = 0
        for position in range(entry.line.start, entry.line.end):
            used += cell_len(shown.text[position])
            if used > x:
                return self.blocks[entry.block].key, shown.source(position)
        return None

    def cell_of(self, key: BlockKey, offset: int) -> tuple[int, int]:
        """(line, cell) where character `offset` of block `key` is drawn."""
        y = self.line_of(key, offset)
        entry = self.lines[y] if 0 <= y < len(self.lines) else None
        if entry is None or entry.block < 0:
            return y, 0
        shown = self._shown[entry.block]
        start = min(max(shown.shown(offset), entry.line.start), entry.line.end)
        before = shown.text[entry.line.start : start]
        return y, self._centring(entry) + cell_len(self._lead(entry)) + cell_len(before)
