"""Reading a newspaper's PDF itself: glyphs, sizes and boxes -> the same `Page` as a text dump.

The library is pypdfium2 (PDFium's binding, a binary wheel): it gives every character with
its font size and box in ~30 ms a page, where pdfminer.six (pure Python, under pdfplumber)
takes about a second (measured in `benchmarks/bench_pdf.py`). Its text order is the drawing
order (every headline first), so the order comes from the geometry, in `layout.py`; this
module only talks to PDFium and turns what it finds into the parser's input.

PDFium is imported on first use, so start-up and the text-dump path never pay for it.
Nothing here raises: a PDF that cannot be opened (broken, encrypted) is one page whose status
is `unreadable` and whose warning is one line; a page without a text layer (a scan) is a page
of status `empty` that says so.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.page.layout import Glyph, LaidLine, Rule, lay_out
from reader.page.model import Article, Leftover, Page

PDF_SUFFIX = ".pdf"
#: Path objects thinner than this (points) are rules; wider and taller ones are boxes.
RULE_THICKNESS = 3.0
#: Rules and boxes shorter than this (points) are ornaments, not separators.
MIN_RULE_LENGTH = 20.0
_PATH, _IMAGE = 2, 3  # FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_IMAGE
NO_TEXT_WARNING = "no text layer on this PDF page (a scanned image?): nothing to read"

BBox = tuple[float, float, float, float]


def is_pdf(path: Path | str) -> bool:
    return str(path).lower().endswith(PDF_SUFFIX)


def _unreadable(source: str, message: str) -> Page:
    return Page(source=source, articles=(), encoding="pdf", status="unreadable", warnings=(message,))


def _open(path: Path | str, source: str) -> tuple[Any, Page | None]:
    """The PDFium document, or the page saying in one line why it cannot be opened."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return None, _unreadable(source, f"cannot read {source}: PDF support needs pypdfium2 installed")
    try:
        return pdfium.PdfDocument(str(path)), None
    except pdfium.PdfiumError as error:
        text = str(error)
        if "password" in text.lower():
            reason = "the PDF is encrypted (password protected)"
        elif "file" in text.lower() and not Path(path).is_file():
            reason = "no such file"
        else:
            reason = "not a readable PDF (broken or truncated)"
        return None, _unreadable(source, f"cannot read {source}: {reason}")
    except (OSError, ValueError) as error:
        return None, _unreadable(source, f"cannot read {source}: {error}")


def count_pdf_pages(path: Path | str) -> int:
    """How many pages a PDF holds (1 when it cannot be opened: its load says why)."""
    document, failed = _open(path, str(path))
    if failed is not None:
        return 1
    try:
        return len(document)
    finally:
        document.close()


#: The last PDFs read: (path, source, size, mtime) -> their pages. The archive loads an issue
#: PDF one part at a time through `read_pages`; this keeps that from parsing the whole PDF
#: once a part, even while two workers (the reader's, the indexer's) read two issues.
_recent: OrderedDict[tuple[str, str, int, int], tuple[Page, ...]] = OrderedDict()
_RECENT_PDFS = 4
_recent_lock = threading.Lock()


def read_pdf(path: Path | str, source: str | None = None) -> tuple[Page, ...]:
    """Every page of a PDF parsed; `part` 1, 2 ... when it holds several. Never raises."""
    name = source if source is not None else str(path)
    try:
        info = os.stat(path)
        key = (os.fspath(path), name, info.st_size, info.st_mtime_ns)
    except OSError:
        key = None
    if key is not None:
        with _recent_lock:
            if key in _recent:
                _recent.move_to_end(key)
                return _recent[key]
    pages = _read_pdf(path, name)
    if key is not None and all(p.status != "unreadable" for p in pages):
        with _recent_lock:
            _recent[key] = pages
            while len(_recent) > _RECENT_PDFS:
                _recent.popitem(last=False)
    return pages


def forget_recent() -> None:
    """Drop the remembered parses (benchmarks measure reading every PDF anew)."""
    with _recent_lock:
        _recent.clear()


def _read_pdf(path: Path | str, name: str) -> tuple[Page, ...]:
    document, failed = _open(path, name)
    if failed is not None:
        return (failed,)
    try:
        count = len(document)
        if count == 0:
            return (
                Page(
                    source=name,
                    articles=(),
                    encoding="pdf",
                    status="empty",
                    warnings=("the PDF has no pages",),
                ),
            )
        pages = []
        for index in range(count):
            part = index + 1 if count > 1 else 0
            try:
                pages.append(_read_page(document, index, name, part))
            except Exception as error:  # PDFium on a damaged page: that page says so, the rest is read
                pages.append(
                    replace(_unreadable(name, f"cannot read page {index + 1} of {name}: {error}"), part=part)
                )
        return tuple(pages)
    finally:
        document.close()


