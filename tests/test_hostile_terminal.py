"""A page's escape sequences never reach the terminal: the real app, in a real pseudo-terminal.

Textual's headless test driver writes nothing, so this test runs `reader` on a pty, as a
person would, captures every byte the app writes, and looks for the page's sequences.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

HOSTILE = {
    "title": "\x1b]0;PWNED-TITLE\x07",
    "clear": "\x1b[2J\x1b[3J",
    "c1-csi": "\x9b31mRED",
    "hyperlink": "\x1b]8;;http://evil.example/\x1b\\点我\x1b]8;;\x1b\\",
    "bell": "\x07\x07",
}


def _read_until_quiet(fd: int, seconds: float) -> bytes:
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_page_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    body = (
        "今年以来，我县坚持把农村公路建设作为民生实事来抓，"
        + "".join(HOSTILE.values())
        + "群众出行更加便捷。"
    )
    page = tmp_path / "2023-04-22" / "01.txt"
    page.parent.mkdir()
    page.write_text(
        "农村公路建设提速"
        + HOSTILE["title"]
        + "\n□记者 王小明\n"
        + body
        + "\n[/red][bold]不是标记[link=http://x]\n",
        encoding="utf-8",
    )
    controller, terminal = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--no-restore", str(page)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    try:
        written = _read_until_quiet(controller, 6.0)
        os.write(controller, b"\t\t")  # focus the article pane: its text is drawn again
        written += _read_until_quiet(controller, 1.5)
        os.write(controller, b"q")
        written += _read_until_quiet(controller, 3.0)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    text = written.decode("utf-8", errors="replace")
    assert "农村公路建设提速" in text, "the app did not draw the page"
    assert "PWNED-TITLE" in text  # the text itself is shown ...
    assert "\x1b]0;PWNED" not in text  # ... but never as a terminal command
    assert "\x1b]8;;http://evil" not in text
    assert "\x9b" not in text and "\u009b31m" not in text
    # The page's "clear screen and scrollback": Textual never sends ESC[3J, so any is the page's.
    assert "\x1b[3J" not in text
    assert "\x1b[2J\x1b[3J" not in text
    # The page's bells: a BEL may only end an OSC sequence Textual itself sends.
    outside_osc = re.sub(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)", "", text)
    assert "\x07" not in outside_osc
    assert "Traceback" not in text
    assert process.returncode == 0
