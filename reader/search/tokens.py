"""What the archive index stores for an article, and the FTS5 expression that pre-selects it.

SQLite's FTS5 finds whole tokens, and Chinese has no spaces to make tokens of. So each
folded text is cut into overlapping character bigrams (`数字经济` -> `数字 字经 经济 济`). The
index keeps only *which* articles hold a token (FTS5 `detail=none`: no positions, no
columns), each distinct token once an article: that is what makes it about a tenth of a
positional index. A query of k >= 2 characters asks for the articles holding all of its
k-1 bigrams; the exact phrase is then checked on the article's text (`index.py`), so a
candidate whose bigrams lie apart costs a check, never a false hit. The last character of
every text also stands alone as a token, so a one-character query is a prefix query
(`"经"*`) and still finds a character at the very end of a text.

The `ascii` tokenizer splits only on ASCII spaces and punctuation; ASCII punctuation is
moved to the Private Use Area first, so `14.1%` stays the tokens `14 4. .1 1%`.

For pinyin, each Chinese character is replaced by the first letter of its usual syllable
(`章旭升` -> `zxs`, spelled in Private Use Area letters so that they never equal a
bigram), anything else by a break, and the letter trigrams are indexed: every way of reading a pinyin query starts each unit
with a letter (`zhangxusheng` and `zxs` both give `zxs`), so the articles holding those
trigrams are the candidates, checked exactly afterwards (syllables, tones, heteronyms,
word boundaries).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable

from reader.search.pinyin_match import PinyinQuery, primary_syllable

#: Initials are written as Private Use Area letters (`z` -> U+E17A), so that an initials
#: token can never equal a character bigram (`zx` in a Latin word).
_INITIAL_BASE = 0xE100
#: Joins the parts of an article: a bigram across it holds this character, which no query has.
PART_BREAK = "\uf8ff"

_PUNCTUATION_TO_PRIVATE = {code: chr(0xF000 + code) for code in range(0x21, 0x7F) if not chr(code).isalnum()}
_PRIVATE_OF = {chr(code): value for code, value in _PUNCTUATION_TO_PRIVATE.items()}
_ASCII_PUNCTUATION = re.compile("[" + re.escape("".join(_PRIVATE_OF)) + "]")


def _private_punctuation(text: str) -> str:
    """ASCII punctuation moved to the Private Use Area; a regex finds the few there are
    (five times faster than `str.translate` over a whole article)."""
    return _ASCII_PUNCTUATION.sub(lambda found: _PRIVATE_OF[found.group()], text)


#: At most this many ways of reading a pinyin query are asked of the index.
_MAX_READINGS = 12
_add = operator.add


def initials_letters(letters: str) -> str:
    """ASCII initials (`zxs`) as the index spells them."""
    return "".join(chr(_INITIAL_BASE + ord(letter)) for letter in letters)


class _InitialTable(dict[int, str]):
    """`str.translate` table: a Chinese character -> its initial (as the index spells it),
    anything else -> PART_BREAK, so that no initials token runs across a non-Chinese character."""

    def __missing__(self, code: int) -> str:
        syllable = primary_syllable(chr(code))
        value = initials_letters(syllable[0]) if syllable else PART_BREAK
        self[code] = value
        return value


_INITIAL_TABLE = _InitialTable()


def text_tokens(folded_parts: Iterable[str]) -> str:
    """The tokens of an article (or of its headline and byline) as FTS5 gets them.

    The parts (the joined headline, the byline, each block) are joined by PART_BREAK and cut
    in one go, at C speed (`map`, `set`, `str.translate`): a bigram never spans two parts
    without holding PART_BREAK, and the one ending in it (`济` + break) is what a
    one-character prefix query finds at the end of a part. Each distinct token is written once.
    """
    text = PART_BREAK.join(folded_parts) + PART_BREAK
    if len(text) == 1:
        return ""
    literal = _private_punctuation(text)
    tokens = set(map(_add, literal, literal[1:]))
    letters = text.translate(_INITIAL_TABLE)
    tokens.update(map(_add, map(_add, letters, letters[1:]), letters[2:]))
    tokens.discard(PART_BREAK * 2)
    return " ".join(tokens)


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def literal_expression(folded_query: str) -> str:
    """FTS5 expression pre-selecting the texts that may contain `folded_query`."""
    text = folded_query.translate(_PUNCTUATION_TO_PRIVATE)
    if len(text) == 1:
        return _quoted(text) + "*"
    return " AND ".join(_quoted(token) for token in sorted(set(map(_add, text, text[1:]))))


def initials_expression(initials: str) -> str:
    """FTS5 expression pre-selecting texts whose initials contain `initials` (2+ letters)."""
    spelled = initials_letters(initials)
    if len(spelled) == 2:
        return _quoted(spelled) + "*"
    grams = {spelled[i : i + 3] for i in range(len(spelled) - 2)}
    return " AND ".join(_quoted(gram) for gram in sorted(grams))


def pinyin_expression(query: PinyinQuery) -> str | None:
    """FTS5 expression (OR over ways of reading) pre-selecting texts that may read as `query`;
    None when no reading has two units or more (a one-letter query)."""
    readings = query.segmentations()
    shortest = min((len(units) for units in readings), default=0)
    alternatives: set[str] = set()
    for units in readings:
        if len(units) < 2 or len(units) > shortest + 1 or len(alternatives) >= _MAX_READINGS:
            continue
        alternatives.add("(" + initials_expression("".join(unit[0] for unit in units)) + ")")
    if not alternatives:
        return None
    return " OR ".join(sorted(alternatives))
