"""In-article matches: reading order, headline, and phrases the column broke across lines."""

from pathlib import Path

from reader.page import Article, Block, read_page
from reader.search.matcher import HeadlineMatch, Match, find_in_article, find_in_headline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(*texts: str, headline: tuple[str, ...] = ("标题",)) -> Article:
    blocks = tuple(Block("paragraph", text, (i, i)) for i, text in enumerate(texts))
    return Article("a1", "article", headline, headline[0], "", (), blocks, (0, len(texts)))


def test_matches_come_in_reading_order_across_blocks() -> None:
    found = find_in_article(article("经济发展，经济增长", "数字经济"), "经济")
    assert found == [Match(0, 0, 2), Match(0, 5, 7), Match(1, 2, 4)]


def test_headline_lines_are_searched_separately() -> None:
    story = article("正文没有", headline=("引题", "数字经济大会召开", "副题写经济"))
    assert find_in_headline(story, "经济") == [HeadlineMatch(1, 2, 4), HeadlineMatch(2, 3, 5)]
    assert find_in_article(story, "经济") == []


def test_a_phrase_broken_across_source_lines_is_found_in_the_parsed_page() -> None:
    source = SEEDS / "000_2b7640bcd280a270.txt"
    raw = source.read_text(encoding="utf-8")
    assert "按照全省数字经济" not in raw  # the column broke it: 按照全省 / 数字经济
    page = read_page(source)
    hits = [(story, match) for story in page.articles for match in find_in_article(story, "按照全省数字经济")]
    assert len(hits) == 1
    story, match = hits[0]
    assert story.blocks[match.block_index].text[match.start : match.end] == "按照全省数字经济"


def test_an_empty_query_matches_nothing() -> None:
    assert find_in_article(article("经济"), " ") == []
