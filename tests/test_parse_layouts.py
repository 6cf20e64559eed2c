"""The page-level rules that let the parser read papers it has never seen (issue 11).

Each test writes a small page the way pdftotext prints one (column lines, lost indents, the
headline after the body, the furniture band, form feeds) and checks the articles that come out.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.page import parse_text, read_pages
from reader.page.credits import closing_credit, dateline_credit, split_glued_names
from tests.pagegen import wrap

A1 = "今年以来，我县坚持把农村公路建设作为民生实事来抓，累计完成投资三点二亿元，新改建道路一百二十公里，群众出行更加便捷。"
A2 = "县交通运输局负责人介绍，下一步将继续推进四好农村路建设，完善养护机制，让乡村道路既建得好也管得好。"
B1 = "本周末全市气温明显回升，最高气温可达二十八摄氏度，市气象台提醒市民注意防范午后雷阵雨，外出携带雨具。"
B2 = "气象专家表示，受暖湿气流影响，下周前期仍以多云天气为主，周三前后有一次较明显的降水过程，请关注预报。"


def column(*paragraphs: str, width: int = 14, double: bool = False) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        for line in wrap(paragraph, width):
            out += [line, ""] if double else [line]
    return out


def page(*parts: str | list[str]) -> str:
    lines: list[str] = []
    for part in parts:
        lines += part if isinstance(part, list) else [part]
    return "\n".join(lines) + "\n"


def bodies(text: str) -> list[str]:
    return ["".join(b.text for b in a.blocks if b.kind == "paragraph") for a in parse_text(text).articles]


BAND = ["江南日报", "", "2023年6月27日", "", "星期二", "", "第2版", "", "文化", "责任编辑：孟岚", ""]


def test_the_furniture_band_is_leftover_and_tells_the_page() -> None:
    parsed = parse_text(page(BAND, "农村公路建设提速", column(A1, A2)))
    [article] = parsed.articles
    assert article.headline == ("农村公路建设提速",)
    assert {x.text for x in parsed.leftover} >= {"江南日报", "星期二", "第2版", "文化", "责任编辑：孟岚"}
    info = parsed.info
    assert (info.date, info.page_no, info.section, info.paper) == ("2023-06-27", "2", "文化", "江南日报")


def test_a_short_headline_right_under_the_band_is_no_section_word() -> None:
    parsed = parse_text(page(BAND[:7], "吃派饭", column(A1)))
    assert [a.headline for a in parsed.articles] == [("吃派饭",)]


def test_a_form_feed_ends_a_page(tmp_path: Path) -> None:
    issue = tmp_path / "issue.txt"
    first = page("江南日报", "第1版", "农村公路建设提速", column(A1, A2))
    second = page("江南日报", "第2版", "气温回升", column(B1, B2))
    issue.write_text(first + "\f" + second + "\f", encoding="utf-8")
    pages = read_pages(issue)
    assert [p.part for p in pages] == [1, 2]
    assert [p.info.page_no for p in pages] == ["1", "2"]
    assert [a.headline for p in pages for a in p.articles] == [("农村公路建设提速",), ("气温回升",)]
    # line numbers stay the file's: page 2 starts on the line holding the form feed
    assert pages[1].leftover[0].lines[0] == first.count("\n")
    assert not any("␌" in a.title or "␌" in a.text for p in pages for a in p.articles)


def test_one_page_with_its_trailing_form_feed_is_one_page(tmp_path: Path) -> None:
    single = tmp_path / "page.txt"
    single.write_text(page("农村公路建设提速", column(A1)) + "\f", encoding="utf-8")
    [parsed] = read_pages(single)
    assert parsed.part == 0 and len(parsed.articles) == 1 and not parsed.leftover


def test_reader_parse_writes_one_json_a_form_feed_page(tmp_path: Path) -> None:
    issue = tmp_path / "issue.txt"
    issue.write_text(page("甲标题", column(A1)) + "\f" + page("乙标题", column(B1)) + "\f", encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "reader", "parse", "--json", "--out", str(out), str(issue)], check=True
    )
    assert sorted(p.name for p in out.iterdir()) == ["issue-1.json", "issue-2.json"]
    second = json.loads((out / "issue-2.json").read_text(encoding="utf-8"))
    assert second["part"] == 2 and second["articles"][0]["headline"] == ["乙标题"]


def test_datelines_in_their_many_forms_credit_their_people() -> None:
    assert dateline_credit("据新华社瓦莱塔1月13日电（记者袁锦林）马耳他总理") == (
        "据新华社瓦莱塔1月13日电（记者袁锦林）",
        ("袁锦林",),
    )
    assert dateline_credit("本报约翰内斯堡 12 月 30 日电记者温宪、新华社记者刘也刚、赵毅报道：中国")[1] == (
        "温宪",
        "刘也刚",
        "赵毅",
    )
    assert dateline_credit("新华社北京一月二十三日电国务院副总理") == ("新华社北京一月二十三日电", ())
    assert dateline_credit("本报讯（记者 戈伟 实习生 刘晓雪）7月28日")[1] == ("戈伟", "刘晓雪")
    # a bracket of names with no role word names nobody for sure (sources, editors)
    assert dateline_credit("据新华社上海1月8日电（汪洪洋、林志平）上海税务")[1] == ()
    assert dateline_credit("今年以来，我县坚持") is None


def test_a_dateline_broken_over_two_lines_opens_a_new_story() -> None:
    rest = "日电（记者王小明）" + B1
    text = page(
        "农村公路建设提速",
        column(A1),
        "气温回升",
        "据新华社杭州1月13",
        [rest[i : i + 14] for i in range(0, len(rest), 14)],
        column(B2),
    )
    parsed = parse_text(text)
    assert [a.headline for a in parsed.articles] == [("农村公路建设提速",), ("气温回升",)]
    assert parsed.articles[1].authors == ("王小明",)


def test_a_line_of_bare_names_under_a_headline_is_the_byline() -> None:
    parsed = parse_text(page("农村公路建设提速", "晏强国", column(A1, A2)))
    [article] = parsed.articles
    assert article.headline == ("农村公路建设提速",)
    assert article.authors == ("晏强国",)
    several = parse_text(page("农村公路建设提速", "陈杰 张宝丰 雷世林", column(A1)))
    assert several.articles[0].authors == ("陈杰", "张宝丰", "雷世林")


def test_a_byline_after_the_body_closes_the_story() -> None:
    parsed = parse_text(page("农村公路建设提速", column(A1, A2), "作者：柳扬", "", "江南市交通局 宣"))
    assert parsed.articles[0].authors == ("柳扬",)
    assert parsed.articles[1].kind == "notice"


def test_closing_credits() -> None:
    assert closing_credit("全面发展。（陈国琦朱丽琴）") == ("陈国琦", "朱丽琴")
    assert closing_credit("生意兴隆。（本报堪培拉1月20日电）") == ()
    assert closing_credit("生意兴隆（据介绍）") is None
    assert split_glued_names("陈国琦朱丽琴") == ("陈国琦", "朱丽琴")
    parsed = parse_text(page("农村公路建设提速", column(A1, A2 + "（陈国琦朱丽琴）")))
    assert parsed.articles[0].authors == ("陈国琦", "朱丽琴")


def test_a_bracketed_photo_credit_makes_a_photo() -> None:
    caption = "1月14日，连降一天一夜瑞雪的京城银装素裹，空气清新湿润，市民纷纷走上街头赏雪。"
    parsed = parse_text(page("农村公路建设提速", column(A1), column(caption), "（新华社记者张旭摄）"))
    photo = parsed.articles[-1]
    assert photo.kind == "photo" and photo.authors == ("张旭",)


def test_two_stories_run_together_are_split_by_their_headlines() -> None:
    # the second story's headline stands after both bodies, as drawing order prints it
    text = page("农村公路建设提速", column(A1, A2), column(B1, B2), "", "全市气温明显回升")
    parsed = parse_text(text)
    assert [a.headline for a in parsed.articles] == [("农村公路建设提速",), ("全市气温明显回升",)]
    assert bodies(text) == [A1 + A2, B1 + B2]


def test_a_caption_set_across_columns_does_not_swallow_the_headline_above() -> None:
    wide = "1月1日，中华人民共和国驻南非共和国大使馆在南非行政首都比勒陀利亚开"
    text = page(
        column(A1, A2), "", "中国杂技：墙里开花墙外香", "", wide, "馆。这是在开馆仪式上。 新华社记者李学仁摄"
    )
    parsed = parse_text(text)
    photo = parsed.articles[-1]
    assert photo.kind == "photo" and photo.headline == ()
    assert parsed.articles[0].headline == ("中国杂技：墙里开花墙外香",)


def test_a_band_printed_as_one_line_is_furniture() -> None:
    parsed = parse_text(
        page(
            "江南日报 2023年6月27日 星期二 第1版 要闻",
            "责任编辑：窦萌 版式：俞苒",
            "农村公路建设提速",
            column(A1),
        )
    )
    assert [a.headline for a in parsed.articles] == [("农村公路建设提速",)]
    assert (parsed.info.date, parsed.info.page_no, parsed.info.section, parsed.info.paper) == (
        "2023-06-27",
        "1",
        "要闻",
        "江南日报",
    )


def test_a_headline_wrapped_by_a_narrow_column_is_one_title() -> None:
    parsed = parse_text(page("农村公路", "建设提速", column(A1, A2)))
    assert parsed.articles[0].headline == ("农村公路", "建设提速")
    assert parsed.articles[0].title == "农村公路建设提速"


def test_furniture_in_other_papers_words() -> None:
    parsed = parse_text(
        page("滨海时报", "2022.06.07 星期二", "A03 要闻", "审校：王平", "", "农村公路建设提速", column(A1))
    )
    assert [a.headline for a in parsed.articles] == [("农村公路建设提速",)]
    assert parsed.info.date == "2022-06-07" and parsed.info.page_no == "A03"


def test_two_headline_groups_around_a_photo_lose_no_line() -> None:
    # story A, its headline after it, a photo with its credit, a teaser, story B with its byline:
    # both groups may give lines to story A; the second must not overwrite the first
    caption = "1月14日，连降一天一夜瑞雪的京城银装素裹，空气清新湿润，游人驻足观赏。"
    text = page(
        column(A1, A2),
        "",
        "农村公路",
        "建设提速",
        "",
        column(caption),
        "（新华社记者张旭摄）",
        "",
        "寒风凛冽",
        "吸烟客",
        "",
        "本报记者 贾建舟 刘磊",
        column(B1, B2),
    )
    parsed = parse_text(text)
    kept = "".join(
        "".join(a.headline) + a.byline + "".join(b.text for b in a.blocks) for a in parsed.articles
    ) + "".join(x.text for x in parsed.leftover)
    for line in ("农村公路", "建设提速", "寒风凛冽", "吸烟客"):
        assert line in kept
    assert parsed.articles[0].headline == ("农村公路", "建设提速")
    assert any(a.kind == "photo" for a in parsed.articles)
