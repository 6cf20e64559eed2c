"""Pinyin of running text written by word, the way GB/T 16159-2012 (and dictionaries) write it.

`reading()` gives one syllable per character (`wǒ men qù lù ān`); a reader of pinyin expects
words: `wǒmen qù Lù'ān`. The rules kept here:

- the syllables of one word are joined, with an apostrophe before a syllable starting with
  a, o or e (`Xī'ān`, `Tiān'ānmén`); words are separated by spaces;
- proper names are capitalised: a person as surname, space, given name (`Zhāng Xùshēng`),
  a place with its proper part joined and its generic part apart (`Yǒngkāng Shì`), an
  organisation word by word (`Quánguó Rénmín Dàibiǎo Dàhuì`);
- a surname with a title is a name and a common noun (`Wáng bùzhǎng`, `Lǐ lǎoshī`), with 老/小
  one name (`Lǎo Wáng`);
- ordinals take a hyphen (`dì-shísān jiè`, `chū-wǔ`), a measure word is written apart from its
  numeral (`yī gè`);
- a four-character idiom is written as two joined pairs with a hyphen (`fēngpíng-làngjìng`);
- long compounds that are phrases of dictionary words are written apart (`zhǔchí huìyì`);
- Chinese punctuation becomes the Latin one (，。 -> , .), other characters stay as they are.

Words come from jieba (the name finder finds the people and places first, so that a name jieba
cut in two is still one name). The sentence's first letter is not capitalised: the reading is
usually shown next to the characters, not instead of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reader.lang import name_rules, names, pinyin, segment, surnames

WordKind = Literal["word", "person", "place", "proper", "text"]

_PUNCTUATION = {
    "，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")",
    "“": "\u201c", "”": "\u201d", "‘": "\u2018", "’": "\u2019", "《": "\u00ab", "》": "\u00bb",
    "…": "…", "——": "—", "·": "·",
}  # fmt: skip
_NO_SPACE_BEFORE = set(",.;:?!)\u201d\u2019\u00bb…%")
_NO_SPACE_AFTER = set("(\u201c\u2018\u00ab")
#: A subword of a long word must be a dictionary word seen at least this often to split on it.
_SPLIT_FREQ = 50

# A number word: an ordinal prefix (第一 dì-yī, 初五 chū-wǔ), the numeral, a measure word
# written apart (十三届 shísān jiè, 一个 yī gè).
_NUMBER = re.compile(r"^(第|初)?([〇零一二三四五六七八九十百千万亿两]+)(.*)$")
_MEASURES = frozenset("个次届年月日号位名条张件种项本只头匹台辆家所座层倍元岁天周期批份篇部场轮")
# 老王, 小李, 阿张: a surname with a prefix of familiarity is one name (Lǎo Wáng).
_FAMILIAR = frozenset("老小阿")


@dataclass(frozen=True, slots=True)
class Token:
    """One written unit: the characters, what they are, and their reading."""

    text: str
    kind: WordKind
    reading: str


class _Sentence:
    """A one-block article, the shape the name finder reads."""

    kind = "article"

    def __init__(self, text: str) -> None:
        self.headline: tuple[str, ...] = ()
        self.byline = ""
        self.authors: tuple[str, ...] = ()
        self.blocks = (_Block(text),)


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    kind: str = "paragraph"


def _name_spans(text: str) -> list[tuple[int, int, Literal["person", "place"], str]]:
    """(start, end, kind, reading) of each name the finder finds in `text`, in order."""
    found = names.find_names(_Sentence(text))
    spans: list[tuple[int, int, Literal["person", "place"], str]] = [
        (s, e, "person", hit.pinyin) for hit in found.people for _, s, e in hit.spans
    ]
    spans += [(s, e, "place", hit.pinyin) for hit in found.places for _, s, e in hit.spans]
    return sorted(spans)


def _split_compound(word: str, flag: str = "") -> list[str]:
    """A long word cut into the words it is a phrase of, else [word].

    jieba's dictionary holds phrases (在讲话中, tagged l) and long compounds (人民代表大会);
    the standard writes their words apart. A phrase, or a word jieba's model made up, is cut
    into common words and single characters (在 讲话 中); a long compound of four characters
    or more only into common words of two or more (人民 代表 大会, 主持 会议), a last lone
    character staying with the word before it (人民 日报社). The cut with the fewest single
    characters, then the most words, wins."""
    loose = flag == "l" or segment.word_frequency(word) == 0
    if len(word) < 3 or (len(word) < 4 and not loose):
        return [word]
    # best[i]: (single characters, -pieces, pieces) of the best cut of word[:i]
    best: list[tuple[int, int, list[str]] | None] = [None] * (len(word) + 1)
    best[0] = (0, 0, [])
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 4), end):
            before = best[start]
            piece = word[start:end]
            if before is None or piece == word:
                continue
            single = len(piece) == 1
            if single and not loose:
                continue
            if not single and segment.word_frequency(piece) < _SPLIT_FREQ:
                continue
            candidate = (before[0] + single, before[1] - 1, [*before[2], piece])
            if best[end] is None or candidate[:2] < best[end][:2]:  # type: ignore[index]
                best[end] = candidate
    found = best[len(word)]
    if found is None and not loose and best[len(word) - 1] is not None:
        pieces = list(best[len(word) - 1][2])  # type: ignore[index]
        if pieces:
            pieces[-1] += word[-1]
            return pieces
    if found is None or found[0] >= len(word) - 1:
        return [word]
    return found[2]


def _number_tokens(word: str) -> list[Token] | None:
    """第十三届 -> dì-shísān jiè, 初五 -> chū-wǔ, 一个 -> yī gè; None when `word` is no number."""
    match = _NUMBER.match(word)
    if not match or (match.group(3) and match.group(3) not in _MEASURES):
        return None
    prefix, numeral, measure = match.groups()
    reading = pinyin.word_reading(numeral)
    tokens = [
        Token(
            (prefix or "") + numeral,
            "word",
            f"{pinyin.word_reading(prefix)}-{reading}" if prefix else reading,
        )
    ]
    if measure:
        tokens.append(Token(measure, "word", pinyin.word_reading(measure)))
    return tokens


def _surname_reading(surname: str) -> str:
    return pinyin.name_reading(surname, "person")


def _titled_surname(word: str) -> list[Token] | None:
    """李老师 -> Lǐ lǎoshī, 王女士 -> Wáng nǚshì, 老王 -> Lǎo Wáng: a surname with a title is a
    name and a common noun; with a prefix of familiarity, one name."""
    if len(word) >= 3 and word[0] in surnames.COMMON_SURNAMES:
        rest = word[1:]
        if rest in name_rules.TITLES or rest in name_rules.TITLES_AFTER or rest in name_rules.HONORIFICS:
            return [
                Token(word[0], "person", _surname_reading(word[0])),
                Token(rest, "word", pinyin.word_reading(rest)),
            ]
    if len(word) == 2 and word[0] in _FAMILIAR and word[1] in surnames.COMMON_SURNAMES:
        return [
            Token(
                word, "person", _capitalised(pinyin.word_reading(word[0])) + " " + _surname_reading(word[1])
            )
        ]
    return None


def _word_tokens(word: str, flag: str) -> list[Token]:
    if not any(pinyin.is_hanzi(c) for c in word):
        text = _PUNCTUATION.get(word, word)
        return [Token(word, "text", text.strip() or "")] if text.strip() else []
    if flag[:1] in "mt" or word.startswith("第"):
        numbers = _number_tokens(word)
        if numbers:
            return numbers
    if flag.startswith("nr"):
        titled = _titled_surname(word)
        if titled:
            return titled
    if flag == "ns" and (names.is_place(word, flag) or pinyin.is_known_place(word)):
        return [Token(word, "place", pinyin.name_reading(word, "place"))]
    pieces = _split_compound(word, flag)
    if flag == "ns" and len(pieces) > 1:
        flag = "nt"  # 天安门广场, 中华人民共和国: a named place, capitalised word by word
    if flag == "nt" or ((flag in ("ns", "nz") or flag.startswith("nr")) and _cedict_proper(word)):
        return [Token(p, "proper", _capitalised(pinyin.word_reading(p))) for p in pieces]
    if flag == "i" and len(word) == 4:
        return [Token(word, "word", pinyin.word_reading(word[:2]) + "-" + pinyin.word_reading(word[2:]))]
    return [Token(p, "word", pinyin.word_reading(p)) for p in pieces]


def _cedict_proper(word: str) -> bool:
    """CC-CEDICT capitalises the word: a country or a body jieba tags as a place (马耳他 Malta)."""
    from reader.lang import cedict

    return bool(cedict.proper_nouns().get(word))


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def tokens(text: str) -> list[Token]:
    """The words of `text` with their kinds and readings, in order (loads jieba)."""
    result: list[Token] = []
    position = 0
    for start, end, kind, reading in _name_spans(text):
        if start < position:
            continue
        result.extend(_gap_tokens(text[position:start]))
        result.append(Token(text[start:end], kind, reading))
        position = end
    result.extend(_gap_tokens(text[position:]))
    return result


def _gap_tokens(text: str) -> list[Token]:
    if not text:
        return []
    found: list[Token] = []
    end = -1
    for word in segment.tagged(text):
        latin = word.word.isascii() and word.word.strip() and not word.word.isspace()
        if latin and found and found[-1].kind == "text" and end == word.start and found[-1].text.isascii():
            last = found.pop()  # 5 + G -> 5G: jieba cuts digits from letters
            found.append(Token(last.text + word.word, "text", last.reading + word.word))
        else:
            found.extend(_word_tokens(word.word, word.flag))
        end = word.end
    return _surnames_in_context(found)


def _surnames_in_context(tokens: list[Token]) -> list[Token]:
    """A lone surname that jieba did not join: 小 + 李 -> Xiǎo Lǐ, 张 + 先生 -> Zhāng xiānshēng."""
    result: list[Token] = []
    for index, token in enumerate(tokens):
        lone = len(token.text) == 1 and token.text in surnames.COMMON_SURNAMES and token.kind != "text"
        lone = lone and (segment.word_tag(token.text) or "n")[:1] not in "pcdvur"  # 由, 和, 向: words
        after = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if lone and result and result[-1].text in _FAMILIAR and result[-1].kind == "word":
            familiar = result.pop()
            reading = _capitalised(familiar.reading) + " " + _surname_reading(token.text)
            result.append(Token(familiar.text + token.text, "person", reading))
        elif lone and (
            after in name_rules.TITLES_AFTER or after in name_rules.HONORIFICS or after in name_rules.TITLES
        ):
            result.append(Token(token.text, "person", _surname_reading(token.text)))
        else:
            result.append(token)
    return result


def join(readings: list[str]) -> str:
    """Readings joined by spaces, without a space before , . ) or after ( and opening quotes."""
    out = ""
    for item in readings:
        if not item:
            continue
        if out and item[0] not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += item
    return out


def write(text: str) -> str:
    """The pinyin of `text` by word: 我们去六安 -> "wǒmen qù Lù'ān" (loads jieba)."""
    return join([t.reading for t in tokens(text)])
