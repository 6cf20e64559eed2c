"""`reader cache [list|clean] [PATH...] [--all]`: the search indexes and parse cache on disk.

Every set of archive paths opened gets its own search index (`search/index-*.sqlite3` in the
cache directory), and nothing ever removed them. `list` (the default) prints each index file
with its size, its page count and when it was last written, marking the index of the archive
opened from PATH... when paths are given; `clean` deletes the index files (all of them, or
only the one of PATH...), `--all` the parse cache too. The app and `reader search` rebuild
what they need on their next start. Exit status 0, 1 when there was nothing to clean, 2 on a
file that could not be deleted.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from reader.search.index import cache_dir, index_path_for

INDEX_GLOB = "index-*.sqlite3"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", "clean"), default="list")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="the archive whose index is meant")
    parser.add_argument("--all", action="store_true", help="clean: the parse cache too")
    parser.add_argument(
        "--cache", metavar="DIR", type=Path, help="cache directory (default: $READER_CACHE or the user's)"
    )


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def _human(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} B"


def _pages(path: Path) -> str:
    """How many pages the index holds ("?" when it cannot be read: in use, corrupt...)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5)
        try:
            return str(connection.execute("SELECT COUNT(*) FROM pages").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return "?"


def _index_files(root: Path) -> list[Path]:
    return sorted((root / "search").glob(INDEX_GLOB)) if (root / "search").is_dir() else []


def _companions(index: Path) -> list[Path]:
    """The index file and SQLite's -wal / -shm files beside it."""
    return [p for p in (index, Path(f"{index}-wal"), Path(f"{index}-shm")) if p.exists()]


def run(args: argparse.Namespace) -> int:
    root = cache_dir(args.cache)
    files = _index_files(root)
    chosen = {index_path_for([Path(p) for p in args.paths], args.cache)} if args.paths else None
    if args.action == "list":
        return _list(root, files, chosen)
    return _clean(root, files, chosen, everything=args.all)


def _list(root: Path, files: list[Path], chosen: set[Path] | None) -> int:
    print(f"cache directory: {root}")
    if not files:
        print("no search indexes")
    for path in files:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
        size = sum(_size(p) for p in _companions(path))
        mark = "  ← PATH" if chosen and path in chosen else ""
        print(f"{path.name}  {_human(size)}  {_pages(path)} pages  {when}{mark}")
    parse_cache = [p for p in root.iterdir() if p.name != "search"] if root.is_dir() else []
    print(f"parse cache: {_human(sum(_size(p) for p in parse_cache))}")
    return 0


def _clean(root: Path, files: list[Path], chosen: set[Path] | None, *, everything: bool) -> int:
    targets = [p for p in files if chosen is None or p in chosen]
    status = 0
    removed = 0
    freed = 0
    for index in targets:
        for path in _companions(index):
            try:
                size = path.stat().st_size
                path.unlink()
                freed += size
            except OSError as error:
                print(f"reader cache: {path}: {error.strerror or error}", file=sys.stderr)
                status = 2
        removed += 1
    if everything and root.is_dir():
        for path in root.iterdir():
            if path.name == "search":
                continue
            try:
                freed += _size(path)
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            except OSError as error:
                print(f"reader cache: {path}: {error.strerror or error}", file=sys.stderr)
                status = 2
    if not removed and not everything:
        print("reader cache: no search index to clean", file=sys.stderr)
        return status or 1
    print(f"removed {removed} search index{'es' if removed != 1 else ''}, {_human(freed)} freed")
    return status
