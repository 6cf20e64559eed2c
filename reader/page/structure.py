"""From classified lines to a stream of units: paragraphs, headings, bylines, credits, markers.

The rules undo what PDF extraction did to the columns:
- a paragraph can only end on sentence-final punctuation, and only where the lost indent left
  its trace (the line after is about two characters short, or the line itself stops short);
- lines that never reach a sentence end before a byline, a new text frame or the end of the
  page are not body text but a heading (headline, subhead or teaser);
- blank lines are ignored: double spacing and column breaks put them anywhere.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from reader.page.credits import BOX, name_line_people
from reader.page.lines import Line
from reader.page.surnames import COMPOUND_SURNAMES

#: The indent of a paragraph's first line is two characters (four cells); after squeezes and
#: justification it shows as a line 2-6 cells short. A paragraph ends where the next line's
#: shortfall plus half the line's own shortfall reaches this many cells.
BREAK_EVIDENCE = 2.5
#: Running lines of a column vary by a few cells (justification, squeezed punctuation).
RUNNING_SLACK = 5
#: A paragraph's first line is shorter by its indent: it may be this much under the column.
FIRST_LINE_SLACK = 9
#: No headline, subhead or teaser line is longer than this many characters.
MAX_HEADING_CHARS = 80
#: A line this much wider than the column spans several columns: a headline.
WIDE_CELLS = 6


@dataclass(slots=True)
class Unit:
    """A run of lines with one role: paragraph, heading, or one of the single-line kinds."""

    kind: str  # paragraph | heading | subhead | byline | credit | notice | furniture | cont-out | cont-in
    lines: list[Line] = field(default_factory=list)
    column: int = 0  # the column width (cells) of the segment the unit came from

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number


def column_width(lines: list[Line], measure: str = "width") -> int:
    """The full line width of a run of body lines: the median of the lines that run on.

    Lines ending a sentence are left out (they stop anywhere), and so are lines well short of
    the widest fifth (headings, indented first lines), which would pull a short segment's
    estimate down until its headline looked like an indented first line.
    """
    running = [
        getattr(ln, measure) for ln in lines if not ln.terminal and not ln.phrase_gap and not ln.letter_spaced
    ]
    running = running or [getattr(ln, measure) for ln in lines]
    if not running:
        return 0
    # Short heading lines and indented first lines must not drag the estimate down on a page
    # with little body text: only lines near the widest fifth count.
    widest = sorted(running)[int(len(running) * 0.8)]
    return round(statistics.median([w for w in running if w >= widest - RUNNING_SLACK]))


def _starts_paragraph(line: Line) -> bool:
    return line.indented or line.opens_with_dateline


def _break_evidence(line_width: int, next_width: int, column: int, next_is_heading: bool) -> float:
    """How strongly the lost-indent trace says a paragraph ends between two lines (cells)."""
    next_short = 6 if next_is_heading else column - next_width
    own_short = column - line_width
    return min(max(next_short, -2), 6) + 0.5 * min(max(own_short, -2), 12)


def paragraph_ends(line: Line, following: Line, column: int, cells_column: int | None = None) -> bool:
    """Whether a paragraph ends after `line`, judged from the lost-indent trace.

    `line` ends a sentence; the paragraph ends there if it stops short of the column, or if
    the next line starts short (it lost its two-character indent). A full line ending in 。
    followed by another full line is one paragraph running on. Widths are measured twice,
    with punctuation as half and as full width, since typesetters squeeze it or not; either
    measure showing the indent is enough.
    """
    if _starts_paragraph(following):
        return True
    if following.indent_known:
        return False  # a body line measured flush with its column (a PDF) goes on with the paragraph
    heading = following.phrase_gap or following.width_in(column) > column + WIDE_CELLS
    evidence = _break_evidence(line.width_in(column), following.width_in(column), column, heading)
    if cells_column:
        evidence = max(
            evidence,
            _break_evidence(
                line.cells_in(cells_column), following.cells_in(cells_column), cells_column, heading
            ),
        )
    return evidence >= BREAK_EVIDENCE


def _body_shaped(line: Line, column: int, *, first: bool) -> bool:
    """Whether a line can be running text of a paragraph in a column of this width."""
    if line.phrase_gap and not line.terminal:
        return False
    width = line.width_in(column)
    if width > column + WIDE_CELLS:
        return False
    if line.opens_with_dateline:
        return True
    return width >= column - (FIRST_LINE_SLACK if first else RUNNING_SLACK)


_LATIN = re.compile(r"[A-Za-z]")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def _short(line: Line, column: int, cells_column: int) -> bool:
    """Shorter than running text by both measures (punctuation half or full width): a line that
    can only be a paragraph's first (its indent lost) or no body line at all."""
    return (
        line.width_in(column) < column - RUNNING_SLACK
        and line.cells_in(cells_column) < cells_column - RUNNING_SLACK
        # Latin words (`据 Reuters 报道 GDP`) are set in proportional type: no measure tells
        and not _LATIN.search(line.text)
    )


