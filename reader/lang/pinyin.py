"""Readings in pinyin with tone marks: of any text, of names, and their alternatives.

pypinyin reads ordinary words well but knows nothing of names: it reads 单 dān where the
surname is Shàn, and 六安 Liù'ān where the city is Lù'ān. Names are therefore read through
the surname and place tables (`surnames`, `places`) and CC-CEDICT's proper nouns first, and
pypinyin only for what they do not cover. pypinyin itself is imported on first use.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache
from typing import Any, Literal

from reader.lang import places, surnames

NameKind = Literal["person", "place"]
WordKind = Literal["word", "person", "place"]

#: At most this many readings come back from `alternatives` (a name of four heteronyms has 81).
MAX_ALTERNATIVES = 8

_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NO_SPACE_BEFORE = "，。、；：？！,.;:?!）」』”’》)]%…"
_NO_SPACE_AFTER = "（「『“‘《(["
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def _pypinyin() -> Any:
    import pypinyin

    return pypinyin


def is_hanzi(char: str) -> bool:
    return bool(_HANZI.fullmatch(char))


def _default_syllables(text: str) -> list[str]:
    """pypinyin's reading of a run of Chinese characters, one toned syllable per character."""
    module = _pypinyin()
    return [item[0] for item in module.pinyin(text, style=module.Style.TONE, errors="default")]


def _bare(syllable: str) -> str:
    """The syllable without tone marks and with ü as u: what the apostrophe rule looks at."""
    decomposed = unicodedata.normalize("NFD", syllable)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tone_number(syllable: str) -> int:
    """1-4 from the tone mark of a syllable, 5 for the neutral tone (no mark)."""
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    return 5


def _join_word(syllables: list[str]) -> str:
    """Syllables of one word written together: xù + shēng -> xùshēng, lù + ān -> lù'ān.

    The apostrophe marks a syllable starting with a, o or e inside a word, as the pinyin
    rules ask (Xī'ān is two syllables, Xiān one).
    """
    word = ""
    for index, syllable in enumerate(syllables):
        if index and _bare(syllable)[:1].lower() in "aoe":
            word += "'"
        word += syllable
    return word


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _tidy(pieces: list[str]) -> str:
    """Join syllables and non-Chinese runs with spaces, but not around punctuation."""
    text = " ".join(p.strip() for p in pieces if p.strip())
    text = re.sub(r"\s+([" + re.escape(_NO_SPACE_BEFORE) + "])", r"\1", text)
    return re.sub(r"([" + re.escape(_NO_SPACE_AFTER) + r"])\s+", r"\1", text)


def _special_place_at(text: str, position: int) -> str | None:
    for length in range(min(5, len(text) - position), 1, -1):
        piece = text[position : position + length]
        if piece in places.PLACE_READINGS and piece not in places.AMBIGUOUS_PLACES:
            return piece
    return None


def reading_syllables(text: str) -> list[str]:
    """One item per Chinese character (its toned syllable) and per run of other characters."""
    pieces: list[str] = []
    position = 0
    run_start = 0
    while position < len(text):
        place = _special_place_at(text, position)
        if place is None:
            position += 1
            continue
        if run_start < position:
            pieces.extend(_default_syllables(text[run_start:position]))
        pieces.extend(places.PLACE_READINGS[place].split())
        position += len(place)
        run_start = position
    if run_start < len(text):
        pieces.extend(_default_syllables(text[run_start:]))
    return pieces


def reading(text: str) -> str:
    """The pinyin of any text, syllables apart (the old form): 数字经济 -> "shù zì jīng jì".

    `reader.lang.orthography.write` writes it by word instead, the standard way.

    Characters that are not Chinese (digits, Latin words, punctuation) are kept as they are.
    The famous place names with special readings are read right even inside a sentence.
    """
    return _tidy(reading_syllables(text))


