"""The small rules a newspaper gives for telling where a person's name starts and ends.

jieba tags people well when it has seen them (习近平) or when its hidden Markov model guesses
them (章旭升), but it also tags everyday words that happen to start with a surname (安保,
惠民, 高塔) and cuts unfamiliar names in two (吕+高攀, 施礼+干, 胡天+忠). A newspaper helps:
names come after titles (市委书记 章旭升), in lists joined by 、 (领导章旭升、胡勇春、…), before
what people do (表示, 指出, 主持), in bylines and photo credits. These rules work on characters
and on jieba's dictionary, never on a list of the words of any one page.
"""

from __future__ import annotations

import re

from reader.lang import cedict, segment, surnames
from reader.lang.surnames import word_list

# Titles and roles written right before a name (副市长 章某, 记者 陈某). Compound titles
# (市委书记, 常务副市长) end with one of these, so the suffix match covers them.
TITLES: tuple[str, ...] = tuple(
    sorted(
        word_list(
            "书记 副书记 总书记 市长 副市长 县长 副县长 区长 副区长 镇长 乡长 村长 省长 副省长 州长 "
            "主任 副主任 局长 副局长 处长 科长 部长 副部长 厅长 主席 副主席 总理 副总理 总统 首相 "
            "委员 常委 董事长 总经理 副总经理 经理 校长 院长 所长 站长 队长 会长 秘书长 理事长 "
            "行长 社长 团长 厂长 馆长 组长 班长 主编 编辑 记者 通讯员 见习记者 实习生 摄影 "
            "教授 副教授 研究员 博士 医生 医师 护士 老师 教师 同志 先生 女士 律师 警官 民警 "
            "法官 检察官 负责人 工程师 专家 代表 总裁 总监 主管 创始人 指挥长 政委 司令员 大使 "
            "领导 诗人 作家 画家 演员 歌手 导演 运动员 选手 教练 师傅 村民 市民 居民 党员 "
            "志愿者 网格员 干部 主持人 讲解员 技术员 店主 老板 业主 农户 户主 党委书记 支部书记 "
            "外长 名将 女主人 男主人 企业家 科学家 艺术家 国王 王后 议长 议员 上将 中将 少将 将军 "
            "参谋长 总参谋长 发言人 夫人 总干事 秘书 助理 特使 首席 冠军 老人 嫌疑人 犯罪嫌疑人"
        ),
        key=len,
        reverse=True,
    )
)

#: Any title, longest first (a regex alternation tries them in order).
TITLE_PATTERN = re.compile("|".join(map(re.escape, TITLES)))

# Titles that may follow a name (章旭升书记, 习近平总书记, 张三同志).
TITLES_AFTER: tuple[str, ...] = (
    "总书记", "书记", "同志", "先生", "女士", "主席", "总理", "市长", "县长", "局长", "主任",
    "教授", "老师", "医生", "委员", "部长", "省长", "等人", "等同志", "一行", "上将", "中将",
    "少将", "将军", "大使", "议员", "夫妇", "夫人", "总统", "首相", "国王", "议长", "外长",
    "司令", "院士", "主教",
)  # fmt: skip

# What people do right after being named: evidence that a two-character word is a name.
PERSON_VERBS: tuple[str, ...] = (
    "表示", "指出", "强调", "说", "介绍", "认为", "告诉", "主持", "出席", "参加", "讲话", "称",
    "坦言", "透露", "回忆", "提出", "希望", "要求", "发表", "带队", "调研", "会见", "一行",
    "陪同", "看望", "慰问", "致辞", "宣布", "解释", "笑着", "感慨", "补充", "生于", "出生",
    "访问", "访华", "会谈", "谈到", "写道", "表演", "担任", "当选",
)  # fmt: skip

# Words before a 、 list of names (我市领导章旭升、胡勇春…; 出席的有…).
LIST_TRIGGERS: tuple[str, ...] = ("领导", "同志", "出席", "参加", "陪同", "包括", "有", "及", "和", *TITLES)

# Single characters that follow a name as a word of their own (章旭升在…, 杨兵、…, 张三等).
FOLLOWING_CHARS = frozenset("在说等和与及是为对向也就都到将把被从以同的了还又于并则均带能曾会要已正")

