"""The seed pages parse exactly as their gold files say (the same checks as score_parse.py)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from reader.page import read_page
from tests.conftest import gold_for, seed_pages

WS = re.compile(r"\s+")
CONT = re.compile(r"[（(]?\s*(?:下转|上接|转)\s*(?:第)?\s*[0-9一二三四五六七八九十A-Za-z]+\s*版\s*[）)]?")
CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’])\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’])"
)


def norm(text: str) -> str:
    text = WS.sub("", CONT.sub("", text))
    return text[3:] if text.startswith("本报讯") else text


def body_blocks(article: dict) -> list[dict]:
    return [b for b in article["blocks"] if b["kind"] in ("paragraph", "subhead")]


@pytest.fixture(params=seed_pages(), ids=lambda p: p.stem)
def parsed(request: pytest.FixtureRequest) -> tuple[dict, dict]:
    page = read_page(request.param)
    return page.to_json(), gold_for(request.param)


def test_articles_match_gold_in_order(parsed: tuple[dict, dict]) -> None:
    got, gold = parsed
    assert len(got["articles"]) == len(gold["articles"])
    for mine, want in zip(got["articles"], gold["articles"], strict=True):
        assert mine["kind"] == want["kind"]
        assert [norm(b["text"]) for b in body_blocks(mine)] == [norm(b["text"]) for b in body_blocks(want)]
        assert [b["kind"] for b in body_blocks(mine)] == [b["kind"] for b in body_blocks(want)]
        assert WS.sub("", "".join(mine["headline"])) == WS.sub("", "".join(want["headline"]))
        assert sorted(mine["authors"]) == sorted(want["authors"])
        assert mine.get("byline", "") == want.get("byline", "")


def test_block_line_spans_match_gold(parsed: tuple[dict, dict]) -> None:
    got, gold = parsed
    for mine, want in zip(got["articles"], gold["articles"], strict=True):
        assert [b["lines"] for b in body_blocks(mine)] == [b["lines"] for b in body_blocks(want)]


def test_continuations_are_blocks(parsed: tuple[dict, dict]) -> None:
    got, gold = parsed
    for mine, want in zip(got["articles"], gold["articles"], strict=True):
        wanted = [b["text"] for b in want["blocks"] if b["kind"] == "continuation"]
        found = [b["text"] for b in mine["blocks"] if b["kind"] == "continuation"]
        assert all(any(w in f for f in found) for w in wanted)
        assert len(found) == len(wanted)


def test_no_character_is_lost_and_no_spurious_space(parsed: tuple[dict, dict]) -> None:
    got, gold = parsed
    raw = next(p for p in seed_pages() if p.name == gold["file"]).read_text(encoding="utf-8")
    out: list[str] = []
    for article in got["articles"]:
        out += article["headline"] + [article["byline"]] + [b["text"] for b in article["blocks"]]
        for block in article["blocks"]:
            if block["kind"] == "paragraph" and article["kind"] != "notice":
                assert not CJK_SPACE.search(block["text"]), block["text"]
    out += [x["text"] for x in got["leftover"]]

    def content(text: str) -> Counter[str]:
        return Counter(c for c in text if unicodedata.category(c)[0] in "LN")

    assert content(raw) - content("".join(out)) == Counter()


def test_ids_are_stable_and_unique() -> None:
    for page_path in seed_pages():
        first = [a.id for a in read_page(page_path).articles]
        second = [a.id for a in read_page(page_path).articles]
        assert first == second
        assert len(set(first)) == len(first)