def _cedict_syllables(word: str, *, want: Literal["person", "place", "any"]) -> list[str] | None:
    """A reading of `word` from CC-CEDICT's proper nouns, one syllable per character."""
    from reader.lang import cedict

    candidates = [e for e in cedict.proper_nouns().get(word, ()) if len(e.pinyin.split()) == len(word)]
    if want == "place":
        # A place entry says what it is: "... county in ...", "... prefecture-level city".
        placey = [e for e in candidates if e.is_place]
        candidates = placey or candidates
    elif want == "person":
        candidates = [e for e in candidates if not e.is_surname and not e.is_place]
    return candidates[0].syllables if candidates else None


def _surname_syllables(surname: str) -> list[str]:
    known = surnames.surname_readings(surname)
    if known:
        return known[0].split()
    return _default_syllables(surname)


def _person_parts(name: str) -> tuple[list[str], list[str]]:
    """(surname syllables, given-name syllables) of a Chinese person's name."""
    surname, given = surnames.split_name(name)
    family = _surname_syllables(surname)
    whole = _cedict_syllables(name, want="person") if given else None
    if whole is not None:
        given_syllables = whole[len(surname) :]
    else:
        given_syllables = _default_syllables(given) if given else []
    return family, given_syllables


def _person_reading(name: str) -> str:
    family, given = _person_parts(name)
    words = [_capitalise(_join_word(family))]
    if given:
        words.append(_capitalise(_join_word(given)))
    return " ".join(words)


def _place_syllables(name: str) -> list[str]:
    if name in places.PLACE_READINGS:
        return places.PLACE_READINGS[name].split()
    found = _cedict_syllables(name, want="place")
    return found if found is not None else _default_syllables(name)


def _place_reading(name: str) -> str:
    proper, suffix = places.split_admin_suffix(name)
    words = [_capitalise(_join_word(_place_syllables(proper)))]
    if suffix:
        words.append(_capitalise(_join_word(_default_syllables(suffix))))
    return " ".join(words)


_FOREIGN_DOT = re.compile(r"[·•・]")
_FOREIGN_HYPHEN = re.compile(r"[—\-－–]+")


def is_foreign_name(name: str) -> bool:
    """A transliterated name is written with a dot (or a dash) between its parts."""
    return bool(_FOREIGN_DOT.search(name) or (_FOREIGN_HYPHEN.search(name) and any(map(is_hanzi, name))))


def _foreign_words(name: str) -> list[tuple[str, list[str]]]:
    """(separator before, syllables) of each part: 丹戈—纳代伊 -> [("", 丹戈), ("-", 纳代伊)]."""
    words: list[tuple[str, list[str]]] = []
    for part in _FOREIGN_DOT.split(name):
        for index, piece in enumerate(_FOREIGN_HYPHEN.split(part)):
            if piece:
                separator = "" if not words else "-" if index else "·"
                words.append((separator, _default_syllables(piece)))
    return words


def _foreign_reading(name: str) -> str:
    """约翰·史密斯 -> Yuēhàn·Shǐmìsī: a transliterated name, each part one capitalised word;
    a dash inside a part is a hyphen (丹戈—纳代伊 -> Dāngē-Nàdàiyī)."""
    return "".join(
        separator + _capitalise(_join_word(syllables)) for separator, syllables in _foreign_words(name)
    )


def name_reading(name: str, kind: NameKind = "person") -> str:
    """The reading of a name, capitalised as a name: 章旭升 -> "Zhāng Xùshēng", 永康 -> "Yǒngkāng".

    Persons: the surname (single or compound) read as a surname, the given name joined
    (司马光 -> Sīmǎ Guāng, 单雄信 -> Shàn Xióngxìn). Places: special readings first (六安 ->
    Lù'ān), an administrative suffix written apart (永康市 -> Yǒngkāng Shì).
    """
    name = name.strip()
    if not name or not any(is_hanzi(c) for c in name):
        return name
    if is_foreign_name(name):
        return _foreign_reading(name)
    if kind == "place":
        return _place_reading(name)
    return _person_reading(name)


