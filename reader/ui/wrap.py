"""Chinese line breaking on terminal cell widths. Pure Python: no Textual, testable alone.

Textual and Rich wrap CJK text with no line-breaking rules at all (a lone `。` ends up at the
start of a line), so the article view wraps by itself with this module and renders the lines.

The rules a Chinese reader expects (禁则, kinsoku):
- no line starts with closing punctuation (`，。、；：？！）》」』”’…—%` ...): such a character
  is glued to the one before it;
- no line ends with opening punctuation (`（《「『“‘`): glued to the one after it;
- a run of Latin letters or digits (`GDP`, `14.1%`, `2023年` keeps `2023` whole) is not split
  unless it is wider than the whole line.

Widths come from `rich.cells`, the same table the terminal renderer uses, so a full-width
character counts two cells and lines fill the pane exactly. Every line keeps its (start, end)
offsets in the source text so search highlights and a word cursor map to screen positions.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

#: Characters that must not begin a line (closing brackets, full stops, commas, ellipses...).
NO_LINE_START = frozenset("，。、；：？！）》」』”’…—%．,.;:?!)]}〉】〕〗〙〛～·ー々〻ゝゞ‰℃")
#: Characters that must not end a line (opening brackets and quotes).
NO_LINE_END = frozenset("（《「『“‘([{〈【〔〖〘〚")

#: One unbreakable Latin/number run: letters, digits, and the joiners inside numbers and words
#: (`14.1%`, `5G`, `COVID-19`, `1,000`, `don't`, `http://x.cn/a`).
_WORD = re.compile(
    r"[0-9A-Za-z\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+"
    r"(?:[.,:/'\-_%．％][0-9A-Za-z\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+)*%?"
)
_SPACE = re.compile(r"[ \t\u3000]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: `text[start:end]` of the source, drawn after `indent` cells of indent."""

    start: int
    end: int
    indent: int = 0


#: One unit: a run of spaces, a Latin/number run, or any other single character. One C-level
#: scan instead of two regex calls a character (a 1,000,000-character paragraph must wrap fast).
_UNIT = re.compile(r"(?P<space>[ \t\u3000]+)|(?:" + _WORD.pattern + r")|.", re.S)


def _tokens(text: str) -> Iterator[tuple[int, int, bool]]:
    """Split `text` into (start, end, is_space) units that the wrapper never cuts inside."""
    for match in _UNIT.finditer(text):
        yield match.start(), match.end(), match.lastgroup == "space"


def _glue(text: str, tokens: Iterable[tuple[int, int, bool]]) -> Iterator[tuple[int, int, bool]]:
    """Merge units so that no unit starts with a no-line-start or ends with a no-line-end char.

    A stream: only the last two units can still change (a mark joins the unit before it, a
    space before a mark goes), so a long paragraph is never held as a million small lists,
    whose garbage collection paused every thread of the app for tenths of a second.
    """
    pending: deque[list[int | bool]] = deque()  # the last units, still open to change
    emitted = 0
    no_start, no_end = NO_LINE_START, NO_LINE_END
    carry_start: int | None = None  # start of pending opening punctuation
    for start, end, is_space in tokens:
        if is_space:
            if carry_start is not None:
                # `“ word`: the opening mark stays with what follows, space included.
                continue
            pending.append([start, end, True])
        else:
            if carry_start is not None:
                start = carry_start
                carry_start = None
            if text[start] in no_start and pending:
                if pending[-1][2] and emitted + len(pending) > 1:
                    pending.pop()  # `word ，`: the space goes, the mark joins the word
                if pending and not pending[-1][2]:
                    pending[-1][1] = end
                else:
                    pending.append([start, end, False])
            else:
                pending.append([start, end, False])
            if text[end - 1] in no_end:
                carry_start = int(pending.pop()[0])
        while len(pending) > 2:
            first = pending.popleft()
            emitted += 1
            yield int(first[0]), int(first[1]), bool(first[2])
    if carry_start is not None:
        pending.append([carry_start, len(text), False])
    for unit in pending:
        yield int(unit[0]), int(unit[1]), bool(unit[2])


def _hard_split(text: str, start: int, end: int, room: int, width: int) -> list[tuple[int, int]]:
    """Cut a unit wider than a line into pieces by character; the first piece fits in `room`.

    A cut is moved back a character or two rather than leave `，` at a line start or `“` at a
    line end (`14.1%，` at width 6 becomes `14.1` / `%，`).
    """
    pieces: list[tuple[int, int]] = []
    piece_start = start
    index = start
    used = 0
    limit = room
    while index < end:
        size = get_character_cell_size(text[index])
        if used + size > limit and index > piece_start:
            cut = index
            while cut - 1 > piece_start and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END):
                cut -= 1
            pieces.append((piece_start, cut))
            piece_start = index = cut
            used = 0
            limit = width
            continue
        used += size
        index += 1
    pieces.append((piece_start, end))
    return pieces


