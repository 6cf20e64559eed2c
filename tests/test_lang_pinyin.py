"""Readings: ordinary text, surnames with their own readings, place names, alternatives."""

from __future__ import annotations

import pytest

from reader.lang.pinyin import alternatives, name_reading, reading, syllables, tone_number


def test_reading_of_plain_text_keeps_non_chinese() -> None:
    assert reading("数字经济") == "shù zì jīng jì"
    assert reading("GDP增长14.1%") == "GDP zēng zhǎng 14.1%"


def test_reading_knows_special_place_names_inside_a_sentence() -> None:
    assert reading("来到六安") == "lái dào lù ān"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("章旭升", "Zhāng Xùshēng"),
        ("司马光", "Sīmǎ Guāng"),
        ("单雄信", "Shàn Xióngxìn"),
        ("曾国藩", "Zēng Guófān"),
        ("解缙", "Xiè Jìn"),
        ("仇英", "Qiú Yīng"),
        ("区小平", "Ōu Xiǎopíng"),
        ("朴正浩", "Piáo Zhènghào"),
        ("查良镛", "Zhā Liángyōng"),
        ("翟志刚", "Zhái Zhìgāng"),
        ("覃海燕", "Qín Hǎiyàn"),
        ("缪启", "Miào Qǐ"),
        ("尉迟恭", "Yùchí Gōng"),
        ("万俟卨", "Mòqí Xiè"),
        ("长孙无忌", "Zhǎngsūn Wújì"),
        ("欧阳修", "Ōuyáng Xiū"),
        ("习近平", "Xí Jìnpíng"),
    ],
)
def test_person_names_use_surname_readings(name: str, expected: str) -> None:
    assert name_reading(name) == expected


def test_rare_surname_reading_comes_from_cedict() -> None:
    # 乜 is not in the curated table; CC-CEDICT's "surname Nie" entry gives niè, pypinyin miē.
    assert name_reading("乜明").startswith("Niè ")


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("永康", "Yǒngkāng"),
        ("丽水", "Lìshuǐ"),
        ("六安", "Lù'ān"),
        ("蚌埠", "Bèngbù"),
        ("番禺", "Pānyú"),
        ("铅山", "Yánshān"),
        ("台州", "Tāizhōu"),
        ("西安", "Xī'ān"),
        ("永康市", "Yǒngkāng Shì"),
        ("浙江省", "Zhèjiāng Shěng"),
        ("沙县", "Shāxiàn"),
    ],
)
def test_place_names(place: str, expected: str) -> None:
    assert name_reading(place, "place") == expected


def test_transliterated_name_is_read_part_by_part() -> None:
    assert name_reading("约翰·史密斯") == "Yuēhàn·Shǐmìsī"


def test_text_without_chinese_is_returned_unchanged() -> None:
    assert name_reading("  Smith ") == "Smith"


def test_alternatives_start_with_the_chosen_reading() -> None:
    assert alternatives("单") == ["dān", "shàn", "chán"]
    assert alternatives("长")[:2] == ["zhǎng", "cháng"]
    assert alternatives("覃海燕", "person")[0] == "Qín Hǎiyàn"
    assert any(a.startswith("Tán ") for a in alternatives("覃海燕", "person"))
    assert alternatives("六安", "place")[0] == "Lù'ān"
    assert "Liù'ān" in alternatives("六安", "place")


def test_alternatives_are_bounded() -> None:
    assert len(alternatives("重重行行", "word")) <= 8


def test_syllables_toned_and_toneless() -> None:
    assert syllables("单") == {"dān", "dan", "shàn", "shan", "chán", "chan"}
    assert {"lǜ", "lü", "lv"} <= syllables("绿")
    assert syllables("A") == frozenset()
    assert syllables("单") is syllables("单")  # cached


def test_tone_numbers() -> None:
    assert [tone_number(s) for s in ("mā", "má", "mǎ", "mà", "ma", "lǜ")] == [1, 2, 3, 4, 5, 4]
