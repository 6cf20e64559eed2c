"""A file holding a whole issue (`pdftotext issue.pdf`, one page a form feed) opens as an issue
of that many pages in the archive, each page parsed and cached on its own."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive


def _page(paper: str, number: int, headline: str, body: str) -> str:
    return f"{paper}\n\n第{number}版\n\n{headline}\n" + "\n".join(
        body[i : i + 15] for i in range(0, len(body), 15)
    )


BODY = "今年以来，我县坚持把农村公路建设作为民生实事来抓，累计完成投资三点二亿元，新改建道路一百二十公里，群众出行更加便捷。"


def _issue_file(folder: Path) -> Path:
    text = "\f".join(_page("江南日报", n, f"第{n}版的标题", BODY) for n in (1, 2, 3)) + "\f"
    path = folder / "2023-06-27.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_issue_file_is_an_issue_of_its_pages(tmp_path: Path) -> None:
    _issue_file(tmp_path)
    (tmp_path / "single.txt").write_text(_page("东城晚报", 1, "单页标题", BODY) + "\f", encoding="utf-8")
    archive = Archive([tmp_path], cache_dir=tmp_path / ".cache")
    refs = archive.scan_all()
    issue = next(i for i in archive.issues if i.date == "2023-06-27")
    assert [ref.part for ref in issue.pages] == [1, 2, 3]
    assert [ref.rel for ref in issue.pages] == ["2023-06-27.txt#1", "2023-06-27.txt#2", "2023-06-27.txt#3"]
    pages = [archive.load(ref) for ref in issue.pages]
    assert [p.info.page_no for p in pages] == ["1", "2", "3"]
    assert [p.articles[0].headline for p in pages] == [("第1版的标题",), ("第2版的标题",), ("第3版的标题",)]
    single = next(ref for ref in refs if ref.rel == "single.txt")
    assert single.part == 0 and archive.load(single).articles[0].headline == ("单页标题",)


def test_each_part_has_its_own_cache_entry(tmp_path: Path) -> None:
    _issue_file(tmp_path)
    first = Archive([tmp_path], cache_dir=tmp_path / ".cache")
    for ref in first.scan_all():
        first.load(ref)
    assert first.cache.parses == 3
    again = Archive([tmp_path], cache_dir=tmp_path / ".cache")
    loaded = [again.load(ref) for ref in again.scan_all()]
    assert again.cache.parses == 0 and again.cache.hits == 3
    assert [p.part for p in loaded] == [1, 2, 3]


def test_a_part_the_file_lost_since_the_scan_is_an_empty_page(tmp_path: Path) -> None:
    path = _issue_file(tmp_path)
    archive = Archive([tmp_path], use_cache=False)
    refs = archive.scan_all()
    path.write_text(_page("江南日报", 1, "只剩一版", BODY), encoding="utf-8")
    page = archive.load(refs[2])
    assert page.status == "empty" and not page.articles


DEV_PAGES = Path(__file__).resolve().parent / "fixtures" / "dev" / "pages"


def test_pages_with_undated_names_are_grouped_by_their_printed_paper_and_date() -> None:
    archive = Archive([DEV_PAGES], use_cache=False)
    archive.scan_all()
    found = {issue.label: [ref.page_no for ref in issue.pages] for issue in archive.issues}
    assert found == {
        "2023-06-27 江南日报": ["1", "2", "3"],
        "2023-10-17 东城晚报": ["1", "2", "3"],
        "2023-03-28 青溪日报": ["1", "2", "3", "4"],
        "2022-06-07 滨海时报": ["1", "2", "3", "4", "5"],
        "2023-08-01 南屏日报": ["1", "2", "3", "4", "5"],
    }
    assert all(issue.date for issue in archive.issues)


def test_a_date_in_the_names_still_decides_the_issue(tmp_path: Path) -> None:
    folder = tmp_path / "2021-07-29"
    folder.mkdir()
    # the furniture prints another date: the folder's name wins, as before
    (folder / "01.txt").write_text(
        _page("江南日报", 1, "标题", BODY).replace("第1版", "2023年6月27日\n\n第1版"), encoding="utf-8"
    )
    archive = Archive([tmp_path], use_cache=False)
    [ref] = archive.scan_all()
    assert ref.date == "2021-07-29"


def test_reader_parse_of_a_folder_reads_an_issue_file_once(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    _issue_file(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "reader", "parse", "--json", str(tmp_path)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    parts = [json.loads(line)["part"] for line in run.stdout.splitlines()]
    assert parts == [1, 2, 3]