def _heading_prefix(chunk: list[Line], column: int, cells_column: int) -> int:
    """How many leading lines of a chunk ending in a sentence are heading lines, not body.

    Walking up from the sentence end, lines stay body while they could be running text (or
    the indented first line); the first line that cannot (far too short, wider than the
    column, a phrase gap) and everything above it is a heading standing right above the
    paragraph: a subhead, or a headline printed before its body.
    """
    body_start = len(chunk) - 1
    if body_start and chunk[body_start].opens_with_dateline:
        return body_start  # `本报讯…` opens the paragraph: what stands above it is a heading
    short = column - RUNNING_SLACK
    while body_start > 0:
        candidate = chunk[body_start - 1]
        if candidate.opens_with_dateline or candidate.indented:
            return body_start - 1
        if not _body_shaped(candidate, column, first=True):
            break
        body_start -= 1
        if (
            body_start
            and candidate.width < short
            and _short(candidate, column, cells_column)
            and not candidate.indent_known  # measured flush (a PDF): short by justification only
        ):
            return body_start  # a short line inside a paragraph is its first (the lost indent)
    return body_start


def _question_headline(chunk: list[Line], heading: int, column: int) -> bool:
    """One or two lines ending in ？ or ！ under headline lines, no wider than they are and with
    no other sentence end, finish the headline (`是同胞疏远了杂技，` / `还是杂技疏远了同胞？`)."""
    tail = chunk[heading:]
    if not heading or len(tail) > 2 or tail[-1].text[-1] not in "？！?!":
        return False
    widest = max(ln.width_in(column) for ln in chunk[:heading])
    return all(
        ln.width_in(column) < column and ln.width_in(column) <= widest + 4 and "。" not in ln.text
        for ln in tail
    )


#: Punctuation inside a sentence: a wide line holding it is running text, not a headline.
_PROSE_MARKS = frozenset("，、；：")


def _wide_prose_run(lines: list[Line], column: int) -> tuple[int, int] | None:
    """The first run of lines set wider than the column that read as prose, as (start, end).

    A photo caption spanning two columns comes out of pdftotext amid the column's own lines:
    `1月1日，中华人民共和国驻南非共和国大使馆在…开` / `馆。这是…国旗。`. The run goes on to its
    first sentence end; measured against the narrow column, its lines would look like headings.
    """
    if len(lines) < 2 or column <= 0:
        return None
    wide = max(column * 1.5, column + 2 * WIDE_CELLS)
    for index, line in enumerate(lines):
        if line.width <= wide or _PROSE_MARKS.isdisjoint(line.text):
            continue
        if line.phrase_gap or line.letter_spaced:
            continue
        end = index
        while end < len(lines) and not lines[end].terminal:
            end += 1
            if end < len(lines) and lines[end].width <= column + WIDE_CELLS and not lines[end].terminal:
                return None  # back to the column before any sentence ended: not a frame
        if index == 0 and end + 1 >= len(lines):
            return None  # the whole segment is the frame: its own column is already right
        return index, min(end + 1, len(lines))
    return None


def segment_units(
    lines: list[Line], column: int | None = None, cells_column: int | None = None
) -> list[Unit]:
    """Split one segment (text lines between two non-text lines) into paragraphs and headings."""
    if column is None:
        column = column_width(lines)
    if cells_column is None:
        cells_column = column_width(lines, "cells")
    wide = _wide_prose_run(lines, column)
    if wide is not None:
        # A caption or lead set across several columns: a text frame of its own width.
        units = []
        rest = lines
        while wide is not None:
            first, last = wide
            frame = rest[first:last]
            units += _column_units(rest[:first], column, cells_column)
            units += _column_units(frame, max(ln.width for ln in frame), max(ln.cells for ln in frame))
            rest = rest[last:]
            wide = _wide_prose_run(rest, column)
        return units + _column_units(rest, column, cells_column)
    return _column_units(lines, column, cells_column)


