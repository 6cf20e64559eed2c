"""Page geometry -> text lines in reading order, with the paragraph indents measured, not guessed.

A PDF knows what its text dump forgets: every glyph's size and box, the rules between the
frames, the photo boxes. This module is pure geometry (no PDF library, no Textual), so it can
be tested with glyphs made by hand:

1. glyphs -> `TextLine`s: runs of glyphs on one baseline and of one size, in drawing order;
   a gap of most of an em inside a run is a space (the phrase gap of a headline, a byline's
   gap before the name); the narrower gaps of a justified line are no spaces at all;
2. lines -> reading order by recursive cuts of the page: first at the rules (a rule spanning
   the region cuts it), then at a gutter running the region's full height (columns, read left
   to right), else at the widest horizontal gap (a headline above its columns, a band above
   the next);
3. each leaf of the cut is one text frame: its first line gets the leading space that marks a
   new frame, and a body line starting an em or more right of its frame's left edge gets the
   two full-width spaces of a kept paragraph indent.

The text parser then reads these lines like a pdftotext dump, except that nothing is lost:
no letter-spacing, no lost indent, headlines before their bodies.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

#: A gap this many ems wider than the line's usual gap is a space (a phrase gap, a name gap).
SPACE_EMS = 0.25
#: A gap wider than this many ems ends the line: what follows is another frame's text.
SPLIT_EMS = 1.6
#: Glyphs whose baselines differ by less than this many ems are on one line.
BASELINE_EMS = 0.3
#: A body line starting this many ems right of its frame's left edge keeps a paragraph indent.
INDENT_EMS = 1.2
#: Gutters and gaps narrower than this (points) are not cuts.
MIN_GAP = 2.0
#: Line sizes within this ratio of the body size are body type.
BODY_SIZE_RATIO = 1.12
#: A rule cuts a region when it spans this share of the region's width (or height).
RULE_SPAN = 0.6
#: A y gap cuts a region when it is this many times the median gap between its lines ...
GAP_LEADINGS = 1.6
#: ... and at least this many ems of the lines' size.
GAP_EMS = 0.8
#: Lines this much larger than the body type are headline type (kicker, title, deck).
HEADING_SIZE_RATIO = 1.15
SENTENCE_ENDS = ("。", "！", "？", "”", "」", "）", "…", ".", "!", "?")
#: A line within this share of the body size is body type for sure: its indent decides.
KNOWN_BODY_SIZE = 0.05
#: A caption under a photo is no longer than this many lines (credit included).
MAX_CAPTION_LINES = 5
IDEOGRAPHIC_INDENT = "\u3000\u3000"


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character of the page: its box in points, origin top-left (y grows down), its size."""

    char: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass(frozen=True, slots=True)
class Rule:
    """A drawn line (or the edge of a box) on the page, in the glyphs' coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(slots=True)
class TextLine:
    """Glyphs on one baseline, left to right, with the line's box and type size."""

    glyphs: list[Glyph] = field(default_factory=list)
    text: str = ""
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0

    def finish(self) -> TextLine:
        gl = self.glyphs
        self.x0 = min(g.x0 for g in gl)
        self.x1 = max(g.x1 for g in gl)
        self.top = min(g.top for g in gl)
        self.bottom = max(g.bottom for g in gl)
        self.size = statistics.median(g.size for g in gl)
        gaps = [after.x0 - before.x1 for before, after in itertools.pairwise(gl)]
        # Justification stretches every gap of a line alike: only a gap wider than the line's
        # usual one is a space (a phrase gap, `…局 宣`, `记者 余清楚`).
        # (a line of two or three glyphs is too short to be justified: `徐 科` is spaced out)
        usual = statistics.median(gaps) if len(gaps) >= 3 else 0.0
        parts = [gl[0].char]
        for gap, after in zip(gaps, gl[1:]):
            if gap - max(usual, 0.0) >= SPACE_EMS * self.size and " " not in (parts[-1], after.char):
                parts.append(" ")
            parts.append(after.char)
        self.text = "".join(parts).strip()
        return self

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class LaidLine:
    """A line of the text the parser reads, with the box it came from (None: a blank line)."""

    text: str
    bbox: tuple[float, float, float, float] | None
    size: float = 0.0
    heading: bool = False  # set in headline type (well above the body size)
    indent_known: bool = False  # body type in a frame whose left edge was measured


