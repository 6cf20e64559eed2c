"""Page furniture: the paper's name, date, weekday, 版 number, section and editors' credits.

pdftotext prints the furniture as a band of short lines at the top (or the bottom) of the page
(`江南日报` / `2023年6月27日` / `星期二` / `第2版` / `文化` / `责任编辑：孟岚`), or as one line. It
belongs to no article, but it is the best source for the page's date, number, section and paper.

Lines that say so by themselves (a 版 number, a dated weekday, `责任编辑：…`) are furniture
wherever they stand. Lines that only make sense in the band (a bare date, a bare weekday, a
paper's name, a lone section word such as `要闻`) are furniture only inside the band: the run of
such lines that opens or closes the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.page.text import ends_sentence, is_han

if TYPE_CHECKING:
    from reader.page.lines import Line

_FURNITURE = re.compile(
    r"^(?:第?\s*[A-Z]?[0-9０-９一二三四五六七八九十]{1,3}\s*版(?:\s.{0,12})?"
    r"|[A-Z]\d{1,2}\s*版?(?:\s.{0,12})?"
    r"|.{0,8}(?:责任编辑|责编|版式设计|版式|美编|校对|组版|值班主任|本版编辑|编辑|摄影编辑|图片编辑)\s*[:：]?.{0,30}"
    r"|.{0,8}(?:审校|审读|编审|终审|值班编委|排版|版面设计|美术设计|制图)\s*[:：].{1,30}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天].{0,20}"
    r"|.{0,30}(?:国内统一连续出版物号|邮发代号|CN\s*\d{2}\s*-\s*\d{4}).{0,30}"
    r"|[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|晨报|时报|商报|都市报|青年报|法制报)"
    r")$"
)
# Only in the band: a bare date, weekday or lunar date, a paper's name, the issue number.
_BAND_ONLY = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|(?:星期|周|礼拜)[一二三四五六日天]"
    r"|农历\S{2,12}"
    r"|[\u4e00-\u9fff]{2,10}报"
    r"|第\s*\d{1,6}\s*期"
    r"|(?:今日|本期)\s*\d{1,3}\s*版"
    r")(?:\s+.{0,30})?$"
)
_LETTER_PAGE = re.compile(r"^([A-Z]\d{1,2})(?:\s+(\S{1,8}))?$")  # `A03 要闻`: no 版 written
_PAPER = re.compile(r"^([\u4e00-\u9fff]{2,10}报)$")
_DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)"
)
_PAGE_NO = re.compile(r"第?\s*([0-9０-９]{1,2}|[A-Z]\d{1,2})\s*版\s*(\S{0,8})")
#: Section names (版名) a paper gives its pages; a lone one in the band is the section.
SECTION_WORDS = frozenset(
    [
        "要闻",
        "国内",
        "国际",
        "时事",
        "时政",
        "综合",
        "经济",
        "财经",
        "金融",
        "产经",
        "社会",
        "民生",
        "文化",
        "文体",
        "体育",
        "教育",
        "科技",
        "卫生",
        "健康",
        "法治",
        "法制",
        "政法",
        "评论",
        "理论",
        "副刊",
        "专版",
        "专题",
        "特刊",
        "视点",
        "关注",
        "城事",
        "本地",
        "地方",
        "区县",
        "县域",
        "乡村",
        "三农",
        "环境",
        "生态",
        "旅游",
        "娱乐",
        "读书",
        "读者",
        "广告",
        "公告",
        "热线",
        "图片",
        "摄影",
        "人物",
        "观察",
        "深度",
        "声音",
    ]
)
#: The band is at most this many lines at the top or the bottom of the page.
BAND_LINES = 12
#: A section word standing alone is short.
SECTION_CHARS = 4


def is_furniture(text: str) -> bool:
    """A line that is furniture wherever it stands (a 版 number, a dated weekday, an editor), or
    a band printed as one line: `江南日报 2023年6月27日 星期二 第1版 要闻` (pdftotext -raw)."""
    if len(text) > 80 or ends_sentence(text):
        return False
    if len(text) <= 48 and _FURNITURE.match(text):
        return True
    pieces = text.split()
    return (
        len(pieces) >= 2
        and all(_furniture_piece(p) for p in pieces)
        and any(_FURNITURE.match(p) for p in pieces)
    )


def _furniture_piece(piece: str) -> bool:
    return bool(_FURNITURE.match(piece) or _BAND_ONLY.match(piece)) or piece in SECTION_WORDS


def _band_only(text: str) -> bool:
    return len(text) <= 40 and bool(_BAND_ONLY.match(text)) and not ends_sentence(text)


def _lone_word(text: str) -> bool:
    return len(text) <= SECTION_CHARS and all(is_han(c) for c in text)


def mark_furniture_bands(lines: list[Line]) -> None:
    """Mark the furniture band at the top and at the bottom of the page as `furniture`.

    The band is the run of furniture lines the page opens (or closes) with. A lone short word
    in it is the section (`要闻`) when it is a known section name next to another furniture
    line, or stands between two of them.
    """
    for order in (list(range(len(lines))), list(range(len(lines) - 1, -1, -1))):
        window = order[:BAND_LINES]
        previous_furniture = False
        for position, index in enumerate(window):
            line = lines[index]
            text = line.text
            if line.kind == "furniture" or (line.kind == "text" and _band_only(text)):
                line.kind = "furniture"
                previous_furniture = True
                continue
            following = lines[window[position + 1]] if position + 1 < len(window) else None
            next_furniture = following is not None and (
                following.kind == "furniture" or (following.kind == "text" and _band_only(following.text))
            )
            if (
                line.kind == "text"
                and previous_furniture
                and _lone_word(text)
                and (text in SECTION_WORDS or next_furniture)
            ):
                line.kind = "furniture"
                continue
            break


def furniture_facts(text: str) -> dict[str, str]:
    """Date (ISO), page number, section and paper that a furniture line states."""
    facts: dict[str, str] = {}
    date = _DATE.search(text)
    if date:
        year, month, day = (int(g) for g in date.groups() if g is not None)
        if 1 <= month <= 12 and 1 <= day <= 31:
            facts["date"] = f"{year:04d}-{month:02d}-{day:02d}"
    page = _PAGE_NO.search(text) or _LETTER_PAGE.match(text)
    if page:
        facts["page_no"] = page.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if page.group(2) and all(is_han(c) for c in page.group(2)):
            facts["section"] = page.group(2)
    paper = next((m for m in map(_PAPER.match, text.split()) if m), None)
    if paper:
        facts["paper"] = paper.group(1)
    elif _lone_word(text) and not facts and not _BAND_ONLY.match(text):
        facts["section"] = text
    return facts
