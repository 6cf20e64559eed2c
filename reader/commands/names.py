"""`reader names PAGE... [--json]`: the people and places of each article, with their pinyin.

Without --json a list to read: each article's title, then its people and places with their
readings and how often they occur. With --json one object a page, one a line:
{"source", "articles": [{"id", "title", "people": [{"name", "pinyin", "count"}], "places": [...]}]}.
A page that cannot be read is one line on stderr and exit status 1; the others are printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.commands.pages import PageReader
from reader.lang.names import NameHit, Names, find_names
from reader.page import Page


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pages", nargs="+", metavar="PAGE", help="page files (.txt)")
    parser.add_argument("--json", action="store_true", help="one JSON object a page, one a line")


def page_names(page: Page) -> list[tuple[Any, Names]]:
    """Each article of the page with its names, in reading order."""
    return [(article, find_names(article)) for article in page.articles]


def page_json(page: Page) -> dict[str, Any]:
    return {
        "source": page.source,
        "articles": [
            {"id": article.id, "title": article.title, **names.to_json()}
            for article, names in page_names(page)
        ],
    }


def _hit_line(hit: NameHit) -> str:
    times = f"×{hit.count}" if hit.count > 1 else ""
    return f"{hit.name} {hit.pinyin} {times}".rstrip()


def format_page(page: Page) -> str:
    lines = [f"━━ {page.source}"]
    for article, names in page_names(page):
        if not names.people and not names.places:
            continue
        lines.append("")
        lines.append(article.title or article.byline or article.id)
        if names.people:
            lines.append("  people: " + "；".join(_hit_line(h) for h in names.people))
        if names.places:
            lines.append("  places: " + "；".join(_hit_line(h) for h in names.places))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    pages = PageReader("names")
    for page in pages.read(args.pages):
        if args.json:
            sys.stdout.write(json.dumps(page_json(page), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(format_page(page) + "\n")
        sys.stdout.flush()
    return pages.status
