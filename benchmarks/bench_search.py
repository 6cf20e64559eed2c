#!/usr/bin/env python3
"""Archive search at scale: index size, build time, query latency, counts, and `rg` beside it.

    python3 benchmarks/bench_search.py [N] [--dir DIR] [--runs 5] [--before CHECKOUT]

Writes a synthetic archive of N pages (default 30,000) with benchmarks/make_archive.py, parses
it once into a parse cache (the app and `reader search` do that anyway), then measures the
search index of the code in this checkout: cold build time (CPU and wall) and size on disk,
re-open with a warm cache, the first 100 results of each query (median of --runs), every hit
of each query (count and time), and `rg -c -F` over the raw files for the literal queries.

With `--before CHECKOUT` (another checkout of kanbao, e.g. `git worktree add /tmp/old HEAD~3`),
the same figures are measured for that code in a child process, on the same archive and the
same parse cache, and printed side by side: the machine is shared, so figures from another
day are not comparable. Nothing here is asserted: the figures are for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    "数字经济",
    "章旭升",
    "安全生产",
    "金华",
    "经济",
    "永康",
    "陈晓苏",
    "zxs",
    "zhangxusheng",
    "70%",
    "GDP",
]
#: Queries that are plain text on both sides, so `rg -F` looks for exactly what we do.
LITERAL = ["数字经济", "章旭升", "安全生产", "金华", "经济", "永康", "陈晓苏", "70%"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(function, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rg_count(query: str, folder: Path) -> int:
    done = subprocess.run(
        ["rg", "--count-matches", "--no-filename", "-F", query, str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    return sum(int(line) for line in done.stdout.split())


def measure(code: Path, folder: Path, cache: Path, work: Path, runs: int) -> dict[str, object]:
    """Every figure for the kanbao code at `code` (run in a child process: one import each)."""
    sys.path.insert(0, str(code))
    from reader.archive import Archive
    from reader.search.index import SearchIndex

    def open_index() -> SearchIndex:
        try:
            return SearchIndex(work / "index.sqlite3", page_cache=cache)  # type: ignore[call-arg]
        except TypeError:  # older code: no page cache, the text is in the index
            return SearchIndex(work / "index.sqlite3")

    figures: dict[str, object] = {}
    archive = Archive([folder], cache_dir=cache)
    refs = archive.scan_all()
    for ref in refs:  # the parse cache is warm for both: the index is what is measured
        archive.load(ref)
    index = open_index()
    cpu, wall = time.process_time(), time.perf_counter()
    index.update(refs, archive.load)
    figures["build_cpu_s"] = time.process_time() - cpu
    figures["build_wall_s"] = time.perf_counter() - wall
    figures["size_mb"] = sum(f.stat().st_size for f in work.glob("index.sqlite3*")) / 2**20
    figures["build_peak_rss_mb"] = peak_rss_mb()
    try:  # the same cold build with two worker processes (as `reader search` builds)
        pooled = SearchIndex(work / "pooled.sqlite3", page_cache=work / "pool-cache")  # type: ignore[call-arg]
        cpu, wall = time.process_time(), time.perf_counter()
        pooled.update(Archive([folder], cache_dir=work / "pool-cache").scan(), archive.load, workers=2)  # type: ignore[call-arg]
        figures["build_pool_wall_s"] = time.perf_counter() - wall
    except TypeError:
        pass
    start = time.perf_counter()
    open_index().update(Archive([folder], cache_dir=cache).scan(), archive.load)
    figures["reopen_s"] = time.perf_counter() - start
    queries: dict[str, dict[str, float]] = {}
    for query in QUERIES:
        fresh = open_index()
        start = time.perf_counter()
        first = fresh.search(query, limit=100)
        cold = time.perf_counter() - start
        warm = timed(lambda q=query, f=fresh: f.search(q, limit=100), runs)
        start = time.perf_counter()
        every = list(fresh.iter_results(query))
        all_time = time.perf_counter() - start
        entry = {
            "first_page_ms": warm * 1000,
            "first_page_cold_ms": cold * 1000,
            "shown": len(first.articles),
            "articles": len(every),
            "hits": sum(r.hit_count for r in every),
            "all_hits_s": all_time,
        }
        if hasattr(fresh, "count"):
            start = time.perf_counter()
            total, exact = fresh.count(query)
            entry["count_ms"] = (time.perf_counter() - start) * 1000
            entry["count"] = total
            entry["count_exact"] = exact
        queries[query] = entry
    figures["queries"] = queries
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def child(code: Path, folder: Path, cache: Path, runs: int) -> dict[str, object]:
    """`measure` for `code` in a fresh interpreter (its own imports, its own index)."""
    with tempfile.TemporaryDirectory(prefix="kanbao-bench-index-") as work:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--measure",
                str(code),
                "--dir",
                str(folder),
                "--cache",
                str(cache),
                "--work",
                work,
                "--runs",
                str(runs),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(after: dict, before: dict | None, folder: Path) -> None:  # type: ignore[type-arg]
    def pair(key: str, fmt: str, table: dict | None = None, b: dict | None = None) -> str:  # type: ignore[type-arg]
        now = (table or after).get(key)
        text = format(now, fmt) if now is not None else "-"
        if before is not None:
            old = (b if b is not None else before).get(key)
            text += f"  (before {format(old, fmt) if old is not None else '-'})"
        return text

    print(f"index size on disk: {pair('size_mb', '.1f')} MB")
    print(
        f"cold build (parse cache warm): wall {pair('build_wall_s', '.1f')} s, CPU {pair('build_cpu_s', '.1f')} s"
    )
    if "build_pool_wall_s" in after:
        print(
            f"cold build with 2 worker processes, parsing every page: wall {after['build_pool_wall_s']:.1f} s"
        )
    print(f"re-open, every page unchanged: {pair('reopen_s', '.2f')} s")
    print(f"peak RSS: {pair('peak_rss_mb', '.0f')} MB")
    have_rg = shutil.which("rg") is not None
    print(
        f"\n{'query':<13} {'first 100 ms':>18} {'articles':>16} {'every hit s':>18} {'count ms':>9} {'rg ms':>6} {'rg hits':>8} {'our hits':>16}"
    )
    for query, now in after["queries"].items():  # type: ignore[union-attr]
        old = before["queries"].get(query, {}) if before is not None else None  # type: ignore[index]
        line = f"{query:<13} {now['first_page_ms']:8.1f}"
        line += f" ({old['first_page_ms']:7.1f})" if old else " " * 10
        line += f" {now['articles']:7d}" + (f" ({old['articles']:6d})" if old else " " * 9)
        line += f" {now['all_hits_s']:8.2f}" + (f" ({old['all_hits_s']:7.2f})" if old else " " * 10)
        line += f" {now.get('count_ms', float('nan')):9.1f}"
        if have_rg and query in LITERAL:
            rg_time = timed(lambda q=query: rg_count(q, folder), 1)
            line += f" {rg_time * 1000:6.0f} {rg_count(query, folder):8d}"
        else:
            line += " " * 16
        line += f" {now['hits']:7d}" + (f" ({old['hits']:6d})" if old else "")
        print(line)
    if before is not None:
        print("(figures in brackets: the --before code, measured just now on the same archive)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=30000, metavar="N")
    parser.add_argument("--dir", type=Path, help="archive folder (reused if it exists)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, help="parse cache folder to keep between runs")
    parser.add_argument("--before", type=Path, help="another kanbao checkout to measure side by side")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure is not None:  # the child: one checkout's figures as one JSON line
        print(json.dumps(measure(args.measure, args.dir, args.cache, args.work, args.runs)))
        return 0

    work = Path(tempfile.mkdtemp(prefix="kanbao-bench-search-"))
    folder = args.dir or work / "archive"
    cache = args.cache or work / "cache"
    try:
        if not folder.exists() or not any(folder.iterdir()):
            folder.mkdir(parents=True, exist_ok=True)
            script = ROOT / "benchmarks" / "make_archive.py"
            subprocess.run([sys.executable, str(script), str(args.count), str(folder)], check=True)
        pages = sum(1 for _ in folder.rglob("*.txt"))
        print(f"archive: {pages} pages in {folder}; load average {os.getloadavg()[0]:.1f}")
        before = child(args.before.resolve(), folder, cache, args.runs) if args.before else None
        after = child(ROOT, folder, cache, args.runs)
        show(after, before, folder)
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
        elif args.cache is None:
            shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
