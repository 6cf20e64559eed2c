"""A huge paragraph does not freeze the app: the article shows its start at once, is laid out in
a thread while the keys keep working, then scrolls to its very end. The test uses 300,000
characters (the rule is the same above LAZY_CHARS); benchmarks/bench_huge_paragraph.py times
1,000,000."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from reader.ui.document import Layout
from reader.ui.widgets.article_view import LAZY_CHARS
from tests.screen import region_lines
from tests.test_ui_session import seed_app, settle

COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"


def huge_page(folder: Path, size: int = 300_000) -> str:
    """A page of one headline and one paragraph of `size` characters; returns its last words."""
    rng = random.Random(5)
    text = "".join(rng.choice(COMMON) for _ in range(size - 8)) + "全文到此结束了。"
    body = "\n".join(text[i : i + 22] for i in range(0, len(text), 22))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "huge.txt").write_text("测试大段落的页面\n\n　　" + body + "\n", encoding="utf-8")
    return "全文到此结束了。"


async def test_a_huge_paragraph_is_laid_out_off_the_event_loop(tmp_path: Path) -> None:
    ending = huge_page(tmp_path / "pages")
    app = seed_app(tmp_path, [tmp_path / "pages"], restore=False)
    release = threading.Event()

    def held_layout(*args, **kwargs) -> Layout:  # type: ignore[no-untyped-def]
        release.wait(60)  # the thread's layout waits until the test has pressed its keys
        return Layout(*args, **kwargs)

    async with app.run_test(size=(100, 30)) as pilot:
        view = app.main.view
        view.layout_factory = held_layout
        await settle(pilot, lambda: view.article is not None and len(view.article.text) > LAZY_CHARS)
        assert view.laying_out
        await pilot.press("tab", "tab")
        # The start of the paragraph is on screen at once, and says the rest is coming.
        drawn = "".join(region_lines(app, view))
        assert view.article.blocks[0].text[:20] in drawn.replace(" ", "").replace("\u3000", "")
        assert "laying out the rest (300,0" in view.document_text()
        # The keys work meanwhile: the view scrolls and the status line follows.
        await pilot.press("j", "j", "j")
        assert view.scroll_y == 3 and view.laying_out
        release.set()
        await settle(pilot, lambda: not view.laying_out)
        assert view.scroll_y == 3  # the same line on top after the swap
        assert view.line_count > 12_000
        await pilot.press("G")
        await pilot.pause()
        bottom = "".join(region_lines(app, view)).replace(" ", "")
        assert ending in bottom
        assert "100%" in app.main.status.text
