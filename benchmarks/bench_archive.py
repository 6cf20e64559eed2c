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
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
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
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except OSError:
                pass
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


def load_all(archive_dir: Path, cache: Path, limit: int | None = None) -> tuple[float, int, int, int]:
    """Seconds to scan and load every page (or the first `limit`); pages, disk hits, parses."""
    archive = Archive([archive_dir], cache_dir=cache)
    start = time.perf_counter()
    refs: list[PageRef] = archive.scan_all()[:limit]
    articles = 0
    for ref in refs:
        articles += len(archive.load(ref).articles)
    elapsed = time.perf_counter() - start
    return elapsed, len(refs), archive.cache.hits, archive.cache.parses


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, float, float]:
    figures = [measure() for _ in range(runs)]
    return statistics.median(figures), min(figures), max(figures)


def run(archive_dir: Path, cache: Path, runs: int, cold_limit: int | None) -> None:
    print(f"archive {archive_dir}   peak RSS before: {peak_rss_mb():.0f} MB")
    scans = [time_scan(archive_dir, cache) for _ in range(runs)]
    pages, issues = scans[0][2], scans[0][3]
    firsts = [s[0] * 1000 for s in scans]
    ends = [s[1] for s in scans]
    print(f"scan: {pages} pages in {issues} issues")
    print(
        f"  to first issue   median {statistics.median(firsts):8.2f} ms  (min {min(firsts):.2f}, max {max(firsts):.2f})"
    )
    print(
        f"  to the end       median {statistics.median(ends):8.3f} s   (min {min(ends):.3f}, max {max(ends):.3f})"
    )

    cold_seconds, cold_pages, _, parses = load_all(archive_dir, cache, cold_limit)
    print(
        f"cold load (parse + write cache): {cold_pages} pages in {cold_seconds:.1f} s "
        f"= {cold_pages / cold_seconds:.0f} pages/s ({parses} parsed)"
    )
    if cold_limit is not None and cold_limit < pages:
        warm_start = time.perf_counter()
        load_all(archive_dir, cache)
        print(f"  (filled the cache for the other pages in {time.perf_counter() - warm_start:.1f} s)")

    results: list[tuple[float, int, int, int]] = []

    def warm() -> float:
        results.append(load_all(archive_dir, cache))
        return results[-1][0]

    middle, low, high = median_of(runs, warm)
    _, warm_pages, hits, parses = results[-1]
    print(
        f"warm load (scan + load every page from the disk cache): {warm_pages} pages "
        f"median {middle:.2f} s (min {low:.2f}, max {high:.2f}) = {warm_pages / middle:.0f} pages/s; "
        f"{hits} cache hits, {parses} parses"
    )
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
