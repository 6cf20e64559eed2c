"""Two stories run together: telling them apart by what their headlines talk about.

pdftotext prints the frames of a page in drawing order, so the body of one story can run
straight on into the body of the next with nothing between them: no headline, no byline, no
dateline (the second story's headline is printed elsewhere, before both bodies or after them).
What gives the seam away is the words: each part shares its vocabulary with its own headline
(`英允诺做建设性欧盟主席国` with the paragraphs about 欧盟, `索尼亚步入印政坛` with those about
索尼亚), and often the line spacing changes at the seam (one frame double spaced, the other not).

A story is split where two headlines, the one it took and a brief standing next to it (a
headline no body took), each match one side of a paragraph boundary clearly better than the
other side. (Cutting a story's own headline block in two was tried and rejected: a title and
its subtitle often match different paragraphs of one story.)
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from reader.page.assemble import Core, runs_on, tokens
from reader.page.credits import dateline_credit
from reader.page.lines import Line
from reader.page.structure import Unit

_NOT_WORD = re.compile(r"[\W_]+")
#: A headline must find at least this share of its tokens on its side of the seam ...
MIN_MATCH = 0.3
#: ... and beat the other side by this much.
MIN_MARGIN = 0.2
#: Where a story holds two credits the seam is certain; the headlines need only lean each way.
CONFLICT_MATCH = 0.15
CONFLICT_MARGIN = 0.05
#: A change of line spacing at the seam (one frame double spaced, the next not) counts this much.
SPACING_BONUS = 0.15


def split_merged(cores: list[Core]) -> list[Core]:
    """The articles with every run-together pair of stories split in two."""
    cores = list(cores)  # worked on in place: the caller's list stays as it was
    out: list[Core] = []
    index = 0
    while index < len(cores):
        core = cores[index]
        around = (cores[index - 1] if index else None, _at(cores, index + 1))
        neighbours = [c for c in around if c is not None and _is_brief(c)]
        split = _best_split(core, neighbours)
        if split is None:
            out.append(core)
            index += 1
            continue
        first, second, used = split
        if used is not None:
            out = [c for c in out if c is not used]
            cores = [c for c in cores if c is not used]
            index = cores.index(core)
        cores[index : index + 1] = [first, second]
        out.append(first)
        index += 1  # the second part is looked at again: it may hold a third story
    return out


def _at(cores: list[Core], index: int) -> Core | None:
    return cores[index] if index < len(cores) else None


def _is_brief(core: Core | None) -> bool:
    return core is not None and core.kind == "brief" and bool(core.headline) and not core.has_body


def _body_units(core: Core) -> list[Unit]:
    return [u for u in core.units if u.kind in ("paragraph", "subhead")]


Heads = tuple[list[Line], list[Line], "Core | None"]  # first's headline, second's, the brief used


def _best_split(core: Core, briefs: list[Core]) -> tuple[Core, Core, Core | None] | None:
    """The best seam in `core` for two headlines, as (first part, second part, the brief used).

    Three kinds of second headline are tried: a brief next to the story (either part may take
    it), the second half of the story's own headline block when the story holds two credits,
    and a subhead that is really the headline of the story below it (`上半年南京人均` /
    `团购约39元` between the end of one story and the start of the next).
    """
    if core.kind != "article" or not core.headline or (core.closed and len(core.units) < 3):
        return None
    units = core.units
    conflict = _credit_conflict(core)
    heads: list[Heads] = []
    for brief in briefs:
        heads += [(core.headline, brief.headline, brief), (brief.headline, core.headline, brief)]
    if conflict:
        # two credits, two stories: the headline block holds both headlines
        lines = core.headline
        for cut in range(1, len(lines)):
            if not runs_on(lines[cut - 1], lines[cut]):
                heads += [(lines[:cut], lines[cut:], None), (lines[cut:], lines[:cut], None)]
    trials: list[tuple[int, int, list[Heads]]] = []  # (end of the first part, start of the second, heads)
    for i in range(1, len(units)):
        if units[i].kind == "paragraph" and units[i - 1].kind in ("paragraph", "subhead") and heads:
            trials.append((i, i, heads))
        if units[i].kind == "subhead" and 0 < i < len(units) - 1 and units[i + 1].kind == "paragraph":
            trials.append((i, i + 1, [(core.headline, list(units[i].lines), None)]))
    if not trials:
        return None
    min_match, min_margin = (CONFLICT_MATCH, CONFLICT_MARGIN) if conflict else (MIN_MATCH, MIN_MARGIN)
    texts = [_han("".join(ln.body for ln in u.lines)) for u in units]
    spacing: list[int] = []  # each unit's line spacing, measured when a seam first needs it
    best: tuple[float, int, int, Heads] | None = None
    for end, start, options in trials:
        before = "".join(texts[:end])
        after = "".join(texts[start:])
        bonus: float | None = None
        for option in options:
            head_first, head_second, _ = option
            # cheapest test first: most seams fail at once
            second_here = _match(head_second, after)
            if second_here < min_match:
                continue
            first_here = _match(head_first, before)
            if first_here < min_match:
                continue
            if bonus is None:
                spacing = spacing or [_spacing(u) for u in units]
                changes = _side_spacing(spacing[:end][::-1]) != _side_spacing(spacing[start:])
                bonus = SPACING_BONUS if changes else 0.0
            first_there, second_there = _match(head_first, after), _match(head_second, before)
            margin = min(first_here - first_there, second_here - second_there) + bonus
            if margin < min_margin:
                continue
            score = first_here + second_here + margin
            if best is None or score > best[0]:
                best = (score, end, start, option)
    if best is None:
        return None
    _, end, start, (head_first, head_second, used) = best
    first = Core(kind="article", units=units[:end], headline=list(head_first))
    second = Core(kind="article", units=units[start:], headline=list(head_second), closed=core.closed)
    first.byline, second.byline = _share_byline(core.byline, first)
    second.closing = core.closing
    if second.byline is None:
        second.byline, second.closing = second.closing, None
    return first, second, used


def _credit_conflict(core: Core) -> bool:
    """A byline line naming one writer over a first paragraph whose dateline names another
    (`□本报记者 李文云` above `据新华社伦敦1月8日电（记者王诚）…`): two stories' credits in one."""
    if core.byline is None or not core.byline.authors:
        return False
    opening = _opening_credit(core)
    return bool(opening) and not set(opening) & set(core.byline.authors)


