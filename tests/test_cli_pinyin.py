"""`reader pinyin TEXT [--name|--place] [--all]`."""

from __future__ import annotations

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["pinyin", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "数字经济") == (0, "shù zì jīng jì\n", "")


def test_several_words_are_joined(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "数字", "经济")[1] == "shù zì jīng jì\n"


def test_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--name", "单雄信") == (0, "Shàn Xióngxìn\n", "")
    assert run(capsys, "章旭升", "--name")[1] == "Zhāng Xùshēng\n"


def test_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--place", "六安")[1] == "Lù'ān\n"


def test_all_readings_one_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--all", "单")
    assert status == 0
    assert out.splitlines() == ["dān", "shàn", "chán"]


def test_empty_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, " ")
    assert status == 2 and out == ""
    assert err.startswith("reader pinyin:") and err.count("\n") == 1


def test_missing_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["pinyin"])
    assert exit_info.value.code == 2
