"""`reader names PAGE... [--json]` on the seed pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import seeds_dir

SEED_A = seeds_dir() / "000_2b7640bcd280a270.txt"
SEED_B = seeds_dir() / "002_3e78d953360ccaa3.txt"


def test_json_one_object_a_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["names", "--json", str(SEED_A), str(SEED_B)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    pages = [json.loads(line) for line in out.splitlines()]
    assert [p["source"] for p in pages] == [str(SEED_A), str(SEED_B)]
    articles = pages[1]["articles"]
    assert set(articles[0]) == {"id", "title", "people", "places"}
    people = {p["name"]: p for a in articles for p in a["people"]}
    assert people["章旭升"] == {"name": "章旭升", "pinyin": "Zhāng Xùshēng", "count": 4}
    assert people["吕高攀"]["pinyin"] == "Lǚ Gāopān"
    places = {p["name"]: p for a in articles for p in a["places"]}
    assert places["永康"]["pinyin"] == "Yǒngkāng"


def test_json_people_match_gold(capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir = Path(__file__).parent / "fixtures" / "gold"
    main(["names", "--json", str(SEED_A), str(SEED_B)])
    pages = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    wrong = 0
    for page, seed in zip(pages, (SEED_A, SEED_B), strict=True):
        gold = set(json.loads((gold_dir / (seed.stem + ".gold.json")).read_text(encoding="utf-8"))["people"])
        found = {p["name"] for a in page["articles"] for p in a["people"]}
        assert gold <= found
        wrong += len(found - gold)
    assert wrong <= 2


def test_readable_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["names", str(SEED_B)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"━━ {SEED_B}")
    assert "章旭升 Zhāng Xùshēng ×4" in out
    assert "people:" in out and "places:" in out


def test_missing_page_is_one_line_and_others_still_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["names", "--json", str(missing), str(SEED_A)]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith(f"reader names: {missing}")
    assert json.loads(out)["source"] == str(SEED_A)


def test_binary_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "page.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    assert main(["names", str(binary)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "reader names:" in err


DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def test_a_foreign_name_whole_with_its_pinyin(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "马耳他总理访华\n本报北京1月13日电 马耳他总理阿尔弗雷德·桑特今天抵达北京。\n"
        "　　桑特表示，两国友谊源远流长。他还将访问上海和六安。\n",
        encoding="utf-8",
    )
    assert main(["names", "--json", str(page)]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    people = {p["name"]: p["pinyin"] for a in articles for p in a["people"]}
    places = {p["name"]: p["pinyin"] for a in articles for p in a["places"]}
    assert people == {"阿尔弗雷德·桑特": "Ā'ěrfúléidé·Sāngtè", "桑特": "Sāngtè"}
    assert places["六安"] == "Lù'ān"


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus lives in ../shared beside the checkout")
def test_dev_corpus_people_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    """A regression guard of the figures benchmarks/names_quality.py prints (0.96 / 0.95)."""
    pages = sorted((DEV / "pages").glob("*.txt"))
    assert main(["names", "--json", *map(str, pages)]) == 0
    found = right = gold_total = 0
    for line, page in zip(capsys.readouterr().out.splitlines(), pages, strict=True):
        gold = set(json.loads((DEV / "gold" / f"{page.stem}.gold.json").read_text("utf-8"))["people"])
        names = {p["name"] for a in json.loads(line)["articles"] for p in a["people"]}
        found, right, gold_total = found + len(names), right + len(names & gold), gold_total + len(gold)
    assert right / found >= 0.95 and right / gold_total >= 0.90, (found, right, gold_total)
