"""`reader bookmarks list|export`: through reader.cli.main, as a shell user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Bookmark, BookmarkStore
from tests.test_store_failures import as_ordinary_user, shared_folder

__all__ = ["shared_folder"]  # a fixture, used by the permission test below

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three bookmarks in two issues, created a minute apart."""
    moments = iter(datetime(2024, 5, 1, 8, m, tzinfo=timezone(timedelta(hours=8))) for m in range(60))
    store = BookmarkStore(tmp_path / "bookmarks.json", clock=lambda: next(moments))
    store.set_note(
        Bookmark.at(
            "2021-07-29/01.txt",
            "a2",
            title="夏粮再获丰收",
            paragraph=1,
            paragraph_text="　　专家指出，科技贡献率提高。\n第二行",
            issue_key="2021-07-29",
            issue_label="2021-07-29",
        ),
        "Compare with *2020*.\n# not a heading",
    )
    store.add(Bookmark.at("1999-01-02/04.txt", "a1", title="社论 [评论]", paragraph_text="　　新年献词。"))
    store.add(Bookmark.at("2021-07-29/03.txt", "a5", title="图片新闻", issue_label="2021-07-29"))
    return store.path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["bookmarks", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_list_is_newest_first_with_issue_title_and_note(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "list", "--db", str(db))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert [line.split("  ")[2] for line in lines] == ["图片新闻", "社论 [评论]", "夏粮再获丰收"]
    assert lines[2].startswith("2024-05-01 08:00  2021-07-29  夏粮再获丰收")
    assert "Compare with *2020*. # not a heading" in lines[2]
    assert "1999-01-02" in lines[1]  # no label saved: the page's folder names the issue


def test_list_is_the_default_and_reads_reader_db(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_DB", str(db))
    status, out, _err = run(capsys)
    assert status == 0
    assert len(out.splitlines()) == 3


def test_db_before_the_action_works_too(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "--db", str(db), "export", "--format", "json")
    assert status == 0
    assert len(json.loads(out)) == 3


def test_list_without_bookmarks_says_so_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "list", "--db", str(tmp_path / "none.json"))
    assert (status, out) == (1, "")
    assert err.startswith("reader bookmarks: no bookmarks") and err.count("\n") == 1
    assert not (tmp_path / "none.json").exists()  # listing creates nothing


def test_markdown_export_groups_by_issue_and_quotes_the_paragraph(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = run(capsys, "export", "--db", str(db))
    assert status == 0
    assert out.startswith("# Bookmarks\n")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## 1999-01-02", "## 2021-07-29"]
    july = out[out.index("## 2021-07-29") :]
    assert july.index("### 夏粮再获丰收") < july.index("### 图片新闻")  # page order within an issue
    assert "> 　　专家指出，科技贡献率提高。\n> 第二行\n" in july
    assert "Compare with *2020*.\n\\# not a heading" in july  # the note as written, never a heading
    assert "### 社论 \\[评论\\]" in out  # a title is text, not Markdown
    assert "`2021-07-29/01.txt` · article a2 · paragraph 2" in july


def test_json_export_has_the_documented_fields(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "export", "--format", "json", "--db", str(db))
    assert status == 0
    records = json.loads(out)
    assert [r["title"] for r in records] == ["图片新闻", "社论 [评论]", "夏粮再获丰收"]
    harvest = records[2]
    assert {"source", "article_id", "title", "paragraph", "note", "created", "updated"} <= set(harvest)
    assert harvest["source"] == "2021-07-29/01.txt"
    assert harvest["article_id"] == "a2"
    assert harvest["paragraph"] == "　　专家指出，科技贡献率提高。\n第二行"
    assert harvest["paragraph_index"] == 1
    assert harvest["note"] == "Compare with *2020*.\n# not a heading"
    assert harvest["created"] == "2024-05-01T08:00:00+08:00"
    assert harvest["updated"] == harvest["created"]  # bookmarked and noted in one step


def test_empty_exports_are_still_valid_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "export", "--format", "json", "--db", str(tmp_path / "x.json"))[:2] == (0, "[]\n")
    assert run(capsys, "export", "--db", str(tmp_path / "x.json"))[:2] == (0, "# Bookmarks\n")


@pytest.mark.parametrize("action", [["list"], ["export"], ["export", "--format", "json"]])
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", b"my notes, not a database\n"),
        ("photo.bin", bytes(range(256)) * 4),
        ("bookmarks.json", b'{"bookmarks": {"1": {"rel": '),  # ours, cut: still never moved here
    ],
    ids=["text", "binary", "ours-cut"],
)
def test_a_file_that_is_not_a_database_is_reported_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], action: list[str], name: str, content: bytes
) -> None:
    """Read-only commands never move, create or lock anything; they fail in one line."""
    path = tmp_path / name
    path.write_bytes(content)
    status, out, err = run(capsys, *action, "--db", str(path))
    assert (status, out) == (1, "")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{path} is not a kanbao bookmark database" in err
    assert os.listdir(tmp_path) == [name]
    assert path.read_bytes() == content


def test_a_bad_format_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["bookmarks", "export", "--format", "xml", "--db", str(db)])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_command_runs_without_importing_textual(db: Path) -> None:
    script = (
        "import sys; from reader.cli import main; status = main(['bookmarks', 'list', '--db', sys.argv[1]]);"
        "assert 'textual' not in sys.modules, 'textual was imported'; sys.exit(status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_a_database_this_user_may_not_read_is_one_line_and_exit_1(
    shared_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shared_folder / "bookmarks.json"
    BookmarkStore(path).add(Bookmark.at("p/01.txt", "a1"))
    path.chmod(0o000)
    try:
        with as_ordinary_user():
            status, out, err = run(capsys, "list", "--db", str(path))
    finally:
        path.chmod(0o644)
    assert (status, out) == (1, "")
    assert err.count("\n") == 1 and "Permission denied" in err and "nothing was changed" in err
    assert sorted(os.listdir(shared_folder)) == ["bookmarks.json", "bookmarks.json.lock"]
