"""Pages into issues: by folder, or by the date their names carry; page numbers from names."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive, default_archive_paths
from reader.archive.naming import date_in_name, natural_key, page_no_in_name
from reader.resources import seeds_dir


def touch(root: Path, *rels: str) -> None:
    for rel in rels:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("本报讯 测试。\n", encoding="utf-8")


def issues(archive: Archive) -> list[tuple[str, str, list[str]]]:
    archive.scan_all()
    return [(i.label, i.date, [p.rel for p in i.pages]) for i in archive.issues]


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("2021-07-29", "2021-07-29"),
        ("2021_7_9_02", "2021-07-09"),
        ("2021.07.29", "2021-07-29"),
        ("20210729", "2021-07-29"),
        ("ykrb20210729_02", "2021-07-29"),
        ("2021年7月29日", "2021-07-29"),
        ("2021年7月29日第2版", "2021-07-29"),
        ("2021-13-45", ""),  # not a date: a serial number
        ("202107291", ""),  # nine digits: an id, not a date
        ("000_2b7640bcd280a270", ""),
        ("seeds", ""),
    ],
)
def test_date_in_name(name: str, date: str) -> None:
    assert date_in_name(name) == date


@pytest.mark.parametrize(
    ("file_name", "page_no"),
    [
        ("2021-07-29_02.txt", "2"),
        ("20210729-A3.txt", "A3"),
        ("ykrb_b12.txt", "B12"),
        ("第2版.txt", "2"),
        ("2021年7月29日第02版.txt", "2"),
        ("A03版.txt", "A3"),
        ("02.txt", "2"),
        ("page10.txt", "10"),
        ("2021-07-29.txt", ""),  # the day is not a page number
        ("20210729.txt", ""),
        ("000_2b7640bcd280a270.txt", ""),
        ("notes.txt", ""),
    ],
)
def test_page_no_in_name(file_name: str, page_no: str) -> None:
    assert page_no_in_name(file_name) == page_no


def test_natural_key_orders_numbers_by_value() -> None:
    names = ["p10.txt", "p2.txt", "P1.txt", "p02b.txt"]
    assert sorted(names, key=natural_key) == ["P1.txt", "p2.txt", "p02b.txt", "p10.txt"]


def test_undated_folders_are_issues_labelled_by_folder(tmp_path: Path) -> None:
    touch(tmp_path / "arc", "first/page_10.txt", "first/page_2.txt", "second/x.txt", "loose.txt")
    archive = Archive([tmp_path / "arc"], use_cache=False)
    assert issues(archive) == [
        ("first", "", ["first/page_2.txt", "first/page_10.txt"]),
        ("arc", "", ["loose.txt"]),
        ("second", "", ["second/x.txt"]),
    ]
    first = archive.find("first/page_10.txt")
    assert first is not None and first.page_no == "10" and first.date == ""
    issue = archive.issue(first.issue_key)
    assert issue is not None and issue.label == "first"


def test_dates_in_file_names_split_one_folder_into_issues(tmp_path: Path) -> None:
    touch(
        tmp_path / "arc",
        "2021/20210729_02.txt",
        "2021/20210729_01.txt",
        "2021/20210730_01.txt",
        "2021/2021年7月30日第3版.txt",
    )
    archive = Archive([tmp_path / "arc"], use_cache=False)
    assert issues(archive) == [
        ("2021-07-29", "2021-07-29", ["2021/20210729_01.txt", "2021/20210729_02.txt"]),
        ("2021-07-30", "2021-07-30", ["2021/20210730_01.txt", "2021/2021年7月30日第3版.txt"]),
    ]
    ref = archive.find("2021/2021年7月30日第3版.txt")
    assert ref is not None and (ref.date, ref.page_no) == ("2021-07-30", "3")


def test_a_dated_folder_with_section_subfolders_is_one_issue(tmp_path: Path) -> None:
    touch(tmp_path / "arc", "2021-07-29/B/B01.txt", "2021-07-29/A/A02.txt", "2021-07-29/A/A01.txt")
    archive = Archive([tmp_path / "arc"], use_cache=False)
    assert issues(archive) == [
        ("2021-07-29", "2021-07-29", ["2021-07-29/A/A01.txt", "2021-07-29/A/A02.txt", "2021-07-29/B/B01.txt"])
    ]


def test_year_month_day_folders(tmp_path: Path) -> None:
    touch(tmp_path / "arc", "2021/07/29/01.txt", "2021/07/29/02.txt", "2021/07/30/01.txt")
    archive = Archive([tmp_path / "arc"], use_cache=False)
    labels = [(label, pages) for label, _, pages in issues(archive)]
    assert labels == [
        ("2021-07-29", ["2021/07/29/01.txt", "2021/07/29/02.txt"]),
        ("2021-07-30", ["2021/07/30/01.txt"]),
    ]


def test_a_dated_root_folder_dates_its_pages(tmp_path: Path) -> None:
    touch(tmp_path, "2021-07-29/01.txt", "2021-07-29/02.txt")
    archive = Archive([tmp_path / "2021-07-29"], use_cache=False)
    assert issues(archive) == [("2021-07-29", "2021-07-29", ["01.txt", "02.txt"])]


def test_two_papers_on_one_date_stay_two_issues(tmp_path: Path) -> None:
    touch(tmp_path / "arc", "paperA/2021-07-29/01.txt", "paperB/2021-07-29/01.txt")
    archive = Archive([tmp_path / "arc"], use_cache=False)
    assert [(label, pages) for label, _, pages in issues(archive)] == [
        ("2021-07-29 paperA", ["paperA/2021-07-29/01.txt"]),
        ("2021-07-29 paperB", ["paperB/2021-07-29/01.txt"]),
    ]
    keys = [issue.key for issue in archive.issues]
    assert len(set(keys)) == 2


def test_issue_keys_stay_unique_across_roots_with_one_name(tmp_path: Path) -> None:
    touch(tmp_path / "one" / "seeds", "a.txt")
    touch(tmp_path / "two" / "seeds", "b.txt")
    archive = Archive([tmp_path / "one" / "seeds", tmp_path / "two" / "seeds"], use_cache=False)
    archive.scan_all()
    assert [len(issue.pages) for issue in archive.issues] == [1, 1]
    assert archive.issues[0].key != archive.issues[1].key
    for issue in archive.issues:
        assert all(ref.issue_key == issue.key for ref in issue.pages)


def test_issue_keys_do_not_depend_on_where_the_archive_lives(tmp_path: Path) -> None:
    touch(tmp_path / "here" / "arc", "2021-07-29/01.txt", "misc/x.txt")
    touch(tmp_path / "there" / "arc", "2021-07-29/01.txt", "misc/x.txt")
    here = Archive([tmp_path / "here" / "arc"], use_cache=False)
    there = Archive([tmp_path / "there" / "arc"], use_cache=False)
    assert [r.issue_key for r in here.scan_all()] == [r.issue_key for r in there.scan_all()]


def test_default_archive_is_the_seed_pages() -> None:
    assert default_archive_paths() == [seeds_dir()]
    archive = Archive(default_archive_paths(), use_cache=False)
    refs = archive.scan_all()
    assert [ref.rel for ref in refs] == ["000_2b7640bcd280a270.txt", "002_3e78d953360ccaa3.txt"]
    assert [issue.label for issue in archive.issues] == ["seeds"]
    assert archive.errors == []
