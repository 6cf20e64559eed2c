"""Search in the app, driven by keys through Pilot: find in the article (/ n N Enter Esc) and
the archive search screen (S), on the seed pages and on small pages typeset for these tests.

Highlights are checked twice: as the article view's spans (what should be marked) and as the
styles of the segments the view renders on screen (what the reader actually sees).
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from pathlib import Path

import pytest
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from reader.archive import Archive
from reader.page.model import Page
from reader.search.index import SearchIndex
from reader.ui.app import ReaderApp
from reader.ui.screens.archive_search import ArchiveSearchScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_view import ArticleView
from tests.pagegen import Story, typeset
from tests.test_ui_session import SEEDS, loaded, seed_app, seed_articles, settle

SIZE = (120, 40)


# -- helpers ---------------------------------------------------------------------------------


def on_screen(view: ArticleView, role: str) -> list[str]:
    """The runs of text drawn in the highlight style `role` in the rows now on screen."""
    colour = view.get_component_rich_style(f"article-view--{role}", partial=True).bgcolor
    runs: list[str] = []
    for y in range(view.scrollable_content_region.height):
        run = ""
        for segment in view.render_line(y):
            if segment.style is not None and segment.style.bgcolor == colour:
                run += segment.text
            elif run:
                runs.append(run)
                run = ""
        if run:
            runs.append(run)
    return runs


def marked(view: ArticleView, style: str | None = None) -> list[str]:
    """The text under each highlight span of the view (of one style, or all)."""
    article = view.article
    assert article is not None
    texts = {
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "byline": article.byline,
    }
    out = []
    for mark in view.highlights:
        if style is not None and mark.style != style:
            continue
        text = texts[mark.block] if isinstance(mark.block, str) else article.blocks[mark.block].text
        out.append(text[mark.start : mark.end])
    return out


async def type_text(pilot: Pilot, text: str) -> None:
    for char in text:
        await pilot.press(char)
    await pilot.pause()


async def open_article(pilot: Pilot, app: ReaderApp, title_start: str) -> None:
    """Select the article whose title starts with `title_start` in the articles pane."""
    # Read the entries afresh each time: the list is rebuilt when the scan finds more pages.
    await settle(pilot, lambda: app.main.scan_done)
    await settle(
        pilot, lambda: any(e.article.title.startswith(title_start) for e in app.main.articles.entries)
    )
    entries = app.main.articles.entries
    number = next(i for i, e in enumerate(entries) if e.article.title.startswith(title_start))
    app.main.articles.focus()
    app.main.articles.select_number(number)
    await settle(pilot, lambda: app.main.view.article is entries[number].article)


def write_page(folder: Path, name: str, stories: list[Story]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = typeset(stories, 17, double=False, headline_after=False, rng=random.Random(7))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def count(app: ReaderApp) -> str:
    return app.main.find.count_text


# -- find in the article ---------------------------------------------------------------------


async def test_slash_highlights_as_you_type_and_n_N_step(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, "坚持创新突破")
        view, find = app.main.view, app.main.find
        assert not find.display or not find.has_class("-open")

        await pilot.press("slash")
        assert app.main.focused is find.input
        await type_text(pilot, "数字")
        partial_count = len(view.highlights)
        await type_text(pilot, "经济")
        # Every match is marked at once, the first one as current; the count says so.
        total = len(view.highlights)
        assert 1 < total <= partial_count
        assert count(app) == f"1/{total}"
        assert set(marked(view)) == {"数字经济"}
        assert marked(view, "highlight-current") == ["数字经济"]
        assert on_screen(view, "highlight-current") == ["数字经济"]
        assert "数字经济" in on_screen(view, "highlight")

        # Enter goes to that match and hands the keys back to the article: n / N step.
        await pilot.press("enter")
        assert app.main.focused is view and not find.editing and find.active
        # The field is closed; the bar still shows the query and the count.
        assert find.display and "数字经济" in str(find.query_one("#find-query").render())
        assert count(app) == f"1/{total}"
        await pilot.press("n")
        assert count(app) == f"2/{total}"
        await pilot.press("n", "n")
        assert count(app) == f"4/{total}"
        await pilot.press("N")
        assert count(app) == f"3/{total}"

        # N from the first wraps round to the last match, scrolled into view.
        await pilot.press("N", "N", "N")
        assert count(app) == f"{total}/{total}"
        assert view.scroll_y > 0
        assert on_screen(view, "highlight-current") == ["数字经济"]

        # Esc closes the bar and clears every highlight.
        await pilot.press("escape")
        assert view.highlights == [] and not find.active
        assert on_screen(view, "highlight") == [] and on_screen(view, "highlight-current") == []
        assert app.main.focused is view


async def test_enter_and_shift_enter_in_the_field(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, "坚持创新突破")
        await pilot.press("slash")
        await type_text(pilot, "数字经济")
        total = len(app.main.view.highlights)
        # Shift+Enter: the last match before where the reader was (the top: wraps to the end).
        await pilot.press("shift+enter")
        assert count(app) == f"{total}/{total}"
        assert app.main.focused is app.main.view
        # `/` reopens on the kept query; Enter then goes on to the next match, as n does.
        await pilot.press("slash")
        assert app.main.find.editing and app.main.find.input.value == "数字经济"
        await pilot.press("enter")
        assert count(app) == f"1/{total}"
        await pilot.press("slash", "enter")
        assert count(app) == f"2/{total}"
        # Typing a new query in the reopened field replaces the old one (it was selected).
        await pilot.press("slash")
        await type_text(pilot, "章旭升")
        assert app.main.find.input.value == "章旭升"
        assert set(marked(app.main.view)) == {"章旭升"}


async def test_a_phrase_broken_across_two_source_lines_is_one_match(tmp_path: Path) -> None:
    phrase = "按照全省数字经济"
    raw = (SEEDS / "000_2b7640bcd280a270.txt").read_text(encoding="utf-8")
    assert phrase not in raw  # what grep would miss: the column broke it after 按照全省
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, "坚持创新突破")
        await pilot.press("slash")
        await type_text(pilot, phrase)
        assert count(app) == "1/1"
        assert marked(app.main.view) == [phrase]
        assert "".join(on_screen(app.main.view, "highlight-current")) == phrase


async def test_no_match_says_so_and_n_does_nothing(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, "坚持创新突破")
        await pilot.press("slash")
        await type_text(pilot, "不存在的词语")
        assert count(app) == "0/0 no match"
        assert app.main.view.highlights == []
        await pilot.press("enter", "n", "N")
        assert count(app) == "0/0 no match"
        await pilot.press("escape")
        assert count(app) == "" or not app.main.find.active


async def test_full_width_and_half_width_fold(tmp_path: Path) -> None:
    story = Story(
        ["全角数字测试报道"],
        ["今年ＧＤＰ同比增长１４．１％，全市经济运行稳中向好。", "上半年GDP增长14.1%，好于预期。"],
        byline="本报讯（记者 王一）",
    )
    write_page(tmp_path / "pages" / "2023-01-01", "01.txt", [story])
    app = seed_app(tmp_path, [tmp_path / "pages"])
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, "全角数字")
        view = app.main.view
        await pilot.press("slash")
        await type_text(pilot, "gdp")  # half-width, lower case
        assert count(app) == "1/2"
        assert marked(view) == ["ＧＤＰ", "GDP"]  # highlights on the original characters
        await pilot.press("escape", "slash")
        # Pilot has no key for ．or ％: they come in as a paste would.
        app.main.find.input.insert_text_at_cursor("１４．１％")  # a full-width query finds both forms
        await pilot.pause()
        assert marked(view) == ["１４．１％", "14.1%"]
        assert on_screen(view, "highlight-current") == ["１４．１％"]


async def test_pinyin_initials_and_syllables_find_the_name(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, "立足需求")
        view = app.main.view
        await pilot.press("slash")
        await type_text(pilot, "zxs")
        total = len(view.highlights)
        assert total >= 3 and set(marked(view)) == {"章旭升"}
        assert count(app) == f"1/{total}"
        assert on_screen(view, "highlight-current") == ["章旭升"]
        await pilot.press("escape", "slash")
        await type_text(pilot, "zhang xu sheng")
        assert len(view.highlights) == total and set(marked(view)) == {"章旭升"}


async def test_the_kept_query_follows_to_the_next_article(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, "坚持创新突破")
        await pilot.press("slash")
        await type_text(pilot, "zxs")
        await pilot.press("enter", "right_square_bracket")
        assert app.main.view.article is not None and app.main.view.article.title.startswith("扎实做好")
        assert set(marked(app.main.view)) == {"章旭升"}
        assert count(app).startswith("1/")


# -- across the archive ----------------------------------------------------------------------


async def test_archive_search_lists_results_and_opens_the_article_at_the_hit(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: app.indexer.ready)
        await pilot.press("S")
        screen = app.screen
        assert isinstance(screen, ArchiveSearchScreen)
        await type_text(pilot, "zxs")
        await settle(pilot, lambda: screen.shown_query == "zxs")
        assert screen.results and "no match" not in screen.summary and "partial" not in screen.summary
        # Best first: the article with 章旭升 in its headline leads.
        assert screen.results[0].in_title
        prompt = screen.result_list.get_option_at_index(0).prompt.text  # the Text it wraps
        assert isinstance(prompt, Text)
        assert screen.results[0].title in prompt.plain
        bold = [prompt.plain[s.start : s.end] for s in prompt.spans if s.style == "bold reverse"]
        assert bold == ["章旭升"]

        # Down to a later result with two hits or more (relevance: headline and byline hits
        # first, then newest first), Enter: the main screen shows it, the hit current.
        target = next(i for i, r in enumerate(screen.results) if i > 0 and r.hit_count >= 2)
        await pilot.press("down", *["down"] * target, "enter")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.find.active)
        chosen = screen.results[target]
        view = app.main.view
        assert view.article is not None and view.article.id == chosen.article_id
        hit = chosen.hits[0]
        current = app.main.find.state.current_match
        assert current is not None and (current.block, current.start) == (hit.block, hit.start)
        assert marked(view, "highlight-current") == ["章旭升"]
        assert on_screen(view, "highlight-current") == ["章旭升"]
        await pilot.press("n")
        assert count(app).startswith("2/")


async def test_archive_search_scrolls_to_a_hit_far_down(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: app.indexer.ready)
        # A phrase only at the end of the longest seed article.
        entries = app.main.articles.entries
        entry = max(entries, key=lambda e: len(e.article.text))
        phrase = last_unique_phrase(entry.article.text, [e.article.text for e in entries if e is not entry])
        await pilot.press("ctrl+f")
        await type_text(pilot, phrase)
        screen = app.screen
        assert isinstance(screen, ArchiveSearchScreen)
        await settle(pilot, lambda: screen.shown_query == phrase)
        assert [r.article_id for r in screen.results] == [entry.article.id]
        await pilot.press("enter")  # Enter in the field opens the best result
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.main.view.highlights != [])
        view = app.main.view
        assert view.article is entry.article and view.scroll_y > 0
        assert "".join(on_screen(view, "highlight-current")) == phrase


async def test_archive_search_says_no_match_and_escape_goes_back(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: app.indexer.ready)
        await pilot.press("S")
        screen = app.screen
        await type_text(pilot, "不存在的词语")
        await settle(pilot, lambda: screen.shown_query == "不存在的词语")
        assert screen.results == [] and "no match" in screen.summary
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


def last_unique_phrase(text: str, others: list[str], size: int = 6) -> str:
    """The last run of `size` Chinese characters of `text` found in none of `others` (typeable)."""
    for end in range(len(text), size - 1, -1):
        phrase = text[end - size : end]
        if all("\u4e00" <= c <= "\u9fff" for c in phrase) and not any(phrase in o for o in others):
            return phrase
    raise AssertionError("no phrase to search for")


def gated_archive(root: Path, cache: Path, slow: str, blocked: set[str], release: threading.Event) -> Archive:
    """An archive whose page `slow` takes a moment to parse and whose `blocked` pages wait for
    `release`: the index build is caught mid-way, as on a large archive."""

    class Gated(Archive):
        def load(self, ref) -> Page:  # type: ignore[no-untyped-def, override]
            if ref.rel == slow:
                release.wait(0.15)  # longer than the builder's report interval
            elif ref.rel in blocked:
                release.wait(10)
            return super().load(ref)

    return Gated([root], cache_dir=cache)


async def test_indexing_shows_progress_answers_partially_quits_at_once_and_resumes(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    first = root / "2023-01-01"
    write_page(first, "01.txt", [Story(["早到的新闻"], ["早到的报道说月季花开了，满城芬芳。"])])
    write_page(first, "02.txt", [Story(["第二版消息"], ["月季花展吸引游客，市民纷纷前往观赏。"])])
    later = [
        write_page(root / "2023-01-02", f"{n:02}.txt", [Story([f"后来的新闻{n}"], [f"月季第{n}篇报道。"])])
        for n in range(1, 19)
    ]
    rels = [p.relative_to(root).as_posix() for p in later]
    total = 20

    # An earlier session indexed the first issue, then was closed.
    earlier = Archive([root], cache_dir=tmp_path / "cache")
    refs = [ref for ref in earlier.scan_all() if ref.rel.startswith("2023-01-01")]
    SearchIndex.for_archive([root]).update(refs, earlier.load)

    release = threading.Event()
    app = ReaderApp(gated_archive(root, tmp_path / "cache", rels[0], set(rels[1:]), release))
    app.indexer.quiet_seconds = 0
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, lambda: f"indexing 3/{total}" in app.main.status.text)
            # A search now answers from what is indexed, and says it is partial.
            await pilot.press("S")
            screen = app.screen
            await type_text(pilot, "月季")
            await settle(pilot, lambda: screen.shown_query == "月季")
            assert {r.source for r in screen.results} <= {"2023-01-01/01.txt", "2023-01-01/02.txt", rels[0]}
            assert len(screen.results) >= 2
            assert f"of {total} pages indexed" in screen.summary and "partial: " in screen.summary
            await pilot.press("escape", "q")
            release.set()  # the page being parsed finishes; the build stops before the next
    finally:
        release.set()
    assert app.return_code == 0
    assert app.indexer.wait_stopped(10)  # it finished the page in hand, committed, and stopped
    index = SearchIndex.for_archive([root])
    assert 3 <= index.indexed_pages() < total and not index.complete

    # Next time it resumes: the pages done are skipped, the rest indexed, the answer complete.
    again = ReaderApp(Archive([root], cache_dir=tmp_path / "cache"))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: again.indexer.ready)
        progress = again.indexer.progress
        assert progress is not None and progress.unchanged >= 3 and progress.indexed <= total - 3
        assert "indexing" not in again.main.status.text
        await pilot.press("S")
        screen = again.screen
        await type_text(pilot, "月季")
        await settle(pilot, lambda: screen.shown_query == "月季")
        assert len(screen.results) == total and "partial" not in screen.summary


BODY = "全市各地认真落实各项部署，扎实推进重点工作，经济运行总体平稳、稳中有进，群众获得感不断增强。"


def counting_archive(root: Path, cache: Path, loads: Counter[str]) -> Archive:
    """An archive that counts its loads, page by page."""

    class Counting(Archive):
        def load(self, ref) -> Page:  # type: ignore[no-untyped-def, override]
            loads[ref.rel] += 1
            return super().load(ref)

    return Counting([root], cache_dir=cache)


async def test_one_background_pass_serves_the_index_and_the_palette_titles(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    titles = {}
    for day in range(1, 4):
        for page in range(1, 4):
            title = f"第{day}天第{page}版要闻"
            write_page(
                root / f"2023-01-0{day}",
                f"{page:02}.txt",
                [Story([title], [BODY], byline="本报讯（记者 王一）")],
            )
            titles[f"2023-01-0{day}/{page:02}.txt"] = title
    loads: Counter[str] = Counter()
    app = ReaderApp(counting_archive(root, tmp_path / "cache", loads))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: app.indexer.ready and len(app.title_index) == len(titles))
        await pilot.pause(0.2)
        assert {entry.title for entry in app.title_index.values()} == set(titles.values())
        open_issue = {ref.rel for ref in app.main.issues.row(app.main.open_issue_key).pages}
        # The index and the palette shared one load of every page outside the open issue.
        assert {rel: loads[rel] for rel in titles if rel not in open_issue} == dict.fromkeys(
            set(titles) - open_issue, 1
        )
        await pilot.press("q")

    # Next time the index is up to date: the titles still come, from the parse cache.
    loads.clear()
    again = ReaderApp(counting_archive(root, tmp_path / "cache", loads))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: again.indexer.ready and len(again.title_index) == len(titles))
        assert again.indexer.progress is not None and again.indexer.progress.unchanged == len(titles)
        assert max(loads.values()) <= 2  # once for the titles, once more only for the open issue
        await pilot.press("ctrl+p")
        await type_text(pilot, "第3天第2版")
        await settle(
            pilot,
            lambda: (
                isinstance(again.screen, CommandPalette)
                and again.screen.query_one(CommandList).option_count > 0
            ),
        )
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(
            pilot,
            lambda: (
                again.main.view.article is not None
                and again.main.view.article.title == titles["2023-01-03/02.txt"]
            ),
        )


async def test_without_a_search_index_the_palette_still_gets_every_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("the index cannot be made under a file", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE", str(blocker))
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: bool(app.indexer.error))
        assert "search index unavailable" in app.indexer.error
        await settle(pilot, lambda: len(app.title_index) == len(seed_articles()))


async def test_help_lists_the_search_keys(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.plain_text()
        for words in ("Search archive", "Find", "Next match", "Prev match", "Shift+Enter"):
            assert words in text
        assert "/ " in text or "/\n" in text
