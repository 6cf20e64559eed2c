"""Folding: full-width/half-width, case and spaces vanish, and offsets map back to the original."""

from reader.search.fold import fold, fold_with_offsets
from reader.search.matcher import compile_query, find_in_text


def test_full_width_letters_digits_and_case_fold_to_ascii_lower() -> None:
    assert fold("ＧＤＰ增长１４．１％") == "gdp增长14.1%"
    assert fold("GDP") == fold("ｇｄｐ") == "gdp"


def test_every_kind_of_space_is_dropped() -> None:
    assert fold("章　旭 升\n\t") == "章旭升"


def test_offsets_point_at_the_original_characters() -> None:
    text = "今年ＧＤＰ　增长"
    folded = fold_with_offsets(text)
    assert folded.text == "今年gdp增长"
    start = folded.text.index("p增")
    assert folded.original_span(start, start + 2) == (4, 7)  # the full-width space is inside


def test_highlight_of_a_half_width_query_lands_on_full_width_text() -> None:
    text = "增速为１４．１％，高于ＧＤＰ增速"
    spans = find_in_text(text, compile_query("14.1%"))
    assert [text[s:e] for s, e in spans] == ["１４．１％"]
    spans = find_in_text(text, compile_query("gdp"))
    assert [text[s:e] for s, e in spans] == ["ＧＤＰ"]


def test_a_query_with_spaces_finds_text_without_them_and_the_reverse() -> None:
    assert find_in_text("市委书记章旭升", compile_query("章 旭升")) == [(4, 7)]
    assert find_in_text("市委书记章 旭升", compile_query("章旭升")) == [(4, 8)]


def test_an_empty_query_compiles_to_nothing() -> None:
    assert compile_query("  　") is None


def test_traditional_and_simplified_characters_fold_together() -> None:
    assert fold("數字經濟") == fold("数字经济") == "数字经济"
    query = compile_query("數字經濟")
    assert query is not None
    assert find_in_text("发展数字经济", query) == [(2, 6)]
    simplified = compile_query("数字经济")
    assert simplified is not None and find_in_text("發展數字經濟", simplified) == [(2, 6)]


def test_offsets_map_back_with_and_without_characters_that_fold_unevenly() -> None:
    for text in ("发展数字经济，ＧＤＰ增长", "章 旭升面积１０㎡", "㎡数字\u200b经济", "数字经济"):
        folded = fold_with_offsets(text)
        assert folded.text == fold(text)
        for index, origin in enumerate(folded.origins):
            assert fold(text[origin]).startswith(folded.text[index]) or folded.text[index] in fold(
                text[origin]
            )
    assert fold_with_offsets("章 旭升").original_span(1, 3) == (2, 4)
    assert fold_with_offsets("１０㎡面积").original_span(2, 4) == (2, 3)  # ㎡ -> m2
    assert fold_with_offsets("１０㎡面积").original_span(4, 5) == (3, 4)
