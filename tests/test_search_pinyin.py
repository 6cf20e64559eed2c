"""Pinyin queries: full syllables, spaced, initials, tone marks and digits, heteronyms."""

import pytest

from reader.search.matcher import compile_query, find_in_text
from reader.search.pinyin_match import find_pinyin, parse_pinyin_query, readings

TEXT = "我市领导章旭升、胡勇春参加会议。西安的先生说，路很长。"


def found(query: str, text: str = TEXT) -> list[str]:
    compiled = compile_query(query)
    assert compiled is not None
    return [text[s:e] for s, e in find_in_text(text, compiled)]


@pytest.mark.parametrize(
    "query", ["zhangxusheng", "zhang xu sheng", "ZhangXuSheng", "zxs", "zhangxs", "zhxsh"]
)
def test_syllables_spaced_syllables_and_initials_find_the_name(query: str) -> None:
    assert found(query) == ["章旭升"]


def test_the_last_syllable_may_be_unfinished_while_typing() -> None:
    assert found("zhangxushe") == ["章旭升"]


def test_tone_marks_and_tone_digits_narrow_the_match() -> None:
    # 章 reads zhāng (1); 长 reads zhǎng (3) or cháng (2)
    assert found("zhāng") == ["章"]
    assert found("zhang1") == ["章"]
    assert found("zhǎng") == ["长"]
    assert found("zhang3") == ["长"]
    assert found("zhang") == ["章", "长"]
    assert found("zhang2") == []


def test_a_heteronym_matches_by_each_of_its_readings() -> None:
    assert {r.syllable for r in readings("长")} >= {"chang", "zhang"}
    assert found("chang") == ["长"]
    assert found("chang2") == ["长"]
    assert found("zhang3") == ["长"]


def test_ambiguous_syllables_are_tried_both_ways() -> None:
    # xian is 先 (one syllable) or 西安 (xi + an)
    assert found("xian") == ["西安", "先"]
    assert found("xi'an") == ["西安"]
    assert found("xi an") == ["西安"]
    assert found("xiansheng") == ["先生"]


def test_a_latin_query_also_matches_literally() -> None:
    text = "全年GDP增长，国内生产总值"
    assert found("gdp", text) == ["GDP"]


def test_chinese_punctuation_and_single_letters_are_not_pinyin() -> None:
    assert parse_pinyin_query("章旭升") is None
    assert parse_pinyin_query("z") is None
    assert parse_pinyin_query("zhang!") is None


def test_pinyin_never_runs_across_punctuation() -> None:
    query = parse_pinyin_query("shenghu")  # 升、胡
    assert query is not None
    assert find_pinyin("章旭升、胡勇春", query) == []


def test_whole_syllables_end_at_a_syllable_boundary() -> None:
    # zhang is a whole syllable: never 展 (zhan) + the initial of 工 (gong)
    assert found("zhang", "强调要把数字经济作为一号发展工程来抓") == []
    assert found("zhan", "一号发展工程") == ["展"]
    assert found("fazhan", "一号发展工程") == ["发展"]


def test_initials_cover_whole_words_never_a_run_across_them() -> None:
    # 转型 / 升级: zxs would be 转型 and half of 升级
    assert found("zxs", "推动产业转型升级") == []
    assert found("zxsj", "推动产业转型升级") == ["转型升级"]
    assert found("zxs") == ["章旭升"]
