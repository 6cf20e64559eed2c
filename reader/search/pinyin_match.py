"""Finding Chinese text by its pinyin: `zhangxusheng`, `zhang xu sheng`, `zxs`, `zhāng`, `zhang1`.

A reader who cannot type Chinese (or does not know which 张/章 a name uses) types Latin
letters. A query in Latin letters is read as a sequence of units, each one character of the
text: a full syllable (tone optional, as a mark `zhāng` or a digit `zhang1`), or just its
initial (`z`, or `zh`/`ch`/`sh`); the last unit may be any prefix of a syllable, so results
appear while the reader is still typing. Spaces and apostrophes in the query are syllable
boundaries (`xi'an` is two characters).

The query is not cut into syllables beforehand, because pinyin is ambiguous (`xian` is 先
or 西安): `find_pinyin` tries every way the query can be read against the readings of the
characters actually present (a depth-first search memoised on (query position, text
position), so the work is bounded by query length times text length). Every reading of a
heteronym counts (`长` is both zhang and chang).

pypinyin is used directly, one character at a time (no phrase context: search must find a
name however the phrase dictionary would have read it), with a cache per character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

#: Combining marks of the four tones, as NFD spells ā á ǎ à.
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_UMLAUT = "\u0308"
_SEPARATORS = frozenset(" '’-\t")
_TWO_LETTER_INITIALS = ("zh", "ch", "sh")


@dataclass(frozen=True, slots=True)
class Reading:
    """One pronunciation of a character: toneless syllable (ü spelled v) and tone (5: neutral)."""

    syllable: str
    tone: int


@cache
def readings(char: str) -> tuple[Reading, ...]:
    """All readings of one character, most common first; () for anything that is not Chinese."""
    from pypinyin import Style, pinyin  # imported on first use: the CLI's `--help` stays fast

    found = pinyin(char, style=Style.TONE3, heteronym=True, errors="ignore", neutral_tone_with_five=True)
    result: list[Reading] = []
    for spelled in found[0] if found else ():
        syllable = spelled.rstrip("012345").replace("ü", "v")
        tone = int(spelled[len(syllable) :] or 5)
        reading = Reading(syllable, tone)
        if syllable.isascii() and syllable.isalpha() and reading not in result:
            result.append(reading)
    return tuple(result)


def primary_syllable(char: str) -> str:
    """The usual toneless reading of a character, '' when it has none (the index stores it)."""
    found = readings(char)
    return found[0].syllable if found else ""


@dataclass(frozen=True, slots=True)
class PinyinQuery:
    """A Latin-letter query taken apart: letters, the tone each letter carries, boundaries.

    `marks[i]` is the tone marked on letter i (0: none); `digits[i]` the tone digit written
    right after letters[:i] (it closes a syllable there); `breaks` the positions where the
    reader put a space or an apostrophe (a syllable may not run across them).
    """

    letters: str
    marks: tuple[int, ...]
    digits: dict[int, int]
    breaks: frozenset[int]
    #: True when the letters cut into whole syllables (`zhang`, `xian`, `zhangxusheng`): then
    #: only whole syllables match, so `zhang` is never 展 + the initial of 工 (发展工程).
    complete: bool = False

    def segmentations(self, limit: int = 48) -> list[list[str]]:
        """Ways to cut the letters into units (syllables, initials, a final prefix), fewest first.

        Used by the archive index to pre-select pages; tones are left to the precise check.
        """
        syllables = _syllables()
        first_letters = {s[0] for s in syllables}
        n = len(self.letters)
        budget = limit * 8  # enough to contain the readings with fewest units, bounded

        memo: dict[int, list[list[str]]] = {}

        def cuts(i: int) -> list[list[str]]:
            if i == n:
                return [[]]
            if i in memo:
                return memo[i]
            results: list[list[str]] = []
            for j in range(n, i, -1):  # longest pieces first: the likely readings come early
                piece = self.letters[i:j]
                if any(i < b < j for b in self.breaks) or any(i < d < j for d in self.digits):
                    continue
                is_unit = (
                    piece in syllables
                    or (j == n and len(piece) > 1 and any(s.startswith(piece) for s in syllables))
                    or (
                        not self.complete
                        and ((len(piece) == 1 and piece in first_letters) or piece in _TWO_LETTER_INITIALS)
                    )
                )
                if is_unit:
                    for rest in cuts(j):
                        results.append([piece, *rest])
                        if len(results) >= budget:
                            break
                if len(results) >= budget:
                    break
            memo[i] = results
            return results

        found = cuts(0)
        found.sort(key=len)
        return found[:limit]


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (about 400), for cutting queries."""
    from pypinyin.pinyin_dict import pinyin_dict

    result: set[str] = set()
    for spelled in pinyin_dict.values():
        for one in spelled.split(","):
            plain = "".join(
                c for c in unicodedata.normalize("NFD", one) if c not in _TONE_MARKS and c != _UMLAUT
            )
            result.add(plain.replace("u\u0308", "v"))
    # ü spelled v: NFD turned ü into u + umlaut, which was dropped above; add the v forms.
    for one in list(result):
        if one in {"nu", "lu", "nue", "lue", "lun"}:
            result.add("v".join(one.rsplit("u", 1)))
    return frozenset(s for s in result if s.isascii() and s.isalpha())


