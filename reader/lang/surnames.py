"""Chinese surnames: which characters start a person's name, and how they are read there.

Surnames are read in ways the same characters are not read elsewhere (单 Shàn not dān, 曾 Zēng
not céng, 解 Xiè not jiě), and pypinyin has no surname mode. The readings come from three
places, in this order of trust:

1. `SURNAME_READINGS`, a curated table of the surnames whose reading differs from the
   character's everyday one, or that have several (覃 Qín or Tán, 乐 Yuè or Lè): the preferred
   reading first;
2. CC-CEDICT's "surname ..." entries (763 of them), for the rarer ones;
3. pypinyin's reading of the character, for everything else.

`COMMON_SURNAMES` is the name finder's surname check: a word tagged as a person by jieba that
does not start with one of these is not taken for a name (慧眼, 双循环, 智能化 ...).
"""

from __future__ import annotations

from functools import lru_cache


def word_list(text: str) -> tuple[str, ...]:
    """Tables of words are written as one spaced string, easier to read and edit than a list."""
    return tuple(text.split())


# Surname readings that differ from the everyday reading of the character (or that are
# ambiguous); the preferred one first. Sources: the list of special surname readings taught
# in Chinese schools (多音字姓氏), checked against CC-CEDICT.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shàn",),
    "曾": ("zēng",),
    "解": ("xiè",),
    "仇": ("qiú",),
    "区": ("ōu",),
    "朴": ("piáo",),
    "查": ("zhā",),
    "翟": ("zhái", "dí"),
    "覃": ("qín", "tán"),
    "缪": ("miào",),
    "乐": ("yuè", "lè"),
    "盖": ("gě", "gài"),
    "葛": ("gě",),
    "华": ("huà",),
    "任": ("rén",),
    "纪": ("jǐ",),
    "燕": ("yān",),
    "过": ("guō",),
    "召": ("shào",),
    "冼": ("xiǎn",),
    "阚": ("kàn",),
    "宓": ("fú", "mì"),
    "员": ("yùn",),
    "句": ("gōu",),
    "繁": ("pó",),
    "能": ("nài",),
    "黑": ("hè",),
    "秘": ("bì",),
    "柏": ("bǎi",),
    "薄": ("bó",),
    "种": ("chóng",),
    "谌": ("chén", "shèn"),
    "莘": ("shēn",),
    "訾": ("zī",),
    "曲": ("qū",),
    "尉": ("wèi",),
    "折": ("shé",),
    "那": ("nā", "nuó"),
    "牟": ("móu", "mù"),
    "逄": ("páng",),
    "粘": ("nián",),
    "祭": ("zhài",),
    "隗": ("wěi", "kuí"),
    "肖": ("xiāo",),
    "都": ("dū",),
    "贾": ("jiǎ",),
    "长": ("cháng",),
    "朝": ("cháo",),
    "重": ("chóng",),
    "干": ("gān",),
    "冠": ("guàn",),
    "卜": ("bǔ",),
    "番": ("pān",),
    "沈": ("shěn",),
    "石": ("shí",),
    "车": ("chē",),
    "行": ("xíng", "háng"),
    "藏": ("zāng",),
    "蔚": ("yù", "wèi"),
    "颉": ("xié", "jié"),
    "尉迟": ("yù chí",),
    "万俟": ("mò qí",),
    "长孙": ("zhǎng sūn",),
    "澹台": ("tán tái",),
    "单于": ("chán yú",),
    "令狐": ("líng hú",),
    "诸葛": ("zhū gě",),
    "皇甫": ("huáng fǔ",),
    "欧阳": ("ōu yáng",),
    "司马": ("sī mǎ",),
    "乐正": ("yuè zhèng",),
    "亓官": ("qí guān",),
}

# Two-character surnames; a name starting with one of these is split after two characters
# (司马光 -> Sīmǎ Guāng), never after one.
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    word_list(
        "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 "
        "西门 万俟 闻人 澹台 公冶 宗政 濮阳 太史 申屠 钟离 呼延 赫连 拓跋 第五 漆雕 百里 东郭 "
        "左丘 司空 仲孙 鲜于 闾丘 亓官 公羊 谷梁 乐正 梁丘 微生 羊舌 单于 即墨 巫马 公西 "
        "颛孙 壤驷 公良 夹谷 宰父 段干 东门 子车 南门 呼衍 完颜"
    )
)

# The single-character surnames that cover the great majority of Chinese people (the ~300
# most frequent in the national census lists). Rare surnames that are also everyday words
# (公, 双, 慧, 智 ...) are left out on purpose: they give more false names than real ones.
COMMON_SURNAMES: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶傅"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
    "惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉"
    "禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修"
    "邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴"
    "昝智幸奉植衡富尧闭由".replace("公", "").replace("智", "")
)


@lru_cache(maxsize=4096)
def cedict_surname_readings(surname: str) -> tuple[str, ...]:
    """The readings CC-CEDICT gives `surname` in its "surname ..." entries (toned, lower case)."""
    from reader.lang import cedict

    readings: list[str] = []
    for entry in cedict.proper_nouns().get(surname, ()):
        if entry.is_surname and entry.simplified == surname:
            reading = " ".join(entry.syllables)
            if reading not in readings:
                readings.append(reading)
    return tuple(readings)


def surname_readings(surname: str) -> tuple[str, ...]:
    """Every known reading of `surname` as a surname, preferred first; () if none is known."""
    readings = list(SURNAME_READINGS.get(surname, ()))
    for reading in cedict_surname_readings(surname):
        if reading not in readings:
            readings.append(reading)
    return tuple(readings)


def is_surname(text: str) -> bool:
    """Whether `text` (one or two characters) is a surname known to the tables or CC-CEDICT."""
    if text in COMMON_SURNAMES or text in COMPOUND_SURNAMES or text in SURNAME_READINGS:
        return True
    return bool(cedict_surname_readings(text))


def split_name(name: str) -> tuple[str, str]:
    """Split a person's name into (surname, given name): 司马光 -> (司马, 光), 章旭升 -> (章, 旭升).

    A compound surname is taken only when a given name follows it (司马 alone is read as a
    single surname 司 plus 马, the way a two-character name is).
    """
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def surname_length_any(name: str) -> int:
    """1 or 2 if `name` starts with any known surname (compound first), 0 otherwise."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if name[:1] and is_surname(name[:1]) else 0
