#!/usr/bin/env python3
"""Opening a large archive: scan time, cold parse vs warm cache, peak memory.

    python3 benchmarks/bench_archive.py [--pages 30000] [--archive DIR] [--runs 3] [--cold N]

Without --archive it writes a synthetic archive of --pages pages (benchmarks/make_archive.py)
into a temporary folder. It prints, as medians of --runs runs:
- scan to the first issue and to the end (`Archive.scan`, names only, nothing parsed);
- cold load: every page parsed and written to an empty disk cache (one run: it is slow);
- warm load: a new `Archive` (empty memory cache) loading every page from the disk cache;
- peak RSS of this process (resource.getrusage), and the disk cache's size.
Targets (issue 7): a warm-cache reload fast enough to index 30,000 pages in under 5 s; peak
memory under 300 MB. `--cold N` parses only the first N pages cold (the parser's speed is
bench_parse.py's business) and warms the cache for the rest so the warm figure covers all.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from make_archive import make_archive  # noqa: E402

from reader.archive import Archive, PageRef  # noqa: E402


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS


def folder_size_mb(folder: Path) -> float:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.stat(os.path.join(root, name)).st_size
    return total / 1e6


def time_scan(archive_dir: Path, cache: Path) -> tuple[float, float, int, int]:
    archive = Archive([archive_dir], cache_dir=cache)
    start = time.perf_counter()
    first = 0.0
    count = 0
    for _ in archive.scan():
        if count == 0:
            first = time.perf_counter() - start
        count += 1
    return first, time.perf_counter() - start, count, len(archive.issues)


@dataclass
class LoadRun:
    wall: float  # seconds
    cpu: float  # seconds of this process's CPU: what the figure would be on an idle machine
    pages: int
    hits: int
    parses: int


def load_all(archive_dir: Path, cache: Path, limit: int | None = None) -> LoadRun:
    """Scan and load every page (or the first `limit`) through a new Archive."""
    archive = Archive([archive_dir], cache_dir=cache)
    start, start_cpu = time.perf_counter(), time.process_time()
    refs: list[PageRef] = archive.scan_all()[:limit]
    articles = 0
    for ref in refs:
        articles += len(archive.load(ref).articles)
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    return LoadRun(wall, cpu, len(refs), archive.cache.hits, archive.cache.parses)


def spread(figures: list[float], unit: str, digits: int = 2) -> str:
    return (
        f"median {statistics.median(figures):.{digits}f} {unit} "
        f"(min {min(figures):.{digits}f}, max {max(figures):.{digits}f}, {len(figures)} runs)"
    )


def run(archive_dir: Path, cache: Path, runs: int, cold_limit: int | None) -> None:
    print(f"archive {archive_dir}   peak RSS before: {peak_rss_mb():.0f} MB")
    scans = [time_scan(archive_dir, cache) for _ in range(runs)]
    pages, issues = scans[0][2], scans[0][3]
    print(f"scan: {pages} pages in {issues} issues (names only, nothing parsed)")
    print(f"  to the first issue  {spread([s[0] * 1000 for s in scans], 'ms')}")
    print(f"  to the end          {spread([s[1] for s in scans], 's', 3)}")

    cold = load_all(archive_dir, cache, cold_limit)
    print(
        f"cold load (parse + write cache): {cold.pages} pages in {cold.wall:.1f} s wall, "
        f"{cold.cpu:.1f} s CPU = {cold.pages / cold.cpu:.0f} pages/CPU-s ({cold.parses} parsed)"
    )
    if cold_limit is not None and cold_limit < pages:
        fill = load_all(archive_dir, cache)
        print(f"  (filled the cache for the other pages in {fill.wall:.1f} s)")

    warm = [load_all(archive_dir, cache) for _ in range(runs)]
    print(
        f"warm load (new Archive: scan + load every page from the disk cache): {warm[-1].pages} pages, "
        f"{warm[-1].hits} cache hits, {warm[-1].parses} parses"
    )
    print(f"  wall  {spread([w.wall for w in warm], 's')}")
    print(f"  CPU   {spread([w.cpu for w in warm], 's')}")
    per_page = statistics.median(w.cpu for w in warm) / max(warm[-1].pages, 1) * 1e6
    print(f"  = {per_page:.0f} µs CPU a page")
    print(f"disk cache: {folder_size_mb(cache):.0f} MB   peak RSS: {peak_rss_mb():.0f} MB")
    print("targets: warm reindex of 30,000 pages < 5 s; peak memory < 300 MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archive scan and parse-cache figures")
    parser.add_argument("--pages", type=int, default=30000, help="pages of the made archive")
    parser.add_argument("--archive", type=Path, help="measure this archive instead of making one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold", type=int, default=None, metavar="N", help="parse only N pages cold")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kanbao-bench-") as scratch:
        cache = Path(scratch) / "cache"
        if args.archive:
            archive_dir = args.archive
        else:
            archive_dir = Path(scratch) / "archive"
            start = time.perf_counter()
            make_archive(args.pages, archive_dir, seed=1)
            print(f"made {args.pages} pages in {time.perf_counter() - start:.1f} s")
        run(archive_dir, cache, args.runs, args.cold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
