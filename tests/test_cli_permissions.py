"""`reader search` over a folder holding a page this user may not read: said, and exit status 1.

Real permissions: the page is mode 000 and the command runs as an ordinary user (the effective
uid drops to nobody when the tests run as root, whom file modes do not stop; the interpreter
itself lives under /root, so the command runs in this process rather than a child).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import seed_pages
from tests.test_store_failures import as_ordinary_user, shared_folder

__all__ = ["shared_folder"]


def test_a_page_this_user_may_not_read_is_reported_not_skipped(
    shared_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = shared_folder / "pages"
    folder.mkdir()
    for page in seed_pages():
        shutil.copy(page, folder / page.name)
    locked = folder / "zz-locked.txt"
    shutil.copy(seed_pages()[0], locked)
    locked.chmod(0o000)
    # Once as this user first: every module the command needs is imported while /root (where the
    # interpreter's standard library lives) can still be read.
    monkeypatch.setenv("READER_CACHE", str(shared_folder / "warm-up"))
    main(["search", "会议", str(folder)])
    capsys.readouterr()
    cache = shared_folder / "cache"
    cache.mkdir()
    cache.chmod(0o777)
    monkeypatch.setenv("READER_CACHE", str(cache))
    try:
        with as_ordinary_user():
            status = main(["search", "会议", str(folder)])
    finally:
        locked.chmod(0o644)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert f"{locked}: permission denied" in err
    assert "会议" in out  # the readable pages were searched
    assert status == 1
