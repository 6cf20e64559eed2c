"""jieba behind a lock: offsets, tags, lazy and silent loading, and loading from threads."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from reader.lang import segment

ROOT = Path(__file__).resolve().parent.parent


def test_words_have_offsets_into_the_text() -> None:
    text = "本报讯（记者 陈晓苏） 我市数字经济发展"
    found = segment.words(text)
    assert "".join(w.word for w in found) == text
    for word in found:
        assert text[word.start : word.end] == word.word


def test_tagged_words_carry_part_of_speech() -> None:
    tags = {w.word: w.flag for w in segment.tagged("我市领导章旭升在永康参加会议")}
    assert tags["章旭升"] == "nr"
    assert tags["永康"] == "ns"


def test_ensure_loaded_from_many_threads_loads_once() -> None:
    errors: list[BaseException] = []

    def load() -> None:
        try:
            segment.ensure_loaded()
            segment.words("数字经济")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert segment.is_loaded()


def test_importing_lang_does_not_load_jieba_and_loading_is_silent() -> None:
    script = (
        "import sys\n"
        "import reader.lang.names, reader.lang.pinyin, reader.lang.dictionary\n"
        "assert 'jieba' not in sys.modules, 'jieba imported at import time'\n"
        "from reader.lang import segment\n"
        "assert not segment.is_loaded()\n"
        "segment.words('数字经济')\n"
        "assert segment.is_loaded()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == ""