# Characters that never belong to a given name: function words and administrative units.
STOP_CHARS = frozenset(
    "的了在是和与及等说这那们个此着被把从而并或但却就都还又已将再很最更市县区省局次号届对摄乡部厅"
)

# Surnames that are also the function words most often written right before a name
# (李政道先生和秦惠, 向全体, 对记者): a word starting with one is taken for a name only when a
# byline gives it.
FUNCTION_SURNAMES = frozenset("和向于与同及对在给跟")

# Characters CC-CEDICT lists as rare surnames that, after a title, are far more often a word
# (记者也目睹, 记者从今天...).
NEVER_SURNAMES = frozenset("也从就都还又而在对把被将已正")

# Honorifics that follow a surname (徐小姐, 王大爷): a person, but no name to read out.
HONORIFICS = frozenset(
    word_list("小姐 夫人 太太 大爷 大妈 大娘 阿姨 大姐 大哥 老汉 老伯 师傅 女儿 儿子 老人 一家")
)

# Last characters of words for things and bodies that jieba's dictionary lists as names
# (宿舍楼, 吉普车, 桑巴舞, 印尼盾, 宣传部): a dictionary "name" ending so needs more evidence.
THING_ENDINGS = frozenset(
    "楼车舞盾部局厅院馆店厂场站队团社会所山河湖路街桥港城宫寺庙节奖赛性感质委塔证般村镇祠船"
)

# A demonym ends in 人 after a place or a region (杭州人, 东方人, 外地人).
_DEMONYM_END = "人"
_REGION_WORDS = frozenset(word_list("东方 西方 南方 北方 外国 外地 本地 当地 内地 城里 乡下 山里 农村 城市"))

_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

#: A jieba dictionary word seen at least this often is a word, not a stray pair of characters.
COMMON_WORD_FREQ = 20


def is_hanzi(char: str) -> bool:
    return bool(_HANZI.fullmatch(char))


def surname_length(text: str) -> int:
    """1 or 2 if `text` starts with a common single or a compound surname, 0 otherwise."""
    if len(text) >= 3 and text[:2] in surnames.COMPOUND_SURNAMES:
        return 2
    return 1 if text[:1] in surnames.COMMON_SURNAMES else 0


def looks_like_person(name: str, *, rare_surnames: bool = False) -> bool:
    """The shape of a Chinese person's name: surname + one or two characters, all Chinese.

    Rejects the reduplications jieba takes for names (殷殷), function words and unit
    characters inside the given name (…在, …市), and four characters without a compound
    surname (公共安全, 明显改善). `rare_surnames` also accepts any surname CC-CEDICT lists,
    for words that something else already says are people (a byline, jieba's list of
    famous people).
    """
    if not 2 <= len(name) <= 4 or not all(is_hanzi(c) for c in name):
        return False
    family = surname_length(name)
    if family == 0 and rare_surnames and surnames.is_surname(name[0]):
        family = 1
    if family == 0:
        return False
    given = name[family:]
    if not 1 <= len(given) <= 2 or any(c in STOP_CHARS for c in given):
        return False
    if given in TITLES or given in TITLES_AFTER or given in HONORIFICS or given in ("某", "某某"):
        return False  # 王女士, 李书记, 张某: a person, but not a name to read out
    return not (len(name) == 2 and name[0] == name[1])


def is_common_word(word: str) -> bool:
    """A word jieba's dictionary knows as something other than a person (高度, 安保 is nr...);
    CC-CEDICT's people are people whatever jieba says (周恩来 is tagged t, a time)."""
    tag = segment.word_tag(word)
    if tag is None or tag.startswith("nr"):
        return False
    return segment.word_frequency(word) >= COMMON_WORD_FREQ and not (
        len(word) >= 2 and is_cedict_person(word)
    )


def is_dictionary_person_word(word: str) -> bool:
    """jieba's dictionary lists `word` and tags it as a person (nr, nrfg, nrt)."""
    tag = segment.word_tag(word)
    return tag is not None and tag.startswith("nr") and segment.word_frequency(word) > 0


