"""What each line of a page is: body text, byline, photo credit, notice, furniture, marker.

The decisions here are the ones a single line can settle on its own (a byline has a role word
and a name, a credit ends in 摄, a notice in 宣). Whether a text line is body, headline or
subhead depends on its neighbours and is settled in `structure.py`.
"""

from __future__ import annotations

import itertools
import re

from reader.page.credits import NAME, ROLE, byline_people, dateline_end, ends_with_credit, people
from reader.page.furniture import is_furniture, mark_furniture_bands
from reader.page.text import (
    CLOSERS,
    SENTENCE_END,
    cell_width,
    despace,
    ends_sentence,
    ends_with_note,
    has_phrase_gap,
    is_letter_spaced,
    shape_width,
    widths,
)

# Every special line holds one of these characters (of 记者, 摄, 版, 宣, 星期 ...); most body
# lines hold none, and skip all the rules.
_SPECIAL_CHARS = frozenset("记通摄撰作编文图版转接宣广热校星周出邮C报审")
# ... and one of these words: the second, exact test for lines that hold such a character.
_MAYBE_SPECIAL = re.compile(
    r"记者|通讯员|摄|撰|作者|编|[文图][/／:：\s]|[\s/／][文图]|^[文图]|版|页|宣|广告|热线|校对|审校|审读|编审|终审|排版"
    r"|星期|周[一二三四五六日天]|出版物|邮发|CN|报$|^[A-Z]\d"
)
#: How a dateline begins: a line starting so may end before its 电 or 讯.
#: A dateline's credit (`本报约翰内斯堡12月` / `30日电记者温宪、新华社` / `记者刘也刚、赵毅…`) runs on for
#: at most this many lines.
_CREDIT_LINES = 3
_OPENER_CHARS = frozenset("据本新中")
_DATELINE_OPENERS = ("据", "本报", "新华社", "中新社", "中通社")
_PROSE_MARKS = frozenset("，、；。")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_NOTICE_CREDITS = frozenset({"宣", "广告", "（广告）", "(广告)"})
_ROLE_WORDS = ("记者", "通讯员", "摄影", "撰稿", "作者", "编辑", "撰文", "文", "图", "实习生")
_CREDIT_TAIL = re.compile(
    rf"(?P<credit>[（(]?\s*(?:{ROLE}\s*[:：]?\s*)?{NAME}(?:[\s、，,]+(?:{ROLE}\s*)?{NAME})*\s*摄(?:影)?\s*[）)]?)$"
)
_CONTINUATION = re.compile(
    r"[（(]\s*(?P<dir>下转|上接|转|接)\s*(?:第)?\s*[0-9０-９一二三四五六七八九十A-Za-z]{1,3}\s*(?:版|页)\s*[）)]"
)
_BARE_CONTINUATION = re.compile(
    r"^(?P<dir>下转|上接)\s*第?\s*[0-9０-９一二三四五六七八九十A-Za-z]{1,3}\s*版$"
)
_NOTICE = re.compile(
    r"^(?:.{2,40}\s宣|[（(]?广告[）)]?|(?:广告|订阅|服务|新闻|举报)热线.*|.{0,20}公益广告.*)$"
)


