#!/usr/bin/env python3
"""PDF parse throughput on one core: dev PDF pages a second, and where the time goes.

    python3 benchmarks/bench_pdf.py [--runs 5] [--min-seconds 2] [--compare]

Each run parses every dev PDF (`tests/fixtures/dev/pdf`, 20 pages) from the file, as the
archive does on a cold cache: open, glyphs and boxes from PDFium, layout, the text parser.
The process is pinned to one CPU where the OS allows it; each figure is the median of the runs,
min and max show the noise. The split shows the share of PDFium (extraction) against layout
and parsing. `--compare` also times pdfplumber/pdfminer.six extracting the same characters,
lines and rectangles (when installed), the measurement behind the choice of PDFium.
Target (issue 16): at least 20 pages a second on one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import pypdfium2 as pdfium  # noqa: E402
from bench_parse import pin_to_one_core  # noqa: E402  (one way to pin, for both benchmarks)

from reader.page import read_pages  # noqa: E402
from reader.page.layout import lay_out  # noqa: E402
from reader.page.pdf import forget_recent, page_geometry, parse_laid_lines  # noqa: E402

DEV_PDFS = REPO / "tests" / "fixtures" / "dev" / "pdf"


def pages_per_second(files: list[Path], runs: int, min_seconds: float) -> list[float]:
    read_pages(files[0])  # warm up: imports, regex compilation
    figures = []
    for _ in range(runs):
        done = 0
        start = time.perf_counter()
        while True:
            for path in files:
                forget_recent()  # no reuse of an earlier parse: every page is read anew
                done += len(read_pages(path))
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        figures.append(done / elapsed)
    return figures


def split(files: list[Path]) -> tuple[float, float, float]:
    """Seconds a page for PDFium (open + glyphs + objects), layout, and the text parser."""
    extract = layout = parse = 0.0
    for path in files:
        t0 = time.perf_counter()
        document = pdfium.PdfDocument(str(path))
        page = document[0]
        glyphs, rules, boxes, _ = page_geometry(page)
        page.close()
        document.close()
        t1 = time.perf_counter()
        laid = lay_out(glyphs, rules, boxes)
        t2 = time.perf_counter()
        parse_laid_lines(laid, str(path))
        t3 = time.perf_counter()
        extract, layout, parse = extract + t1 - t0, layout + t2 - t1, parse + t3 - t2
    n = len(files)
    return extract / n, layout / n, parse / n


def pdfplumber_seconds(files: list[Path]) -> float | None:
    try:
        import pdfplumber
    except ImportError:
        return None
    start = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as document:
            page = document.pages[0]
            _ = (page.chars, page.lines, page.rects, page.images)
    return (time.perf_counter() - start) / len(files)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--min-seconds", type=float, default=2.0)
    parser.add_argument("--compare", action="store_true", help="time pdfplumber on the same pages too")
    args = parser.parse_args()
    files = sorted(DEV_PDFS.glob("*.pdf"))
    if not files:
        print(f"no PDFs in {DEV_PDFS}", file=sys.stderr)
        return 1
    print(f"{len(files)} dev PDF pages, {pin_to_one_core()}, pypdfium2 {pdfium.PYPDFIUM_INFO}")
    figures = pages_per_second(files, args.runs, args.min_seconds)
    print(
        f"PDF pages/s, one core: median {statistics.median(figures):.1f} "
        f"(min {min(figures):.1f}, max {max(figures):.1f}, {args.runs} runs) target >= 20"
    )
    extract, layout, parse = split(files)
    total = extract + layout + parse
    print(
        f"a page: {total * 1000:.1f} ms = PDFium {extract * 1000:.1f} ms + layout {layout * 1000:.1f} ms "
        f"+ text parser {parse * 1000:.1f} ms"
    )
    if args.compare:
        seconds = pdfplumber_seconds(files)
        if seconds is None:
            print("pdfplumber not installed: no comparison")
        else:
            print(
                f"pdfplumber (pdfminer.six) chars+lines+rects+images: {seconds * 1000:.0f} ms a page "
                f"vs PDFium {extract * 1000:.1f} ms ({seconds / extract:.1f}x slower)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