def _unplaced_place_word(word: str) -> bool:
    """A word jieba's dictionary tags as a place that no place list knows (罗干): as likely a
    person as a place, so a title or a list may make it a name."""
    return segment.word_tag(word) == "ns" and not any(e.is_place for e in cedict.proper_nouns().get(word, ()))


def _time_or_number(word: str) -> bool:
    """明年, 今天, 一些: a given name is never a time, a number or a pronoun (谈明年, 从今天)."""
    tag = segment.word_tag(word)
    return tag is not None and tag[:1] in "tmr" and segment.word_frequency(word) >= COMMON_WORD_FREQ


def boundary_score(text: str, position: int) -> float:
    """How plausible it is that a name ends at `position`: 2 sure, 1.5 likely, 0 unlikely.

    Sure: end of text, punctuation, a space, a title. Likely: a function character (在, 等)
    or the start of a known word (主持, 充满). Unlikely: a character that only makes sense
    glued to what comes before (章旭 | 升在).
    """
    if position >= len(text) or not is_hanzi(text[position]):
        return 2.0
    if text.startswith(TITLES_AFTER, position) or text.startswith(PERSON_VERBS, position):
        return 2.0
    if text[position] in FOLLOWING_CHARS:
        return 1.5
    for length in (4, 3, 2):
        piece = text[position : position + length]
        if len(piece) == length and segment.word_frequency(piece) >= COMMON_WORD_FREQ:
            return 1.5
    return 0.0


def name_lengths(text: str, start: int, *, rare_surnames: bool = False) -> list[int]:
    """The lengths a name starting at `start` may have: 2-3, or 3-4 after a compound surname."""
    family = surname_length(text[start : start + 3])
    first = text[start : start + 1]
    if family == 0 and rare_surnames and surnames.is_surname(first) and first not in NEVER_SURNAMES:
        family = 1
    if family == 0:
        return []
    return [family + 1, family + 2]


def name_at(
    text: str, start: int, jieba_ends: frozenset[int] = frozenset(), *, rare_surnames: bool = False
) -> str | None:
    """The person's name starting at `start`, or None when no length reads as one.

    Each possible length is scored by how well the text after it reads as the next word
    (`boundary_score`), plus a little when jieba also cut there; ties go to three characters,
    the most common length of Chinese names.
    """
    best: tuple[float, int] | None = None
    for length in name_lengths(text, start, rare_surnames=rare_surnames):
        end = start + length
        candidate = text[start:end]
        if len(candidate) < length or _time_or_number(candidate[-2:]):
            continue
        if is_common_word(candidate) and not (
            _unplaced_place_word(candidate) or (rare_surnames and length == 3)
        ):
            continue
        if not looks_like_person(candidate, rare_surnames=rare_surnames):
            continue
        score = boundary_score(text, end)
        if score < 1.5 and end in jieba_ends and length == 3:
            score = 1.0  # 敖维忠拉着: jieba ends the name there, the next word is unknown
        elif score < 1.5:
            continue
        score += 0.5 if end in jieba_ends else 0.0
        if length > 2 and candidate[-1] in FOLLOWING_CHARS:
            score -= 0.25  # 田亮能凭借: a name ends before 能 more often than with it
        key = (score, length == 3)
        if best is None or key > (best[0], best[1] == 3):
            best = (score, length)
    return text[start : start + best[1]] if best else None


def name_before(text: str, end: int, jieba_starts: frozenset[int] = frozenset()) -> str | None:
    """The person's name ending at `end` (the first item of a 、 list), or None.

    Preferred: the length after which the text before is a title or a list trigger
    (领导|章旭升); then the one jieba also cut; then three characters.
    """
    best: tuple[float, int] | None = None
    for length in (2, 3, 4):
        start = end - length
        if start < 0:
            continue
        candidate = text[start:end]
        if not looks_like_person(candidate) or is_common_word(candidate):
            continue
        before = text[:start].rstrip()
        score = 1.0
        if not before or not is_hanzi(before[-1]) or before.endswith(LIST_TRIGGERS):
            score = 2.0
        score += 0.5 if start in jieba_starts else 0.0
        key = (score, length == 3)
        if best is None or key > (best[0], best[1] == 3):
            best = (score, length)
    return text[end - best[1] : end] if best else None


