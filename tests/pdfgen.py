"""Typesetting small newspaper PDFs for the tests with reportlab: columns, headlines, rules, photos.

Coordinates are given from the top-left corner (as `reader` reports `bbox`), in points; the
helpers turn them into reportlab's bottom-left ones. The CJK font is reportlab's built-in
STSong-Light (a CID font every PDF reader knows), so no font file is needed.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas as rl_canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PAGE = (600.0, 800.0)


class Sheet:
    """One PDF being typeset, page by page."""

    def __init__(self, path: Path, *, encrypt: str | None = None) -> None:
        self.path = path
        self.canvas = rl_canvas.Canvas(str(path), pagesize=PAGE, encrypt=encrypt)
        self.height = PAGE[1]

    def text(self, x: float, top: float, text: str, size: float) -> float:
        """One line whose glyph box starts at `top`; returns the line's bottom."""
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(x, self.height - top - size * 0.88, text)
        return top + size

    def justified(self, x: float, top: float, text: str, size: float, width: float) -> float:
        """One line spread over `width` points by character spacing, as justification sets it."""
        self.canvas.saveState()  # the character spacing must not outlive the line
        line = self.canvas.beginText(x, self.height - top - size * 0.88)
        line.setFont(FONT, size)
        line.setCharSpace((width - len(text) * size) / max(len(text) - 1, 1))
        line.textOut(text)
        self.canvas.drawText(line)
        self.canvas.restoreState()
        return top + size

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.canvas.setLineWidth(0.8)
        self.canvas.line(x0, self.height - top, x1, self.height - bottom)

    def box(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A photo's frame (a stroked rectangle)."""
        self.canvas.rect(x0, self.height - bottom, x1 - x0, bottom - top)

    def image(self, path: Path, x0: float, top: float, width: float, height: float) -> None:
        self.canvas.drawImage(str(path), x0, self.height - top - height, width, height)

    def column(
        self,
        x: float,
        top: float,
        chars: int,
        paragraphs: list[str],
        size: float = 10.0,
        leading: float = 4.0,
    ) -> float:
        """Paragraphs set in a column `chars` characters wide, each first line indented by two
        characters (as typeset: the indent is space on the page, not characters); returns the
        bottom of the last line."""
        for paragraph in paragraphs:
            first = True
            rest = paragraph
            while rest:
                room = chars - 2 if first else chars
                piece, rest = rest[:room], rest[room:]
                top = self.text(x + (2 * size if first else 0.0), top, piece, size) + leading
                first = False
        return top - leading

    def next_page(self) -> None:
        self.canvas.showPage()

    def save(self) -> Path:
        self.canvas.save()
        return self.path


# Made-up reports: every sentence ends where a paragraph may end, none is a real article.
SPRING = [
    "春天来了，城东的河岸上开满了油菜花，附近的居民每天傍晚都来这里散步，看花的人越来越多。",
    "街道办事处的工作人员说，今年他们在河岸上新种了三千多棵树，还修好了两条步行道。",
    "一位老人告诉记者，他在这里住了四十年，从来没有见过这么好看的河岸。",
]
BRIDGE = [
    "本报讯昨天上午，城西新桥正式通车，从城西到火车站的路程缩短了一半，市民出行更加方便。",
    "新桥全长八百多米，双向四车道，两侧各有一条人行道和一条非机动车道，夜间有路灯照明。",
    "交通部门提醒市民，通车后的第一个月，桥上限速每小时四十公里。",
]
DECK = "从城西到火车站要多久？"
CAPTION = "市民在新桥上散步，远处是城西的新楼。"


def front_page(path: Path, photo: Path | None = None) -> Path:
    """A front page: a furniture band above a rule; a story whose headline stands beside it
    (at the top of the next column, as in the dev PDFs); a second story with its headline
    above its column; a photo box with its caption and credit under it."""
    sheet = Sheet(path)
    x = 40.0
    for piece in ("江南日报", "2023年6月27日", "星期二", "第2版", "要闻"):
        sheet.text(x, 30, piece, 11)
        x += len(piece) * 11 + 30
    sheet.rule(40, 56, 560, 56)
    # story one: byline and body in the left column, its headline to the right, beside it
    sheet.text(70, 70, "□本报记者 王小明", 10)
    bottom_one = sheet.column(40, 86, 16, SPRING)
    sheet.text(140, bottom_one + 4, "（下转3版）", 10)
    bottom_one += 14
    sheet.rule(210, 64, 210, 400)
    sheet.text(222, 68, "踏青正当时", 22)
    # story two: its own headline over its own column, under the first one's
    sheet.text(222, 126, "城西新桥今日通车", 18)
    sheet.text(222, 148, DECK, 12)  # a deck ending in ？: only its type size says headline
    sheet.column(222, 168, 16, BRIDGE)
    sheet.rule(392, 64, 392, 400)
    # the photo, its caption and its credit
    if photo is not None:
        sheet.image(photo, 404, 70, 156, 110)
    sheet.box(404, 70, 560, 180)
    sheet.column(404, 188, 15, [CAPTION], size=9.0)
    sheet.text(470, 222, "融媒记者 李华 摄", 9)
    sheet.rule(40, max(bottom_one, 400) + 10, 560, max(bottom_one, 400) + 10)
    sheet.text(40, max(bottom_one, 400) + 16, "责任编辑：孟岚", 9)
    return sheet.save()


def issue(path: Path) -> Path:
    """A whole issue in one PDF: two pages, one story each, furniture on each."""
    sheet = Sheet(path)
    for number, (headline, body) in enumerate(
        (("踏青正当时", SPRING), ("城西新桥今日通车", BRIDGE)), start=1
    ):
        sheet.text(40, 30, f"江南日报 2023年6月27日 星期二 第{number}版", 11)
        sheet.rule(40, 56, 560, 56)
        sheet.text(40, 70, headline, 20)
        sheet.column(40, 100, 16, body)
        sheet.next_page()
    return sheet.save()


def scanned(path: Path, photo: Path) -> Path:
    """A scanned page: one image covering the page, no text layer."""
    sheet = Sheet(path)
    sheet.image(photo, 0, 0, PAGE[0], PAGE[1])
    return sheet.save()


#: A paragraph with a line of 12 characters justified over the 17-character column right after a
#: full line ending in 。: in a text dump, the trace of a new paragraph's lost indent.
RUN_ON_LINES = [
    "街道办事处的工作人员说，今年他",  # indented: 15 characters
    "们在河岸上新种了三千多棵树，还修好",
    "了两条步行道，河岸的树都已经成活。",
    "其他树苗明年春天再种，到",  # 12 characters, justified
    "那时候的河岸会更加好看，来散步的市",
    "民也会越来越多。",
]
RUN_ON = "".join(RUN_ON_LINES)
AFTER_LINES = ["一位老人告诉记者，他在这里住了", "四十年，从来没有见过这么好看的河", "岸。"]
AFTER = "".join(AFTER_LINES)


def justified_column(path: Path) -> Path:
    """A column 17 characters (170 pt) wide, its lines justified: the RUN_ON paragraph, then AFTER."""
    sheet = Sheet(path)
    sheet.text(40, 30, "江南日报 2023年6月27日 星期二 第3版", 11)
    sheet.rule(40, 56, 560, 56)
    sheet.text(40, 66, "河岸新树成活", 20)
    top = 100.0
    for lines in (RUN_ON_LINES, AFTER_LINES):
        for i, text in enumerate(lines):
            x = 60.0 if i == 0 else 40.0
            if i + 1 < len(lines):
                sheet.justified(x, top, text, 10, 210 - x)
            else:
                sheet.text(x, top, text, 10)
            top += 14
    return sheet.save()


def _flow(sheet: Sheet, top: float, headline: str, paragraphs: list[str], columns: list[float]) -> float:
    """A story under its headline, its text flowing down columns 15 characters wide."""
    sheet.text(columns[0], top, headline, 20)
    lines: list[tuple[bool, str]] = []
    for paragraph in paragraphs:
        rest, first = paragraph, True
        while rest:
            room = 13 if first else 15
            lines.append((first, rest[:room]))
            rest, first = rest[room:], False
    per = -(-len(lines) // len(columns))
    for i, (first, text) in enumerate(lines):
        column, row = divmod(i, per)
        sheet.text(columns[column] + (20 if first else 0), top + 32 + row * 14, text, 10)
    return top + 32 + per * 14


def two_bands(path: Path) -> Path:
    """Two bands of stories with no rule between them, their gutters lined up (one story on
    two columns above, one on three below): only the gap and the headline under it tell the
    bands apart; cut at the gutters first, the columns of both bands would be read together."""
    sheet = Sheet(path)
    sheet.text(40, 30, "江南日报", 11)
    bottom = _flow(sheet, 70, "踏青正当时", SPRING, [40, 210])
    _flow(sheet, bottom + 30, "城西新桥今日通车", BRIDGE, [40, 210, 380])
    return sheet.save()


def photo_in_column(path: Path) -> Path:
    """One story on two columns with a photo at the top of the second: the caption and credit
    under the photo stand between the story's two halves."""
    sheet = Sheet(path)
    sheet.text(40, 30, "江南日报 2023年6月27日 星期二 第2版", 11)
    sheet.rule(40, 56, 560, 56)
    sheet.text(40, 64, "城西新桥今日通车", 22)
    lines: list[tuple[bool, str]] = []
    for paragraph in BRIDGE + SPRING:
        rest, first = paragraph, True
        while rest:
            room = 13 if first else 15
            lines.append((first, rest[:room]))
            rest, first = rest[room:], False
    for row, (first, text) in enumerate(lines[:12]):
        sheet.text(40 + (20 if first else 0), 100 + row * 14, text, 10)
    sheet.box(210, 100, 360, 190)
    sheet.text(210, 194, CAPTION[:15], 9)
    sheet.text(210, 205, CAPTION[15:], 9)
    sheet.text(290, 216, "融媒记者 李华 摄", 9)
    for row, (first, text) in enumerate(lines[12:]):
        sheet.text(210 + (20 if first else 0), 236 + row * 14, text, 10)
    return sheet.save()