def foreign_name_pieces(name: str) -> list[ReadingPiece]:
    """A transliterated name read as one capitalised word a part (桑特 -> Sāngtè, not the
    Chinese Sāng Tè), parts joined by · or -, cut into tone pieces."""
    pieces: list[ReadingPiece] = []
    for separator, syllables in _foreign_words(name.strip()):
        if separator:
            pieces.append((separator, 0))
        pieces.extend(_word_pieces(syllables))
    return pieces


def is_known_place(name: str) -> bool:
    """The place table or CC-CEDICT's place entries know `name` (or its part before 市/县...)."""
    from reader.lang import cedict

    proper, _ = places.split_admin_suffix(name)
    if places.is_table_place(name):
        return True
    index = cedict.proper_nouns()
    return any(e.is_place for word in dict.fromkeys((name, proper)) for e in index.get(word, ()))


def proper_name_kind(name: str) -> NameKind:
    """Whether a proper name is read as a place or a person: places first, as the table and
    CC-CEDICT know them (六安 is Lù'ān, not a Mr Liù), then a name with an administrative
    suffix (永康市), else a person."""
    name = name.strip()
    if is_known_place(name) or (places.split_admin_suffix(name)[1] and len(name) >= 3):
        return "place"
    return "person"


def proper_name_reading(name: str) -> str:
    """The reading of a proper name of unknown kind: a place when it is one, else a person."""
    return name_reading(name, proper_name_kind(name))


def word_syllables(word: str) -> list[str]:
    """The toned syllables of one ordinary word: pypinyin's phrase reading (长大 zhǎng dà,
    银行 yín háng), the place table for an unambiguous place inside it."""
    return reading_syllables(word)


def word_reading(word: str) -> str:
    """One ordinary word the standard way: its syllables joined, an apostrophe before a, o, e
    (女儿 nǚ'ér, 我们 wǒmen); non-Chinese characters kept as they are (A股 -> Agǔ)."""
    return "".join(text for text, _ in word_pieces(word))


def word_pieces(word: str) -> list[ReadingPiece]:
    """`word_reading(word)` cut into syllables with their tones (0 for non-Chinese runs)."""
    pieces: list[ReadingPiece] = []
    hanzi_before = False
    for run in re.findall(
        r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", word
    ):
        if not is_hanzi(run[0]):
            pieces.append((run, 0))
            hanzi_before = False
            continue
        for index, syllable in enumerate(word_syllables(run)):
            joined = bool(pieces) and (index > 0 or hanzi_before)
            text = "'" + syllable if joined and _bare(syllable)[:1].lower() in "aoe" else syllable
            pieces.append((text, tone_number(syllable)))
        hanzi_before = True
    return pieces


#: A piece of a reading and its tone: ("Xù", 4), ("shēng", 1); separators (" ", "·") have tone 0.
ReadingPiece = tuple[str, int]


def _word_pieces(syllables: list[str]) -> list[ReadingPiece]:
    """The syllables of one capitalised word as pieces: what `_join_word` writes, cut apart."""
    pieces: list[ReadingPiece] = []
    for index, syllable in enumerate(syllables):
        text = "'" + syllable if index and _bare(syllable)[:1].lower() in "aoe" else syllable
        pieces.append((_capitalise(text) if index == 0 else text, tone_number(syllable)))
    return pieces


def name_pieces(name: str, kind: NameKind = "person") -> list[ReadingPiece]:
    """`name_reading(name, kind)` cut into syllables with their tones, for colouring by tone.

    The pieces join back to exactly the reading: 章旭升 -> [("Zhāng", 1), (" ", 0), ("Xù", 4),
    ("shēng", 1)]. The app draws each syllable in its tone's colour.
    """
    name = name.strip()
    if not name or not any(is_hanzi(c) for c in name):
        return [(name, 0)] if name else []
    words: list[list[ReadingPiece]]
    separators: list[str] = []
    if is_foreign_name(name):
        parts = _foreign_words(name)
        separators = [separator for separator, _ in parts]
        words = [_word_pieces(syllables) for _, syllables in parts]
    elif kind == "place":
        proper, suffix = places.split_admin_suffix(name)
        words = [_word_pieces(_place_syllables(proper))]
        if suffix:
            words.append(_word_pieces(_default_syllables(suffix)))
    else:
        family, given = _person_parts(name)
        words = [_word_pieces(family)] + ([_word_pieces(given)] if given else [])
    pieces: list[ReadingPiece] = []
    for index, word in enumerate(words):
        if index:
            pieces.append((separators[index] if separators else " ", 0))
        pieces.extend(word)
    return pieces


