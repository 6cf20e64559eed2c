"""Finding pages: nested folders, files, and every way a path can fail without stopping the rest."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from reader.archive import Archive
from tests.test_store_failures import as_ordinary_user, shared_folder

__all__ = ["shared_folder"]  # a fixture, used by the permission tests below


def write(path: Path, text: str = "本报讯 测试。\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rels(archive: Archive) -> list[str]:
    return [ref.rel for ref in archive.scan_all()]


def test_nested_folders_in_natural_order_and_only_txt(tmp_path: Path) -> None:
    root = tmp_path / "paper"
    write(root / "b" / "page_10.txt")
    write(root / "b" / "page_2.txt")
    write(root / "a" / "deeper" / "x.TXT")
    write(root / "a" / "notes.md")
    write(root / ".hidden" / "secret.txt")
    write(root / "top.txt")
    archive = Archive([root], use_cache=False)
    assert rels(archive) == ["a/deeper/x.TXT", "b/page_2.txt", "b/page_10.txt", "top.txt"]
    assert archive.errors == []
    first = archive.find("b/page_2.txt")
    assert first is not None and first.path == root / "b" / "page_2.txt"
    assert first.path.is_absolute()


def test_a_file_path_is_a_page_whatever_its_suffix(tmp_path: Path) -> None:
    page = write(tmp_path / "dump.text")
    archive = Archive([page], use_cache=False)
    assert rels(archive) == ["dump.text"]


def test_the_same_page_given_twice_is_listed_once(tmp_path: Path) -> None:
    page = write(tmp_path / "p" / "01.txt")
    archive = Archive([tmp_path / "p", page, tmp_path / "p"], use_cache=False)
    assert rels(archive) == ["01.txt"]
    assert archive.errors == []


def test_missing_path_is_one_line_and_the_rest_still_opens(tmp_path: Path) -> None:
    write(tmp_path / "ok" / "01.txt")
    archive = Archive([tmp_path / "nowhere", tmp_path / "ok"], use_cache=False)
    assert rels(archive) == ["01.txt"]
    assert archive.errors == [f"{tmp_path / 'nowhere'}: no such file or folder"]


def test_empty_folder_gives_no_pages_and_a_message(tmp_path: Path) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    write(tmp_path / "empty" / "readme.md")
    archive = Archive([tmp_path / "empty"], use_cache=False)
    assert rels(archive) == []
    assert archive.issues == []
    assert len(archive.errors) == 1
    assert "no pages" in archive.errors[0] and str(tmp_path / "empty") in archive.errors[0]


def test_broken_symlink_is_reported_and_siblings_open(tmp_path: Path) -> None:
    write(tmp_path / "p" / "01.txt")
    (tmp_path / "p" / "02.txt").symlink_to(tmp_path / "gone.txt")
    archive = Archive([tmp_path / "p"], use_cache=False)
    assert rels(archive) == ["01.txt"]
    assert len(archive.errors) == 1
    assert "02.txt: broken link" in archive.errors[0]


def test_broken_symlink_given_as_path(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    archive = Archive([link], use_cache=False)
    assert rels(archive) == []
    assert archive.errors == [
        f"{link}: broken link (it points to {tmp_path / 'gone.txt'}, which does not exist)"
    ]


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "p" / "01.txt")
    loop = tmp_path / "p" / "loop.txt"
    loop.symlink_to(loop)  # stat fails with ELOOP, for root as for anyone
    archive = Archive([tmp_path / "p"], use_cache=False)
    assert rels(archive) == ["01.txt"]
    assert archive.errors == [f"{loop}: symbolic link loop"]


def test_folder_link_back_to_an_ancestor_is_not_followed_forever(tmp_path: Path) -> None:
    write(tmp_path / "p" / "a" / "01.txt")
    (tmp_path / "p" / "a" / "up").symlink_to(tmp_path / "p", target_is_directory=True)
    archive = Archive([tmp_path / "p"], use_cache=False)
    assert rels(archive) == ["a/01.txt"]
    assert len(archive.errors) == 1 and "leads back" in archive.errors[0]


def test_path_through_a_file_fails_cleanly(tmp_path: Path) -> None:
    page = write(tmp_path / "01.txt")
    archive = Archive([page / "inside", tmp_path], use_cache=False)
    assert rels(archive) == ["01.txt"]
    assert archive.errors == [f"{page / 'inside'}: not found (a part of this path is a file, not a folder)"]


def test_permission_denied_folder_is_one_line(shared_folder: Path) -> None:
    """Real permissions: a mode-000 folder, walked by an ordinary user (root drops its euid)."""
    write(shared_folder / "p" / "locked" / "01.txt")
    write(shared_folder / "p" / "open" / "02.txt")
    locked = shared_folder / "p" / "locked"
    locked.chmod(0o000)
    try:
        with as_ordinary_user():
            archive = Archive([shared_folder / "p"], use_cache=False)
            assert rels(archive) == ["open/02.txt"]
    finally:
        locked.chmod(0o755)
    assert archive.errors == [f"{locked}: permission denied"]


def test_unreadable_root_is_one_line(shared_folder: Path) -> None:
    """A path below a folder this user may not enter cannot even be looked at."""
    outer = shared_folder / "outer"
    (outer / "secret").mkdir(parents=True)
    outer.chmod(0o000)
    try:
        with as_ordinary_user():
            archive = Archive([outer / "secret"], use_cache=False)
            assert rels(archive) == []
    finally:
        outer.chmod(0o755)
    assert archive.errors == [f"{outer / 'secret'}: permission denied"]


def test_reader_on_a_folder_it_may_not_list_says_permission_denied(shared_folder: Path) -> None:
    from reader.ui.launch import check_paths

    locked = shared_folder / "locked"
    write(locked / "01.txt")
    locked.chmod(0o000)
    try:
        with as_ordinary_user():
            usable, problems = check_paths([locked])
    finally:
        locked.chmod(0o755)
    assert usable == []
    assert problems == [f"{locked}: permission denied"]


def test_folder_that_disappears_while_listed(tmp_path: Path) -> None:
    write(tmp_path / "p" / "a" / "01.txt")
    write(tmp_path / "p" / "b" / "02.txt")
    write(tmp_path / "p" / "c" / "03.txt")
    archive = Archive([tmp_path / "p"], use_cache=False)
    found = []
    for ref in archive.scan():
        found.append(ref.rel)
        if ref.rel == "a/01.txt":  # p was listed; b is about to be
            shutil.rmtree(tmp_path / "p" / "b")
    assert found == ["a/01.txt", "c/03.txt"]
    assert archive.errors == [f"{tmp_path / 'p' / 'b'}: folder disappeared while it was being read"]


def test_scan_is_lazy_first_issue_before_later_folders_are_listed(tmp_path: Path) -> None:
    write(tmp_path / "p" / "2021-07-29" / "01.txt")
    (tmp_path / "p" / "2021-07-30").mkdir()
    archive = Archive([tmp_path / "p"], use_cache=False)
    scan = archive.scan()
    first = next(scan)
    assert first.rel == "2021-07-29/01.txt"
    assert [issue.label for issue in archive.issues] == ["2021-07-29"]
    # a page written now, into a folder not yet listed, is still found: nothing was listed ahead
    write(tmp_path / "p" / "2021-07-30" / "01.txt")
    assert [ref.rel for ref in scan] == ["2021-07-30/01.txt"]
    assert [issue.label for issue in archive.issues] == ["2021-07-29", "2021-07-30"]


def test_cancel_stops_the_scan(tmp_path: Path) -> None:
    for day in range(1, 6):
        write(tmp_path / "p" / f"2021-07-0{day}" / "01.txt")
    cancel = threading.Event()
    archive = Archive([tmp_path / "p"], use_cache=False)
    found = []
    for ref in archive.scan(cancel):
        found.append(ref)
        cancel.set()
    assert len(found) == 1
    assert len(archive.issues) == 1
    assert archive.errors == []  # a cancelled walk is not an empty folder


def test_rescan_starts_afresh(tmp_path: Path) -> None:
    write(tmp_path / "p" / "01.txt")
    archive = Archive([tmp_path / "p", tmp_path / "missing"], use_cache=False)
    archive.scan_all()
    write(tmp_path / "p" / "02.txt")
    assert [ref.rel for ref in archive.scan_all()] == ["01.txt", "02.txt"]
    assert len(archive.issues) == 1 and len(archive.issues[0].pages) == 2
    assert len(archive.errors) == 1
