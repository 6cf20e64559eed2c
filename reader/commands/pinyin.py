"""`reader pinyin TEXT... [--name] [--place]`: the pinyin of a text on one line.

With --name the text is read as a person's name (单雄信 -> Shàn Xióngxìn), with --place as a
place's (六安 -> Lù'ān). jieba is not needed, so the command starts in a fraction of a second.
Exit status: 0, or 2 for an empty text.
"""

from __future__ import annotations

import argparse
import sys

from reader.lang.pinyin import alternatives, name_reading, reading


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", metavar="TEXT", help="Chinese text (several words are joined)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--name", action="store_true", help="read TEXT as a person's name")
    kind.add_argument("--place", action="store_true", help="read TEXT as a place's name")
    parser.add_argument(
        "--all", action="store_true", help="also print the other possible readings, one a line"
    )


def run(args: argparse.Namespace) -> int:
    text = " ".join(args.text).strip()
    if not text:
        print("reader pinyin: nothing to read (empty TEXT)", file=sys.stderr)
        return 2
    kind = "person" if args.name else "place" if args.place else "word"
    line = reading(text) if kind == "word" else name_reading(text, kind)
    print(line)
    if args.all:
        for other in alternatives(text, kind)[1:]:
            print(other)
    return 0
