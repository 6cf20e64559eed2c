"""Re-anchoring a bookmark after the parser split its page differently (a pure function)."""

from __future__ import annotations

from reader.store import Anchored, Bookmark, reanchor

EDITORIAL = (
    "a1",
    "社论：把握新发展阶段",
    ["　　第一段，讲形势。", "　　第二段，讲任务和要求。", "　　第三段，结语。"],
)
HARVEST = (
    "a2",
    "夏粮再获丰收",
    ["　　本报北京7月28日电 今年夏粮总产量创历史新高。", "　　专家指出，科技贡献率提高。"],
)
PHOTO = ("a3", "图片新闻", ["　　图为收割现场。"])


def bookmark(
    article_id: str = "a2", title: str = "夏粮再获丰收", paragraph: int = 1, text: str = ""
) -> Bookmark:
    return Bookmark.at("2021-07-29/01.txt", article_id, title=title, paragraph=paragraph, paragraph_text=text)


def test_same_id_same_title_keeps_the_paragraph() -> None:
    found = reanchor(bookmark(text="专家指出，科技贡献率提高。"), [EDITORIAL, HARVEST, PHOTO])
    assert found == Anchored("a2", 1, "id")


def test_renumbered_articles_are_found_by_title() -> None:
    renumbered = [("a1", HARVEST[1], HARVEST[2]), ("a2", EDITORIAL[1], EDITORIAL[2])]
    found = reanchor(bookmark(text="专家指出，科技贡献率提高。"), renumbered)
    assert found == Anchored("a1", 1, "title")


def test_a_paragraph_that_moved_is_found_by_its_first_characters() -> None:
    split = (
        "a2",
        "夏粮再获丰收",
        ["　　本报北京7月28日电", "今年夏粮总产量创历史新高。", "　　专家指出，科技贡献率提高。"],
    )
    found = reanchor(bookmark(paragraph=1, text="　　专家指出，科技贡献率提高。"), [EDITORIAL, split])
    assert found == Anchored("a2", 2, "id")


def test_a_retitled_renumbered_article_is_found_by_its_paragraph_text() -> None:
    retitled = [EDITORIAL, ("a7", "夏粮丰收 科技助力", HARVEST[2]), PHOTO]
    found = reanchor(bookmark(text="专家 指出，科技贡献率提高。"), retitled)  # spacing differs too
    assert found == Anchored("a7", 1, "text")


def test_merged_paragraphs_are_found_inside_the_text() -> None:
    merged = (
        "a9",
        "另一个标题",
        ["　　本报北京7月28日电 今年夏粮总产量创历史新高。专家指出，科技贡献率提高。"],
    )
    found = reanchor(bookmark(text="专家指出，科技贡献率提高。"), [EDITORIAL, merged])
    assert found == Anchored("a9", 0, "text")


def test_the_same_id_alone_is_the_last_resort_and_the_index_is_clamped() -> None:
    rewritten = [("a2", "全新标题", ["　　完全不同的一段。"])]
    found = reanchor(bookmark(paragraph=4, text="专家指出，科技贡献率提高。"), rewritten)
    assert found == Anchored("a2", 0, "id-only")


def test_an_article_that_is_gone_gives_none() -> None:
    assert reanchor(bookmark(article_id="a8", text="专家指出，科技贡献率提高。"), [EDITORIAL, PHOTO]) is None
    assert reanchor(bookmark(), []) is None


def test_the_id_does_not_win_over_a_title_found_elsewhere() -> None:
    """After a re-split, a2 is another story; the bookmarked one is now a3."""
    resplit = [EDITORIAL, ("a2", "图片新闻", PHOTO[2]), ("a3", HARVEST[1], HARVEST[2])]
    assert reanchor(bookmark(text="专家指出"), resplit) == Anchored("a3", 1, "title")
