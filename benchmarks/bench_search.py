#!/usr/bin/env python3
"""Archive search at scale: index build time and memory, query latency, and `rg` for comparison.

    python3 benchmarks/bench_search.py [N] [--dir DIR] [--runs 5]

Writes a synthetic archive of N pages (default 30,000) with benchmarks/make_archive.py (or,
when that script is absent, copies of the seed pages in dated folders), then prints:
- index build time from a cold cache and peak RSS of this process;
- re-open time with a warm cache (every page unchanged: stat only);
- query latency (median over --runs runs of each query, first 100 results with snippets);
- `rg -c -F` over the raw files for the same literal queries, as a ratio to our median;
- how many occurrences `rg` misses because the column broke the phrase across lines.
Nothing here is asserted: the figures are for the README.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.page import Page, read_page  # noqa: E402
from reader.search.index import SearchIndex  # noqa: E402

QUERIES = ["数字经济", "章旭升", "安全生产", "金华", "经济", "永康", "zxs", "zhangxusheng", "70%", "GDP"]
#: Queries that are plain text on both sides, so `rg -F` looks for exactly what we do.
LITERAL = ["数字经济", "章旭升", "安全生产", "金华", "经济", "永康", "70%"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_archive(count: int, folder: Path) -> None:
    script = ROOT / "benchmarks" / "make_archive.py"
    if script.exists():
        subprocess.run([sys.executable, str(script), str(count), str(folder)], check=True)
        return
    print("(benchmarks/make_archive.py not found: copying the seed pages instead)")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for number in range(count):
        day = f"2023-{1 + number // 600 % 12:02d}-{1 + number // 20 % 28:02d}"
        target = folder / day[:4] / day / f"{day}_{number:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seeds[number % len(seeds)], target)


@dataclass(frozen=True, slots=True)
class _Ref:
    path: Path
    rel: str
    date: str = ""


def build(index: SearchIndex, folder: Path, cache: Path) -> object:
    """Index the archive through reader.archive when present, else by parsing files directly."""
    try:
        from reader.archive import Archive
    except ImportError:
        refs = [_Ref(p, p.relative_to(folder).as_posix()) for p in sorted(folder.rglob("*.txt"))]

        def load(ref: _Ref) -> Page:
            return read_page(ref.path, ref.rel)

        return index.update(refs, load)  # type: ignore[arg-type]
    return index.update_from_archive(Archive([folder], cache_dir=cache))  # type: ignore[arg-type]


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=30000, metavar="N")
    parser.add_argument("--dir", type=Path, help="archive folder (reused if it exists)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, help="index folder to keep between runs (default: temporary)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kanbao-bench-search-"))
    folder = args.dir or work / "archive"
    cache = args.cache or work / "cache"
    try:
        if not folder.exists() or not any(folder.iterdir()):
            folder.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            make_archive(args.count, folder)
            print(f"archive: {args.count} pages written in {time.perf_counter() - start:.1f} s")
        pages = sum(1 for _ in folder.rglob("*.txt"))
        print(f"archive: {pages} pages in {folder}")

        index_file = cache / "bench-index.sqlite3"
        start = time.perf_counter()
        report = build(SearchIndex(index_file), folder, cache)
        build_time = time.perf_counter() - start
        size_mb = sum(f.stat().st_size for f in index_file.parent.glob("bench-index*")) / 2**20
        print(
            f"index build ({'cold' if report.unchanged == 0 else 'warm'} cache): {build_time:.1f} s, {pages / build_time:.0f} pages/s, {report}"
        )
        print(f"index size on disk: {size_mb:.0f} MB; peak RSS so far: {peak_rss_mb():.0f} MB")

        reopen = []
        for _ in range(3):
            start = time.perf_counter()
            build(SearchIndex(index_file), folder, cache)
            reopen.append(time.perf_counter() - start)
        print(f"re-open with warm cache: median {statistics.median(reopen):.2f} s (target < 5 s)")

        index = SearchIndex(index_file)
        print(f"\n{'query':<14} {'median ms':>9} {'articles':>8} {'rg ms':>7} {'rg/us':>6}")
        ours_all: list[float] = []
        have_rg = shutil.which("rg") is not None
        for query in QUERIES:
            index.search(query)  # warm the page cache and pypinyin once, as a typing user would
            ours = timed(lambda q=query: index.search(q, limit=100), args.runs)
            ours_all.append(ours)
            found = index.search(query, limit=100)
            line = f"{query:<14} {ours * 1000:9.1f} {len(found.articles):8d}"
            if have_rg and query in LITERAL:
                theirs = timed(lambda q=query: rg_count(q, folder), max(1, args.runs // 2))
                line += f" {theirs * 1000:7.0f} {theirs / ours:6.1f}"
            print(line)
        print(
            f"median query latency over all queries: {statistics.median(ours_all) * 1000:.1f} ms (target < 300)"
        )

        if have_rg:
            print("\nhits that rg misses because the column broke the phrase across lines:")
            for query in LITERAL:
                ours_count = sum(len(a.hits) for a in index.iter_results(query))
                theirs_count = rg_count(query, folder)
                print(
                    f"  {query:<10} kanbao {ours_count:8d}   rg {theirs_count:8d}   missed {ours_count - theirs_count:7d}"
                )
        else:
            print("\nrg (ripgrep) is not installed: the ratio to rg is skipped (apt-get install ripgrep)")
        print(f"\npeak RSS: {peak_rss_mb():.0f} MB (target < 300 MB)")
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
        elif args.cache is None:
            shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