def _column_units(lines: list[Line], column: int, cells_column: int) -> list[Unit]:
    """Paragraphs and headings of lines set in one column of a known width."""
    units: list[Unit] = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines):
            line = lines[end]
            if line.terminal and (
                end + 1 == len(lines) or paragraph_ends(line, lines[end + 1], column, cells_column)
            ):
                break
            end += 1
        if end == len(lines):
            # No paragraph end before the segment ends: the lines after the last sentence end
            # are a heading (a headline printed after the body runs straight on from it).
            last_sentence = max((i for i in range(start, end) if lines[i].terminal), default=-1)
            if last_sentence >= 0:
                units.extend(_column_units(lines[start : last_sentence + 1], column, cells_column))
            tail = lines[last_sentence + 1 if last_sentence >= 0 else start :]
            # A headline is short: text running on for hundreds of characters is body, cut off.
            too_long = any(len(ln.text) > MAX_HEADING_CHARS for ln in tail)
            units.append(Unit("paragraph" if too_long else "heading", tail, column))
            break
        chunk = lines[start : end + 1]
        heading = _heading_prefix(chunk, column, cells_column)
        if _question_headline(chunk, heading, column):
            heading = len(chunk)  # `…是同胞疏远了杂技，` / `还是杂技疏远了同胞？`: all headline
        if heading:
            units.append(Unit("heading", chunk[:heading], column))
        if heading < len(chunk):
            units.append(Unit("paragraph", chunk[heading:], column))
        start = end + 1
    return units


def _is_subhead(unit: Unit, before: Unit | None, after: Unit | None) -> bool:
    """A heading between two paragraphs of one text run, fitting the column, is a subhead."""
    if not (before and after and before.kind == "paragraph" and after.kind == "paragraph"):
        return False
    if after.lines[0].opens_with_dateline:
        return False  # `本报讯…` below it: a new article starts, this is its headline
    if after.column != before.column:
        return False  # a caption or lead of another width below it: not this story's subhead
    return len(unit.lines) <= 3 and all(ln.width_in(unit.column) <= unit.column + 2 for ln in unit.lines)


def page_units(lines: list[Line]) -> list[Unit]:
    """All units of the page in reading order."""
    units: list[Unit] = []
    segment: list[Line] = []

    def flush() -> None:
        if segment:
            found = segment_units(segment)
            for i, unit in enumerate(found):
                if unit.kind == "heading" and _is_subhead(
                    unit, found[i - 1] if i else None, found[i + 1] if i + 1 < len(found) else None
                ):
                    unit.kind = "subhead"
            units.extend(found)
            segment.clear()

    for line in lines:
        if line.kind != "text":
            flush()
            units.append(Unit(line.kind, [line]))
            continue
        if line.frame_start and segment and segment[-1].terminal:
            flush()  # a new text frame after a finished sentence
        segment.append(line)
    flush()
    # A sentence cut by a continuation marker (`…促进企业加速（下转2版）`) is body, not heading.
    for i, unit in enumerate(units[:-1]):
        if unit.kind == "heading" and units[i + 1].kind == "cont-out" and len(unit.lines) >= 2:
            unit.kind = "paragraph"
    for i, unit in enumerate(units):
        if _question_block(unit, units[i - 1] if i else None, units[i + 1] if i + 1 < len(units) else None):
            unit.kind = "heading"
    return _name_bylines(units)


def _question_block(unit: Unit, before: Unit | None, after: Unit | None) -> bool:
    """A few short lines ending in ？ with no 。, standing alone after a story's 下转 marker and
    before no body: a headline printed after its body (`…是同胞疏远了杂技，` / `还是杂技疏远了同胞？`)."""
    return (
        unit.kind == "paragraph"
        and 2 <= len(unit.lines) <= 4
        and unit.lines[-1].text[-1] in "？！?!"
        and all("。" not in ln.text for ln in unit.lines)
        and before is not None
        and before.kind == "cont-out"
        and (after is None or after.kind not in ("paragraph", "subhead"))
    )