def title_before(text: str, start: int) -> bool:
    """Whether a title or role stands right before `start` (spaces allowed, as in bylines)."""
    return text[:start].rstrip().endswith(TITLES)


def person_context_after(text: str, end: int) -> bool:
    """Whether a title (书记, 同志) or a person's verb (表示, 主持) follows the name."""
    rest = text[end:].lstrip()
    if rest.startswith("摄"):
        return True
    return rest.startswith(TITLES_AFTER) or rest.startswith(PERSON_VERBS)


# A person's entry gives a lifespan, "(1898-1976)" or "(-219)", or says "(name)"; a role word
# alone is not enough ("the Cultural Revolution ... led by").
_LIFESPAN = re.compile(r"\(\s*-?\d{1,4}\s*-\s*\d{0,4}\s*\)|\(-\d{1,4}\)")
_PERSON_SENSE = re.compile(_LIFESPAN.pattern + r"|\(name\)")
_EVENT = re.compile(
    r"\b(?:War|Revolution|Dynasty|dynasty|period|era|Movement|Incident|Uprising|Campaign|Rebellion|"
    r"Kingdom|Empire|Republic|reign|Expedition|Reform)\b"
)


def is_cedict_person(word: str, *, lived: bool = False) -> bool:
    """CC-CEDICT describes `word` as a person: a lifespan "(1898-1976)", or "(name)" unless
    `lived` asks for the lifespan; a war, a dynasty or a movement has dates too."""
    pattern = _LIFESPAN if lived else _PERSON_SENSE
    return any(
        pattern.search(d) and not _EVENT.search(d)
        for e in cedict.proper_nouns().get(word, ())
        for d in e.definitions
    )


def is_cedict_non_person(word: str) -> bool:
    """CC-CEDICT lists `word` as a proper noun, and none of its entries is a person
    (莫斯科 "Moscow", 宣传部 "Propaganda Department", 阿拉伯 "Arabian")."""
    entries = cedict.proper_nouns().get(word, ())
    return bool(entries) and not any(
        _PERSON_SENSE.search(d) or re.search(r"\bsurname\b", d) for e in entries for d in e.definitions
    )


def ends_like_a_thing(name: str) -> bool:
    return name[-1:] in THING_ENDINGS


def is_demonym(name: str) -> bool:
    """杭州人, 东方人: a place or a common word, then 人."""
    if len(name) < 3 or not name.endswith(_DEMONYM_END):
        return False
    stem = name[:-1]
    return (
        stem in _REGION_WORDS
        or is_common_word(stem)
        or any(e.is_place for e in cedict.proper_nouns().get(stem, ()))
        or (segment.word_tag(stem) in ("ns", "nt"))
    )


# Words (whole jieba words) after which a word jieba took for a name names a body or a place.
NOT_PERSON_AFTER: frozenset[str] = frozenset(
    word_list(
        "公司 集团 有限 派出所 电视 计划 工程 大学 中学 小学 医院 宾馆 饭店 酒店 大厦 广场 公园 "
        "村 镇 乡 县 市 路 街 湖 河 江 山 岛 港 厂 矿 站 号 牌 杯 奖 节 报 网 台 社 局 所 院"
    )
)

#: Titles of the people who wrote or photographed an article: any surname will do after them.
CREDIT_TITLES: tuple[str, ...] = ("记者", "通讯员", "实习生", "摄影", "摄", "编辑", "作者", "撰稿")


def may_be_person(name: str, found: frozenset[str] = frozenset(), *, titled: bool = False) -> bool:
    """What no rule may call a person: a function word glued to a word or a name (和家人,
    和秦惠 where 秦惠 is found too; 于永波 stays), a demonym (杭州人), a proper noun CC-CEDICT
    knows as a place or a body (莫斯科, 宣传部), unless a title stands before it (记者马利:
    Mali is also a country)."""
    if name[:1] in FUNCTION_SURNAMES and "·" not in name:
        rest = name[1:]
        if len(name) == 2 or rest in found or is_common_word(rest) or is_common_word(rest[:2]):
            return False
    if is_demonym(name):
        return False
    return titled or not is_cedict_non_person(name)