_LATIN_QUERY = re.compile(r"^[a-z\u0300-\u030c\s'’\-0-5]+$")


def parse_pinyin_query(query: str) -> PinyinQuery | None:
    """Read `query` as pinyin, or None when it is not one (Chinese, punctuation, one letter)."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", query).lower().strip())
    if not text or not _LATIN_QUERY.match(text):
        return None
    letters: list[str] = []
    marks: list[int] = []
    digits: dict[int, int] = {}
    breaks: set[int] = set()
    for char in text:
        if char in _TONE_MARKS:
            if not letters:
                return None
            marks[-1] = _TONE_MARKS[char]
        elif char == _UMLAUT:
            if not letters or letters[-1] != "u":
                return None
            letters[-1] = "v"
        elif char.isdigit():
            if not letters or len(letters) in digits:
                return None
            digits[len(letters)] = int(char) or 5
        elif char in _SEPARATORS or char.isspace():
            breaks.add(len(letters))
        elif "a" <= char <= "z":
            letters.append(char)
            marks.append(0)
        else:
            return None
    if len(letters) < 2:
        return None
    spelled = "".join(letters)
    cuts = frozenset(breaks) | frozenset(digits)
    return PinyinQuery(spelled, tuple(marks), digits, frozenset(breaks), _whole_syllables(spelled, cuts))


def _whole_syllables(letters: str, cuts: frozenset[int]) -> bool:
    """True when `letters` cut into whole syllables, none running across a position in `cuts`."""
    syllables = _syllables()
    n = len(letters)
    reachable = [True] + [False] * n
    for i in range(n):
        if not reachable[i]:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            if letters[i:j] in syllables and not any(i < c < j for c in cuts):
                reachable[j] = True
    return reachable[n]


def _unit_ends(query: PinyinQuery, i: int, reading: Reading, initials: bool) -> list[int]:
    """Query positions where a unit starting at letter i can end, if it reads as `reading`:
    the whole syllable; with `initials`, also its initial; and the rest of an incomplete
    query as an unfinished last syllable."""
    letters, n = query.letters, len(query.letters)
    syllable = reading.syllable
    candidates: list[int] = []
    if letters.startswith(syllable, i):
        candidates.append(i + len(syllable))
    if initials:
        initial = syllable[:2] if syllable[:2] in _TWO_LETTER_INITIALS else ""
        if initial and letters.startswith(initial, i):
            candidates.append(i + 2)
        if letters.startswith(syllable[0], i):
            candidates.append(i + 1)
    rest = letters[i:]
    if len(rest) > 1 and syllable.startswith(rest):  # the reader is still typing this one
        candidates.append(n)
    ends: list[int] = []
    for j in candidates:
        if j in ends or any(i < b < j for b in query.breaks) or any(i < d < j for d in query.digits):
            continue
        if any(query.marks[k] not in (0, reading.tone) for k in range(i, j)):
            continue
        if query.digits.get(j, reading.tone) != reading.tone:
            continue
        ends.append(j)
    return ends


def find_pinyin(text: str, query: PinyinQuery) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of `text` whose characters read as `query`, in order.

    Whole syllables match anywhere (the last one may be unfinished while typing). A reading
    that uses initials (`zxs`, `zhangxs`) must cover whole words as jieba cuts the text:
    章旭升 is a name, but 转型升 is two words and a half (转型 / 升级), never a hit.
    """
    spans = _find(text, query, initials=False, bounds=None)
    if not query.complete:
        spans.extend(_find(text, query, initials=True, bounds=lambda: _word_bounds(text)))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@lru_cache(maxsize=512)
