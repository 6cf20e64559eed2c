"""Time to first paint of `reader` versus a bare Textual app showing one Static, in one run.

Each measurement is a fresh subprocess (imports included, as a user pays them), run headless:
the clock starts just before the process is spawned and stops when the app's first screen has
mounted and refreshed (ReaderApp's `on_first_screen` hook; the bare app's `call_after_refresh`
from `on_mount`). Prints the median of several runs of each and their ratio.

    python3 benchmarks/bench_startup.py [ARCHIVE_DIR ...] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("看报")

        def on_mount(self) -> None:
            self.call_after_refresh(self.painted)

        def painted(self) -> None:
            print(f"PAINTED {time.time()}", flush=True)
            self.exit()

    Bare().run(headless=True)


def child_reader(paths: list[str], cache: str) -> None:
    from reader.archive import Archive
    from reader.resources import seeds_dir
    from reader.ui.app import ReaderApp

    archive = Archive([Path(p) for p in paths] or [seeds_dir()], cache_dir=Path(cache))
    app: ReaderApp

    def painted() -> None:
        print(f"PAINTED {time.time()}", flush=True)
        app.exit()

    app = ReaderApp(archive, restore=False, on_first_screen=painted)
    app.run(headless=True)


def measure(kind: str, paths: list[str], cache: str) -> float:
    # The app's search index and bookmark store go to the run's temporary folder, never to the
    # user's real cache and data dirs.
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READER_CACHE": cache,
        "READER_DB": str(Path(cache) / "bookmarks.json"),
    }
    start = time.time()
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--cache", cache, *paths],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    ).stdout
    stamp = next(line for line in output.splitlines() if line.startswith("PAINTED"))
    return float(stamp.split()[1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("bare", "reader"))
    parser.add_argument("--cache", default="")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return
    if args.child == "reader":
        child_reader(args.paths, args.cache)
        return
    with tempfile.TemporaryDirectory() as cache:
        label = " ".join(args.paths) or "bundled seeds"
        measure("reader", args.paths, cache)  # warm the OS file cache, as a second start would
        bare, reader = [], []
        for _ in range(args.runs):
            bare.append(measure("bare", [], cache))
            reader.append(measure("reader", args.paths, cache))
    bare_median, reader_median = statistics.median(bare), statistics.median(reader)
    print(f"archive: {label}  runs: {args.runs}")
    print(f"bare Textual app (one Static): median {bare_median * 1000:.0f} ms to first paint")
    print(f"reader:                        median {reader_median * 1000:.0f} ms to first paint")
    print(f"ratio reader / bare: {reader_median / bare_median:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
