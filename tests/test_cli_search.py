"""`reader search`: grep-like lines, JSON records, and exit statuses 0/1/2, from the shell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))


def test_one_line_per_hit_with_page_article_title_and_snippet(capsys) -> None:
    assert main(["search", "按照全省数字经济", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    source, article_id, title, snippet = lines[0].split("\t")
    assert source == "000_2b7640bcd280a270.txt"
    assert article_id and title
    assert "按照全省数字经济" in snippet


def test_json_records_locate_each_hit_in_its_block(capsys) -> None:
    assert main(["search", "zhangxusheng", str(SEEDS), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) >= 3
    for record in records:
        assert set(record) >= {"source", "article_id", "title", "block", "start", "end", "snippet"}
        assert record["end"] - record["start"] == 3
        assert "章旭升" in record["snippet"]


def test_the_bundled_pages_are_searched_when_no_path_is_given(capsys) -> None:
    assert main(["search", "章旭升"]) == 0
    assert "章旭升" in capsys.readouterr().out


def test_nothing_found_is_status_1_with_no_output(capsys) -> None:
    assert main(["search", "量子计算机", str(SEEDS)]) == 1
    assert capsys.readouterr().out == ""


def test_an_empty_query_is_bad_usage(capsys) -> None:
    assert main(["search", "   ", str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader search:") and len(err.splitlines()) == 1


def test_a_missing_path_is_reported_on_one_line_and_nothing_matches(tmp_path, capsys) -> None:
    assert main(["search", "经济", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "nowhere" in err and "Traceback" not in err


def test_the_command_runs_in_a_fresh_process_without_textual(tmp_path) -> None:
    code = (
        "import sys; from reader.cli import main; status = main(sys.argv[1:]); "
        "assert 'textual' not in sys.modules; raise SystemExit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "search", "数字经济", str(SEEDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"READER_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") >= 5


@pytest.mark.parametrize("cache", ["under-a-file", "dev-null"])
def test_a_cache_that_cannot_be_created_is_one_line_and_status_1(
    tmp_path, monkeypatch, capsys, cache
) -> None:
    (tmp_path / "afile").write_text("not a folder")
    if cache == "under-a-file":
        monkeypatch.setenv("READER_CACHE", str(tmp_path / "afile" / "cache"))
        args = ["search", "经济", str(SEEDS)]
    else:
        args = ["search", "经济", str(SEEDS), "--cache", "/dev/null"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith("reader search: cannot open the search index")
    assert "Not a directory" in captured.err


def test_a_cache_error_shows_no_traceback_from_the_shell(tmp_path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "经济", str(SEEDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            "READER_CACHE": str(tmp_path / "afile" / "cache"),
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
        },
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_million_character_page_prints_a_bounded_number_of_short_lines(tmp_path, capsys) -> None:
    page = tmp_path / "huge.txt"
    page.write_text("推动数字经济高质量发展" * 90_910 + "\n", encoding="utf-8")
    assert main(["search", "经济", str(page)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 100
    assert all(len(line) < 200 for line in lines)


def test_a_binary_or_empty_page_named_on_the_command_line_is_one_line_each(tmp_path, capsys) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01PK\x03\x04" * 50)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["search", "经济", str(binary)]) == 1
    assert capsys.readouterr().err == f"reader search: {binary}: binary file (NUL bytes): not a text page\n"
    assert main(["search", "经济", str(binary), str(empty), str(SEEDS / "000_2b7640bcd280a270.txt")]) == 0
    captured = capsys.readouterr()
    assert "经济" in captured.out
    assert captured.err.splitlines() == [
        f"reader search: {binary}: binary file (NUL bytes): not a text page",
        f"reader search: {empty}: the page has no text",
    ]


def test_a_binary_page_is_reported_again_when_the_index_already_has_it(tmp_path, capsys) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00" * 10)
    for _ in range(2):
        assert main(["search", "经济", str(binary)]) == 1
        assert "binary file" in capsys.readouterr().err
