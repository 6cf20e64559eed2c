#!/usr/bin/env python3
"""Parse throughput on one core: pages a second for the seed pages and for a made archive.

    python3 benchmarks/bench_parse.py [--runs 5] [--pages 300] [--archive DIR]

Pages are read into memory first, so the figure is the parser's own speed (`parse_page` on
bytes), not the disk's. The process is pinned to one CPU where the OS allows it. Each figure
is the median of several runs; min and max show the noise. Target (issues 7 and 11): at least
1,000 pages a second, on the seeds and on the dev corpus alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from make_archive import make_archive  # noqa: E402

from reader.page import parse_page  # noqa: E402
from reader.resources import seeds_dir  # noqa: E402

#: The dev corpus of other papers' pages (a copy of ../shared/corpus/dev kept with the tests).
DEV_CORPUS = REPO / "tests" / "fixtures" / "dev" / "pages"


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


def pages_per_second(pages: list[tuple[bytes, str]], runs: int, min_seconds: float) -> list[float]:
    """One figure per run; a run repeats the set until it has lasted `min_seconds`."""
    parse_page(*pages[0])  # warm up: imports, regex compilation, caches
    figures = []
    for _ in range(runs):
        done = 0
        start = time.perf_counter()
        while True:
            for data, source in pages:
                parse_page(data, source)
            done += len(pages)
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        figures.append(done / elapsed)
    return figures


def report(name: str, pages: list[tuple[bytes, str]], figures: list[float]) -> None:
    size = sum(len(d) for d, _ in pages) / len(pages)
    print(
        f"{name:<28} {len(pages):>6} pages  {size / 1024:5.1f} KB/page  "
        f"median {statistics.median(figures):8.0f} pages/s  "
        f"(min {min(figures):.0f}, max {max(figures):.0f}, {len(figures)} runs)"
    )


def read_pages(folder: Path) -> list[tuple[bytes, str]]:
    return [(p.read_bytes(), p.name) for p in sorted(folder.rglob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="parse throughput, pages/s on one core")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=300, help="pages of the made archive")
    parser.add_argument("--archive", type=Path, help="measure this archive instead of making one")
    parser.add_argument("--min-seconds", type=float, default=1.0, help="shortest run")
    args = parser.parse_args(argv)

    print(f"parse throughput, {pin_to_one_core()}, Python {sys.version.split()[0]}")
    seeds = read_pages(seeds_dir())
    report("seed pages", seeds, pages_per_second(seeds, args.runs, args.min_seconds))
    dev = read_pages(DEV_CORPUS)
    report("dev corpus (20 papers' pages)", dev, pages_per_second(dev, args.runs, args.min_seconds))
    if args.archive:
        made = read_pages(args.archive)
        report(f"archive {args.archive.name}", made, pages_per_second(made, args.runs, args.min_seconds))
    else:
        with tempfile.TemporaryDirectory(prefix="kanbao-bench-") as folder:
            make_archive(args.pages, Path(folder), seed=1)
            made = read_pages(Path(folder))
        report("made archive (seed 1)", made, pages_per_second(made, args.runs, args.min_seconds))
    print("target: >= 1000 seed-sized pages/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
