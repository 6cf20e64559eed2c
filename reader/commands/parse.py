"""`reader parse PAGE... [--json] [--out DIR]`: pages as reflowed articles, for people or scripts.

Without --json the text is meant for `less`: headline, byline, paragraphs, one article after
another. With --json, one object a page (NEWSPAPER.md's schema) per line, or one file a page
in --out DIR. A page that cannot be read is one line on stderr and exit status 1; the other
pages are still printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from reader.archive.continuations import link_continuations
from reader.commands.pages import PageReader
from reader.page import Article, Page


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pages", nargs="+", metavar="PAGE", help="page files (.txt)")
    parser.add_argument("--json", action="store_true", help="print the parse as JSON, one object a page")
    parser.add_argument("--out", metavar="DIR", help="with --json: write PAGE.json files into DIR")


def format_article(article: Article) -> str:
    """An article as plain reflowed text: headline lines, byline, indented paragraphs."""
    out: list[str] = []
    marker = {"photo": "【图片】", "brief": "【简讯】", "notice": "【公告】"}.get(article.kind, "")
    for line in article.headline or (article.title,):
        out.append(f"{marker}{line}" if marker and not out else line)
    if article.kind == "notice":
        return out[0]
    if article.byline:
        out.append(article.byline)
    if out:
        out.append("")
    for block in article.blocks:
        if block.kind == "subhead":
            out.append(f"  ■ {block.text}")
        elif block.kind == "continuation":
            out.append(f"  → {block.text}")
        else:
            out.append(f"\u3000\u3000{block.text}")
    return "\n".join(out)


def format_page(page: Page) -> str:
    header = f"━━ {page.source}" + (f" · page {page.part}" if page.part else "")
    if page.info.date or page.info.page_no:
        header += f"  ({' '.join(x for x in (page.info.date, page.info.page_no and f'第{page.info.page_no}版') if x)})"
    parts = [header]
    parts.extend(format_article(a) + "\n" for a in page.articles)
    return "\n\n".join(parts)


def continuation_fields(pages: list[Page]) -> dict[tuple[int, str], dict[str, dict[str, str]]]:
    """`continues` / `continued_from` for the articles of the pages given, linked within each
    issue (pages of one paper and printed date, or of one folder when they print none)."""
    issues: dict[tuple[str, str], list[int]] = {}
    for index, page in enumerate(pages):
        key = (page.info.paper, page.info.date) if page.info.date else ("", str(Path(page.source).parent))
        issues.setdefault(key, []).append(index)
    fields: dict[tuple[int, str], dict[str, dict[str, str]]] = {}
    for members in issues.values():
        numbered = [(pages[i].info.page_no or str(pages[i].part or ""), pages[i]) for i in members]
        for link in link_continuations(numbered):
            source, target = members[link.source], members[link.target]
            fields.setdefault((source, link.source_id), {})["continues"] = {
                "page": numbered[link.target][0],
                "id": link.target_id,
                "source": pages[target].source,
            }
            fields.setdefault((target, link.target_id), {})["continued_from"] = {
                "page": numbered[link.source][0],
                "id": link.source_id,
                "source": pages[source].source,
            }
    return fields


def run(args: argparse.Namespace) -> int:
    pages = PageReader("parse")
    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            pages.error(f"--out {out_dir}: {error.strerror or error}")
            return pages.status
    parsed: Iterable[Page] = pages.read(args.pages, warn=True)
    joins: dict[tuple[int, str], dict[str, dict[str, str]]] = {}
    if args.json:
        parsed = list(parsed)  # read them all first: a story continued on another page names it
        joins = continuation_fields(parsed)
    for index, page in enumerate(parsed):
        if not args.json:
            sys.stdout.write(format_page(page) + "\n")
            continue
        data = page.to_json()
        for article in data["articles"]:
            article.update(joins.get((index, article["id"]), {}))
        text = json.dumps(data, ensure_ascii=False)
        if out_dir is None:
            sys.stdout.write(text + "\n")
            continue
        # a file of several form-feed pages: STEM-1.json, STEM-2.json ...
        suffix = f"-{page.part}" if page.part else ""
        target = out_dir / f"{Path(page.source).stem}{suffix}.json"
        try:
            target.write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            pages.error(f"{target}: {error.strerror or error}")
    sys.stdout.flush()
    return pages.status