def build_lines(glyphs: list[Glyph], rules: Sequence[Rule] = ()) -> list[TextLine]:
    """Glyphs in drawing order -> lines: a line goes on while glyphs share its baseline and size
    and move right without a gap wider than a gutter or a rule between them."""
    walls = [r for r in rules if not r.horizontal]
    lines: list[TextLine] = []
    current: TextLine | None = None
    for glyph in glyphs:
        if glyph.char.isspace():
            # a real space glyph inside a line (between Latin words) is kept; any other is not
            if current is not None and glyph.char == " " and _continues(current.glyphs[-1], glyph, walls):
                current.glyphs.append(glyph)
            continue
        if current is not None and _continues(current.glyphs[-1], glyph, walls):
            current.glyphs.append(glyph)
            continue
        if current is not None:
            lines.append(current)
        current = TextLine([glyph])
    if current is not None:
        lines.append(current)
    out = []
    for line in lines:
        while line.glyphs and line.glyphs[-1].char == " ":
            line.glyphs.pop()
        if line.glyphs:
            out.append(line.finish())
    return out


def _continues(last: Glyph, glyph: Glyph, walls: Sequence[Rule]) -> bool:
    size = max(last.size, glyph.size, 1.0)
    if abs(last.size - glyph.size) > 0.2 * size:
        return False
    if (
        abs(last.bottom - glyph.bottom) > BASELINE_EMS * size
        and abs(last.top - glyph.top) > BASELINE_EMS * size
    ):
        return False
    gap = glyph.x0 - last.x1
    if not -0.3 * size <= gap <= SPLIT_EMS * size:
        return False
    middle = (glyph.top + glyph.bottom) / 2
    return not any(last.x1 - 0.5 <= w.x0 <= glyph.x0 + 0.5 and w.top <= middle <= w.bottom for w in walls)


def body_size(lines: list[TextLine]) -> float:
    """The type size most of the page's characters are set in."""
    counts: Counter[float] = Counter()
    for line in lines:
        counts[round(line.size, 1)] += len(line.glyphs)
    return counts.most_common(1)[0][0] if counts else 0.0


def reading_order(lines: list[TextLine], rules: list[Rule]) -> list[list[TextLine]]:
    """The page's lines as text frames (leaves of the cut) in reading order."""
    frames: list[list[TextLine]] = []
    _cut(lines, rules, frames, 0)
    return frames


def _cut(lines: list[TextLine], rules: list[Rule], out: list[list[TextLine]], depth: int) -> None:
    if len(lines) <= 1 or depth > 60:
        if lines:
            out.append(sorted(lines, key=lambda ln: (ln.top, ln.x0)))
        return
    for split in (_rule_split, _band_split, _gutter_split, _gap_split):
        parts = split(lines, rules)
        if parts is not None:
            for part in parts:
                _cut(part, rules, out, depth + 1)
            return
    out.append(sorted(lines, key=lambda ln: (ln.top, ln.x0)))


def _rule_split(lines: list[TextLine], rules: list[Rule]) -> list[list[TextLine]] | None:
    """Cut at the rule that crosses no line of the region and spans most of it (the one spanning
    the largest share; a horizontal one first on a tie: bands before columns)."""
    x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    top, bottom = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
    best: tuple[float, list[list[TextLine]]] | None = None
    for rule in rules:
        if rule.horizontal:
            y = (rule.top + rule.bottom) / 2
            if not top < y < bottom:
                continue
            share = (min(rule.x1, x1) - max(rule.x0, x0)) / max(x1 - x0, 1.0) + 0.05
            if (
                share < RULE_SPAN
                or (best and share <= best[0])
                or any(ln.top < y < ln.bottom for ln in lines)
            ):
                continue
            parts = [[ln for ln in lines if ln.bottom <= y], [ln for ln in lines if ln.top >= y]]
        else:
            x = (rule.x0 + rule.x1) / 2
            if not x0 < x < x1:
                continue
            share = (min(rule.bottom, bottom) - max(rule.top, top)) / max(bottom - top, 1.0)
            if share < RULE_SPAN or (best and share <= best[0]) or any(ln.x0 < x < ln.x1 for ln in lines):
                continue
            parts = [[ln for ln in lines if ln.x1 <= x], [ln for ln in lines if ln.x0 >= x]]
        if parts[0] and parts[1]:
            best = (share, parts)
    return best[1] if best else None


