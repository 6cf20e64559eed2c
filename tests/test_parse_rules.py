"""Each parsing rule on a small page written for it (not the seeds)."""

from __future__ import annotations

import json
import random
import re

import pytest

from reader.page import parse_page, parse_text
from tests.conftest import GOLD
from tests.pagegen import Story, typeset, wrap

WS = re.compile(r"\s+")

P1 = "今年以来，我县坚持把农村公路建设作为民生实事来抓，累计完成投资三点二亿元，新改建道路一百二十公里，群众出行更加便捷。"
P2 = "县交通运输局负责人介绍，下一步将继续推进四好农村路建设，完善养护机制，让乡村道路既建得好也管得好。"
P3 = "本周末全市气温明显回升，最高气温可达二十八摄氏度，市气象台提醒市民注意防范午后雷阵雨，外出携带雨具。"
P4 = "气象专家表示，受暖湿气流影响，下周前期仍以多云天气为主，周三前后有一次较明显的降水过程，请关注预报。"


def lines_of(paragraphs: list[str], width: int = 16, double: bool = False) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        for line in wrap(paragraph, width):
            out.append(line)
            if double:
                out.append("")
    return out


def page(*parts: str | list[str]) -> str:
    lines: list[str] = []
    for part in parts:
        lines.extend(part if isinstance(part, list) else [part])
    return "\n".join(lines) + "\n"


def paragraphs(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in article.blocks if b.kind == "paragraph"]


def test_headline_before_the_body() -> None:
    result = parse_text(page("农村公路建设提速", "□记者 王小明", lines_of([P1, P2])))
    [article] = result.articles
    assert article.headline == ("农村公路建设提速",)
    assert article.byline == "□记者 王小明" and article.authors == ("王小明",)
    assert paragraphs(article) == [P1, P2]


def test_headline_after_the_body() -> None:
    result = parse_text(page("□记者 王小明", lines_of([P1, P2]), "", "农村公路建设提速"))
    [article] = result.articles
    assert article.headline == ("农村公路建设提速",)
    assert paragraphs(article) == [P1, P2]


def test_double_spacing_and_blank_lines_inside_a_paragraph_are_noise() -> None:
    text = lines_of([P1, P2], double=True)
    text.insert(3, "")  # a column break: one more blank inside the first paragraph
    [article] = parse_text(page("□记者 王小明", "", text, "", "农村公路建设提速")).articles
    assert paragraphs(article) == [P1, P2]


def test_letter_spaced_lines_are_despaced_but_latin_words_keep_their_space() -> None:
    body = lines_of([P1, P2])
    body[1] = " ".join(body[1])  # a justified line: every character apart
    body.insert(2, "据 Reuters 报道 GDP 增长")
    result = parse_text(page("□记者 王小明", body, "", "标题"))
    text = paragraphs(result.articles[0])[0]
    assert " " not in text.replace("Reuters 报道", "")
    assert "据Reuters报道GDP增长" in text.replace(" ", "") and "Reuters" in text


def test_two_headline_blocks_between_two_bodies_are_split_by_shared_words() -> None:
    story_a = Story(["农村公路建设提速", "累计新改建道路一百二十公里"], [P1, P2], "□记者 王小明")
    story_b = Story(["本周末气温明显回升", "下周三前后有降水过程"], [P3, P4], "□记者 李红")
    text = page(
        "□记者 王小明", lines_of([P1, P2]), "",
        story_a.headline[0], story_a.headline[1], story_b.headline[0], story_b.headline[1],
        "□记者 李红", lines_of([P3, P4]),
    )  # fmt: skip
    first, second = parse_text(text).articles
    assert first.headline == tuple(story_a.headline)
    assert second.headline == tuple(story_b.headline)
    assert paragraphs(second) == [P3, P4]


