"""Place names: the special readings, and how a place name is cut into name and generic part.

Many places keep an old or local reading that the everyday reading of their characters gets
wrong (丽水 Lìshuǐ not Lí, 六安 Lù'ān not Liù, 铅山 Yánshān not Qiān). CC-CEDICT knows most of
them (its place entries are capitalised); the famous ones are also listed here so that they
are right even without the dictionary and win over any other entry of the same characters.
"""

from __future__ import annotations

from reader.lang.surnames import word_list

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

# The countries of the world as Chinese writes them: a place, never a person, even where
# jieba tags one as a name (贝宁总统, 阿根廷) and CC-CEDICT's entry says only "Benin".
COUNTRIES: frozenset[str] = frozenset(
    word_list(
        """
    中国 美国 英国 法国 德国 俄罗斯 日本 韩国 朝鲜 印度 巴基斯坦 孟加拉国 孟加拉 尼泊尔 不丹 斯里兰卡
    马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 约旦 黎巴嫩 以色列 巴勒斯坦 沙特阿拉伯 沙特 也门 阿曼 阿联酋
    卡塔尔 巴林 科威特 土耳其 塞浦路斯 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 吉尔吉斯斯坦 吉尔吉斯
    塔吉克斯坦 乌兹别克斯坦 土库曼斯坦 蒙古 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚
    印尼 菲律宾 文莱 东帝汶 澳大利亚 新西兰 巴布亚新几内亚 斐济 汤加 萨摩亚 瓦努阿图 基里巴斯 瑙鲁
    埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 埃塞俄比亚 厄立特里亚 吉布提 索马里 肯尼亚 乌干达
    坦桑尼亚 卢旺达 布隆迪 刚果 扎伊尔 加蓬 喀麦隆 尼日利亚 尼日尔 乍得 中非 贝宁 多哥 加纳
    科特迪瓦 利比里亚 塞拉利昂 几内亚 几内亚比绍 塞内加尔 冈比亚 马里 布基纳法索 毛里塔尼亚
    佛得角 安哥拉 赞比亚 津巴布韦 莫桑比克 马拉维 纳米比亚 博茨瓦纳 南非 莱索托 斯威士兰
    马达加斯加 毛里求斯 塞舌尔 科摩罗 赤道几内亚 爱尔兰 荷兰 比利时 卢森堡 瑞士 奥地利 意大利
    西班牙 葡萄牙 希腊 马耳他 安道尔 摩纳哥 圣马力诺 梵蒂冈 列支敦士登 丹麦 挪威 瑞典 芬兰 冰岛
    波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 南斯拉夫 塞尔维亚 黑山 克罗地亚 斯洛文尼亚 波黑
    马其顿 阿尔巴尼亚 乌克兰 白俄罗斯 摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 加拿大 墨西哥 古巴 牙买加
    海地 多米尼加 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 哥伦比亚 委内瑞拉 圭亚那
    苏里南 厄瓜多尔 秘鲁 巴西 玻利维亚 智利 阿根廷 巴拉圭 乌拉圭 巴哈马 巴巴多斯 格林纳达
    """
    )
)

# Generic parts of administrative names, written apart from the proper part in pinyin
# (永康市 -> Yǒngkāng Shì), longest first so 自治州 wins over 州.
ADMIN_SUFFIXES: tuple[str, ...] = (
    "特别行政区", "自治区", "自治州", "自治县", "开发区", "新区", "街道", "省", "市", "县", "区",
    "镇", "乡", "村", "旗", "盟",
)  # fmt: skip

# Endings of place names (natural and built features) that are written joined to the name.
FEATURE_SUFFIXES: tuple[str, ...] = ("山", "江", "河", "湖", "岛", "湾", "州", "路", "街", "桥", "港", "峡")


def is_table_place(word: str) -> bool:
    """Whether the tables list `word` (a place reading or a country), or its proper part
    before an administrative suffix."""
    return word in PLACE_READINGS or word in COUNTRIES or split_admin_suffix(word)[0] in PLACE_READINGS


def split_admin_suffix(name: str) -> tuple[str, str]:
    """(proper part, administrative suffix): 永康市 -> (永康, 市); 沙县 -> (沙县, "").

    A one-character proper part keeps its suffix (沙县 Shāxiàn), as the pinyin spelling rules
    for place names write it joined.
    """
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)], suffix
    return name, ""
