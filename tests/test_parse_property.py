"""Property tests: whatever the text or bytes, the parser neither raises nor loses characters.

CI runs a few thousand examples; set KANBAO_FUZZ_EXAMPLES for a longer run.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.page import Page, parse_page, parse_text

EXAMPLES = int(os.environ.get("KANBAO_FUZZ_EXAMPLES", "1500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise every rule: roles, credits, markers, notices, furniture, punctuation.
PIECES = [
    "本报讯", "（记者 王小明）", "□融媒记者 吕高攀", "记者", "通讯员", "摄", " 宣", "（下转2版）", "（上接1版）",
    "第2版", "责任编辑", "2023年4月22日 星期六", "。", "，", "、", "！", "？", "“", "”", "《", "》", "（", "）",
    "\n", "\n\n", " ", "　　", "\t", "GDP", "14.1%", "数字经济", "今年以来我县坚持", "会议强调", "章旭升", "\x1b[2J",
    "[/red]", "[bold]", "\r\n", "\r", "\x00", "\u2028", "\ufeff",
]  # fmt: skip
text_strategy = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)), max_size=80
).map("".join)


def content(text: str) -> Counter[str]:
    return Counter(c for c in text if unicodedata.category(c)[0] in "LN")


def everything_in(page: Page) -> str:
    out: list[str] = []
    for article in page.articles:
        out += [*article.headline, article.byline, *(b.text for b in article.blocks)]
    out += [x.text for x in page.leftover]
    return "".join(out)


@FUZZ
@given(text_strategy)
def test_any_text_parses_without_loss(text: str) -> None:
    page = parse_text(text)
    assert content(text) - content(everything_in(page)) == Counter()
    ids = [a.id for a in page.articles]
    assert len(ids) == len(set(ids))
    assert parse_text(text).to_json() == page.to_json()  # deterministic


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_parse_without_exception(data: bytes) -> None:
    page = parse_page(data, "fuzz.txt")
    assert page.status in {"ok", "empty", "binary", "undecodable", "truncated"}
    for article in page.articles:
        for block in article.blocks:
            assert not any(ord(c) < 0x20 and c not in "\t" for c in block.text)