def test_a_teaser_headline_no_body_can_take_is_a_brief() -> None:
    text = page("□记者 王小明", lines_of([P1]), "（下转2版）", " 全县新增", "公交线路八条")
    article, brief = parse_text(text).articles
    assert [b.kind for b in article.blocks] == ["paragraph", "continuation"]
    assert brief.kind == "brief" and brief.headline == ("全县新增", "公交线路八条") and not brief.blocks


def test_subhead_stays_inside_its_article() -> None:
    text = page("□记者 王小明", lines_of([P1]), "建好路", "管好路", lines_of([P2]), "", "农村公路建设提速")
    [article] = parse_text(text).articles
    assert [b.kind for b in article.blocks] == ["paragraph", "subhead", "paragraph"]
    assert article.blocks[1].text == "建好路 管好路"


def test_photo_caption_with_credit() -> None:
    caption = wrap("图为游客在公园里观赏盛开的樱花。", 10)
    result = parse_text(
        page(caption[:-1], caption[-1] + "本报记者 张伟 摄", " 本报讯（记者 王小明）", lines_of([P1]))
    )
    photo, article = result.articles
    assert photo.kind == "photo" and photo.byline == "本报记者 张伟 摄" and photo.authors == ("张伟",)
    assert paragraphs(photo) == ["图为游客在公园里观赏盛开的樱花。"]
    assert article.byline == "本报讯（记者 王小明）" and paragraphs(article) == [P1]


def test_notice_and_page_furniture() -> None:
    text = page(
        "第2版 要闻",
        "2023年4月22日 星期六",
        " 县市场监督管理局 宣",
        "□记者 王小明",
        lines_of([P1]),
        "",
        "标题",
        "责任编辑 陈静",
    )
    result = parse_text(text)
    notice, article = result.articles
    assert notice.kind == "notice" and paragraphs(notice) == ["县市场监督管理局 宣"] and not notice.authors
    assert article.headline == ("标题",)
    assert {x.kind for x in result.leftover} == {"furniture"}
    assert result.info.date == "2023-04-22" and result.info.page_no == "2" and result.info.section == "要闻"


def test_continuation_markers_open_and_close_article_parts() -> None:
    text = page("（上接1版）", lines_of([P1, P2]), "", "农村公路")
    [article] = parse_text(text).articles
    assert article.blocks[0].kind == "continuation" and article.blocks[0].text == "（上接1版）"
    assert paragraphs(article) == [P1, P2]


def test_dateline_opening_a_paragraph_stays_in_it() -> None:
    body = lines_of(["本报讯 4月21日，" + P1[5:], P2])
    [article] = parse_text(page("□记者 王小明", body, "", "农村公路建设提速")).articles
    assert paragraphs(article)[0].startswith("本报讯4月21日，")


def test_gb18030_page_parses_like_utf8() -> None:
    text = page("□记者 王小明", lines_of([P1, P2]), "", "农村公路建设提速")
    utf8 = parse_page(text.encode("utf-8"), "a.txt")
    gb = parse_page(text.encode("gb18030"), "b.txt")
    assert gb.encoding == "gb18030"
    assert [a.to_json()["blocks"] for a in gb.articles] == [a.to_json()["blocks"] for a in utf8.articles]


def test_ids_survive_a_different_headline_assignment() -> None:
    body = page("□记者 王小明", lines_of([P1, P2]))
    with_headline = parse_text(body + "\n农村公路建设提速\n").articles[0]
    without = parse_text(body).articles[0]
    assert with_headline.id == without.id


def _gold_stories() -> list[Story]:
    stories = []
    for path in sorted(GOLD.glob("*.json")):
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            if article["kind"] != "article":
                continue
            paras: list[str] = []
            subheads: dict[int, str] = {}
            for block in article["blocks"]:
                if block["kind"] == "paragraph":
                    paras.append(WS.sub("", block["text"]).replace("（下转2版）", ""))
                elif block["kind"] == "subhead":
                    subheads[len(paras)] = block["text"].split(" ")[0]
            stories.append(Story(article["headline"], paras, article["byline"], subheads))
    return stories


