#!/usr/bin/env python3
"""The real app on a large archive: time until everything is indexed, and its peak memory.

    python3 benchmarks/bench_app_memory.py [--pages 30000] [--dir DIR] [--runs 3]

Makes a synthetic archive of --pages pages with benchmarks/make_archive.py (or reuses --dir when
it already holds pages), then starts `ReaderApp` headless in a fresh subprocess, with
READER_CACHE and READER_DB pointing into a temporary folder, and lets it run until it has done
all its background work:
- the archive scan (`MainScreen.scan_done`, set by the scan worker's last `ArchiveScanned`);
- the archive-search index (`app.indexer.ready`: the builder's final `IndexProgressed`, whose
  `finished` flag the app stores in `indexer.progress`);
- the palette's title index (the `TitlesIndexed` message the titles worker posts at its end).
Then it quits through the app's own quit action and prints, from inside the child, the times
from process spawn to each of these and the process's peak RSS (getrusage ru_maxrss).

The first run has an empty cache (every page parsed and indexed); the following --runs runs
re-open the same archive with the warm cache (pages unchanged: stat and skip), as a reader
does the next day. Medians of the warm runs. Targets (issue 7): peak memory with the archive
indexed under 300 MB; a re-opened archive with a warm cache indexes in under 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULT = "RESULT "
POLL_SECONDS = 0.05


def child(archive_dir: Path, spawned: float, width: int, height: int) -> None:
    """Run the app until scan, search index and titles are done; print the figures as JSON."""
    import resource

    from reader.archive import Archive
    from reader.ui.app import ReaderApp

    marks: dict[str, float] = {}
    outcome: dict[str, object] = {}

    def mark(name: str) -> None:
        marks.setdefault(name, time.time() - spawned)

    class MeasuredApp(ReaderApp):
        """ReaderApp plus a watcher: records when each background job ends, then quits."""

        def start_watching(self) -> None:
            mark("first_screen")
            self.set_interval(POLL_SECONDS, self.check_done)

        async def check_done(self) -> None:
            if self.main.scan_done:
                mark("scan")
                outcome["pages"] = self.main.scanned_pages
            if self.indexer.error:
                outcome["error"] = self.indexer.error
            elif self.indexer.ready:
                mark("index")
                mark("titles")  # one background pass feeds the index and the palette's titles
                outcome["titles"] = len(self.title_index)
                progress = self.indexer.progress
                outcome["indexed"] = progress.indexed if progress else 0
                outcome["unchanged"] = progress.unchanged if progress else 0
                outcome["failed"] = progress.failed if progress else 0
            finished = {"scan", "index", "titles"} <= marks.keys()
            if (finished or "error" in outcome) and "quit" not in marks:
                mark("quit")
                await self.action_quit()

    app: MeasuredApp
    app = MeasuredApp(Archive([archive_dir]), restore=False, on_first_screen=lambda: app.start_watching())
    app.run(headless=True, size=(width, height))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    outcome["peak_rss_mb"] = peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024
    outcome["exited"] = time.time() - spawned
    print(RESULT + json.dumps({**outcome, "marks": marks}), flush=True)


def run_child(archive_dir: Path, scratch: Path, timeout: float) -> dict:
    """One app run in a fresh process whose caches and bookmark store live under `scratch`."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READER_CACHE": str(scratch / "cache"),
        "READER_DB": str(scratch / "db" / "bookmarks.json"),
    }
    spawned = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(spawned), "--dir", str(archive_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT)]
    if done.returncode != 0 or not lines:
        raise SystemExit(
            f"the app run failed (exit {done.returncode}):\n{done.stderr[-3000:]}{done.stdout[-1000:]}"
        )
    return json.loads(lines[-1][len(RESULT) :])


def describe(label: str, result: dict) -> str:
    marks = result["marks"]
    if "error" in result:
        return f"{label}: {result['error']}"
    return (
        f"{label}: first screen {marks['first_screen']:.2f} s, scan done {marks['scan']:.2f} s, "
        f"search index done {marks['index']:.1f} s ({result['indexed']} indexed, "
        f"{result['unchanged']} unchanged, {result['failed']} failed), "
        f"titles done {marks['titles']:.1f} s; peak RSS {result['peak_rss_mb']:.0f} MB"
    )


def ensure_archive(folder: Path, pages: int) -> int:
    """Write the archive unless the folder already holds pages; the number of pages in it."""
    if not folder.exists() or not any(folder.rglob("*.txt")):
        script = ROOT / "benchmarks" / "make_archive.py"
        subprocess.run([sys.executable, str(script), str(pages), str(folder)], check=True)
    return sum(1 for _ in folder.rglob("*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=30000, help="pages of the made archive")
    parser.add_argument("--dir", type=Path, help="archive folder (made there unless it holds pages)")
    parser.add_argument("--runs", type=int, default=3, help="warm-cache runs")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed for one run")
    parser.add_argument("--size", default="120x40", help="terminal size of the headless app")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    if args.child is not None:
        child(args.dir, args.child, width, height)
        return 0

    with tempfile.TemporaryDirectory(prefix="kanbao-bench-app-") as scratch_name:
        scratch = Path(scratch_name)
        folder = args.dir or scratch / "archive"
        count = ensure_archive(folder, args.pages)
        print(f"archive: {count} pages in {folder}; caches in {scratch}")
        cold = run_child(folder, scratch, args.timeout)
        print(describe("cold cache", cold), flush=True)
        warm = [run_child(folder, scratch, args.timeout) for _ in range(args.runs)]
        for number, result in enumerate(warm, 1):
            print(describe(f"warm run {number}", result), flush=True)
    if any("error" in r for r in (cold, *warm)):
        return 1
    index_times = [r["marks"]["index"] for r in warm]
    peaks = [r["peak_rss_mb"] for r in warm]
    print(
        f"cold: search index done {cold['marks']['index']:.1f} s after spawn "
        f"({count / cold['marks']['index']:.0f} pages/s), peak RSS {cold['peak_rss_mb']:.0f} MB"
    )
    print(
        f"warm: search index done median {statistics.median(index_times):.2f} s after spawn "
        f"(min {min(index_times):.2f}, max {max(index_times):.2f}, {len(warm)} runs), "
        f"peak RSS median {statistics.median(peaks):.0f} MB"
    )
    print("targets: peak RSS < 300 MB with the archive indexed; warm re-open indexed < 5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
