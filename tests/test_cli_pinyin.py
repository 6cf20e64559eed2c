"""`reader pinyin TEXT [--name|--place] [--all]`."""

from __future__ import annotations

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["pinyin", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_plain_text_is_written_by_word(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "数字经济") == (0, "shùzì jīngjì\n", "")
    assert run(capsys, "我们去六安")[1] == "wǒmen qù Lù'ān\n"


def test_spaced_flag_gives_the_old_syllable_form(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--spaced", "我们去六安") == (0, "wǒ men qù lù ān\n", "")


def test_several_words_are_joined(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "数字", "经济")[1] == "shùzì jīngjì\n"


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("六安", "Lù'ān"), ("蚌埠", "Bèngbù"), ("台州", "Tāizhōu"), ("番禺", "Pānyú"), ("丽水", "Lìshuǐ"),
        ("铅山", "Yánshān"), ("黄陂", "Huángpí"), ("涡阳", "Guōyáng"), ("亳州", "Bózhōu"),
        ("歙县", "Shèxiàn"), ("枞阳", "Zōngyáng"), ("郫都", "Pídū"), ("乐亭", "Làotíng"),
        ("永康", "Yǒngkāng"), ("重庆", "Chóngqìng"), ("永康市", "Yǒngkāng Shì"),
    ],
)  # fmt: skip
def test_name_flag_reads_places_as_places(
    capsys: pytest.CaptureFixture[str], place: str, expected: str
) -> None:
    assert run(capsys, place, "--name") == (0, expected + "\n", "")


def test_name_flag_reads_the_seed_people_as_people(capsys: pytest.CaptureFixture[str]) -> None:
    import json
    from pathlib import Path

    gold = Path(__file__).parent / "fixtures" / "gold"
    people = {p for f in gold.glob("*.gold.json") for p in json.loads(f.read_text("utf-8"))["people"]}
    assert len(people) >= 20
    for person in sorted(people):
        out = run(capsys, "--name", person)[1].strip()
        surname, given = out.split(" ")  # surname, a space, the given name joined
        assert surname[0].isupper() and given[0].isupper() and given[1:].islower(), out


def test_person_flag_forces_a_person(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--person", "高明")[1] == "Gāo Míng\n"
    assert run(capsys, "--name", "高明")[1] == "Gāomíng\n"  # a district of Foshan first


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