def _combinations(options: list[list[str]], limit: int) -> list[list[str]]:
    return [list(combo) for combo in itertools.islice(itertools.product(*options), limit)]


def _heteronyms(text: str) -> list[list[str]]:
    """Every reading pypinyin knows for each character (a phrase it knows gives one)."""
    module = _pypinyin()
    return module.pinyin(text, style=module.Style.TONE, heteronym=True, errors="default")


def alternatives(word: str, kind: WordKind = "word") -> list[str]:
    """The readings `word` may have, the one `reading`/`name_reading` gives first.

    Other readings come from CC-CEDICT (单: dān, shàn as a surname, chán), from the surname
    tables for names (覃 Qín or Tán), then from the characters' own heteronyms, at most
    MAX_ALTERNATIVES in all.
    """
    from reader.lang import cedict

    word = word.strip()
    found: list[str] = []

    def add(text: str) -> None:
        if text and text not in found and len(found) < MAX_ALTERNATIVES:
            found.append(text)

    if kind == "person" and any(is_hanzi(c) for c in word):
        add(name_reading(word, "person"))
        surname, given = surnames.split_name(word)
        family_options = [r.split() for r in surnames.surname_readings(surname)]
        family_options = family_options or _combinations(_heteronyms(surname), MAX_ALTERNATIVES)
        given_options = _combinations(_heteronyms(given), MAX_ALTERNATIVES) if given else [[]]
        for family, given_syllables in itertools.product(family_options, given_options):
            words = [_capitalise(_join_word(family))]
            if given_syllables:
                words.append(_capitalise(_join_word(given_syllables)))
            add(" ".join(words))
        return found
    if kind == "place" and any(is_hanzi(c) for c in word):
        add(name_reading(word, "place"))
        for entry in cedict.proper_nouns().get(word, ()):
            add(_capitalise(_join_word(entry.syllables)))
        # Character by character: pypinyin's phrase list already knows some special readings,
        # and what the place is *not* called (Liù'ān) is worth showing too.
        per_char = [_heteronyms(c)[0] if is_hanzi(c) else [c] for c in word]
        for combo in _combinations(per_char, MAX_ALTERNATIVES):
            add(_capitalise(_join_word(combo)))
        return found
    add(reading(word))
    for entry in cedict.all_entries().get(word, ()) if len(word) <= 4 else ():
        add(" ".join(entry.syllables))
    if len(word) <= 6:
        for combo in _combinations(_heteronyms(word), MAX_ALTERNATIVES):
            add(_tidy(combo))
    return found


@cache
def syllables(char: str) -> frozenset[str]:
    """Every reading of one character, toned and toneless: 单 -> {dān, dan, shàn, shan, chán, chan}.

    Toneless ü is also given as v (lü and lv), the way people type it. Cached: the search
    helper calls it for every character it matches against a pinyin query.
    """
    if len(char) != 1 or not is_hanzi(char):
        return frozenset()
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    listed = pinyin_dict.get(ord(char), "")
    toned = {s for s in listed.split(",") if s}
    toned.update(r for r in surnames.SURNAME_READINGS.get(char, ()) if " " not in r)
    result = set(toned)
    for syllable in toned:
        plain = to_normal(syllable)  # lǜ -> lv
        result.add(plain)
        result.add(plain.replace("v", "ü"))
    return frozenset(result)
