"""Character-level facts about Chinese newspaper text: widths, punctuation, letter-spacing.

Shared by the line classifier and the reflow; no state, no imports beyond the stdlib.
"""

from __future__ import annotations

import re

#: Sentence-final punctuation: a paragraph can only end after one of these.
SENTENCE_END = frozenset("。！？!?…")
#: Closers that may follow the sentence end (`……。”`, `。）`).
CLOSERS = frozenset("”’」』）)》】\"'")

_CJK_CLASS = (
    "\u2e80-\u2fff"  # radicals
    "\u3000-\u303f"  # CJK symbols and punctuation
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf"  # extension A
    "\u4e00-\u9fff"  # unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\ufe30-\ufe4f"  # vertical forms
    "\uff00-\uffef"  # full-width forms
    "\u201c\u201d\u2018\u2019\u2026\u2014\u00b7"  # “”‘’…—· set full-width in Chinese type
)
CJK = f"[{_CJK_CLASS}]"
_CJK_RE = re.compile(CJK)
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Whitespace next to a CJK character: justification spacing, never meaningful in body text.
_SPACE_NEAR_CJK = re.compile(rf"(?<={CJK})\s+|\s+(?={CJK})")
_SPACES = re.compile(r"\s+")
_NOT_CONTENT = re.compile(r"[\W_]+")
# A single space between two CJK characters, the mark of letter-spaced (justified) lines.
_CJK_GAP = re.compile(rf"(?<={CJK})\s+(?={CJK})")


def is_han(char: str) -> bool:
    """A Chinese character proper (not punctuation)."""
    return bool(_HAN_RE.match(char))


# Characters that take two cells but are not Chinese characters: CJK punctuation, quotes, kana...
_WIDE_NOT_HAN_RE = re.compile(r"[^\x00-\u07ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff5a]")


def cell_width(text: str) -> int:
    """Width in display cells as the page was set: a CJK character or full-width mark is 2.

    Quotes and dashes count 2 here (they occupy a full square in Chinese type), which is what
    the column width of the printed page is made of. Counted from the UTF-8 length, at C
    speed (the parser measures every line): on a Chinese page every character beyond U+07FF
    is a full-width one, and ASCII and the few Latin letters below it take one cell.
    """
    if text.isascii():
        return len(text)
    extra = len(text.encode("utf-8")) - len(text)  # 2 for each 3-byte character, 1 for 2-byte
    return len(text) + extra // 2


def widths(text: str) -> tuple[int, int]:
    """`cell_width` and `shape_width` of a text at once (the parser needs both for every line)."""
    length = len(text)
    if text.isascii():
        return length, length
    cells = length + (len(text.encode("utf-8")) - length) // 2  # `cell_width`, inline: every line
    return cells, cells - len(_WIDE_NOT_HAN_RE.findall(text))


def shape_width(text: str) -> int:
    """Width of a line as the column set it, for comparing lines of one column.

    Chinese characters (and full-width letters) count 2 and everything else 1: punctuation is
    often squeezed to half width at line ends and between marks, so counting it as 1 makes
    full lines agree better.
    """
    if text.isascii():
        return len(text)
    return cell_width(text) - len(_WIDE_NOT_HAN_RE.findall(text))


def despace(text: str) -> str:
    """Remove justification spaces next to CJK characters; keep one space between Latin words.

    `努 力 把 问 题` -> `努力把问题`, `7 月 28 日` -> `7月28日`, `Hello  world` -> `Hello world`.
    """
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return text  # most lines have no space at all
    return _SPACES.sub(" ", _SPACE_NEAR_CJK.sub("", text)).strip()


def tidy_heading(text: str) -> str:
    """Clean a headline or byline line: undo letter-spacing, keep the gap between phrases.

    Headlines put a space between two phrases (`坚持创新突破 聚力提质增效`); a justified
    headline puts one between every character (`两 会 特 刊`), which goes.
    """
    text = _SPACES.sub(" ", text).strip()
    if is_letter_spaced(text):
        return despace(text)
    return text


def is_letter_spaced(text: str) -> bool:
    """Most characters of the line stand apart: `努 力 把 问 题 解 决`."""
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return False
    gaps = len(_CJK_GAP.findall(text))
    cjk = len(_CJK_RE.findall(text))
    return gaps >= 3 and gaps * 3 >= cjk


def has_phrase_gap(text: str) -> bool:
    """A space between two CJK phrases that is not letter-spacing: a headline habit."""
    return bool(_CJK_GAP.search(text)) and not is_letter_spaced(text)


def ends_sentence(text: str) -> bool:
    """The text ends with sentence-final punctuation, possibly followed by closing quotes."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_END


def ends_with_note(text: str) -> bool:
    """The text ends in a bracketed note after a finished sentence (or is one): `…发展。（陈国琦朱丽琴）`,
    `（本报纽约电）`. Such a note closes a paragraph as its sentence end would."""
    opened = max(text.rfind("（"), text.rfind("("))
    if opened < 0 or len(text) - opened > 32 or len(text) - opened < 3:
        return False
    return opened == 0 or ends_sentence(text[:opened])


def join_lines(parts: list[str]) -> str:
    """Join the despaced lines of one paragraph back into running text.

    Chinese needs no space at a line break; two Latin words cut apart by the column do.
    """
    out = ""
    for part in parts:
        if (
            out
            and part
            and out[-1].isascii()
            and out[-1].isalpha()
            and part[0].isascii()
            and part[0].isalpha()
        ):
            out += " "
        out += part
    return out


def content_key(text: str) -> str:
    """Letters and digits only: what a stable id or a similarity is computed from."""
    return _NOT_CONTENT.sub("", text)