def _word_bounds(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """(word starts, word ends) of `text` as jieba cuts it (loaded on first use)."""
    from reader.lang import segment

    found = segment.words(text)
    return frozenset(w.start for w in found), frozenset(w.end for w in found)


@lru_cache(maxsize=1)
def _chars_by_reading() -> dict[str, str]:
    """Toneless syllable -> every character with that reading (pypinyin's dictionary)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: dict[str, set[str]] = {}
    for code, spelled in pinyin_dict.items():
        char = chr(code)
        for one in spelled.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", one) if c not in _TONE_MARKS)
            plain = plain.replace("u" + _UMLAUT, "v").replace(_UMLAUT, "")
            found.setdefault(plain, set()).add(char)
    return {syllable: "".join(sorted(chars)) for syllable, chars in found.items()}


def _unit_class(piece: str, last: bool, initials: bool) -> str:
    """A regex class of the characters a unit can read as (tones aside): a superset."""
    table = _chars_by_reading()
    is_initial = len(piece) == 1 or piece in _TWO_LETTER_INITIALS
    if (initials and is_initial) or (last and len(piece) > 1):
        chars = "".join(c for syllable, c in table.items() if syllable.startswith(piece))
    else:
        chars = table.get(piece, "")
    return "[" + re.escape("".join(sorted(set(chars)))) + "]" if chars else "(?!)"


#: Pinyin queries whose pre-filter is compiled, by (letters, breaks, digits, complete, initials).
_FILTERS: dict[tuple[object, ...], re.Pattern[str] | None] = {}


def _prefilter(query: PinyinQuery, initials: bool) -> re.Pattern[str] | None:
    """A regex finding every position where some reading of `query` may start (tones and
    heteronyms aside), so that the exact search runs there only; None when the readings are
    too many to list (the exact search then runs everywhere)."""
    key = (query.letters, query.breaks, tuple(sorted(query.digits)), query.complete, initials)
    if key in _FILTERS:
        return _FILTERS[key]
    limit = 48
    readings_ = query.segmentations(limit)
    pattern: re.Pattern[str] | None = None
    if len(readings_) < limit:
        alternatives = {
            "".join(
                _unit_class(unit, number == len(units) - 1, initials) for number, unit in enumerate(units)
            )
            for units in readings_
        }
        pattern = re.compile("(?=" + "|".join(sorted(alternatives)) + ")") if alternatives else None
        if pattern is None:
            pattern = re.compile("(?!)")
    if len(_FILTERS) > 256:
        _FILTERS.clear()
    _FILTERS[key] = pattern
    return pattern


def _find(
    text: str,
    query: PinyinQuery,
    *,
    initials: bool,
    bounds: Callable[[], tuple[frozenset[int], frozenset[int]]] | None,
    prefiltered: bool = True,
) -> list[tuple[int, int]]:
    """Spans matching `query` from left to right; with `bounds`, only from a word start to a
    word end. A regex pre-filter (C speed) gives the positions worth the exact search."""
    n = len(query.letters)
    memo: dict[tuple[int, int], int] = {}
    starts: frozenset[int] | None = None
    ends: frozenset[int] | None = None

    def match_from(i: int, t: int) -> int:
        """End (text index) of a match of letters[i:] starting at text[t], or -1."""
        if i == n:
            return t if ends is None or t in ends else -1
        key = (i, t)
        if key in memo:
            return memo[key]
        memo[key] = -1  # no cycles: both i and t grow, but guard anyway
        result = -1
        if t < len(text):
            for reading in readings(text[t]):
                for j in _unit_ends(query, i, reading, initials):
                    end = match_from(j, t + 1)
                    if end >= 0:
                        result = end
                        break
                if result >= 0:
                    break
        memo[key] = result
        return result

    spans: list[tuple[int, int]] = []
    first = query.letters[0]
    prefilter = _prefilter(query, initials) if prefiltered else None
    if prefilter is not None:
        for found in prefilter.finditer(text):
            t = found.start()
            if bounds is not None and starts is None:  # jieba only for a text with a candidate
                starts, ends = bounds()
            if (spans and t < spans[-1][1]) or (starts is not None and t not in starts):
                continue
            end = match_from(0, t)
            if end > t:
                spans.append((t, end))
        return spans
    if bounds is not None:
        starts, ends = bounds()
    t = 0
    while t < len(text):
        if starts is None or t in starts:
            char_readings = readings(text[t])
            if char_readings and any(r.syllable[0] == first for r in char_readings):
                end = match_from(0, t)
                if end > t:
                    spans.append((t, end))
                    t = end
                    continue
        t += 1
    return spans