def _read_page(document: Any, index: int, source: str, part: int) -> Page:
    page = document[index]
    try:
        glyphs, rules, boxes, images = page_geometry(page)
    finally:
        page.close()
    if not glyphs:
        warning = NO_TEXT_WARNING if images else "the PDF page has no text"
        return Page(
            source=source, articles=(), encoding="pdf", status="empty", warnings=(warning,), part=part
        )
    return parse_laid_lines(lay_out(glyphs, rules, boxes), source, part)


def page_geometry(page: Any) -> tuple[list[Glyph], list[Rule], list[Rule], int]:
    """The page's glyphs (drawing order), its rules (box edges included), its boxes (photos,
    frames) and how many images it has; in points with the origin at the top-left corner."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    textpage = page.get_textpage()
    glyphs: list[Glyph] = []
    try:
        raw = textpage.raw
        rect = pdfium_c.FS_RECTF()  # one box filled again for every glyph: no allocation each
        unicode_of, box_of, size_of = (
            pdfium_c.FPDFText_GetUnicode,
            pdfium_c.FPDFText_GetLooseCharBox,
            pdfium_c.FPDFText_GetFontSize,
        )
        for i in range(textpage.count_chars()):
            code = unicode_of(raw, i)
            if code in (0, 0xFFFE, 0xFFFF) or code > 0x10FFFF:
                continue
            char = chr(code)
            # PDFium invents spaces and line ends between runs; only white space can be invented
            if char.isspace() and pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
                continue
            if not box_of(raw, i, rect):
                continue
            glyphs.append(
                Glyph(char, rect.left, height - rect.top, rect.right, height - rect.bottom, size_of(raw, i))
            )
    finally:
        textpage.close()
    rules: list[Rule] = []
    boxes: list[Rule] = []
    images = 0
    for obj in page.get_objects(filter=(_PATH, _IMAGE)):
        left, bottom, right, top = obj.get_bounds()
        box = Rule(left, height - top, right, height - bottom)
        width, tall = right - left, top - bottom
        if obj.type == _IMAGE:
            images += 1
        if max(width, tall) < MIN_RULE_LENGTH:
            continue
        if min(width, tall) <= RULE_THICKNESS:
            rules.append(box)
        else:  # a photo box or a frame: its four edges separate what is inside from around it
            boxes.append(box)
            rules.extend(
                (
                    Rule(box.x0, box.top, box.x1, box.top),
                    Rule(box.x0, box.bottom, box.x1, box.bottom),
                    Rule(box.x0, box.top, box.x0, box.bottom),
                    Rule(box.x1, box.top, box.x1, box.bottom),
                )
            )
    return glyphs, rules, boxes, images


def parse_laid_lines(laid: list[LaidLine], source: str, part: int = 0) -> Page:
    """Parse laid-out lines with the text parser; blocks get the box of the lines they span.

    `lines` of a PDF's blocks are numbers of these laid-out lines (reading order, a blank line
    between frames), the text `reader parse` would show for the page.
    """
    from reader.page.parse import _parse_lines

    raw = [ln.text for ln in laid]
    heading_type = frozenset(i for i, ln in enumerate(laid) if ln.heading)
    indent_known = frozenset(i for i, ln in enumerate(laid) if ln.indent_known)
    page = _parse_lines(raw, list(range(len(raw))), source, part, heading_type, indent_known)
    boxes = [ln.bbox for ln in laid]
    articles = tuple(_with_boxes(a, boxes) for a in page.articles)
    leftover = tuple(Leftover(x.text, x.lines, x.kind) for x in page.leftover)
    return replace(page, articles=articles, leftover=leftover, encoding="pdf")


def span_box(boxes: list[BBox | None], first: int, last: int) -> BBox | None:
    """The union of the boxes of lines first..last (inclusive), rounded to 0.1 pt."""
    found = [b for b in boxes[first : last + 1] if b is not None]
    if not found:
        return None
    return (
        round(min(b[0] for b in found), 1),
        round(min(b[1] for b in found), 1),
        round(max(b[2] for b in found), 1),
        round(max(b[3] for b in found), 1),
    )


def _with_boxes(article: Article, boxes: list[BBox | None]) -> Article:
    blocks = tuple(replace(b, bbox=span_box(boxes, *b.lines)) for b in article.blocks)
    return replace(article, blocks=blocks)


__all__ = ["PDF_SUFFIX", "count_pdf_pages", "is_pdf", "page_geometry", "parse_laid_lines", "read_pdf"]
