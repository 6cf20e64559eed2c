"""Print the name finder's quality on the seed pages and what it costs.

Figures: people precision and recall against the gold lists (`tests/fixtures/gold`, the
parser's gold articles), the same with jieba's person tags alone for comparison, the time of
the first jieba load and of the proper-noun index, and the median time per article.
Run: python3 benchmarks/names_quality.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.lang import cedict, segment  # noqa: E402
from reader.lang.names import find_names  # noqa: E402
from reader.page import Article, Block  # noqa: E402

GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"


def gold_articles(data: dict) -> list[Article]:
    return [
        Article(
            str(i),
            raw["kind"],
            tuple(raw.get("headline") or ()),
            (raw.get("headline") or [""])[0],
            raw.get("byline") or "",
            tuple(raw.get("authors") or ()),
            tuple(Block(b["kind"], b["text"], (0, 0)) for b in raw.get("blocks", [])),
            (0, 0),
        )
        for i, raw in enumerate(data["articles"])
    ]


def jieba_alone(articles: list[Article]) -> set[str]:
    found: set[str] = set()
    for article in articles:
        for text in (*article.headline, article.byline, *(b.text for b in article.blocks)):
            found.update(w.word for w in segment.tagged(text) if w.flag.startswith("nr"))
    return found


def report(label: str, found: set[str], gold: set[str], *, details: bool = True) -> None:
    right = len(found & gold)
    precision = right / len(found) if found else 1.0
    recall = right / len(gold) if gold else 1.0
    print(f"  {label:<14} found {len(found):3}  right {right:3}  wrong {len(found - gold):3}  "
          f"precision {precision:.2f}  recall {recall:.2f}")  # fmt: skip
    if details and found - gold:
        print(f"  {'':<14} wrong: {' '.join(sorted(found - gold))}")
    if details and gold - found:
        print(f"  {'':<14} missed: {' '.join(sorted(gold - found))}")


def main() -> None:
    start = time.perf_counter()
    segment.ensure_loaded()
    print(f"first jieba load: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    cedict.proper_nouns()
    print(f"CC-CEDICT proper nouns index: {time.perf_counter() - start:.2f} s")

    all_found: set[str] = set()
    all_gold: set[str] = set()
    all_jieba: set[str] = set()
    timings: list[float] = []
    for path in sorted(GOLD_DIR.glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = set(data["people"])
        articles = gold_articles(data)
        found: set[str] = set()
        for article in articles:
            begin = time.perf_counter()
            names = find_names(article)
            timings.append(time.perf_counter() - begin)
            found.update(h.name for h in names.people)
        jieba_found = jieba_alone(articles)
        print(path.name)
        report("name finder", found, gold)
        report("jieba alone", jieba_found, gold)
        # names are per page: the same person on two pages is two findings
        all_found |= {f"{path.name}:{n}" for n in found}
        all_gold |= {f"{path.name}:{n}" for n in gold}
        all_jieba |= {f"{path.name}:{n}" for n in jieba_found}
    print("both pages")
    report("name finder", all_found, all_gold, details=False)
    report("jieba alone", all_jieba, all_gold, details=False)
    print(f"per article: median {statistics.median(timings) * 1000:.1f} ms, "
          f"max {max(timings) * 1000:.1f} ms over {len(timings)} articles")  # fmt: skip


if __name__ == "__main__":
    main()
