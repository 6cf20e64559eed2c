"""Chinese typography beyond the article pane: 避头尾 in the lists and the popup, balanced
headlines, labels in one language, the credit under its caption, no italics on Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.commands.parse import KIND_MARKERS
from reader.ui.document import KIND_LABELS
from reader.ui.wrap import NO_LINE_END, NO_LINE_START
from tests.screen import region_lines
from tests.test_ui_session import loaded, seed_app, settle


def broken_rows(rows: list[str]) -> list[str]:
    """Rows that break a 避头尾 rule: start with a closing mark, end with an opening one, or
    hold nothing but an ellipsis."""
    bad = []
    for row in rows:
        text = row.strip(" \u3000")
        if not text:
            continue
        if text[0] in NO_LINE_START or text[-1] in NO_LINE_END or set(text) <= {"…", "."}:
            bad.append(row)
    return bad


@pytest.mark.parametrize("width", [66, 90, 100, 120])
async def test_the_articles_list_breaks_lines_by_the_rules(tmp_path: Path, width: int) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(width, 60)) as pilot:
        await settle(pilot, loaded(app))
        rows = region_lines(app, app.main.articles)
        assert "进入4月下旬" in "".join(row.strip() for row in rows)
        assert not broken_rows(rows), rows


async def test_list_badges_and_article_labels_say_the_same_as_the_cli(tmp_path: Path) -> None:
    assert KIND_MARKERS == KIND_LABELS
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        rows = "\n".join(region_lines(app, app.main.articles))
        assert "【图片】进入4月下旬" in rows and "【公告】金华市" in rows and "【简讯】今年上半年" in rows
        for cryptic in ("▣", "◆", "▤", " 讯 ", "photo", "brief", "notice"):
            assert cryptic not in rows
        article = "\n".join(region_lines(app, app.main.view))
        assert "【图片】" in article and "photo" not in article


async def test_a_photo_credit_closes_its_caption(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        rows = [row for row in region_lines(app, app.main.view) if row.strip()]
        caption = next(n for n, row in enumerate(rows) if "进入4月下旬" in row)
        credit = next(n for n, row in enumerate(rows) if "融媒记者 卢斌 摄" in row)
        assert credit > caption  # in print the credit ends the caption
        assert rows[credit].rstrip().endswith("融媒记者 卢斌 摄")  # set flush right


async def test_headlines_wrap_at_the_phrase_gap_in_balanced_lines(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(60, 30)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("right_square_bracket")  # 坚持创新突破 聚力提质增效
        await settle(pilot, lambda: app.main.current is app.main.articles.entries[1])
        view = app.main.view
        assert view.scrollable_content_region.width < 25  # the title needs two lines here
        rows = [row.strip() for row in region_lines(app, view) if row.strip()]
        assert "坚持创新突破" in rows and "聚力提质增效" in rows


async def test_no_italic_on_chinese_text(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        view = app.main.view
        for role in ("subtitle", "caption", "kicker", "title", "paragraph", "byline", "credit"):
            assert not view._style(role).italic, role


@pytest.mark.parametrize("width", [56, 68, 77, 104])
async def test_archive_search_results_break_lines_by_the_rules(tmp_path: Path, width: int) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot, loaded(app))
        await settle(pilot, lambda: app.indexer.ready)
        await pilot.press("S", *"发展")
        screen = app.screen
        await settle(pilot, lambda: getattr(screen, "shown_query", "") == "发展" and bool(screen.results))
        await pilot.pause()
        rows = region_lines(app, screen.result_list)  # type: ignore[attr-defined]
        assert sum(bool(row.strip()) for row in rows) > 4
        # A snippet that starts mid-sentence opens with "…" on its own indented first line.
        rows = [row.replace("  …", "  ", 1) if row.startswith("  …") else row for row in rows]
        assert not broken_rows(rows), rows


@pytest.mark.parametrize("size", [(60, 30), (80, 24), (100, 30)])
async def test_no_headline_line_is_an_orphan_of_one_or_two_characters(tmp_path: Path, size) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, loaded(app))
        layout_lines = []
        for number in range(len(app.main.articles.entries)):
            if number:
                await pilot.press("right_square_bracket")
            await settle(pilot, lambda n=number: app.main.current is app.main.articles.entries[n])
            layout = app.main.view.layout
            assert layout is not None
            for entry in layout.lines:
                block = layout.blocks[entry.block] if entry.block >= 0 else None
                if block is not None and block.role in ("kicker", "title", "subtitle"):
                    text = layout._shown[entry.block].text[entry.line.start : entry.line.end]
                    layout_lines.append((block.text, text))
        wrapped = [(whole, line) for whole, line in layout_lines if whole != line]
        assert wrapped  # some headlines do wrap at these widths
        short = [(whole, line) for whole, line in wrapped if len(line.strip()) <= 2]
        assert not short, short
