"""From units to articles: who owns each headline, byline, caption and marker.

The PDF's drawing order puts a headline before its body or after it, and two headline blocks
can stand together between two bodies. A byline belongs to the body after it; a 下转 marker
closes an article part. Each headline line goes to the neighbouring body it shares the most
words with (character bigrams and Latin/digit words, weighted by how specific they are to one
body), under the rule that an article has at most one headline block; what no body takes is a
brief (a teaser). The choice for all headline blocks of a page is made together (a small
dynamic programme over the blocks), since one article can sit between two of them.
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import dataclass, field

from reader.page.lines import Line
from reader.page.structure import Unit
from reader.page.text import despace, join_lines, tidy_heading

#: Score of leaving a headline line to a brief rather than an article (no shared words).
BRIEF_LINE_SCORE = 0.12
#: How a photo caption usually begins.
CAPTION_OPENERS = ("图为", "上图", "下图", "左图", "右图", "图：", "图:", "图片：")
#: A headline line this short (`示祝贺`) is the end of a wrapped headline, never a teaser alone:
#: opening a brief it scores FRAGMENT_SCORE, a hair below giving it to a story (inside a brief's
#: run, `寒风凛冽` / `吸烟客`, it scores as any brief line).
MIN_BRIEF_CHARS = 4
FRAGMENT_SCORE = -0.01
#: Bonus for an article that gets a headline at all: most articles have one.
HEADLINE_BONUS = 0.35
_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?%?")


@dataclass(slots=True)
class Core:
    """An article being assembled: its byline and body units, and where its headline came from."""

    kind: str = "article"
    byline: Line | None = None
    units: list[Unit] = field(default_factory=list)  # paragraph, subhead, cont-in, cont-out
    headline: list[Line] = field(default_factory=list)
    closed: bool = False  # a 下转 marker ends this part: nothing after it belongs here
    notice: Line | None = None
    notice_more: list[Line] = field(default_factory=list)
    closing: Line | None = None  # a byline after the body (`作者：柳扬`), when one stood above too

    @property
    def body_text(self) -> str:
        return "".join(ln.body for u in self.units if u.kind in ("paragraph", "subhead") for ln in u.lines)

    @property
    def has_body(self) -> bool:
        return any(u.kind in ("paragraph", "subhead") for u in self.units)

    @property
    def accepts_headline(self) -> bool:
        return self.kind == "article" and not self.headline


@dataclass(slots=True)
class HeadGroup:
    """Headline lines standing between two article parts (either may be missing)."""

    lines: list[Line]
    before: Core | None = None  # the part that ends right above the group
    after: Core | None = None  # the part that starts right below it


def tokens(text: str) -> set[str]:
    """Character bigrams of the Chinese text and whole Latin/number words: what two texts share.

    Bigrams are taken over the Chinese characters with punctuation and Latin removed; the few
    that straddle a removed mark are noise both sides share alike. Latin and number words are
    lower case, and so the only ASCII tokens.
    """
    han = _NOT_HAN.sub("", text)
    out = set(map(operator.add, han, han[1:]))
    if len(han) == 1:
        out.add(han)
    out.update(word.lower() for word in _LATIN_WORD.findall(text))
    return out


def build_cores(units: list[Unit]) -> tuple[list[Core | HeadGroup], list[Unit]]:
    """Walk the units in reading order, opening a new article part where one must begin.

    Returns the sequence of parts and headline groups, and the units that belong to no article
    (furniture, stray markers).
    """
    sequence: list[Core | HeadGroup] = []
    leftover: list[Unit] = []
    current: Core | None = None

    def open_core(core: Core) -> Core:
        previous = sequence[-1] if sequence else None
        if isinstance(previous, HeadGroup) and previous.after is None:
            previous.after = core
        sequence.append(core)
        return core

    caption_next = False  # a credit standing alone before its caption (`新华社记者 X 摄` / `图为…`)
    for index, unit in enumerate(units):
        kind = unit.kind
        if kind == "furniture":
            leftover.append(unit)
        elif kind == "byline":
            following = units[index + 1] if index + 1 < len(units) else None
            if current and not current.closed and current.byline is None and not current.has_body:
                current.byline = unit.lines[0]
            elif current is not None and _closes_story(current, following):
                if current.byline is None:
                    current.byline = unit.lines[0]  # `作者：X` after the body
                elif current.closing is None:
                    current.closing = unit.lines[0]
            else:
                current = open_core(Core(byline=unit.lines[0]))
        elif kind in ("paragraph", "subhead"):
            if (
                current is None
                or current.closed
                or current.kind != "article"
                or _starts_article(unit, current)
            ):
                current = open_core(Core())
            current.units.append(unit)
            if caption_next:
                current.kind, caption_next = "photo", False
        elif kind == "cont-in":
            current = open_core(Core(units=[unit]))
        elif kind == "cont-out":
            if current is None:
                leftover.append(unit)
            else:
                current.units.append(unit)
                current.closed = True
        elif kind == "heading":
            group = HeadGroup(list(unit.lines), before=_story_above(sequence))
            sequence.append(group)
            current = None
        elif kind == "credit":
            following = units[index + 1] if index + 1 < len(units) else None
            if _caption_follows(unit, current, following):
                current = open_core(Core(kind="article", byline=unit.lines[0]))
                caption_next = True
            else:
                _attach_credit(unit, current, sequence)
                current = None
        elif kind == "notice":
            previous = sequence[-1] if sequence else None
            if isinstance(previous, Core) and previous.kind == "notice" and current is None:
                previous.notice_more.append(unit.lines[0])  # one notice wrapped over two lines
            else:
                sequence.append(Core(kind="notice", notice=unit.lines[0]))
            current = None
    return _trailing_subheads(sequence), leftover


def _story_above(sequence: list[Core | HeadGroup]) -> Core | None:
    """The story a headline group may close: the part right above it, looking past notices and
    photos set between a body and its headline (`…（下转2版）` / `…局 宣` / `东方情缘`)."""
    for item in reversed(sequence):
        if isinstance(item, HeadGroup):
            return None
        if item.kind == "article":
            return item
    return None


def _trailing_subheads(sequence: list[Core | HeadGroup]) -> list[Core | HeadGroup]:
    """A subhead left at the end of a story (its photo caption below went to the photo) is a
    headline printed after the body: it becomes a headline group between that story and the next."""
    out: list[Core | HeadGroup] = []
    for index, item in enumerate(sequence):
        out.append(item)
        if (
            isinstance(item, Core)
            and item.kind == "article"
            and item.units
            and item.units[-1].kind == "subhead"
        ):
            following = sequence[index + 1] if index + 1 < len(sequence) else None
            if isinstance(following, HeadGroup):
                continue
            unit = item.units.pop()
            after = following if isinstance(following, Core) else None
            out.append(HeadGroup(list(unit.lines), before=item, after=after))
    return out


#: What may follow a byline that opens a story: its headline, its body, a continuation.
_OPENS_AFTER_BYLINE = frozenset({"paragraph", "subhead", "heading", "cont-in", "credit"})


def _closes_story(current: Core, following: Unit | None) -> bool:
    """A byline after a body with no story of its own below it (`作者：柳扬` at the end) closes it."""
    return (
        current.kind == "article"
        and current.has_body
        and (current.byline is None or current.closing is None)
        and (following is None or following.kind not in _OPENS_AFTER_BYLINE)
    )


def _starts_article(unit: Unit, current: Core) -> bool:
    """A paragraph opening with a dateline (`本报讯`, `新华社…电`) begins a new article."""
    return unit.kind == "paragraph" and unit.lines[0].opens_with_dateline and current.has_body


def _is_caption(unit: Unit | None) -> bool:
    return unit is not None and unit.kind == "paragraph" and unit.lines[0].text.startswith(CAPTION_OPENERS)


def _caption_follows(credit: Unit, current: Core | None, following: Unit | None) -> bool:
    """A credit on a line of its own, followed by `图为…`, credits the caption after it.

    A credit split off the caption's last line, or right below a paragraph that reads like a
    caption, credits the text above it (the usual order).
    """
    previous = current.units[-1] if current and current.units else None
    if previous is not None and (previous.last == credit.first or _is_caption(previous)):
        return False
    return _is_caption(following)


def _attach_credit(unit: Unit, current: Core | None, sequence: list[Core | HeadGroup]) -> None:
    """A photo credit makes the caption right above it (its last paragraph) a photo article."""
    credit = unit.lines[0]
    if current is None or not current.units or current.units[-1].kind != "paragraph":
        sequence.append(Core(kind="photo", byline=credit))
        return
    caption = current.units[-1]
    if len(current.units) == 1 and current.byline is None:
        current.kind = "photo"
        current.byline = credit
        return
    current.units.pop()
    sequence.append(Core(kind="photo", byline=credit, units=[caption]))


def assign_headlines(sequence: list[Core | HeadGroup]) -> list[Core]:
    """Give each headline line to the part before it, the part after it, or a brief."""
    groups = [g for g in sequence if isinstance(g, HeadGroup)]
    cores = [c for c in sequence if isinstance(c, Core)]
    bylines = {id(g): _take_bylines(g) for g in groups}
    if not groups:
        return cores
    # Only the two parts next to a headline group compete for its lines. A bigram found in both
    # says less about which one a line belongs to than one found in a single body: weight 1/2.
    texts = {id(c): c.body_text for g in groups for c in (g.before, g.after) if c is not None}
    bodies = {key: _NOT_HAN.sub("", text) for key, text in texts.items()}
    # Latin and number words are looked up in the lower-cased text (no word list built a body)
    latin = {key: text.lower() for key, text in texts.items()}

    line_token_sets: dict[int, tuple[list[str], list[str], int]] = {}

    def similarity(line: Line, core: Core | None, other: Core | None, *, closed_ok: bool) -> float | None:
        if core is None or not core.accepts_headline or (core.closed and not closed_ok):
            return None
        cached = line_token_sets.get(id(line))
        if cached is None:
            found = tokens(line.text)
            cached = line_token_sets[id(line)] = (
                [t for t in found if not t.isascii()],
                [t for t in found if t.isascii()],
                len(found),
            )
        han, words, count = cached
        if not count:
            return 0.0
        body, latin_words = bodies[id(core)], latin[id(core)]
        hits = [t for t in han if t in body]
        latin_hits = [t for t in words if t in latin_words]
        if other is None or not (hits or latin_hits):
            return (len(hits) + len(latin_hits)) / count
        other_body, other_words = bodies[id(other)], latin[id(other)]
        shared = sum(t in other_body for t in hits) + sum(t in other_words for t in latin_hits)
        score = len(hits) + len(latin_hits) - 0.5 * shared
        return score / count

    # Options for each group: (score, labels), a label a line: B (to `before`), X (brief), A (to `after`).
    options: list[list[tuple[float, str]]] = []
    for group in groups:
        # A part closed by 下转 may still have its headline drawn after the marker, but not one
        # that opens a new text frame (a teaser set apart).
        after_marker_ok = not group.lines[0].frame_start
        to_before = [
            similarity(ln, group.before, group.after, closed_ok=after_marker_ok) for ln in group.lines
        ]
        to_after = [similarity(ln, group.after, group.before, closed_ok=True) for ln in group.lines]
        # a cut is allowed only where one headline can end: not after `姹紫嫣红开遍——`
        cuttable = [not runs_on(a, b) for a, b in itertools.pairwise(group.lines)]
        # lines of one width are one headline wrapped by its column: cutting there costs
        same_block = [_one_block(a, b) for a, b in itertools.pairwise(group.lines)]
        brief = [
            BRIEF_LINE_SCORE if len(ln.body) >= MIN_BRIEF_CHARS else FRAGMENT_SCORE for ln in group.lines
        ]
        options.append(_labelings(to_before, to_after, brief, cuttable, same_block))

    # Dynamic programme along the groups: a part between two groups takes at most one headline.
    # The state is which of the previous group's parts took lines (above, below): the part
    # above this group may be that group's part below, or (past a photo) its part above too.
    best: dict[tuple[bool, bool], tuple[float, list[str]]] = {(False, False): (0.0, [])}
    for index, group in enumerate(groups):
        previous = groups[index - 1] if index else None
        nxt: dict[tuple[bool, bool], tuple[float, list[str]]] = {}
        for (took_above, took_below), (total, path) in best.items():
            taken = (
                previous is not None
                and group.before is not None
                and (
                    (group.before is previous.after and took_below)
                    or (group.before is previous.before and took_above)
                )
            )
            for score, labels in options[index]:
                if taken and "B" in labels:
                    continue
                state = ("B" in labels, "A" in labels)
                candidate = (total + score, [*path, labels])
                if state not in nxt or candidate[0] > nxt[state][0]:
                    nxt[state] = candidate
        best = nxt
    plan = max(best.values(), key=lambda v: v[0])[1] if groups else []

    briefs: dict[int, Core] = {}
    for group, labels in zip(groups, plan):
        picked = {label: [ln for ln, got in zip(group.lines, labels) if got == label] for label in "BXA"}
        for label, part in (("B", group.before), ("A", group.after)):
            if picked[label] and part is not None and not part.headline:
                part.headline = picked[label]
            elif picked[label]:
                picked["X"] += picked[label]  # never lose a line: what no part can take is a brief
        picked["X"].sort(key=lambda ln: ln.number)
        if picked["X"]:
            briefs[id(group)] = Core(kind="brief", headline=picked["X"])
        owners = {"B": group.before, "X": briefs.get(id(group)), "A": group.after}
        for above, line in bylines[id(group)]:
            # the byline goes with the headline line it stands under
            owner = owners[labels[above]] if above >= 0 else group.after
            if owner is not None and owner.byline is None:
                owner.byline = line
    ordered: list[Core] = []
    for item in sequence:
        if isinstance(item, Core):
            ordered.append(item)
        elif id(item) in briefs:
            ordered.append(briefs[id(item)])
    return ordered


#: A headline line ending so is continued on the next line: `…开遍——`, `中国杂技：`, `“秦惠（君音）—`.
_RUNS_ON_END = ("—", "：", ":", "、", "，", "（", "(", "“", "《", "‘", "·")
#: ... and one starting so continues the line above.
_RUNS_ON_START = ("—", "）", ")", "”", "》", "’", "、", "，", "：")


def runs_on(line: Line, following: Line) -> bool:
    """Whether two headline lines are one phrase broken by the column (no headline ends there)."""
    return line.text.endswith(_RUNS_ON_END) or following.text.startswith(_RUNS_ON_START)


#: Giving one part headline lines that are not together (`中国杂技：` / `墙里开花墙外香` / the next
#: story's `上海：` / `查补税款三亿元` / then `是同胞疏远了杂技，` ...) costs this much: drawing order
#: interleaves two headline blocks only now and then.
RETURN_PENALTY = 0.3
#: Cutting between two lines of one wrapped headline block (`芬兰众鸟欣有` / `托群兽爱人庐`) costs this.
BLOCK_PENALTY = 0.15


def _one_block(line: Line, following: Line) -> bool:
    """Two headline lines of the same length (four characters or more) set one after the other."""
    return len(line.body) == len(following.body) >= 4 and following.number - line.number <= 2


_BIT = {"B": 1, "X": 2, "A": 4}
_X_OR_A = _BIT["X"] | _BIT["A"]


def _labelings(
    to_before: list[float | None],
    to_after: list[float | None],
    brief: list[float],
    cuttable: list[bool],
    same_block: list[bool],
) -> list[tuple[float, str]]:
    """The best labelling of a group's lines for each choice of which parts get a headline.

    Each line goes to the part above (B), a brief (X) or the part below (A); a line's score is
    its word overlap with that part (a brief's is flat, and below nothing for a fragment). The label may change only where a
    headline can end; the brief's lines stand together, above any line of the part below; a
    part taking lines that are not
    together pays RETURN_PENALTY. Returns (score, labels) for each of the four outcomes
    (headline above or not, below or not) that can happen.
    """
    # state: (label, labels used so far as bits of _BIT) -> (score, labels)
    states: dict[tuple[str, int], tuple[float, str]] = {("", 0): (0.0, "")}
    for index in range(len(to_before)):
        scores = (("B", to_before[index]), ("X", brief[index]), ("A", to_after[index]))
        nxt: dict[tuple[str, int], tuple[float, str]] = {}
        for (label, used), (total, labels) in states.items():
            for new, score in scores:
                if score is None:
                    continue
                if new == "X" and label == "X":
                    score = max(score, BRIEF_LINE_SCORE)  # a short line inside a teaser is its own
                cost = 0.0
                if label and new != label:
                    if not cuttable[index - 1] or (new == "X" and used & _X_OR_A):
                        continue  # one brief, and never below the next story's headline
                    if used & _BIT[new]:
                        cost = RETURN_PENALTY
                    if same_block[index - 1]:
                        cost += BLOCK_PENALTY
                key = (new, used | _BIT[new])
                value = total + score - cost
                held = nxt.get(key)
                if held is None or value > held[0]:
                    nxt[key] = (value, labels + new)
        states = nxt
    outcomes: dict[tuple[bool, bool], tuple[float, str]] = {}
    for (_, used), (total, labels) in states.items():
        outcome = (bool(used & _BIT["B"]), bool(used & _BIT["A"]))
        total += HEADLINE_BONUS * (outcome[0] + outcome[1])
        if outcome not in outcomes or total > outcomes[outcome][0]:
            outcomes[outcome] = (total, labels)
    return list(outcomes.values())


def _take_bylines(group: HeadGroup) -> list[tuple[int, Line]]:
    """Remove the byline lines standing among a group's headline lines (`垃圾成资源` / `包袱变财富` /
    `徐科` / the next story's headline): each with the index of the headline line above it."""
    found: list[tuple[int, Line]] = []
    kept: list[Line] = []
    for line in group.lines:
        if line.kind == "byline":
            found.append((len(kept) - 1, line))
        else:
            kept.append(line)
    group.lines = kept
    return found


def paragraph_text(unit: Unit) -> str:
    return join_lines([ln.body for ln in unit.lines])


def subhead_text(unit: Unit) -> str:
    return " ".join(tidy_heading(ln.text) for ln in unit.lines)


def headline_lines(core: Core) -> list[str]:
    return [tidy_heading(ln.text) for ln in core.headline]


def byline_text(line: Line) -> str:
    return tidy_heading(line.text)


def marker_text(line: Line) -> str:
    return despace(line.text)
