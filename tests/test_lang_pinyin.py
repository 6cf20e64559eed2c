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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们去六安", "wǒmen qù Lù'ān"),
        ("市委书记章旭升主持会议。", "shìwěi shūjì Zhāng Xùshēng zhǔchí huìyì."),
        ("重庆和西安", "Chóngqìng hé Xī'ān"),
        ("中国和南非建立外交关系", "Zhōngguó hé Nánfēi jiànlì wàijiāo guānxì"),
        ("阿拉伯国家", "Ālābó guójiā"),
        ("王部长说", "Wáng bùzhǎng shuō"),
        ("张先生和王女士", "Zhāng xiānshēng hé Wáng nǚshì"),
        ("老王和小李", "Lǎo Wáng hé Xiǎo Lǐ"),
        ("由省长主持", "yóu shěngzhǎng zhǔchí"),
        ("第十三届", "dì-shísān jiè"),
        ("初五", "chū-wǔ"),
        ("一个人", "yī gè rén"),
        ("一些人", "yīxiē rén"),
        ("女儿去了蚌埠", "nǚ'ér qù le Bèngbù"),
        ("天安门广场", "Tiān'ānmén Guǎngchǎng"),
        ("全国人民代表大会在北京召开", "Quánguó Rénmín Dàibiǎo Dàhuì zài Běijīng zhàokāi"),
        ("浙江天台县", "Zhèjiāng Tiāntāi Xiàn"),
        ("永康市经济发展", "Yǒngkāng Shì jīngjì fāzhǎn"),
        ("GDP同比增长14.1%，新增5G基站650个", "GDP tóngbǐ zēngzhǎng 14.1%, xīnzēng 5G jīzhàn 650 gè"),
        ("钱其琛在讲话中指出", "Qián Qíchēn zài jiǎnghuà zhōng zhǐchū"),
        ("风平浪静", "fēngpíng-làngjìng"),
        ("“我很高兴”，他说。", "“wǒ hěn gāoxìng”, tā shuō."),
        ("马耳他总理阿尔弗雷德·桑特今天抵达。", "Mǎ'ěrtā zǒnglǐ Ā'ěrfúléidé·Sāngtè jīntiān dǐdá."),
        ("做好克林顿总统访华的接待工作", "zuòhǎo Kèlíndùn zǒngtǒng fǎnghuá de jiēdài gōngzuò"),
    ],
)
def test_text_is_written_by_word(text: str, expected: str) -> None:
    from reader.lang.orthography import write

    assert write(text) == expected


def test_ambiguous_table_places_keep_their_everyday_reading_in_running_text() -> None:
    # 朝阳 is the morning sun unless something says it is the district
    assert reading("朝阳") == "zhāo yáng"
    assert name_reading("朝阳", "place") == "Cháoyáng"


def test_foreign_name_parts_joined_by_a_dash_take_a_hyphen() -> None:
    assert name_reading("萨希杜·丹戈—纳代伊") == "Sàxīdù·Dāngē-Nàdàiyī"
    assert name_reading("尼赫鲁—甘地") == "Níhèlǔ-Gāndì"


def test_word_reading_joins_syllables_with_apostrophes() -> None:
    from reader.lang.pinyin import word_pieces, word_reading

    assert word_reading("我们") == "wǒmen"
    assert word_reading("女儿") == "nǚ'ér"
    assert word_reading("天安门") == "tiān'ānmén"
    assert word_reading("A股") == "Agǔ"
    assert word_pieces("天安门") == [("tiān", 1), ("'ān", 1), ("mén", 2)]
