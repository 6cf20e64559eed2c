"""benchmarks/make_archive.py: deterministic, dated issues, pages the parser can work on."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.archive import Archive
from reader.page import read_page

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "make_archive.py"


@pytest.fixture(scope="module")
def make_archive() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_archive", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_archive"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.txt"))
    }


def test_same_seed_same_bytes_other_seed_other_pages(make_archive: ModuleType, tmp_path: Path) -> None:
    make_archive.make_archive(40, tmp_path / "a", seed=5)
    make_archive.make_archive(40, tmp_path / "b", seed=5)
    make_archive.make_archive(40, tmp_path / "c", seed=6)
    first, second, other = digest(tmp_path / "a"), digest(tmp_path / "b"), digest(tmp_path / "c")
    assert len(first) == 40
    assert first == second
    assert set(first.values()) != set(other.values())
    assert len(set(first.values())) == 40  # no two pages alike


def test_cli_writes_n_pages_in_dated_issues(make_archive: ModuleType, tmp_path: Path) -> None:
    assert make_archive.main(["25", str(tmp_path / "arc"), "--seed", "2"]) == 0
    archive = Archive([tmp_path / "arc"], use_cache=False)
    refs = archive.scan_all()
    assert len(refs) == 25
    assert archive.errors == []
    assert len(archive.issues) >= 2
    for issue in archive.issues:
        assert issue.date and issue.label == issue.date
        assert [ref.page_no for ref in issue.pages] == [str(n) for n in range(1, len(issue.pages) + 1)]
    assert all(4 <= len(i.pages) <= 12 for i in archive.issues[:-1])


def test_pages_vary_and_give_the_parser_real_work(make_archive: ModuleType, tmp_path: Path) -> None:
    paths = make_archive.make_archive(30, tmp_path / "arc", seed=3)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    joined = "\n".join(texts)
    assert "\n\n" in joined  # some double spacing
    assert "责任编辑" in joined and "版 " in joined  # page furniture
    assert any(style in joined for style in ("□融媒记者", "本报讯（记者", "记者 "))
    widths = {len(line) for text in texts for line in text.splitlines() if line and line[-1] in "，。"}
    assert max(widths) - min(widths) >= 6  # several column widths
    for path in paths[:10]:
        page = read_page(path, path.name)
        assert page.status == "ok"
        assert len(page.articles) >= 2


def test_wrap_keeps_text_and_marks_the_lost_indent(make_archive: ModuleType) -> None:
    text = (
        "今年上半年，全市上下坚持以数字化改革为引领，大力开展“五攻坚四清单双承诺”行动，各项工作取得了新成绩。"
    )
    for width in range(12, 21):
        lines = make_archive.wrap_paragraph(text, width)
        assert "".join(lines) == text
        assert len(lines[0]) <= width - 2 + 1  # two characters short (one may hang)
        assert all(line[0] not in make_archive.NO_LINE_START for line in lines)
        assert all(line[-1] not in make_archive.NO_LINE_END for line in lines)
        assert max(len(line) for line in lines[1:]) > width - 2
