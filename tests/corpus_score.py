"""Scoring a parse against a gold file, the way NEWSPAPER.md's "Scoring" section describes it.

The tests need the figures without `../shared` (CI guarantees only the seeds there), so this is
the project's own scorer: each gold article is matched to the unused parsed article whose body
shares the most characters (at least half); then bodies, headlines, kinds, authors, paragraph
breaks and continuation markers are compared, whitespace ignored, and every unmatched parsed
article counts as an extra item. Every letter, digit and Chinese character of the page must be
somewhere in the parse (lost characters), and body paragraphs hold no space between two CJK
characters (spurious spaces).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.page import read_pages

_SPACES = re.compile(r"\s+")
_MARKER = re.compile(r"[（(]?\s*(?:下转|上接|转)\s*(?:第)?\s*[0-9一二三四五六七八九十A-Za-z]+\s*版\s*[）)]?")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])")


def _norm(text: str) -> str:
    text = _SPACES.sub("", _MARKER.sub("", text or ""))
    return text[3:] if text.startswith("本报讯") else text


def _body_blocks(article: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in article.get("blocks", []) if b.get("kind") in ("paragraph", "subhead")]


def _body(article: dict[str, Any]) -> str:
    return "".join(_norm(b.get("text", "")) for b in _body_blocks(article))


def _breaks(article: dict[str, Any]) -> set[int]:
    found, position = set(), 0
    for index, block in enumerate(_body_blocks(article)):
        if index:
            found.add(position)
        position += len(_norm(block.get("text", "")))
    return found


def _headline(article: dict[str, Any]) -> str:
    return _SPACES.sub("", "".join(article.get("headline") or []))


def _overlap(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def _content(text: str) -> Counter[str]:
    return Counter(c for c in text if unicodedata.category(c)[0] in "LN")


@dataclass
class Score:
    """The figures of one or more pages; `overall` is the mean of six parts times precision."""

    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def part(self, hit: str, total: str) -> float:
        return self.counts[hit] / self.counts[total] if self.counts[total] else 1.0

    @property
    def overall(self) -> float:
        gold = self.counts["gold"]
        if not gold:
            return 0.0
        precision_b = self.part("breaks_hit", "breaks_pred")
        recall_b = self.part("breaks_hit", "breaks_gold")
        f1 = 2 * precision_b * recall_b / (precision_b + recall_b) if precision_b + recall_b else 0.0
        parts = [
            self.counts["exact"] / gold,
            self.counts["headline"] / gold,
            self.counts["kind"] / gold,
            self.counts["authors"] / gold,
            f1,
            self.part("cont_hit", "cont_gold"),
        ]
        return sum(parts) / len(parts) * gold / (gold + self.counts["extra"])


def score_page(pred: dict[str, Any], gold: dict[str, Any], raw: str) -> Score:
    result = Score()
    counts = result.counts
    articles = pred.get("articles", [])
    used: set[int] = set()
    for want in gold["articles"]:
        counts["gold"] += 1
        counts["breaks_gold"] += len(_breaks(want))
        wanted_markers = [b["text"] for b in want.get("blocks", []) if b.get("kind") == "continuation"]
        counts["cont_gold"] += len(wanted_markers)
        body, headline = _body(want), _headline(want)
        best, best_share = None, 0.0
        for index, got in enumerate(articles):
            if index in used:
                continue
            share = _overlap(body, _body(got)) if body else float(_headline(got) == headline)
            if share > best_share:
                best, best_share = index, share
        label = headline[:16] or body[:16]
        if best is None or best_share < 0.5:
            result.misses.append(f"missing: {label}")
            continue
        used.add(best)
        got = articles[best]
        checks = {
            "exact": _body(got) == body,
            "headline": _headline(got) == headline,
            "kind": got.get("kind") == want.get("kind"),
            "authors": sorted(got.get("authors") or []) == sorted(want.get("authors") or []),
        }
        for name, ok in checks.items():
            counts[name] += ok
            if not ok:
                result.misses.append(f"{name} differs: {label}")
        counts["breaks_pred"] += len(_breaks(got))
        counts["breaks_hit"] += len(_breaks(want) & _breaks(got))
        markers = [b.get("text", "") for b in got.get("blocks", []) if b.get("kind") == "continuation"]
        counts["cont_hit"] += sum(any(w in m for m in markers) for w in wanted_markers)
    counts["extra"] = len(articles) - len(used)
    for article in articles:
        for block in article.get("blocks", []):
            if block.get("kind") == "paragraph" and article.get("kind") != "notice":
                counts["spurious"] += len(_CJK_SPACE.findall(block.get("text", "")))
    printed = [x.get("text", "") for x in pred.get("leftover", [])]
    for article in articles:
        printed += [*(article.get("headline") or []), article.get("byline") or ""]
        printed += [b.get("text", "") for b in article.get("blocks", [])]
    counts["lost"] = sum((_content(raw) - _content("".join(printed))).values())
    return result


def score_corpus(pages: Path, gold: Path, names: list[str] | None = None, pdfs: Path | None = None) -> Score:
    """Parse each gold file's page with the parser (form-feed pages merged back) and score it.

    With `pdfs`, the page parsed is the PDF of the same name there; the loss check still reads
    the text dump in `pages`, which holds the same characters."""
    total = Score()
    for gold_file in sorted(gold.glob("*.gold.json")):
        want = json.loads(gold_file.read_text(encoding="utf-8"))
        if names is not None and want["file"] not in names:
            continue
        path = pages / want["file"]
        source = path if pdfs is None else pdfs / (path.stem + ".pdf")
        parts = [page.to_json() for page in read_pages(source)]
        pred = {
            "articles": [a for part in parts for a in part["articles"]],
            "leftover": [x for part in parts for x in part["leftover"]],
        }
        page_score = score_page(pred, want, path.read_text(encoding="utf-8"))
        total.counts.update(page_score.counts)
        total.misses += [f"{want['file']}: {miss}" for miss in page_score.misses]
    return total
