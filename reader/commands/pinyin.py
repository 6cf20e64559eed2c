"""`reader pinyin TEXT... [--name | --person | --place] [--spaced] [--all]`: pinyin on one line.

By default the text is written by word as GB/T 16159-2012 and dictionaries write it
(我们去六安 -> wǒmen qù Lù'ān: syllables of a word joined, proper names capitalised); this
loads jieba, about a second. --spaced gives the old form, one syllable per character
(wǒ men qù lù ān), without jieba. --name reads the text as one proper name: a place when the
place table or CC-CEDICT knows it as one (六安 -> Lù'ān, 永康市 -> Yǒngkāng Shì), else a
person (单雄信 -> Shàn Xióngxìn); --person and --place force the kind.
Exit status: 0, or 2 for an empty text.
"""

from __future__ import annotations

import argparse
import sys
from typing import Literal

from reader.lang.pinyin import alternatives, name_reading, proper_name_kind, reading


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", metavar="TEXT", help="Chinese text (several words are joined)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--name", action="store_true", help="read TEXT as a proper name (a place or a person)")
    kind.add_argument("--person", action="store_true", help="read TEXT as a person's name")
    kind.add_argument("--place", action="store_true", help="read TEXT as a place's name")
    kind.add_argument(
        "--spaced", action="store_true", help="the old form: one syllable per character, none capitalised"
    )
    parser.add_argument(
        "--all", action="store_true", help="also print the other possible readings, one a line"
    )


def run(args: argparse.Namespace) -> int:
    text = " ".join(args.text).strip()
    if not text:
        print("reader pinyin: nothing to read (empty TEXT)", file=sys.stderr)
        return 2
    kind: Literal["word", "person", "place"] = "word"
    if args.spaced:
        print(reading(text))
    elif args.name or args.person or args.place:
        kind = "person" if args.person else "place" if args.place else proper_name_kind(text)
        print(name_reading(text, kind))
    else:
        from reader.lang.orthography import write

        print(write(text))
    if args.all:
        for other in alternatives(text, kind)[1:]:
            print(other)
    return 0
