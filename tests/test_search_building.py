"""The index build's worker pool: a pool that breaks costs time, never a page."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.resources import seeds_dir
from reader.search import building
from reader.search.index import SearchIndex


class _BrokenPool:
    """A pool whose workers could not start (as when they may not read Python itself)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def submit(self, *args: object, **kwargs: object) -> None:
        raise BrokenProcessPool("a child process terminated abruptly")

    def shutdown(self, *args: object, **kwargs: object) -> None:
        pass


def test_a_broken_pool_hands_the_build_back_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(building, "ProcessPoolExecutor", _BrokenPool)
    archive = Archive([seeds_dir()], cache_dir=tmp_path / "cache")
    refs = archive.scan_all()
    index = SearchIndex(tmp_path / "index.sqlite3")
    try:
        report = index.update(refs, archive.load, workers=2)
        assert report.finished and report.indexed == len(refs) and report.failed == 0
        assert index.search("会议").articles
    finally:
        index.close()