class Line:
    """One non-blank line (or piece of a line) of the page with what can be read off it.

    The measures are computed once, here: the structure pass asks for them many times. (A
    plain class with slots: a page makes a few hundred of these and the parser must be fast.)
    """

    __slots__ = (
        "_dateline",
        "authors",
        "body",
        "cells",
        "frame_start",
        "indent_known",
        "indented",
        "kind",
        "letter_spaced",
        "number",
        "phrase_gap",
        "stretched",
        "terminal",
        "text",
        "width",
    )

    def __init__(
        self,
        number: int,
        text: str,
        kind: str = "text",
        frame_start: bool = False,
        indented: bool = False,
        authors: tuple[str, ...] = (),
    ) -> None:
        self.number = number  # 0-based line number in the file
        self.text = text  # stripped of surrounding whitespace
        self.kind = kind  # text | byline | credit | notice | furniture | cont-out | cont-in
        self.frame_start = frame_start  # a leading space: extraction starts a new text frame
        self.indented = indented  # a kept paragraph indent (two full-width spaces)
        self.indent_known = False  # measured on the page (a PDF): `indented` is the whole truth
        self.authors = authors
        spaced = " " in text or "\t" in text or "\u3000" in text
        body = despace(text) if spaced else text  # the line as body text: no justification spaces
        self.body = body
        # display cells (punctuation 2) and shape width (punctuation 1) of the body
        self.cells, self.width = widths(body)
        last = text[-1]
        self.terminal = (
            last in SENTENCE_END
            or (last in CLOSERS and ends_sentence(text))
            or (last in "）)" and ends_with_note(text))  # a closing note: `…发展。（陈国琦朱丽琴）`
            or (("记者" in text or "通讯员" in text) and ends_with_credit(text))  # `…着急”。扬子晚报记者柳扬`
        )
        self.letter_spaced = spaced and is_letter_spaced(text)
        self.stretched = self.letter_spaced or (
            spaced and body != text and _LATIN_WORD.search(text) is not None
        )
        # a headline's gap between two phrases; a stray space in running text (`地离开中 国，再看看`)
        # is none: headlines with a gap hold no commas
        self.phrase_gap = spaced and has_phrase_gap(text) and _PROSE_MARKS.isdisjoint(text)
        # 本报讯, 新华社北京7月28日电 ...: only lines with 讯 or 电 near their start can open so.
        self._dateline = ("讯" in body or "电" in body) and bool(dateline_end(body))  # scans 24 chars

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.text!r}, {self.kind!r})"

    def width_in(self, column: int) -> int:
        """Width for comparing with the column: a letter-spaced line, or one whose Latin words
        got justification spaces (`据 Reuters 报道 GDP 增长`), was stretched to fill it."""
        if self.stretched:
            return max(self.width, min(shape_width(self.text), column))
        return self.width

    def cells_in(self, column: int) -> int:
        if self.stretched:
            return max(self.cells, min(cell_width(self.text), column))
        return self.cells

    @property
    def opens_with_dateline(self) -> bool:
        return self._dateline and self.kind == "text"


def _closes_note(text: str, following: str) -> bool:
    opened = max(text.rfind("（"), text.rfind("("))
    return (
        opened >= 0
        and (opened == 0 or ends_sentence(text[:opened]))
        and "）" not in text[opened:]
        and following[-1:] in "）)"
        and "（" not in following
    )


def byline_authors(text: str) -> tuple[str, ...] | None:
    """Authors when `text` is a whole byline line (`□融媒记者 吕高攀`, `本报讯（记者 X 通讯员 Y）`)."""
    if not any(word in text for word in _ROLE_WORDS):
        return None  # the cheap test first: no role word, no byline
    return byline_people(text)


def mark_datelines(lines: list[Line]) -> None:
    """A dateline broken over two lines (`据新华社瓦莱塔1月13日` / `电（记者袁锦林）…`) opens its first.

    A closing note broken the same way (`…火爆。（本报堪培拉1月20日` / `电）`) ends its sentence.
    """
    # Only a few lines can matter to each rule: find them in one pass (a comprehension is
    # cheap), then look at those, in page order.
    last = len(lines) - 1
    candidates = [
        i
        for i, ln in enumerate(lines)
        if ln.text[-1] in "）)" or ln.body[:1] in _OPENER_CHARS or ln._dateline
    ]
    for index in candidates:
        if index and lines[index].text[-1] in "）)":
            line, following = lines[index - 1], lines[index]
            if following.kind == "text" and _closes_note(line.text, following.text):
                following.terminal = True
    for index in candidates:
        if index == last or lines[index].body[:1] not in _OPENER_CHARS:
            continue
        line, following = lines[index], lines[index + 1]
        if (
            not line._dateline
            and not line.terminal
            and line.kind == "text"
            and following.kind == "text"
            and line.body.startswith(_DATELINE_OPENERS)
        ):
            line._dateline = bool(dateline_end(line.body + following.body[:16]))
    for index in [i for i in candidates if i < last and lines[i]._dateline and lines[i].kind == "text"]:
        # `本报北京1月6日讯新华社记` / `者盖金东、本报记者毛磊报道：`: the credit runs on for a few
        # lines; a byline-looking line inside it is still text
        for line, following in itertools.pairwise(lines[index : index + _CREDIT_LINES + 1]):
            if line is not lines[index] and (
                line.kind != "text" or line.terminal or "：" in line.text or "）" in line.text
            ):
                break  # the credit ended (`…报道：`, `（记者 X）`) or the text did
            if following.kind == "byline":
                following.kind, following.authors = "text", ()


