#!/usr/bin/env python3
"""Write a synthetic archive of N newspaper pages, to measure kanbao at the scale of ten years.

    python3 benchmarks/make_archive.py 30000 /tmp/archive30k [--seed 7]

Layout: DIR/YYYY/YYYY-MM-DD/YYYY-MM-DD_NN.txt, one dated folder an issue of 4-12 pages.

Pages are recombined from the articles of the gold files (tests/fixtures/gold, the hand-checked
parses of the seed pages) and laid out the way PDF text extraction lays out real pages, with
the variations other papers show, so that the parser has real work and not the seeds' exact
bytes: articles in shuffled order; other column widths (paragraphs re-wrapped at 12-20 CJK
characters a line, the first line of each paragraph two characters shorter, as the lost indent
leaves it); double spacing or not; the headline before or after its body; bylines in several
styles with other reporters' names; now and then a photo caption with its credit, a notice, a
teaser, a continuation marker, a letter-spaced line; and page furniture (page number,
date line, 责任编辑) at the top or bottom.

Deterministic: the same N, seed and gold files give byte-identical files. Each page draws from
its own random generator seeded by (seed, page number), so the output does not depend on the
order the pages are written in.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "fixtures" / "gold"
FIRST_DATE = datetime.date(2015, 1, 1)
WEEKDAYS = "一二三四五六日"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力志斌鹏宇浩凯晓旭东海波俊峰云琳婷雪丹宁颖倩昊天"
SECTIONS = ("要闻", "综合", "经济", "社会", "文化", "体育", "县域", "民生")
PAPERS = ("永康日报", "金华日报", "东阳日报", "义乌商报")
BYLINE_STYLES = (
    "□融媒记者 {a}",
    "□融媒首席记者 {a}",
    "本报讯（记者 {a}）",
    "本报讯（融媒记者 {a} 通讯员 {b}）",
    "记者 {a} 通讯员 {b}",
)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    kind: str
    headline: tuple[str, ...]
    byline: str
    blocks: tuple[tuple[str, str], ...]  # (kind, text)


def load_articles(gold_dir: Path) -> list[GoldArticle]:
    """Every article of every gold file, in file order (sorted names: deterministic)."""
    articles: list[GoldArticle] = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for article in data["articles"]:
            articles.append(
                GoldArticle(
                    kind=article["kind"],
                    headline=tuple(article.get("headline", ())),
                    byline=article.get("byline") or "",
                    blocks=tuple((b["kind"], b["text"]) for b in article.get("blocks", ())),
                )
            )
    if not articles:
        raise SystemExit(f"make_archive: no *.gold.json articles in {gold_dir}")
    return articles


@lru_cache(maxsize=4096)
def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


#: Chinese typesetting (避头尾) never starts a line with these: they hang at the end of the
#: line before, which is why extracted lines are sometimes one character longer.
NO_LINE_START = set("，。、；：？！）》」』”’…%")
#: ...and never ends a line with these: they move to the next line.
NO_LINE_END = set("（《「『“‘")


@lru_cache(maxsize=65536)
def wrap_paragraph(text: str, width_chars: int) -> tuple[str, ...]:
    """Break a paragraph into column lines of `width_chars` CJK characters (2 cells each).

    The first line is two characters shorter: the trace the lost paragraph indent leaves.
    Punctuation follows the typesetter's line-breaking rules. Cached, since the pool of
    paragraphs is small and widths are few.
    """
    lines: list[str] = []
    limit = 2 * (width_chars - 2)
    current: list[str] = []
    used = 0
    for char in text:
        cells = _cells(char)
        if used + cells > limit and current and char not in NO_LINE_START:
            carried = []
            while current and current[-1] in NO_LINE_END:
                carried.insert(0, current.pop())
            lines.append("".join(current))
            current, limit = carried, 2 * width_chars
            used = sum(_cells(c) for c in carried)
        current.append(char)
        used += cells
    if current:
        lines.append("".join(current))
    return tuple(lines)


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _letter_spaced(line: str) -> str:
    """`7 月 28 日`: what justification does to a short line in the PDF."""
    return " ".join(line)


class PageWriter:
    """Builds one page's text from a random generator and the article pool."""

    def __init__(self, rng: random.Random, pool: list[GoldArticle], date: datetime.date, page_no: int):
        self.rng = rng
        self.pool = pool
        self.date = date
        self.page_no = page_no
        self.lines: list[str] = []

    def blank(self, double: bool) -> None:
        if double or self.rng.random() < 0.3:
            self.lines.append("")

    def furniture(self) -> list[str]:
        rng = self.rng
        d = self.date
        lines = [
            f"第{self.page_no}版 {rng.choice(SECTIONS)}",
            f"{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}",
        ]
        if rng.random() < 0.5:
            lines.insert(0, rng.choice(PAPERS))
        if rng.random() < 0.6:
            lines.append(f"责任编辑 {_name(rng)}")
        if rng.random() < 0.3:
            lines.append(f"版式 {_name(rng)} 校对 {_name(rng)}")
        return lines

    def body(self, article: GoldArticle, width: int, double: bool, byline: str) -> None:
        rng = self.rng
        blocks = list(article.blocks)
        paragraphs = [i for i, (kind, _) in enumerate(blocks) if kind == "paragraph"]
        if len(paragraphs) > 2:  # recombine: drop a paragraph now and then, keep the first
            for index in paragraphs[1:]:
                if rng.random() < 0.15:
                    blocks[index] = ("", "")
        first = True
        for kind, text in blocks:
            if not kind:
                continue
            if kind == "paragraph":
                if first and byline.startswith("本报讯") and text.startswith("本报讯"):
                    text = text[3:].lstrip()  # the byline line already says 本报讯
                lines = list(wrap_paragraph(text, width))
                if first and article.kind == "photo":  # the credit closes the caption's last line
                    lines[-1] = f"{lines[-1]}{_credit(rng)}"
                for line in lines:
                    if rng.random() < 0.02 and len(line) <= 12:
                        line = _letter_spaced(line)
                    self.lines.append(line)
                    if double:
                        self.lines.append("")
                first = False
            elif kind == "subhead":
                self.blank(double)
                self.lines.extend(text.split(" "))
                self.blank(double)
            else:  # continuation
                self.lines.append(f"（下转{rng.randint(2, 8)}版）")
            self.blank(False)

    def article(self, article: GoldArticle) -> None:
        rng = self.rng
        width = rng.randint(12, 20)
        double = rng.random() < 0.35
        headline = list(article.headline)
        byline = ""
        if article.kind == "article":
            style = rng.choice(BYLINE_STYLES)
            byline = style.format(a=_name(rng), b=_name(rng))
            if rng.random() < 0.3:
                byline = " " + byline  # a new text frame often starts with a space
        headline_first = rng.random() < 0.4
        if headline and headline_first:
            self.lines.extend(headline)
            self.blank(True)
        if byline:
            self.lines.append(byline)
            self.blank(double)
        self.body(article, width, double, byline.strip())
        if article.kind == "article" and rng.random() < 0.1:
            self.lines.append(f"（下转{rng.randint(2, 8)}版）")
        if headline and not headline_first:
            self.blank(True)
            self.lines.extend(headline)
        self.blank(True)

    def page(self) -> str:
        rng = self.rng
        furniture = self.furniture()
        top = rng.random() < 0.5
        if top:
            self.lines.extend(furniture)
            self.blank(True)
        chosen = [rng.choice(self.pool) for _ in range(rng.randint(3, 6))]
        rng.shuffle(chosen)
        for article in chosen:
            self.article(article)
        if not top:
            self.lines.extend(furniture)
        return "\n".join(self.lines) + "\n"