@pytest.mark.parametrize("width", range(12, 23, 2))
@pytest.mark.parametrize("double", [False, True])
@pytest.mark.parametrize("headline_after", [False, True])
def test_retypeset_seed_articles_parse_back(width: int, double: bool, headline_after: bool) -> None:
    """The seed articles set in other column widths, spacings and orders come back exactly."""
    rng = random.Random(width * 7 + double * 3 + headline_after)
    stories = rng.sample(_gold_stories(), 3)
    result = parse_text(typeset(stories, width, double=double, headline_after=headline_after, rng=rng))
    assert len(result.articles) == 3
    for story, article in zip(stories, result.articles, strict=True):
        assert paragraphs(article) == story.paragraphs
        assert WS.sub("", "".join(article.headline)) == WS.sub("", "".join(story.headline))


def test_dateline_with_bracketed_byline_gives_authors_and_stays_in_the_paragraph() -> None:
    body = lines_of(["本报北京7月28日电 （记者 张三、李四）" + P1, P2])
    [article] = parse_text(page("农村公路建设提速", body)).articles
    assert article.headline == ("农村公路建设提速",)
    assert article.authors == ("张三", "李四")
    assert paragraphs(article)[0].startswith("本报北京7月28日电（记者张三、李四）今年以来")


def test_credit_on_its_own_line_before_a_caption_credits_the_caption_after_it() -> None:
    text = page(
        "□记者 王小明",
        lines_of([P1]),
        "",
        "农村公路建设提速",
        "新华社记者 王五 摄",
        "图为中欧班列从重庆团结村站驶出。",
    )
    article, photo = parse_text(text).articles
    assert paragraphs(article) == [P1] and article.headline == ("农村公路建设提速",)
    assert photo.kind == "photo" and photo.authors == ("王五",)
    assert paragraphs(photo) == ["图为中欧班列从重庆团结村站驶出。"]


def test_kept_indents_numbered_subheads_and_a_new_article_opening_with_a_dateline() -> None:
    text = page(
        "我县启动春季植树造林行动",
        [
            "\u3000\u3000" + line if i == 0 else line
            for i, line in enumerate(wrap("本报讯（记者 林晓）" + P1, 20))
        ],
        "一、突出重点区域",
        ["\u3000\u3000" + line if i == 0 else line for i, line in enumerate(wrap(P2, 20))],
        "老年大学春季班开学",
        [
            "\u3000\u3000" + line if i == 0 else line
            for i, line in enumerate(wrap("本报讯（记者 周敏）" + P3, 20))
        ],
    )
    first, second = parse_text(text).articles
    assert first.headline == ("我县启动春季植树造林行动",) and first.authors == ("林晓",)
    assert [b.kind for b in first.blocks] == ["paragraph", "subhead", "paragraph"]
    assert first.blocks[1].text == "一、突出重点区域"
    assert second.headline == ("老年大学春季班开学",) and second.authors == ("周敏",)
    assert paragraphs(second) == ["本报讯（记者周敏）" + P3]


def test_a_headline_drawn_after_the_continuation_marker_still_belongs_to_its_article() -> None:
    text = page("□记者 王小明", lines_of([P1, P2]), "（下转2版）", "", "农村公路建设提速")
    [article] = parse_text(text).articles
    assert article.headline == ("农村公路建设提速",)
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph", "continuation"]


def test_a_notice_whose_credit_wrapped_onto_its_own_line() -> None:
    text = page(" 县市场监督管理局", "宣", "□记者 王小明", lines_of([P1]), "", "农村公路建设提速")
    notice, article = parse_text(text).articles
    assert notice.kind == "notice" and paragraphs(notice) == ["县市场监督管理局 宣"]
    assert notice.blocks[0].lines == (0, 1)
    assert article.headline == ("农村公路建设提速",)
