"""What dictionaries say about a word's form and readings: its traditional characters, and
which of the readings `pinyin.alternatives` proposes a dictionary actually gives.

`pinyin.alternatives` also builds readings from every heteronym of every character (金华市 as
Jīnhuáfú, 最佳 as cuō jiā): useful to a parser, misleading to a learner. The word popup lists
only readings found in CC-CEDICT (the word's own entries), pypinyin's phrase dictionary, or,
for a person, the surname tables (覃 Qín or Tán) with the given name read as usual. Call from a
worker thread: the first call loads CC-CEDICT.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def reading_key(reading: str) -> str:
    """A reading reduced to its toned letters, to compare `Jīnhuá Shì` with `jīn huá shì`."""
    text = unicodedata.normalize("NFC", reading).lower()
    return "".join(char for char in text if char.isalpha())


def dictionary_reading_keys(word: str, kind: str = "word", main: str = "") -> set[str]:
    """The reading keys (`reading_key`) of `word` that a dictionary gives.

    `main` is the reading the app shows first (a person's given name is read as in it).
    """
    from pypinyin.phrases_dict import phrases_dict

    from reader.lang import cedict, surnames

    word = word.strip()
    keys = {reading_key(" ".join(entry.syllables)) for entry in cedict.all_entries().get(word, ())}
    phrase = phrases_dict.get(word)
    if phrase:
        keys.add(reading_key("".join(options[0] for options in phrase)))
    if kind == "person" and main:
        family, _ = surnames.split_name(word)
        given = main.split(" ", 1)[1] if " " in main else ""
        for family_reading in surnames.surname_readings(family):
            keys.add(reading_key(family_reading + given))
    return keys


def dictionary_readings(
    word: str, candidates: Iterable[str], kind: str = "word", main: str = ""
) -> list[str]:
    """The `candidates` a dictionary gives for `word`, in order, none the same as `main`."""
    allowed = dictionary_reading_keys(word, kind, main)
    seen = {reading_key(main)} if main else set()
    kept: list[str] = []
    for candidate in candidates:
        key = reading_key(candidate)
        if key in allowed and key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def traditional(word: str) -> str:
    """The traditional form of `word` when it differs (数字 -> 數字), else "".

    The word's own CC-CEDICT entries decide (several forms are joined: 头发 -> 頭髮); a word the
    dictionary lacks is converted character by character, but only when every character has
    one traditional form (发 may be 發 or 髮: then nothing is shown rather than a guess).
    """
    from reader.lang import cedict

    word = word.strip()
    entries = cedict.all_entries()
    forms: list[str] = []
    for entry in entries.get(word, ()):
        if entry.simplified == word and entry.traditional != word and entry.traditional not in forms:
            forms.append(entry.traditional)
    if forms:
        return " / ".join(forms)
    if word in entries:
        return ""
    out: list[str] = []
    for char in word:
        options = {e.traditional for e in entries.get(char, ()) if e.simplified == char}
        if len(options) > 1:
            return ""
        out.append(options.pop() if options else char)
    converted = "".join(out)
    return converted if converted != word else ""
