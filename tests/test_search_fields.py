"""Every field indexed (headline lines joined, byline), field filters, order, count, months."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.cli import main
from reader.search.index import SearchIndex
from reader.search.query import Filters, parse_query

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def seeds_index(tmp_path: Path) -> SearchIndex:
    archive = Archive([SEEDS], cache_dir=tmp_path / "cache")
    index = SearchIndex.for_archive([SEEDS], tmp_path / "cache")
    index.update(archive.scan(), archive.load)
    return index


def dated_archive(root: Path) -> list[Path]:
    """Three copies of the seed page 000 in three issues: 2021-03, 2022-07, 2023-01."""
    seed = (SEEDS / "000_2b7640bcd280a270.txt").read_bytes()
    days = ["2021-03-04", "2022-07-08", "2023-01-02"]
    for day in days:
        target = root / day / f"{day}_02.txt"
        target.parent.mkdir(parents=True)
        target.write_bytes(seed)
    return [root]


def test_bylines_are_searched_the_three_articles_of_chen_xiaosu(seeds_index) -> None:
    results = seeds_index.search("陈晓苏")
    assert len(results.articles) == 3
    assert {hit.part for result in results.articles for hit in result.hits} == {"byline"}
    assert all("陈晓苏" in result.authors for result in results.articles)


def test_a_phrase_across_two_headline_lines_is_found_on_the_line_where_it_starts(seeds_index) -> None:
    results = seeds_index.search("5G基站")
    assert len(results.articles) == 1
    hit = results.articles[0].hits[0]
    assert hit.part == "headline" and "5G基站" in hit.snippet


def test_author_and_title_filters_in_the_query(seeds_index) -> None:
    by_author = seeds_index.search("author:陈晓苏")
    assert len(by_author.articles) == 3 and by_author.total == 3
    both = seeds_index.search("author:陈晓苏 数字经济")
    assert [r.title for r in both.articles] == ["坚持创新突破 聚力提质增效"]
    titled = seeds_index.search("title:基站")
    assert [r.title for r in titled.articles] == ["今年上半年全市新增5G基站650个"]
    assert seeds_index.search("title:陈晓苏").articles == ()  # a byline is not a title


def test_a_headline_hit_ranks_above_body_hits(seeds_index) -> None:
    results = seeds_index.search("数字经济")
    parts = [result.in_title for result in results.articles]
    assert parts[0] and parts == sorted(parts, reverse=True)
    assert len(results.articles) >= 2


def test_the_query_parser_keeps_words_apart_from_fields() -> None:
    parsed = parse_query("author:陈晓苏  数字经济 title：基站", Filters(sort="newest"))
    assert parsed.words == "数字经济"
    assert parsed.filters.authors == ("陈晓苏",) and parsed.filters.titles == ("基站",)
    assert parsed.filters.sort == "newest"


def test_dates_order_and_narrow_the_results(tmp_path) -> None:
    paths = dated_archive(tmp_path / "archive")
    archive = Archive(paths, cache_dir=tmp_path / "cache")
    index = SearchIndex.for_archive(paths, tmp_path / "cache")
    index.update(archive.scan(), archive.load)
    newest = [r.date for r in index.iter_results("数字经济", Filters(sort="newest"))]
    oldest = [r.date for r in index.iter_results("数字经济", Filters(sort="oldest"))]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)
    assert set(newest) == {"2021-03-04", "2022-07-08", "2023-01-02"}
    narrowed = index.search("数字经济", filters=Filters(since="2022", until="2022-07"))
    assert {r.date for r in narrowed.articles} == {"2022-07-08"}
    assert {r.page_no for r in narrowed.articles} == {"2"}
    assert index.search("数字经济", filters=Filters(page="3")).articles == ()
    months, exact = index.by_month("经济")
    assert exact and [m for m, _ in months] == ["2021-03", "2022-07", "2023-01"]
    total, exact = index.count("经济")
    assert exact and total == len(list(index.iter_results("经济")))


def test_the_count_of_a_long_phrase_is_flagged_as_an_upper_bound(seeds_index) -> None:
    total, exact = seeds_index.count("数字经济")
    assert not exact and total >= len(list(seeds_index.iter_results("数字经济")))
    results = seeds_index.search("数字经济", limit=1)
    assert results.more and not results.total_exact


def test_a_page_changed_since_indexing_is_checked_as_it_reads_now(tmp_path) -> None:
    root = tmp_path / "archive"
    page = root / "2023-01-02" / "2023-01-02_01.txt"
    page.parent.mkdir(parents=True)
    page.write_text(
        "春耕时节农事忙\n\n\u3000\u3000田间地头一派繁忙景象，农户们抢抓农时播种插秧。\n", encoding="utf-8"
    )
    archive = Archive([root], cache_dir=tmp_path / "cache")
    index = SearchIndex.for_archive([root], tmp_path / "cache")
    index.update(archive.scan(), archive.load)
    assert len(index.search("播种插秧").articles) == 1
    page.write_text(
        "春耕时节农事忙\n\n\u3000\u3000田间地头一派繁忙景象，农户们抢抓农时收割晚稻。\n", encoding="utf-8"
    )
    os.utime(page, ns=(1, 1))  # a different mtime whatever the clock's resolution
    assert index.search("播种插秧").articles == ()  # no update in between: checked on the page


def test_cli_filters_and_months(capsys, tmp_path) -> None:
    assert main(["search", "数字经济", str(SEEDS), "--author", "陈晓苏"]) == 0
    assert {line.split("\t")[2] for line in capsys.readouterr().out.splitlines()} == {
        "坚持创新突破 聚力提质增效"
    }
    paths = dated_archive(tmp_path / "archive")
    assert main(["search", "经济", str(SEEDS / "000_2b7640bcd280a270.txt")]) == 0
    per_page = len({line.split("\t")[1] for line in capsys.readouterr().out.splitlines()})
    assert per_page >= 1
    assert main(["search", "经济", str(paths[0]), "--by", "month", "--csv"]) == 0
    expected = ["month,articles"] + [f"{month},{per_page}" for month in ("2021-03", "2022-07", "2023-01")]
    assert capsys.readouterr().out.splitlines() == expected
    assert main(["search", "经济", str(paths[0]), "--since", "2022-13x"]) == 2
    assert "--since" in capsys.readouterr().err
    assert main(["search", "经济", str(paths[0]), "--sort", "newest"]) == 0
    dates = [line.split("\t")[0][:10] for line in capsys.readouterr().out.splitlines()]
    assert dates == sorted(dates, reverse=True)


def test_a_traditional_query_finds_the_simplified_text(seeds_index) -> None:
    simplified = {(r.source, r.article_id) for r in seeds_index.iter_results("数字经济")}
    traditional = {(r.source, r.article_id) for r in seeds_index.iter_results("數字經濟")}
    assert simplified and traditional == simplified


def test_a_warm_search_answers_from_the_index_and_refreshes_it_afterwards(capsys, tmp_path) -> None:
    import time

    root = tmp_path / "archive"
    first = root / "2023-01-02" / "2023-01-02_01.txt"
    first.parent.mkdir(parents=True)
    first.write_text("春耕时节农事忙\n\n\u3000\u3000农户们抢抓农时播种插秧。\n", encoding="utf-8")
    assert main(["search", "播种", str(root)]) == 0  # builds the index (nothing to answer from)
    capsys.readouterr()
    later = root / "2023-01-03" / "2023-01-03_01.txt"
    later.parent.mkdir(parents=True)
    later.write_text("夏收时节农事忙\n\n\u3000\u3000农户们忙着播种晚稻。\n", encoding="utf-8")
    # Warm: the answer comes from the index as it was; a detached refresher adds the new page.
    assert main(["search", "播种", str(root)]) == 0
    assert capsys.readouterr().out.count("\n") == 1
    index = SearchIndex.for_archive([root])
    deadline = time.monotonic() + 60  # a deadline for the child process, not a timed assertion
    while index.indexed_pages() < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert main(["search", "播种", str(root)]) == 0
    assert capsys.readouterr().out.count("\n") == 2
    # --fresh checks the files before answering.
    later.unlink()
    assert main(["search", "播种", str(root), "--fresh"]) == 0
    assert capsys.readouterr().out.count("\n") == 1


def test_a_build_with_two_worker_processes_indexes_the_same(tmp_path) -> None:
    paths = dated_archive(tmp_path / "archive")
    archive = Archive(paths, cache_dir=tmp_path / "cache")
    alone = SearchIndex(tmp_path / "one.sqlite3", page_cache=tmp_path / "cache")
    pooled = SearchIndex(tmp_path / "two.sqlite3", page_cache=tmp_path / "pool-cache")
    assert alone.update(archive.scan(), archive.load).indexed == 3
    never = []
    report = pooled.update(Archive(paths, cache_dir=tmp_path / "x").scan(), never.append, workers=2)
    assert report.indexed == 3 and report.finished and never == []  # the workers parsed them
    assert (tmp_path / "pool-cache").is_dir()  # ... through the parse cache the queries read
    for query in ("数字经济", "陈晓苏", "zxs", "author:陈晓苏"):
        one = [(r.source, r.article_id, r.hits) for r in alone.iter_results(query)]
        two = [(r.source, r.article_id, r.hits) for r in pooled.iter_results(query)]
        assert one == two and one
