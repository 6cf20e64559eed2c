"""Article switch time: from the key press to the new article's visible lines drawn.

Runs the app headless at 120x40 on the seeds (or the given paths), opens the first issue and
then steps through its articles, timing two things per switch and printing their medians:
- work: `show_entry` (layout of the article at the pane's width) + rendering every visible line;
- key: the list's cursor-down action (what `j` runs) through Textual's message loop until the
  view shows the next article and its visible lines are rendered (Pilot's own waits excluded).

    python3 benchmarks/bench_switch.py [PATH ...] [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a fresh checkout: `python3 benchmarks/bench_switch.py`

from reader.archive import Archive  # noqa: E402
from reader.resources import seeds_dir  # noqa: E402
from reader.ui.app import ReaderApp  # noqa: E402


async def run(paths: list[Path], rounds: int) -> tuple[list[float], list[float], int]:
    with tempfile.TemporaryDirectory() as cache:
        # the search index (built once the scan ends) and the bookmark store stay in `cache`,
        # away from the user's real cache and data dirs
        os.environ["READER_CACHE"] = cache
        os.environ["READER_DB"] = str(Path(cache) / "bookmarks.json")
        app = ReaderApp(Archive(paths, cache_dir=Path(cache)), restore=False)
        work: list[float] = []
        keys: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.main.scan_done or app.main.loading_issue or not app.main.articles.entries:
                await pilot.pause(0.05)
            screen = app.main
            entries = screen.articles.entries
            height = screen.view.scrollable_content_region.height
            for _ in range(rounds):
                for number in range(len(entries)):
                    start = time.perf_counter()
                    screen.show_entry(number)
                    for y in range(height):
                        screen.view.render_line(y)
                    work.append(time.perf_counter() - start)
            await pilot.press("tab")
            for _ in range(rounds):
                await pilot.press("g")
                for _ in range(len(entries) - 1):
                    before = screen.view.article
                    start = time.perf_counter()
                    screen.articles.action_cursor_down()  # what `j` runs in the list
                    while screen.view.article is before:
                        await asyncio.sleep(0)
                    for y in range(height):
                        screen.view.render_line(y)
                    keys.append(time.perf_counter() - start)
        return work, keys, len(entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    work, keys, count = asyncio.run(run(args.paths or [seeds_dir()], args.rounds))
    print(f"articles in the first issue: {count}; switches timed: {len(work)} + {len(keys)}")
    print(
        f"switch work (layout + visible lines): median {statistics.median(work) * 1000:.2f} ms, "
        f"max {max(work) * 1000:.2f} ms"
    )
    print(
        f"cursor down to new article drawn (Textual loop included): median {statistics.median(keys) * 1000:.2f} ms "
        f"(target < 30 ms)"
    )


if __name__ == "__main__":
    main()
