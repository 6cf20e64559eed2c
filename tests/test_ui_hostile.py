"""Page text that looks like markup or carries terminal escapes shows literally, never acts."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from reader.ui.launch import run_app
from tests.test_ui_session import seed_app, settle

HOSTILE = (
    "标题[bold]加粗[/bold]测试\n"
    "□记者 [/red]张三\n"
    "\u3000\u3000正文里有[/red]和[bold]，还有[link=http://x.cn]链接[/link]。还有\x1b]0;pwned\x07标题"
    "与\x1b[2J清屏，以及\x9b31m红色。\n"
)


def strip_text(strip) -> str:  # type: ignore[no-untyped-def]
    return "".join(segment.text for segment in strip)


async def test_markup_and_escapes_in_a_page_show_literally(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE * 3, encoding="utf-8")
    app = seed_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: app.main.current is not None)
        everything = []
        for entry in app.main.articles.entries:
            app.main.articles.select_number(app.main.articles.entries.index(entry))
            await pilot.pause()
            everything.append(app.main.view.document_text())
            rendered = [strip_text(app.main.view.render_line(y)) for y in range(20)]
            assert not any("\x1b" in line or "\x9b" in line or "\x07" in line for line in rendered)
        text = "\n".join(everything)
        unwrapped = text.replace("\n", "")  # the view may wrap a line inside `[link=http://x.cn]`
        assert "[/red]" in text and "[bold]" in text and "[link=http://x.cn]" in unwrapped
        assert "\x1b" not in text and "\x9b" not in text
        assert "␛" in text  # the loader's visible placeholder for ESC
        # The article list shows such titles literally too.
        prompts = " ".join(str(o.prompt) for o in app.main.articles.options)
        assert "\x1b" not in prompts


async def test_escapes_never_reach_the_terminal_output(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    app = seed_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: app.main.current is not None)
        screenshot = app.export_screenshot()
    assert "\x1b" not in screenshot and "\x9b" not in screenshot and "\x07" not in screenshot
    assert "␛]0;pwned" in screenshot.replace("&#160;", " ")


def namespace(*paths: str) -> argparse.Namespace:
    return argparse.Namespace(paths=list(paths), db=None, no_restore=True)


def test_missing_path_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run_app(namespace(str(tmp_path / "nowhere")))
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and "no such file or folder" in err and "Traceback" not in err


def test_empty_folder_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not a page")
    status = run_app(namespace(str(tmp_path / "empty")))
    err = capsys.readouterr().err
    assert status == 1 and "no page files" in err and err.count("\n") == 1


async def test_a_missing_path_beside_a_good_one_is_reported_in_the_app(tmp_path: Path) -> None:
    from reader.ui.launch import check_paths

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    usable, problems = check_paths([seeds, tmp_path / "gone"])
    assert usable == [seeds] and len(problems) == 1
    app = seed_app(tmp_path, usable, notices=problems)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: app.main.current is not None)
        shown = [str(n.message) for n in app._notifications]
        assert any("gone" in message and "no such file" in message for message in shown)
