"""What the archive index stores for a text, and the FTS5 expression that finds a query in it.

SQLite's FTS5 finds whole tokens, and Chinese has no spaces to make tokens of. So each
folded text is written as overlapping character bigrams (`数字经济` -> `数字 字经 经济 济`):
a query of k >= 2 characters is then the FTS5 phrase of its k-1 bigrams, which matches
exactly where the query is a substring, at SQLite's C speed. The last character of every
text also stands alone as a token, so that a one-character query is a prefix query (`"经"*`)
on the bigrams and still finds a character at the very end.

The `ascii` tokenizer splits only on ASCII spaces and punctuation; ASCII punctuation is
moved to the Private Use Area first, so `14.1%` stays the tokens `14 4. .1 1%` instead of
being cut apart.

For pinyin, each Chinese character is written as its usual toneless syllable
(`章旭升` -> `zhang xu sheng`), anything else as one `0` token (so no match runs across it).
A pinyin query becomes an FTS5 phrase of syllables and prefixes (`"zhang" + "x"* + "s"*`)
per way of cutting it; the index is a pre-selection only, the exact check (tones,
heteronyms) runs on the candidates in Python.
"""

from __future__ import annotations

import operator
import re

from reader.search.pinyin_match import PinyinQuery, _syllables, primary_syllable

#: Ends one part (headline line, block) so that no bigram spans two of them.
PART_BREAK = "\uf8ff"

_PUNCTUATION_TO_PRIVATE = {code: chr(0xF000 + code) for code in range(0x21, 0x7F) if not chr(code).isalnum()}
#: At most this many ways of reading a pinyin query are asked of the index.
_MAX_READINGS = 12
_NO_PINYIN = re.compile(r"(?: 0)+")


def bigram_tokens(folded: str) -> str:
    """Space-separated overlapping bigrams of `folded`, its last character alone at the end."""
    if not folded:
        return ""
    text = folded.translate(_PUNCTUATION_TO_PRIVATE)
    pairs = list(map(operator.add, text, text[1:]))
    pairs.append(text[-1])
    return " ".join(pairs)


def join_parts(parts: list[str]) -> str:
    """Tokens of several texts, with a break token between them."""
    return f" {PART_BREAK} ".join(part for part in parts if part)


class _PinyinTable(dict[int, str]):
    """`str.translate` table: a Chinese character -> ' syllable', anything else -> ' 0'."""

    def __missing__(self, code: int) -> str:
        syllable = primary_syllable(chr(code))
        value = f" {syllable}" if syllable else " 0"
        self[code] = value
        return value


class _InitialTable(dict[int, str]):
    """`str.translate` table: a Chinese character -> its initial letter, anything else -> '0'."""

    def __missing__(self, code: int) -> str:
        syllable = primary_syllable(chr(code))
        value = syllable[0] if syllable else "0"
        self[code] = value
        return value


_PINYIN_TABLE = _PinyinTable()
_INITIAL_TABLE = _InitialTable()


def pinyin_tokens(folded: str) -> str:
    """The usual syllable of each character of `folded`, runs of anything else as one `0`."""
    return _NO_PINYIN.sub(" 0", folded.translate(_PINYIN_TABLE)).strip()


def initial_tokens(folded: str) -> str:
    """Bigrams of the initial letters of `folded` (章旭升 -> `zx xs s`), for initials queries.

    One letter a position would make every doclist huge (a page has hundreds of `z`); pairs of
    letters split them 26 ways more, the same trick as the character bigrams.
    """
    letters = folded.translate(_INITIAL_TABLE)
    return bigram_tokens(letters)


def literal_expression(folded_query: str) -> str:
    """FTS5 expression matching texts that contain `folded_query` (bigram columns)."""
    text = folded_query.translate(_PUNCTUATION_TO_PRIVATE)
    if len(text) == 1:
        return f'"{text}"*'
    return '"' + " ".join(map(operator.add, text, text[1:])) + '"'


def pinyin_expression(query: PinyinQuery, syllable_column: str, initial_column: str) -> str:
    """FTS5 expression (OR over ways of reading) pre-selecting texts that may read as `query`.

    Each way of cutting the query gives a sequence of initials (every unit, syllable or not,
    starts with one), which must occur in the initials column; runs of full syllables must
    also occur as phrases in the syllable column. Tones and other readings of heteronyms
    are left to the exact check on the candidates.
    """
    syllables = _syllables()
    alternatives: set[str] = set()
    readings = query.segmentations()
    # Readings with many more units than the shortest are cut into initials that real text
    # almost never spells; leaving them out keeps the OR small (a 12-letter query has dozens).
    shortest = min((len(units) for units in readings), default=0)
    for units in readings:
        if len(units) > shortest + 1 or len(alternatives) >= _MAX_READINGS:
            continue
        initials = "".join(unit[0] for unit in units)
        parts = [f"{{{initial_column}}} : {literal_expression(initials)}"]
        run: list[str] = []
        for position, unit in enumerate([*units, ""]):
            full = unit in syllables and len(unit) > 1 and position < len(units) - 1
            if full:
                run.append(unit)
            elif run:
                parts.append(f'{{{syllable_column}}} : "{" ".join(run)}"')
                run = []
        alternatives.add("(" + " AND ".join(parts) + ")")
    return " OR ".join(sorted(alternatives))
