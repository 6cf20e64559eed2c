"""Transliterated foreign names: 阿尔弗雷德·桑特, 萨希杜·丹戈—纳代伊, 克林顿.

Chinese writes foreign names with a small set of characters chosen for their sound (the
Xinhua transliteration tables: 阿 尔 德 克 斯 特 ...), the parts of a full name joined by a
middle dot, and the parts of a double name by a dash (丹戈—纳代伊, 尼赫鲁—甘地). So a run of
such characters on both sides of a dot is one name, and a word made only of them is a
foreign name when something around it says "person" (a title before, a verb after) or when
the article writes it as part of a full name elsewhere (桑特 after 阿尔弗雷德·桑特).
"""

from __future__ import annotations

import re

# The characters of the Xinhua transliteration tables for names (English, French, German,
# Russian, Arabic, Uyghur, Hindi ...), plus the common ones of established renderings.
TRANSLIT_CHARS: frozenset[str] = frozenset(
    "阿埃艾爱安昂奥敖澳巴拜班邦鲍贝蓓本比彼毕碧宾波伯博布查昌达代戴丹道德邓迪蒂地丁东杜敦顿"
    "多厄恩尔法凡范方菲费芬丰冯弗伏福夫富盖甘冈高戈格根贡古瓜圭哈海汉豪赫黑亨洪侯胡华怀霍"
    "基吉加贾杰金京居卡凯坎康考柯科克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾黎里理利莉丽连廉林琳"
    "柳隆卢鲁陆路伦罗洛马玛买迈麦曼芒梅门蒙孟米密明缪莫默姆木穆纳娜奈南内尼涅宁纽努诺欧"
    "帕潘庞佩彭皮平珀蒲普齐奇契恰乔切琴琼丘热若瑞茹撒萨塞赛桑瑟森沙莎尚绍舍圣施什史舒斯"
    "司松苏索塔泰坦汤唐陶特提铁廷图托娃瓦万旺威韦维温文翁沃乌伍武西希锡夏谢辛休雅亚娅扬"
    "耶叶伊义因英尤于约赞泽扎詹宰佐兹茨治卓祖"
)

_T = "[" + "".join(sorted(TRANSLIT_CHARS)) + "]"
_DOT = "[·•・]"
_DASH = "[—\\-－]"
#: A full name: runs of transliteration characters joined by dots (or a dash between two runs).
FULL_NAME = re.compile(f"{_T}+(?:(?:{_DOT}|{_DASH}(?={_T}{{2}})){_T}+)+")
#: Parts of a full name.
PARTS = re.compile(f"{_DOT}|{_DASH}")


def is_translit(word: str) -> bool:
    """Every character of `word` is a transliteration character."""
    return bool(word) and all(c in TRANSLIT_CHARS for c in word)


def has_dot(name: str) -> bool:
    return bool(re.search(_DOT, name))


def parts(name: str) -> list[str]:
    return [p for p in PARTS.split(name) if p]


# Characters that Chinese given names hardly use but transliterations often do: a name of
# transliteration characters holding one is read as one foreign word (汉佩尔 Hànpèi'ěr).
_FOREIGN_MARKS = frozenset("尔斯特克顿佩莱蒂诺厄塞瑟兹茨夫娜莎娅娃耶奥埃")


def looks_foreign(name: str) -> bool:
    return is_translit(name) and any(c in _FOREIGN_MARKS for c in name[1:])
