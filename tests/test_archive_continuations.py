"""Stories continued on another page of the issue (`（下转3版）` / `（上接1版）`) are linked (issue 15)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from reader.archive import Archive
from reader.archive.continuations import link_continuations, page_number
from reader.page import Page, parse_text
from tests.pagegen import wrap

DEV = Path(__file__).resolve().parent / "fixtures" / "dev"
A1 = "今年以来，我县坚持把农村公路建设作为民生实事来抓，累计完成投资三点二亿元，新改建道路一百二十公里。"
A2 = "县交通运输局负责人介绍，下一步将继续推进四好农村路建设，完善养护机制，让乡村道路既建得好也管得好。"
B1 = "本周末全市气温明显回升，最高气温可达二十八摄氏度，市气象台提醒市民注意防范午后雷阵雨，外出携带雨具。"


def _page(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def test_page_numbers_as_pages_print_them() -> None:
    assert [page_number(n) for n in ("3", "03", "３", "A3", "十二", "三")] == ["3", "3", "3", "A3", "12", "3"]


def test_a_marked_continuation_is_linked_to_its_rest() -> None:
    front = parse_text(_page("农村公路建设提速", *wrap(A1, 14), "（下转3版）", "气温回升", *wrap(B1, 14)))
    back = parse_text(_page("（上接1版）", *wrap(A2, 14), "", "农村公路建设提速"))
    [link] = link_continuations([("1", front), ("3", back)])
    assert (link.source, link.target) == (0, 1)
    assert front.article(link.source_id).headline == ("农村公路建设提速",)
    assert back.article(link.target_id).text.startswith("县交通运输局")


def test_a_marker_to_a_page_the_issue_lacks_links_nothing() -> None:
    front = parse_text(_page("农村公路建设提速", *wrap(A1, 14), "（下转5版）"))
    back = parse_text(_page("（上接1版）", *wrap(A2, 14)))
    assert link_continuations([("1", front), ("3", back)]) == []


def _body(article: dict) -> str:
    return "".join(re.sub(r"\s+", "", b["text"]) for b in article["blocks"] if b["kind"] != "continuation")


def _ours(page: Page, want: dict) -> str:
    """The id of our article that shares most of its body with a gold article."""
    text = Counter(_body(want))
    return max(page.articles, key=lambda a: sum((Counter(_body(a.to_json())) & text).values())).id


def test_every_continued_story_of_the_dev_corpus_is_joined() -> None:
    archive = Archive([DEV / "pages"], use_cache=False)
    archive.scan_all()
    golds = {}
    for path in (DEV / "gold").glob("*.gold.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        golds[gold["file"]] = gold
    wanted = joined = 0
    for issue in archive.issues:
        pages = [(ref.page_no, archive.load(ref)) for ref in issue.pages]
        links = {(x.source, x.source_id, x.target, x.target_id) for x in link_continuations(pages)}
        files = [ref.rel for ref in issue.pages]
        for index, name in enumerate(files):
            for gold in golds[name]["articles"]:
                for block in gold["blocks"]:
                    if block["kind"] != "continuation" or "下转" not in block["text"]:
                        continue
                    target = next(
                        i
                        for i, (number, _) in enumerate(pages)
                        if number == page_number(re.search(r"(\d+)", block["text"]).group(1))
                    )
                    rest = next(
                        a
                        for a in golds[files[target]]["articles"]
                        if any("上接" in b["text"] for b in a["blocks"] if b["kind"] == "continuation")
                    )

                    wanted += 1
                    mine = (index, _ours(pages[index][1], gold), target, _ours(pages[target][1], rest))
                    joined += mine in links
    assert wanted == 5 and joined == 5


def test_reader_parse_json_names_the_other_part(tmp_path: Path) -> None:
    first = tmp_path / "p1.txt"
    third = tmp_path / "p3.txt"
    first.write_text(
        _page("江南日报", "第1版", "农村公路建设提速", *wrap(A1, 14), "（下转3版）"), encoding="utf-8"
    )
    third.write_text(_page("江南日报", "第3版", "（上接1版）", *wrap(A2, 14)), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "reader", "parse", "--json", str(first), str(third)],
        capture_output=True,
        text=True,
        check=True,
    )
    one, three = (json.loads(line) for line in run.stdout.splitlines())
    assert one["articles"][0]["continues"]["page"] == "3"
    assert one["articles"][0]["continues"]["id"] == three["articles"][0]["id"]
    assert three["articles"][0]["continued_from"] == {
        "page": "1",
        "id": one["articles"][0]["id"],
        "source": str(first),
    }