def _credit(rng: random.Random) -> str:
    return f"{rng.choice(('融媒记者', '记者', '通讯员'))} {_name(rng)} 摄"


def page_text(seed: int, number: int, pool: list[GoldArticle], date: datetime.date, page_no: int) -> str:
    """The text of page `number` of the archive made with `seed`."""
    rng = random.Random(f"{seed}:{number}")
    return PageWriter(rng, pool, date, page_no).page()


def plan(count: int, seed: int) -> list[tuple[datetime.date, int]]:
    """(date, page number) of each page: consecutive days, 4-12 pages an issue."""
    rng = random.Random(f"{seed}:plan")
    pages: list[tuple[datetime.date, int]] = []
    day = FIRST_DATE
    while len(pages) < count:
        for page_no in range(1, rng.randint(4, 12) + 1):
            if len(pages) == count:
                break
            pages.append((day, page_no))
        day += datetime.timedelta(days=1)
    return pages


def make_archive(count: int, out: Path, seed: int = 0, gold_dir: Path = DEFAULT_GOLD) -> list[Path]:
    """Write the archive; returns the page paths in order."""
    pool = load_articles(gold_dir)
    written: list[Path] = []
    made_folders: set[Path] = set()
    for number, (date, page_no) in enumerate(plan(count, seed)):
        iso = date.isoformat()
        folder = out / str(date.year) / iso
        if folder not in made_folders:
            folder.mkdir(parents=True, exist_ok=True)
            made_folders.add(folder)
        path = folder / f"{iso}_{page_no:02d}.txt"
        path.write_bytes(page_text(seed, number, pool, date, page_no).encode("utf-8"))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, metavar="N", help="number of pages to write")
    parser.add_argument("out", type=Path, metavar="DIR", help="folder to write the archive into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same archive)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of *.gold.json articles")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("N must be 0 or more")
    import time

    start = time.perf_counter()
    try:
        paths = make_archive(args.count, args.out, args.seed, args.gold)
    except OSError as error:
        print(f"make_archive: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - start
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} pages ({size / 1e6:.1f} MB) to {args.out} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