def split_credit(text: str) -> tuple[str, str, tuple[str, ...]] | None:
    """Split a photo caption line from its credit: (`季花。`, `融媒记者 卢斌 摄`, (`卢斌`,))."""
    if "摄" not in text:
        return None  # the cheap test first: this regex is the parser's most expensive
    match = _CREDIT_TAIL.search(text)
    if not match:
        return None
    credit = match.group("credit").strip()
    before = text[: match.start("credit")].rstrip()
    # The caption must have ended before the credit: a name glued to running text is no credit.
    if before and not (
        ends_sentence(before) or before[-1] in "）)" or text[match.start("credit") - 1].isspace()
    ):
        # try a shorter credit: maybe the role word starts later (`…月季花。记者 卢斌 摄`)
        return None
    found = people(credit.strip("（()）"), need_role=False)
    if found is None:
        return None
    return before, credit.strip("（()）").strip(), found


def split_continuation(text: str) -> tuple[str, str, str, str] | None:
    """Find a continuation marker: (text before, marker, text after, direction out|in)."""
    bare = _BARE_CONTINUATION.match(text)
    if bare:
        return "", text, "", "in" if bare.group("dir") == "上接" else "out"
    match = _CONTINUATION.search(text)
    if not match:
        return None
    direction = "in" if match.group("dir") in ("上接", "接") else "out"
    return text[: match.start()].rstrip(), match.group(), text[match.end() :].lstrip(), direction


def is_notice(text: str) -> bool:
    return bool(_NOTICE.match(text)) and not ends_sentence(text)


def classify(raw_lines: list[str], numbers: list[int]) -> list[Line]:
    """Turn the page's raw lines into `Line`s, splitting off credits and continuation markers.

    Blank lines are dropped: they are noise (double spacing, column breaks), not structure.
    """
    out: list[Line] = []
    special = _SPECIAL_CHARS
    for raw, number in zip(raw_lines, numbers):
        text = raw.strip()
        if not text:
            continue
        frame_start = raw[:1] in (" ", "\t") and not raw.startswith("  ")
        indented = raw.startswith(("\u3000", "  "))
        if (special.isdisjoint(text) and not ("A" <= text[0] <= "Z")) or not _MAYBE_SPECIAL.search(text):
            out.append(Line(number, text, "text", frame_start, indented))  # running text: no rule applies
        elif text in _NOTICE_CREDITS and out and out[-1].kind == "text" and not out[-1].terminal:
            # `…局` / `宣`: the credit of a notice wrapped onto a line of its own.
            out[-1].kind = "notice"
            out.append(Line(number, text, "notice", frame_start, indented))
        else:
            out.extend(_classify_line(text, number, frame_start, indented))
    mark_furniture_bands(out)
    mark_datelines(out)
    return out


def _classify_line(text: str, number: int, frame_start: bool, indented: bool) -> list[Line]:
    def line(t: str, kind: str = "text", authors: tuple[str, ...] = (), first: bool = True) -> Line:
        return Line(number, t, kind, frame_start and first, indented and first, authors)

    cont = split_continuation(text)
    if cont:
        before, marker, after, direction = cont
        pieces: list[Line] = []
        if before:
            pieces.extend(_classify_line(before, number, frame_start, indented))
        pieces.append(line(marker, f"cont-{direction}", first=not before))
        if after:
            pieces.extend(_classify_line(after, number, False, False))
        return pieces
    authors = byline_authors(text)
    if authors is not None and not text.rstrip().rstrip("）)").rstrip().endswith("摄"):
        return [line(text, "byline", authors)]
    credit = split_credit(text)
    if credit:
        before, credit_text, people = credit
        pieces = [line(before)] if before else []
        pieces.append(line(credit_text, "credit", people, first=not before))
        return pieces
    if is_notice(text):
        return [line(text, "notice")]
    if is_furniture(text):
        return [line(text, "furniture")]
    return [line(text)]