def _free_intervals(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The gaps (start, end) between the union of the spans, widest gaps included."""
    spans = sorted(spans)
    gaps = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach >= MIN_GAP:
            gaps.append((reach, start))
        reach = max(reach, end)
    return gaps


def _gutter_split(lines: list[TextLine], rules: list[Rule]) -> list[list[TextLine]] | None:
    """Columns: x ranges no line crosses, over the region's full height; read left to right."""
    gaps = _free_intervals([(ln.x0, ln.x1) for ln in lines])
    if not gaps:
        return None
    edges = [(a + b) / 2 for a, b in gaps]
    parts: list[list[TextLine]] = [[] for _ in range(len(edges) + 1)]
    for line in lines:
        index = sum(1 for e in edges if line.x0 > e)
        parts[index].append(line)
    return [p for p in parts if p]


def _band_split(lines: list[TextLine], rules: list[Rule]) -> list[list[TextLine]] | None:
    """Bands before columns: a y gap across the whole region, wider than the leading, with a
    headline right under it, is where one band of stories ends and the next begins (cutting the
    columns first would run a gutter that happens to line up through both bands)."""
    gaps = _free_intervals([(ln.top, ln.bottom) for ln in lines])
    if not gaps:
        return None
    size = statistics.median(ln.size for ln in lines)
    wide = max(GAP_LEADINGS * _leading(lines), GAP_EMS * size)
    bands = []
    for a, b in gaps:
        if b - a < wide:
            continue
        below = min((ln for ln in lines if ln.top >= b - 0.01), key=lambda ln: ln.top)
        if below.size > size * HEADING_SIZE_RATIO:
            bands.append((a, b))
    if not bands:
        return None
    a, b = max(bands, key=lambda g: g[1] - g[0])
    y = (a + b) / 2
    return [[ln for ln in lines if ln.bottom <= y], [ln for ln in lines if ln.top >= y]]


def _gap_split(lines: list[TextLine], rules: list[Rule]) -> list[list[TextLine]] | None:
    """Bands: cut at the widest y gap no line crosses when it is clearly wider than the leading
    between the lines, else at a gap where the type size changes (a headline above its
    columns); with neither, the region is one frame."""
    gaps = _free_intervals([(ln.top, ln.bottom) for ln in lines])
    if not gaps:
        return None
    a, b = max(gaps, key=lambda g: g[1] - g[0])
    size = statistics.median(ln.size for ln in lines)
    if b - a < max(GAP_LEADINGS * _leading(lines), GAP_EMS * size):
        changes = [g for g in gaps if _size_changes(lines, *g)]
        if not changes:
            return None
        a, b = max(changes, key=lambda g: g[1] - g[0])
    y = (a + b) / 2
    return [[ln for ln in lines if ln.bottom <= y], [ln for ln in lines if ln.top >= y]]


def _size_changes(lines: list[TextLine], a: float, b: float) -> bool:
    """Whether the type above the gap a..b is of another size than the type under it."""
    above = max((ln for ln in lines if ln.bottom <= a + 0.01), key=lambda ln: ln.bottom)
    below = min((ln for ln in lines if ln.top >= b - 0.01), key=lambda ln: ln.top)
    return max(above.size, below.size) > BODY_SIZE_RATIO * min(above.size, below.size)


def _leading(lines: list[TextLine]) -> float:
    """The median gap between a line and the next one under it in the same column."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    gaps = []
    for i, line in enumerate(ordered):
        for below in ordered[i + 1 : i + 40]:
            if below.top >= line.bottom - 1 and below.x0 < line.x1 and line.x0 < below.x1:
                gaps.append(below.top - line.bottom)
                break
    return statistics.median(gaps) if gaps else 0.0


def lay_out(glyphs: list[Glyph], rules: list[Rule], boxes: Sequence[Rule] = ()) -> list[LaidLine]:
    """The page's text as the parser reads it: frames in reading order, a blank line between
    them, a leading space on each frame's first line and kept indents on paragraph starts."""
    lines = build_lines(glyphs, rules)
    size = body_size(lines)
    out: list[LaidLine] = []
    previous: list[TextLine] = []
    frames = captions_last(attach_side_headlines(reading_order(lines, rules), size, rules), boxes, size)
    for frame in frames:
        body = [ln for ln in frame if _is_body(ln, size)]
        left = min((ln.x0 for ln in body), default=0.0)
        if out:
            out.append(LaidLine("", None))
        # A frame right under the previous one in the same column (a subhead, the paragraphs
        # after it) goes on with its story; only a frame elsewhere opens a new text frame.
        opens = not previous or not _same_column(previous, frame)
        # The frame's left edge is known when several of its body lines start there.
        flush = sum(1 for ln in body if ln.x0 - left < INDENT_EMS * ln.size)
        right = max((ln.x1 for ln in body), default=0.0)
        for i, line in enumerate(frame):
            text = line.text
            is_body = _is_body(line, size)
            if len(body) > 1 and is_body and line.x0 - left >= INDENT_EMS * line.size:
                text = IDEOGRAPHIC_INDENT + text
            elif i == 0 and opens:
                text = " " + text
            # ... and the line is running text: it fills the column or ends a sentence (a short
            # line ending in neither is a subhead, whatever its size)
            known = (
                is_body
                and flush >= 2
                and abs(line.size - size) <= KNOWN_BODY_SIZE * size
                and (right - line.x1 < line.size or _ends_sentence(line.text))
            )
            out.append(LaidLine(text, line.bbox, line.size, line.size > size * HEADING_SIZE_RATIO, known))
        previous = frame
    return out


def captions_last(frames: list[list[TextLine]], boxes: Sequence[Rule], size: float) -> list[list[TextLine]]:
    """A photo set inside a story's column puts its caption amid the story's text: the short
    frames right under a box and within its width (caption, credit) are the photo's, read after
    everything else when the story's text goes on under them, so the story runs on across it."""
    if not boxes:
        return frames
    captions: list[list[TextLine]] = []
    rest: list[list[TextLine]] = []
    index = 0
    while index < len(frames):
        box = _box_above(frames[index], boxes, size)
        end = index
        if box is not None:
            while end + 1 < len(frames) and _caption_goes_on(frames[end], frames[end + 1], box, size):
                end += 1
        block = frames[index : end + 1]
        lines = sum(len(f) for f in block)
        after = frames[end + 1] if end + 1 < len(frames) else None
        inside_story = (
            index > 0
            and after is not None
            and len(after) >= 2
            and all(_is_body(ln, size) for ln in after)
            and _same_column(block[-1], after)
        )
        if box is not None and inside_story and lines <= MAX_CAPTION_LINES:
            captions.extend(block)
        else:
            rest.extend(block)
        index = end + 1
    return rest + captions


def _box_above(frame: list[TextLine], boxes: Sequence[Rule], size: float) -> Rule | None:
    top, x0, x1 = min(ln.top for ln in frame), min(ln.x0 for ln in frame), max(ln.x1 for ln in frame)
    return next(
        (b for b in boxes if 0 <= top - b.bottom <= 1.5 * size and b.x0 - size <= x0 and x1 <= b.x1 + size),
        None,
    )


def _caption_goes_on(above: list[TextLine], below: list[TextLine], box: Rule, size: float) -> bool:
    """Whether `below` is more of the caption block under `box` (the credit under the caption)."""
    gap = min(ln.top for ln in below) - max(ln.bottom for ln in above)
    inside = box.x0 - size <= min(ln.x0 for ln in below) and max(ln.x1 for ln in below) <= box.x1 + size
    return inside and 0 <= gap <= 1.5 * size and len(below) <= 2


def attach_side_headlines(
    frames: list[list[TextLine]], size: float, rules: list[Rule]
) -> list[list[TextLine]]:
    """Move a headline set beside its story (at the top of the next column, right of the
    story's columns) in front of that story.

    The cut reads the story's columns first and the headline after them. A headline there
    belongs to the columns on its left when they start level with it, have no headline of
    their own, and either another headline follows it (its own column is another story's) or
    the columns run on into the text under it (the story is not over).
    """
    out = list(frames)
    i = 1
    while i < len(out):
        group_end = i
        if not _is_heading_frame(out[i], size):
            i += 1
            continue
        while group_end + 1 < len(out) and _one_headline(out[group_end], out[group_end + 1], size):
            group_end += 1
        start = _side_story_start(out, i, size, rules)
        if start is not None:
            after = out[group_end + 1] if group_end + 1 < len(out) else None
            next_heading = after is not None and _is_heading_frame(after, size)
            runs_on = after is not None and not _ends_sentence(out[i - 1][-1].text)
            if next_heading or runs_on:
                group = out[i : group_end + 1]
                del out[i : group_end + 1]
                out[start:start] = group
        i = group_end + 1
    return out


def _one_headline(above: list[TextLine], below: list[TextLine], size: float) -> bool:
    """Whether two heading frames are one headline (a title and its deck): stacked close."""
    if not (_is_heading_frame(below, size) and _same_column(above, below)):
        return False
    gap = min(ln.top for ln in below) - max(ln.bottom for ln in above)
    return gap <= 0.8 * min(above[-1].size, below[0].size)


def _side_story_start(frames: list[list[TextLine]], index: int, size: float, rules: list[Rule]) -> int | None:
    """Where the story left of the headline frame `index` starts (None: no such story)."""
    head = frames[index]
    top, left = min(ln.top for ln in head), min(ln.x0 for ln in head)
    bottom = max(ln.bottom for ln in head)
    start = None
    j = index - 1
    while j >= 0:
        frame = frames[j]
        if _is_heading_frame(frame, size):
            return None  # the columns have a headline of their own
        f_top = min(ln.top for ln in frame)
        if max(ln.x1 for ln in frame) > left + size or f_top < top - 2 * size:
            break
        if start is not None and _wall_between(frame, frames[start], rules):
            break
        start = j
        j -= 1
    if start is None:
        return None
    first_top = min(ln.top for ln in frames[start])
    return start if first_top <= bottom + 3 * size else None


def _wall_between(left: list[TextLine], right: list[TextLine], rules: list[Rule]) -> bool:
    a, b = max(ln.x1 for ln in left), min(ln.x0 for ln in right)
    top = max(min(ln.top for ln in left), min(ln.top for ln in right))
    bottom = min(max(ln.bottom for ln in left), max(ln.bottom for ln in right))
    return any(
        not r.horizontal and min(a, b) - 1 <= r.x0 <= max(a, b) + 1 and r.top <= bottom and r.bottom >= top
        for r in rules
    )


def _is_heading_frame(frame: list[TextLine], size: float) -> bool:
    return all(ln.size > size * HEADING_SIZE_RATIO for ln in frame)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_ENDS)


def _same_column(above: list[TextLine], below: list[TextLine]) -> bool:
    a0, a1 = min(ln.x0 for ln in above), max(ln.x1 for ln in above)
    b0, b1 = min(ln.x0 for ln in below), max(ln.x1 for ln in below)
    overlap = min(a1, b1) - max(a0, b0)
    return overlap >= 0.8 * min(a1 - a0, b1 - b0) and max(ln.bottom for ln in above) <= min(
        ln.top for ln in below
    )


def _is_body(line: TextLine, size: float) -> bool:
    return size > 0 and line.size <= size * BODY_SIZE_RATIO and line.size * BODY_SIZE_RATIO >= size
