"""No text hidden: every headline line, byline and block `reader parse --json` prints is on screen.

The test reads the seeds and the dev corpus (tests/fixtures/dev/pages: CI has only the
repository) the way a reader would, `]` through every article and `}` to the next issue,
and looks for each string of the CLI's parse in the article pane's wrapped lines.
Wrapping only inserts line breaks and drops spaces at line edges, so the comparison joins the
lines and ignores whitespace; the check is per string, so a dropped headline line fails it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.test_ui_session import SEEDS, seed_app, settle

DEV = Path(__file__).resolve().parent / "fixtures" / "dev" / "pages"  # the lead's copy of the dev corpus


def squeeze(text: str) -> str:
    return "".join(text.split())


def cli_articles(pages: list[Path]) -> dict[tuple[str, str], list[str]]:
    """(page file name, article id) -> every string of the article that the CLI's JSON holds."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "parse", "--json", *map(str, pages)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    wanted: dict[tuple[str, str], list[str]] = {}
    for line in result.stdout.splitlines():
        page = json.loads(line)
        for article in page["articles"]:
            strings = [*article["headline"], article["byline"], *(b["text"] for b in article["blocks"])]
            strings.append(article["title"].rstrip("…"))  # an excerpt title ends in … of ours
            wanted[(Path(page["source"]).name, article["id"])] = [s for s in strings if squeeze(s)]
    return wanted


async def test_every_string_of_every_article_is_on_screen(tmp_path: Path) -> None:
    pages = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))
    assert len(pages) >= 22
    wanted = cli_articles(pages)
    app = seed_app(tmp_path, [SEEDS, DEV], restore=False)
    seen: set[tuple[str, str]] = set()
    missing: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.main
        await settle(pilot, lambda: screen.scan_done and len(screen.issues.rows) >= 2)
        for issue in range(len(screen.issues.rows)):  # the issues the archive found, in order
            if issue:
                await pilot.press("right_curly_bracket")
            pages_in_issue = len(screen.issues.rows[issue].pages)

            def issue_read(pages: int = pages_in_issue) -> bool:
                return screen._loaded_pages == pages and not screen.loading_issue

            await settle(pilot, issue_read)
            await pilot.press("tab", "tab")  # to the article pane: ] works from anywhere
            total = len(screen.articles.entries)
            for number in range(total):
                if number:
                    await pilot.press("right_square_bracket")
                await settle(pilot, lambda n=number: screen.current is screen.articles.entries[n])
                entry = screen.current
                key = (Path(entry.rel).name, entry.article.id)
                seen.add(key)
                drawn = squeeze(screen.view.document_text())
                missing.extend(
                    f"{key}: {text!r}"
                    for text in wanted.get(key, ["(not in the CLI's parse)"])
                    if squeeze(text) not in drawn
                )
    assert not missing, "\n".join(missing[:20])
    assert seen == set(wanted)


async def test_every_list_entry_is_drawn_whole_beside_the_scrollbar(tmp_path: Path) -> None:
    """The articles list keeps each entry's last line when the scrollbar takes a column (it
    measured the entries before, and `陈晓苏）` lost its `）`)."""
    from tests.screen import region_lines

    app = seed_app(tmp_path, restore=False)
    async with app.run_test(size=(110, 14)) as pilot:
        screen = app.main
        await settle(pilot, lambda: len(screen.articles.entries) == 8 and not screen.loading_issue)
        await pilot.press("tab")
        assert screen.articles.show_vertical_scrollbar
        for number, entry in enumerate(screen.articles.entries):
            if number:
                await pilot.press("j")
            await settle(pilot, lambda n=number: screen.articles.current_number == n)
            scrollbar = str.maketrans("", "", "▁▂▃▄▅▆▇█…")
            drawn = squeeze("".join(region_lines(app, screen.articles))).translate(scrollbar)
            article = entry.article
            shown = (article.title if article.title else article.blocks[0].text[:24]) + article.byline
            assert squeeze(shown).replace("…", "") in drawn, (number, drawn)


async def test_a_dateline_byline_is_shown_once(tmp_path: Path) -> None:
    """`本报约翰内斯堡12月30日电记者温宪…报道：` opens the first paragraph and is the byline too:
    the article shows it once, where the paragraph begins."""
    app = seed_app(tmp_path, [DEV / "p01_i1_b1.txt"], restore=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.main
        await settle(pilot, lambda: screen.current is not None and not screen.loading_issue)
        drawn = squeeze(screen.view.document_text())
        assert drawn.count("本报约翰内斯堡12月30日电") == 1
        assert "中南外长高度评价两国建交" in drawn
