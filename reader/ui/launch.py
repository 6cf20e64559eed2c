"""`reader [PATH...]`: check the paths, open the store, run the app. No traceback reaches the user.

When nothing at all can be opened (every path missing, or no page file in any folder), the
command says so on one line of stderr and exits 1 without starting the full-screen app.
When some paths fail and others work, the app opens and lists the failures as notices.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.ui.position import PositionKeeper


def _first_page(path: Path) -> bool:
    """Whether `path` is a page file or a folder holding at least one (stops at the first)."""
    if path.is_file():
        return True
    try:
        for _root, _dirs, files in os.walk(path):
            if any(name.lower().endswith(".txt") for name in files):
                return True
    except OSError:
        return False
    return False


def _unlistable(path: Path) -> OSError | None:
    """Why the folder `path` cannot be listed (mode 000, not this user's), or None."""
    try:
        with os.scandir(path):
            return None
    except OSError as error:
        return error


def check_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The paths that hold pages, and one message per path that does not."""
    from reader.archive.discovery import describe_os_error

    usable: list[Path] = []
    problems: list[str] = []
    for path in paths:
        denied = _unlistable(path) if path.is_dir() else None
        if not path.exists():
            problems.append(f"{path}: no such file or folder")
        elif denied is not None:  # not "no page files": the pages may be there, unreadable
            problems.append(describe_os_error(str(path), denied))
        elif path.is_dir() and not _first_page(path):
            problems.append(f"{path}: no page files (*.txt) in this folder")
        elif not os.access(path, os.R_OK):
            problems.append(f"{path}: permission denied")
        else:
            usable.append(path)
    return usable, problems


def open_positions(db: str | None, paths: list[Path]) -> tuple[PositionKeeper | None, list[str]]:
    """The store's reading position for this archive, and what to tell the reader about the store."""
    try:
        from reader.store import BookmarkStore, archive_key
    except ImportError:  # a build without the store: reading works, nothing is remembered
        return None, []
    try:
        store = BookmarkStore(db)
    except Exception as error:  # reading must go on without the store
        return None, [f"bookmarks unavailable: {error}"]
    return PositionKeeper(store, archive_key([str(p.resolve()) for p in paths])), list(store.take_messages())


def run_app(args: argparse.Namespace) -> int:
    """Start the reading app on `args.paths` (the bundled seeds when empty); return the exit status."""
    from reader.archive import Archive, default_archive_paths

    paths = [Path(p) for p in args.paths] if args.paths else list(default_archive_paths())
    usable, problems = check_paths(paths)
    if not usable:
        print(f"reader: {'; '.join(problems) or 'nothing to open'}", file=sys.stderr)
        return 1
    positions, store_messages = open_positions(getattr(args, "db", None), usable)
    notices = [*problems, *store_messages]

    from reader.ui.app import ReaderApp

    app = ReaderApp(
        Archive(usable),
        positions=positions,
        db=getattr(args, "db", None),
        restore=not getattr(args, "no_restore", False),
        notices=notices,
    )
    app.run()
    return 0 if app.return_code in (None, 0) else int(app.return_code)