def wrap(
    text: str, width: int, first_indent: int = 0, keep_together: frozenset[int] = frozenset()
) -> list[Line]:
    """Wrap one paragraph to `width` cells; the first line starts after `first_indent` cells.

    Newlines in `text` are hard breaks. An empty text gives one empty line, so an empty
    paragraph still takes its place on screen. No line starts at an offset in `keep_together`
    (the pinyin shown after a name stays on the name's line).
    """
    width = max(1, width)
    lines: list[Line] = []
    offset = 0
    for index, piece in enumerate(text.split("\n")):
        indent = first_indent if index == 0 else 0
        lines.extend(
            _wrap_piece(text, offset, offset + len(piece), width, min(indent, width - 1), keep_together)
        )
        offset += len(piece) + 1
    return lines


def _keep_together(
    units: Iterable[tuple[int, int, bool]], offsets: frozenset[int]
) -> Iterator[tuple[int, int, bool]]:
    """Merge each unit starting at one of `offsets` into the unit right before it."""
    if not offsets:
        yield from units
        return
    last: tuple[int, int, bool] | None = None
    for start, end, is_space in units:
        if last is not None and start in offsets and not last[2] and last[1] == start:
            last = (last[0], end, False)
            continue
        if last is not None:
            yield last
        last = (start, end, is_space)
    if last is not None:
        yield last


def _wrap_piece(
    text: str, begin: int, finish: int, width: int, indent: int, keep_together: frozenset[int] = frozenset()
) -> list[Line]:
    """Greedy fill of `text[begin:finish]`: a unit that does not fit starts the next line."""
    shifted = ((s + begin, e + begin, sp) for s, e, sp in _tokens(text[begin:finish]))
    units = _keep_together(_glue(text, shifted), keep_together)
    lines: list[Line] = []
    line_start: int | None = None
    line_end = begin
    line_indent = indent
    used = 0  # cells of text[line_start:line_end], kept as the line grows (not measured again)
    for start, end, is_space in units:
        if is_space:
            continue  # inside a line it is part of the slice; at a line's edges it is dropped
        if line_start is not None:
            grown = used + cell_len(text[line_end:end])
            if line_indent + grown > width:
                lines.append(Line(line_start, line_end, line_indent))
                line_start, line_indent = None, 0
            else:
                used = grown
        if line_start is None:
            room = width - line_indent
            if cell_len(text[start:end]) > room:
                pieces = _hard_split(text, start, end, room, width)
                for piece_start, piece_end in pieces[:-1]:
                    lines.append(Line(piece_start, piece_end, line_indent))
                    line_indent = 0
                start = pieces[-1][0]
            line_start = start
            used = cell_len(text[start:end])
        line_end = end
    if line_start is not None:
        lines.append(Line(line_start, line_end, line_indent))
    if not lines:
        lines.append(Line(begin, begin, indent))
    return lines


def balanced_wrap(
    text: str, width: int, first_indent: int = 0, keep_together: frozenset[int] = frozenset()
) -> list[Line]:
    """Wrap a headline into as few lines as `wrap` does, but of about equal length.

    A headline set in print breaks at its phrase gap (`坚持创新突破 聚力提质增效`), never
    leaves one or two characters alone on its last line (`……聚力提质` / `增效`): when every
    phrase fits on a line, whole phrases are packed, as evenly as the line count allows;
    otherwise the text is wrapped at the narrowest width that still needs no more lines than
    a greedy fill, which evens the lines out. The 避头尾 rules of `wrap` hold either way.
    """
    width = max(1, width)
    greedy = wrap(text, width, first_indent, keep_together)
    if len(greedy) < 2 or "\n" in text:
        return greedy
    phrased = _phrase_lines(text, width, first_indent, keep_together, len(greedy))
    if phrased is not None:
        return phrased
    total = sum(cell_len(text[line.start : line.end]) for line in greedy) + first_indent
    low, high = max(1, -(-total // len(greedy))), width
    while low < high:
        middle = (low + high) // 2
        if len(wrap(text, middle, first_indent, keep_together)) <= len(greedy):
            high = middle
        else:
            low = middle + 1
    return wrap(text, low, first_indent, keep_together)


def _phrase_lines(
    text: str, width: int, indent: int, keep_together: frozenset[int], most: int
) -> list[Line] | None:
    """Whole phrases (text between gaps) packed evenly into at most `most` lines; None when a
    phrase is wider than a line or the phrases need more lines."""
    phrases: list[tuple[int, int]] = []
    start = 0
    for gap in _SPACE.finditer(text):
        if gap.end() in keep_together or gap.start() == 0:
            continue  # a space inside a name's annotation (`(Zhāng Xùshēng)`) is no gap
        phrases.append((start, gap.start()))
        start = gap.end()
    phrases.append((start, len(text)))
    phrases = [(s, e) for s, e in phrases if e > s]
    if len(phrases) < 2 or any(cell_len(text[s:e]) > width - indent for s, e in phrases):
        return None

    def pack(limit: int) -> list[Line]:
        lines: list[Line] = []
        first, last = phrases[0]
        for s, e in phrases[1:]:
            room = limit - (indent if not lines else 0)
            if cell_len(text[first:e]) > room:
                lines.append(Line(first, last, indent if not lines else 0))
                first = s
            last = e
        lines.append(Line(first, last, indent if not lines else 0))
        return lines

    count = len(pack(width))
    if count > most:
        return None
    low, high = max(cell_len(text[s:e]) for s, e in phrases) + indent, width
    while low < high:
        middle = (low + high) // 2
        if len(pack(middle)) <= count:
            high = middle
        else:
            low = middle + 1
    return pack(low)
