"""A 1,000,000-character paragraph: how long until its first lines show, how long the full
layout takes in its thread, and how long the event loop is kept from answering meanwhile.

Runs the app headless at 120x40 on a page made for the purpose (one headline, one paragraph
of N characters, the text wrapped at 22 characters a line as pdftotext prints a column) and
prints: the time from the page's article being shown to its first lines drawn; the time until
the full layout replaced the preview; and the longest gap between two ticks of a 10 ms timer
on the event loop while that layout ran (a frozen UI shows here as seconds).

    python3 benchmarks/bench_huge_paragraph.py [--chars N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a fresh checkout

from reader.archive import Archive  # noqa: E402
from reader.ui.app import ReaderApp  # noqa: E402

COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"


def make_page(folder: Path, size: int) -> None:
    rng = random.Random(5)
    text = "".join(rng.choice(COMMON) for _ in range(size))
    body = "\n".join(text[i : i + 22] for i in range(0, len(text), 22))
    (folder / "huge.txt").write_text("测试大段落的页面\n\n　　" + body + "\n", encoding="utf-8")


async def run(size: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["READER_CACHE"] = cache
        os.environ["READER_DB"] = str(Path(cache) / "bookmarks.json")
        os.environ["READER_CONFIG"] = str(Path(cache) / "settings.toml")
        pages = Path(cache) / "pages"
        pages.mkdir()
        make_page(pages, size)
        app = ReaderApp(Archive([pages], cache_dir=Path(cache)), restore=False)
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.main.view
            while view.article is None:
                await pilot.pause(0.005)
            shown = time.perf_counter()
            view.render_line(0)
            first_lines = time.perf_counter() - shown
            ticks: list[float] = []
            timer = app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))
            while view.laying_out:
                await asyncio.sleep(0.005)
            laid_out = time.perf_counter() - shown
            timer.stop()
            gaps = [b - a for a, b in pairwise(ticks)] or [0.0]
            await pilot.press("q")
        return first_lines, laid_out, max(gaps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    args = parser.parse_args()
    first, full, gap = asyncio.run(run(args.chars))
    print(f"paragraph of {args.chars:,} characters at 120x40")
    print(f"first lines drawn after the article is shown: {first * 1000:.1f} ms")
    print(f"full layout ready (in a thread): {full:.2f} s")
    print(f"longest event-loop gap meanwhile (10 ms timer): {gap * 1000:.0f} ms")


if __name__ == "__main__":
    main()