def _opening_credit(core: Core) -> tuple[str, ...]:
    paragraph = next((u for u in core.units if u.kind == "paragraph"), None)
    if paragraph is None or not paragraph.lines[0].opens_with_dateline:
        return ()  # the cheap test first: no dateline, no credit in it
    opening = dateline_credit("".join(ln.text for ln in paragraph.lines[:4]))
    return opening[1] if opening else ()


def _share_byline(byline: Line | None, first: Core) -> tuple[Line | None, Line | None]:
    """A byline line goes to the first part, unless that part credits its own writers in its
    dateline (`据新华社伦敦1月8日电（记者王诚）`): then it is the second story's."""
    if byline is None:
        return None, None
    return (None, byline) if _opening_credit(first) else (byline, None)


def _spacing(unit: Unit) -> int:
    """1 for single-spaced lines, 2 for double-spaced (the usual step between line numbers);
    0 for a unit of one line, which cannot tell."""
    if unit.kind != "paragraph" or len(unit.lines) < 2:
        return 0
    steps = sorted(b.number - a.number for a, b in itertools.pairwise(unit.lines))
    return steps[len(steps) // 2]


def _side_spacing(spacings: list[int]) -> int:
    """The spacing of the nearest unit that can tell, walking away from a seam."""
    return next((s for s in spacings if s), 0)


def _han(text: str) -> str:
    """Chinese characters, letters and digits only (lower case): what headline tokens are found in."""
    return _NOT_WORD.sub("", text).lower()


def _match(headline: list[Line], body: str) -> float:
    """The share of a headline's tokens (bigrams, Latin and number words) found in a body."""
    found = _headline_words(tuple(ln.text for ln in headline))
    if not found:
        return 0.0
    return sum(word in body for word in found) / len(found)


@lru_cache(maxsize=1024)
def _headline_words(lines: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(tokens("".join(lines)))