def _name_bylines(units: list[Unit]) -> list[Unit]:
    """A heading's last line that holds only names, right above a body, is the byline.

    `…实行了———` / `晏强国` / body: the writer's name set under the headline, with no role word.
    """
    out: list[Unit] = []
    for i, unit in enumerate(units):
        following = units[i + 1] if i + 1 < len(units) else None
        if unit.kind in ("heading", "subhead") and following is not None and following.kind == "paragraph":
            last = unit.lines[-1]
            found = bylined_names(last.text, alone=len(unit.lines) == 1)
            if (
                found
                and unit.kind == "subhead"
                and len(unit.lines) < 3
                and not _marked_name(last.text, found)
                and not (len(unit.lines) == 2 and _closes_above(unit.lines[0], units, i))
            ):
                found = None  # a one-line subhead such as `高质量` is no byline: only a marked name is
            if found:
                if len(unit.lines) > 1:
                    out.append(Unit("heading", unit.lines[:-1], unit.column))
                last.kind, last.authors = "byline", found
                out.append(Unit("byline", [last], unit.column))
                continue
        if unit.kind == "heading":
            # a byline under the headline of the story above, amid the next story's headline
            for line in unit.lines[1:-1]:
                found = bylined_names(line.text, alone=False)
                if found:
                    line.kind, line.authors = "byline", found
        out.append(unit)
    return out


def _closes_above(line: Line, units: list[Unit], index: int) -> bool:
    """Whether a heading line talks about the paragraphs above it and not those below: a
    headline printed after its body (`贝宁总统抵京` / `冯向杰`: the next story's byline), where a
    subhead would introduce what follows."""
    han = _NOT_HAN.sub("", line.text)
    words = {han[k : k + 2] for k in range(len(han) - 1)}
    if len(words) < 2:
        return False

    def text(side: list[Unit]) -> str:
        return "".join(ln.body for u in side if u.kind == "paragraph" for ln in u.lines)

    above, below = text(units[max(0, index - 4) : index]), text(units[index + 1 : index + 5])
    share_above = sum(w in above for w in words) / len(words)
    share_below = sum(w in below for w in words) / len(words)
    return share_above >= 0.4 and share_below <= share_above / 3


def _marked_name(text: str, found: tuple[str, ...]) -> bool:
    """Several names, a boxed one (`□士心`) or a letter-spaced one (`徐　科`): no headline looks so."""
    spaced = len(found) == 1 and len(text.strip()) > len(found[0])
    return len(found) > 1 or text.strip()[:1] in BOX or spaced


def bylined_names(text: str, *, alone: bool) -> tuple[str, ...] | None:
    """Names a line holds alone, strict enough that a short headline is never taken for one.

    Several names, a boxed name (`□士心`), a letter-spaced name (`徐　科`), or one two- or
    three-character name beginning with a common surname; two characters only when the line
    stands `alone` right above a body (no headline is that short).
    """
    found = name_line_people(text)
    if not found:
        return None
    if _marked_name(text, found):
        return found
    name = found[0]
    if name[:2] in COMPOUND_SURNAMES:
        return None
    return found if len(name) == 3 or (alone and len(name) == 2) else None


def headings_by_type(units: list[Unit], heading_type: frozenset[int]) -> list[Unit]:
    """Where the type size is known (a PDF), a paragraph set wholly in headline type is a
    heading, and headline-type lines opening a paragraph are a heading above it: the text
    rules guess from widths and sentence ends, which a deck ending in ？ defeats. Right under
    another heading, it is that headline's next line."""
    out: list[Unit] = []
    for unit in units:
        if unit.kind != "paragraph" or unit.lines[0].number not in heading_type:
            out.append(unit)
            continue
        split = next((i for i, ln in enumerate(unit.lines) if ln.number not in heading_type), len(unit.lines))
        if out and out[-1].kind == "heading":
            out[-1].lines.extend(unit.lines[:split])  # the deck under its title: one headline
        else:
            out.append(Unit("heading", unit.lines[:split], unit.column))
        if split < len(unit.lines):
            out.append(Unit("paragraph", unit.lines[split:], unit.column))
    return out
