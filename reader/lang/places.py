"""Place names: the special readings, and how a place name is cut into name and generic part.

Many places keep an old or local reading that the everyday reading of their characters gets
wrong (丽水 Lìshuǐ not Lí, 六安 Lù'ān not Liù, 铅山 Yánshān not Qiān). CC-CEDICT knows most of
them (its place entries are capitalised); the famous ones are also listed here so that they
are right even without the dictionary and win over any other entry of the same characters.
"""

from __future__ import annotations

# Place names whose reading differs from what pypinyin gives their characters.
PLACE_READINGS: dict[str, str] = {
    "丽水": "lì shuǐ",
    "六安": "lù ān",
    "六合": "lù hé",
    "蚌埠": "bèng bù",
    "番禺": "pān yú",
    "铅山": "yán shān",
    "台州": "tāi zhōu",
    "天台": "tiān tāi",
    "乐清": "yuè qīng",
    "乐亭": "lào tíng",
    "东阿": "dōng ē",
    "涡阳": "guō yáng",
    "亳州": "bó zhōu",
    "歙县": "shè xiàn",
    "黟县": "yī xiàn",
    "枞阳": "zōng yáng",
    "莘县": "shēn xiàn",
    "洪洞": "hóng tóng",
    "单县": "shàn xiàn",
    "曲阜": "qū fù",
    "重庆": "chóng qìng",
    "厦门": "xià mén",
    "长沙": "cháng shā",
    "长汀": "cháng tīng",
    "尉氏": "wèi shì",
    "浚县": "xùn xiàn",
    "蔚县": "yù xiàn",
    "筠连": "jūn lián",
    "犍为": "qián wéi",
    "鄱阳": "pó yáng",
    "盱眙": "xū yí",
    "珲春": "hún chūn",
    "郫县": "pí xiàn",
    "綦江": "qí jiāng",
    "岫岩": "xiù yán",
    "荥阳": "xíng yáng",
    "荥经": "yíng jīng",
    "汨罗": "mì luó",
    "瑷珲": "ài huī",
    "会稽": "kuài jī",
    "番禺区": "pān yú qū",
    "黄陂": "huáng pí",
    "郫都": "pí dū",
    "闵行": "mǐn háng",
    "大埔": "dà bù",
    "什邡": "shí fāng",
    "长葛": "cháng gě",
    "吴堡": "wú bǔ",
    "繁峙": "fán shì",
    "解州": "xiè zhōu",
    "华阴": "huà yīn",
    "华县": "huà xiàn",
    "华山": "huà shān",
    "朝阳": "cháo yáng",
    "济南": "jǐ nán",
    "济宁": "jǐ níng",
    "句容": "jù róng",
    "蠡县": "lǐ xiàn",
    "长治": "cháng zhì",
    "长兴": "cháng xīng",
    "长春": "cháng chūn",
    "乐山": "lè shān",
    "牟平": "mù píng",
    "临朐": "lín qú",
    "茌平": "chí píng",
    "邗江": "hán jiāng",
    "沭阳": "shù yáng",
    "睢宁": "suī níng",
    "泌阳": "bì yáng",
    "柞水": "zhà shuǐ",
}

# Table entries that are also everyday words or names (朝阳 "the morning sun", 天台 "a
# rooftop", 六合 "the universe", 华山 a person): read as places only where a word is known to
# be a place (jieba's place tag, the name finder), never wherever the characters occur.
AMBIGUOUS_PLACES: frozenset[str] = frozenset(["朝阳", "天台", "六合", "华山", "长春", "长兴", "乐山", "长治"])

# Generic parts of administrative names, written apart from the proper part in pinyin
# (永康市 -> Yǒngkāng Shì), longest first so 自治州 wins over 州.
ADMIN_SUFFIXES: tuple[str, ...] = (
    "特别行政区", "自治区", "自治州", "自治县", "开发区", "新区", "街道", "省", "市", "县", "区",
    "镇", "乡", "村", "旗", "盟",
)  # fmt: skip

# Endings of place names (natural and built features) that are written joined to the name.
FEATURE_SUFFIXES: tuple[str, ...] = ("山", "江", "河", "湖", "岛", "湾", "州", "路", "街", "桥", "港", "峡")


def is_table_place(word: str) -> bool:
    """Whether the table lists `word`, or its proper part before an administrative suffix."""
    return word in PLACE_READINGS or split_admin_suffix(word)[0] in PLACE_READINGS


def split_admin_suffix(name: str) -> tuple[str, str]:
    """(proper part, administrative suffix): 永康市 -> (永康, 市); 沙县 -> (沙县, "").

    A one-character proper part keeps its suffix (沙县 Shāxiàn), as the pinyin spelling rules
    for place names write it joined.
    """
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)], suffix
    return name, ""
