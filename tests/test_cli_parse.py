"""`reader parse`: readable text, the JSON schema, errors, and no Textual at start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, seed_pages


def reader(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_parse_prints_reflowed_articles() -> None:
    page = seed_pages()[1]
    result = reader("parse", str(page))
    assert result.returncode == 0, result.stderr
    assert "GDP同比增长14.1% 主导产业“基石”稳固" in result.stdout
    assert "□融媒记者 吕高攀" in result.stdout
    assert "\u3000\u3000市统计局发布的数据显示，上半年，我市经济主导产业支撑有力" in result.stdout
    assert "→ （下转2版）" in result.stdout


def test_parse_json_follows_the_schema() -> None:
    result = reader("parse", "--json", *map(str, seed_pages()))
    assert result.returncode == 0
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 2
    for obj in objects:
        assert set(obj) >= {"source", "articles", "leftover"}
        for article in obj["articles"]:
            assert set(article) >= {"id", "kind", "headline", "title", "byline", "authors", "blocks", "lines"}
            assert article["kind"] in {"article", "photo", "brief", "notice"}
            for block in article["blocks"]:
                assert block["kind"] in {"paragraph", "subhead", "continuation"}
                first, last = block["lines"]
                assert 0 <= first <= last


def test_parse_out_dir_writes_one_file_a_page(tmp_path: Path) -> None:
    result = reader("parse", "--json", "--out", str(tmp_path), *map(str, seed_pages()))
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.stem + ".json" for p in seed_pages())


def test_missing_and_binary_pages_are_reported_and_the_rest_printed(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 50)
    result = reader("parse", str(tmp_path / "nope.txt"), str(binary), str(seed_pages()[0]))
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("reader parse: ") for e in errors)
    assert "Traceback" not in result.stderr
    assert "扎实做好除险保安工作" in result.stdout


def test_bad_usage_exits_2_without_traceback() -> None:
    result = reader("parse")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_parse_does_not_import_textual_or_jieba() -> None:
    code = (
        "import sys; from reader.cli import main; import io, contextlib\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['parse', {str(seed_pages()[0])!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'jieba', 'tinydb')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_out_dir_that_cannot_be_made_is_one_line_and_exit_1(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = reader("parse", "--json", "--out", str(blocker / "sub"), str(seed_pages()[0]))
    assert result.returncode == 1
    assert result.stderr.startswith("reader parse: --out") and "Traceback" not in result.stderr


def test_random_bytes_without_nul_are_one_line_and_exit_1(tmp_path: Path) -> None:
    import random

    noise = tmp_path / "noise.txt"
    chance = random.Random(13)
    noise.write_bytes(bytes(chance.randrange(1, 256) for _ in range(100_000)))
    result = reader("parse", str(noise), str(seed_pages()[0]))
    assert result.returncode == 1
    (error,) = result.stderr.strip().splitlines()
    assert error.startswith(f"reader parse: {noise}: not text")
    assert "\ufffd" not in result.stdout
    assert "扎实做好除险保安工作" in result.stdout  # the readable page is still printed


def test_a_page_with_a_few_damaged_bytes_is_printed_and_exits_1(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(seed_pages()[0].read_bytes().replace("扎实".encode(), b"\xff\xfe", 1))
    result = reader("parse", str(damaged))
    assert result.returncode == 1
    (error,) = result.stderr.strip().splitlines()
    assert error.startswith(f"reader parse: {damaged}: ") and "\ufffd" in error
    assert "除险保安工作" in result.stdout
