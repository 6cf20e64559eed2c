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

from reader.page.surnames import COMMON_SURNAMES, COMPOUND_SURNAMES


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
