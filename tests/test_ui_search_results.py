"""The archive search screen past its first page: every hit reachable, order, timeline.

Driven by keys through Pilot on an archive of 120 small dated pages, each one article that
mentions 数字经济: more than the RESULTS_LIMIT (100) the first answer brings.
"""

from __future__ import annotations

import random
from pathlib import Path

from textual.widgets import Sparkline

from reader.archive import Archive
from reader.ui.app import ReaderApp
from reader.ui.screens.archive_search import RESULTS_LIMIT, ArchiveSearchScreen
from reader.ui.screens.main import MainScreen
from tests.pagegen import Story, typeset
from tests.test_ui_session import settle

SIZE = (120, 40)
PAGES = 120
DIGITS = "零一二三四五六七八九"


def number_words(number: int) -> str:
    """A number as Chinese digits (一二〇), so that each headline differs in its characters."""
    return "".join(DIGITS[int(d)] for d in str(number))


def dated_pages(root: Path) -> list[str]:
    """120 pages in 12 months, the article of page i headlined 第<i>篇报道; their titles."""
    titles = []
    for number in range(PAGES):
        day = f"2021-{1 + number % 12:02d}-{1 + number // 12:02d}"
        title = f"第{number_words(number)}篇报道"
        story = Story(
            [title], [f"今年以来，我市坚持发展数字经济，第{number_words(number)}次会议强调要抓好落实。"]
        )
        folder = root / day
        folder.mkdir(parents=True, exist_ok=True)
        text = typeset([story], 17, double=False, headline_after=False, rng=random.Random(number))
        (folder / f"{day}_01.txt").write_text(text, encoding="utf-8")
        titles.append(title)
    return titles


async def open_search(pilot, app: ReaderApp, query: str) -> ArchiveSearchScreen:  # type: ignore[no-untyped-def]
    await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.scan_done)
    await settle(pilot, lambda: app.indexer.ready and app.indexer.progress is not None)
    await settle(pilot, lambda: bool(app.indexer.progress and app.indexer.progress.finished))
    await pilot.press("S")
    screen = app.screen
    assert isinstance(screen, ArchiveSearchScreen)
    for char in query:
        await pilot.press(char)
    await settle(pilot, lambda: screen.shown_query == query and bool(screen.results))
    return screen


async def test_moving_down_the_results_reaches_every_hit_past_the_hundredth(tmp_path: Path) -> None:
    titles = dated_pages(tmp_path / "archive")
    app = ReaderApp(Archive([tmp_path / "archive"], cache_dir=tmp_path / "cache"))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, app, "数字经济")
        assert len(screen.results) == RESULTS_LIMIT
        assert (
            f"{RESULTS_LIMIT} of at most {PAGES} articles" in screen.summary
        )  # a 4-character phrase: an upper bound
        await pilot.press("down")  # into the results
        assert app.focused is screen.result_list
        for _ in range(RESULTS_LIMIT + 10):
            await pilot.press("down")
        await settle(pilot, lambda: len(screen.results) == PAGES)
        await pilot.press("end")
        await pilot.pause()
        assert screen.result_list.highlighted == PAGES - 1
        assert f"{PAGES} articles" in screen.summary and " of " not in screen.summary
        assert sorted(r.title for r in screen.results) == sorted(titles)
        last = screen.result_list.get_option_at_index(PAGES - 1).prompt
        assert screen.results[-1].title in str(last)  # a WrappedText (the 避头尾 line breaker)
        # The highlighted result is drawn on screen (the list scrolled down to it).
        shown = "".join(
            segment.text
            for y in range(screen.result_list.size.height)
            for segment in screen.result_list.render_line(y)
        )
        assert screen.results[-1].title in shown
        # Enter opens the 120th article.
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.view.article is not None)
        assert app.main.view.article is not None and app.main.view.article.id == screen.results[-1].article_id


async def test_ctrl_o_orders_newest_first_and_the_timeline_draws_the_months(tmp_path: Path) -> None:
    dated_pages(tmp_path / "archive")
    app = ReaderApp(Archive([tmp_path / "archive"], cache_dir=tmp_path / "cache"))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, app, "数字经济")
        timeline = screen.query_one("#archive-timeline", Sparkline)
        assert timeline.display and list(timeline.data or []) == [10] * 12
        assert "2021-01 to 2021-12" in screen.summary
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: "newest first" in screen.summary and screen.sort == "newest")
        dates = [r.date for r in screen.results]
        assert dates == sorted(dates, reverse=True) and dates[0] == "2021-12-10"
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: "oldest first" in screen.summary)
        assert screen.results[0].date == "2021-01-01"
        # A filter typed in the query: one month only.
        for _ in range(len("数字经济")):
            await pilot.press("backspace")
        for char in "数字经济 since:2021-03 until:2021-03":
            await pilot.press(char)
        await settle(pilot, lambda: screen.shown_query.endswith("until:2021-03") and bool(screen.results))
        assert {r.date[:7] for r in screen.results} == {"2021-03"} and len(screen.results) == 10
