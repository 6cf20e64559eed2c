"""Names and pinyin in the app: the names panel, the word cursor, the `p` popup, inline pinyin.

The app tests drive the reader through Pilot on the seed pages and check what is drawn:
the panel's lines, which characters carry the highlight or cursor style, the popup's text
and place. The pure tests check the layout's offset mapping with inline annotations, the
word list, the tone colours' contrast in every theme and the reading pieces.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App
from textual.color import Color
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES

from reader.lang import cedict, segment
from reader.lang.pinyin import name_pieces, name_reading
from reader.ui import names_feature
from reader.ui.app import ReaderApp
from reader.ui.document import Annotation, DocBlock, Highlight, Layout
from reader.ui.screens.main import MainScreen
from reader.ui.screens.word_popup import WordPopup
from reader.ui.tones import MIN_CONTRAST, _opaque, contrast, tone_colours, tone_styles
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.names_panel import NamesPanel
from reader.ui.words import ArticleWords, NameSpot, WordSpan, is_word, reading_annotation
from tests.test_ui_session import loaded, seed_app, seed_articles, settle

#: The seed article about the digital-economy meeting: 章旭升 twice, 金华市, 永康...
MEETING = 1


# -- helpers ---------------------------------------------------------------------------------


async def open_meeting(pilot: Pilot, app: ReaderApp) -> ArticleView:
    """Open the seed article with 章旭升 in it, the article pane focused, at its top."""
    await settle(pilot, loaded(app))
    await pilot.press("tab", "j", "enter")
    await pilot.pause()  # let the scrollbar appear and the layout settle to the pane's width
    view = app.main.view
    assert view.article == seed_articles()[MEETING]
    assert app.main.focused is view
    return view


def drawn_runs(view: ArticleView, matches: Callable[[Style], bool]) -> list[str]:
    """The runs of characters drawn in a style that `matches`, over the lines in view."""
    runs: list[str] = []
    current = ""
    for y in range(view.scrollable_content_region.height):
        for segment_ in view.render_line(y):
            if segment_.style is not None and matches(segment_.style):
                current += segment_.text
            elif current:
                runs.append(current)
                current = ""
    if current:
        runs.append(current)
    return runs


def background_of(view: ArticleView, role: str) -> Callable[[Style], bool]:
    wanted = view._style(role).bgcolor
    assert wanted is not None
    return lambda style: style.bgcolor == wanted


def panel(app: ReaderApp) -> NamesPanel:
    return app.main.query_one("#names", NamesPanel)


def cursor_text(view: ArticleView) -> str:
    assert view.cursor_word() is not None
    return view.cursor.text()


async def click_on(pilot: Pilot, view: ArticleView, block: int, offset: int) -> None:
    """Click on character `offset` of body block `block` (it must be in view)."""
    x, y = view.screen_cell(block, offset)
    assert view.content_region.contains(x, y)
    await pilot.click(ArticleView, offset=(x - view.region.x, y - view.region.y))


# -- the names panel -------------------------------------------------------------------------


async def test_names_panel_lists_people_and_places_with_pinyin_and_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_analyse = names_feature.analyse

    def held_analyse(article):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_analyse(article)

    monkeypatch.setattr(names_feature, "analyse", held_analyse)
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_meeting(pilot, app)
        assert not panel(app).display
        await pilot.press("m")
        assert panel(app).display and "loading…" in panel(app).text()
        assert not app.main.issues.display  # the issues pane steps aside for the panel
        release.set()
        await settle(pilot, lambda: bool(panel(app).entries))
        lines = panel(app).text().splitlines()
        assert lines[0] == "People (8)"
        assert "章旭升  Zhāng Xùshēng  ×2" in lines
        assert "习近平  Xí Jìnpíng  ×2" in lines
        assert "Places (3)" in lines
        assert "永康  Yǒngkāng  ×3" in lines and "金华市  Jīnhuá Shì  ×3" in lines
        assert app.focused is panel(app).names_list
        # Esc closes the panel and gives the article back its focus and the issues their pane.
        await pilot.press("escape")
        assert not panel(app).display and app.main.issues.display
        assert app.focused is app.main.view


async def test_choosing_a_name_highlights_its_occurrences_and_scrolls_to_them(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_meeting(pilot, app)
        await pilot.press("G")  # the end of the article: no 章旭升 in view
        assert "章旭升" not in view.visible_text().replace("\n", "")
        await pilot.press("m")
        await settle(pilot, lambda: bool(panel(app).entries))
        await pilot.press("down", "down", "enter")  # 陈晓苏 → 习近平 → 章旭升
        current = drawn_runs(view, background_of(view, "highlight-current"))
        assert "".join(current) == "章旭升"  # the first occurrence, scrolled into view
        others = drawn_runs(view, background_of(view, "highlight"))
        assert "".join(others) in ("", "章旭升")
        assert [(h.block, h.start, h.end) for h in view.highlights] == [(0, 190, 193), (1, 35, 38)]
        # Enter again goes on to the next occurrence.
        await pilot.press("enter")
        assert [h.style for h in view.highlights] == ["highlight", "highlight-current"]
        assert "".join(drawn_runs(view, background_of(view, "highlight-current"))) == "章旭升"
        # The panel follows the article shown: ] brings the next one's names.
        await pilot.press("right_square_bracket")
        await settle(pilot, lambda: "施礼干  Shī Lǐgàn  ×1" in panel(app).text().splitlines())
        assert view.highlights == []
        await pilot.press("left_square_bracket")
        await settle(pilot, lambda: "章旭升  Zhāng Xùshēng  ×2" in panel(app).text().splitlines())
        # A click on a name in the list chooses it too.
        options = panel(app).names_list.options
        place = next(i for i, option in enumerate(options) if option.id == "永康")
        await pilot.click("#names-list", offset=(4, place))
        assert {(h.block, h.start, h.end) for h in view.highlights} == {
            (0, 210, 212),
            (1, 45, 47),
            (1, 303, 305),
        }


async def test_names_panel_alone_on_a_narrow_screen(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("m")
        await settle(pilot, lambda: bool(panel(app).entries))
        assert panel(app).region.width == 50
        assert all(
            app.main.query_one(f"#{name}").region.width == 0 for name in ("issues", "articles", "article")
        )
        await pilot.press("escape")
        assert panel(app).region.width == 0 and app.main.issues.region.width > 0
        assert app.focused is app.main.issues


# -- the word cursor -------------------------------------------------------------------------


async def test_word_cursor_moves_word_by_word_along_jiebas_segmentation(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    article = seed_articles()[MEETING]
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_meeting(pilot, app)
        await pilot.press("w")
        await settle(pilot, lambda: view.cursor_word() is not None)
        cursor_style = background_of(view, "word-cursor")
        # The kicker, then the title, word by word: 金华市 is a place found by the name finder
        # and stays one word; punctuation is skipped.
        expected = [w.word for w in segment.words(article.kicker) if is_word(w.word)]
        expected += [w.word for w in segment.words(article.title) if is_word(w.word)]
        assert expected[0] == "金华市"
        seen = [cursor_text(view)]
        assert drawn_runs(view, cursor_style) == [seen[0]]
        for _ in expected[1:]:
            await pilot.press("w")
            seen.append(cursor_text(view))
            assert drawn_runs(view, cursor_style) == [seen[-1]]
        assert seen == expected
        # Back, with W and ←.
        await pilot.press("W", "left")
        assert cursor_text(view) == expected[-3]
        # After a page down the cursor, now out of sight, starts again from the top of the view;
        # stepping back above the view scrolls it just enough to show the cursor.
        await pilot.press("space")
        top = view.scroll_y
        assert top > 0 and drawn_runs(view, cursor_style) == []
        await pilot.press("w")
        assert len(drawn_runs(view, cursor_style)) == 1 and view.scroll_y == top
        word = view.cursor_word()
        assert word is not None
        assert view.screen_cell(word.block, word.start)[1] == view.content_region.y
        await pilot.press("W")
        assert view.scroll_y < top and "".join(drawn_runs(view, cursor_style)) == cursor_text(view)


async def test_a_click_puts_the_cursor_on_the_word_under_the_pointer(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_meeting(pilot, app)
        # Block 1 is "会上，…作交流发言。市委书记章旭升在发言中表示…": click on 旭, mid-name.
        assert view.article.blocks[1].text[35:38] == "章旭升"
        await click_on(pilot, view, 1, 36)
        await settle(pilot, lambda: view.cursor_word() is not None)
        assert view.cursor_word() == WordSpan(1, 35, 38)
        assert drawn_runs(view, background_of(view, "word-cursor")) == ["章旭升"]
        await click_on(pilot, view, 1, 29)  # 发言, in 交流发言
        assert cursor_text(view) == "发言" and view.cursor_word() == WordSpan(1, 28, 30)


# -- the popup -------------------------------------------------------------------------------


async def test_popup_shows_a_names_reading_then_the_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CC-CEDICT is not loaded yet, and its load waits until the test lets it go.
    monkeypatch.setattr(cedict, "_everything", None)
    release = threading.Event()
    real_all_entries = cedict.all_entries

    def held_all_entries():  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_all_entries()

    monkeypatch.setattr(cedict, "all_entries", held_all_entries)
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_meeting(pilot, app)
        await click_on(pilot, view, 1, 35)
        await settle(pilot, lambda: view.cursor_word() == WordSpan(1, 35, 38))
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, WordPopup))
        popup = app.screen
        assert isinstance(popup, WordPopup)
        text = popup.card.text
        assert text.startswith("章旭升  person\nZhāng Xùshēng")
        assert "loading dictionary…" in text
        # Beside the word: on the line below it, from its column.
        x, y = view.screen_cell(1, 35)
        box = popup.query_one("#word-popup")
        assert box.region.y == y + 1 and box.region.x == x
        release.set()
        await settle(pilot, lambda: popup.info.looked_up)
        text = popup.card.text
        assert "loading dictionary…" not in text
        assert "Zhāng  surname Zhang" in text  # CC-CEDICT's entry for the surname
        # Esc closes it; `p` on an everyday word gives its pinyin and English senses.
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await click_on(pilot, view, 1, 29)
        assert cursor_text(view) == "发言"
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, WordPopup) and app.screen.info.looked_up)
        text = app.screen.card.text  # type: ignore[attr-defined]
        assert text.startswith("发言\nfāyán\n")  # one word, written joined (GB/T 16159)
        assert "fā yán  to make a speech; statement" in text
        assert "person" not in text
        await pilot.press("p")  # p closes it too
        assert isinstance(app.screen, MainScreen)


async def test_popup_readings_are_coloured_by_tone(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_meeting(pilot, app)
        await click_on(pilot, view, 1, 35)
        await settle(pilot, lambda: view.cursor_word() is not None)
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, WordPopup))
        card = app.screen.card  # type: ignore[attr-defined]
        colours = {s.text: s.style.color for s in card.render_line(1) if s.style is not None}
        tones = tone_styles(app)
        assert colours["Zhāng"] == tones[1].color and colours["Xù"] == tones[4].color
        assert colours["shēng"] == tones[1].color


# -- inline pinyin ---------------------------------------------------------------------------


async def test_inline_pinyin_after_names_in_tone_colours(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_meeting(pilot, app)
        plain = view.document_text()
        await pilot.press("y")
        await settle(pilot, lambda: bool(view.annotations))
        shown = view.document_text().replace("\n", "").replace(" ", "")
        assert "章旭升(ZhāngXùshēng)" in shown and "永康(Yǒngkāng)" in shown and "金华市(JīnhuáShì)" in shown
        # Each syllable in its tone's colour: Zhāng tone 1, Xù tone 4.
        tones = tone_styles(app)
        assert tones[1].color != tones[4].color
        assert "Zhāng" in drawn_runs(view, lambda s: s.color == tones[1].color)
        assert "Xù" in drawn_runs(view, lambda s: s.color == tones[4].color)
        # Highlights still fall on the names, not on the inserted pinyin.
        await pilot.press("m")
        await settle(pilot, lambda: bool(panel(app).entries))
        await pilot.press("down", "down", "enter")
        assert "".join(drawn_runs(view, background_of(view, "highlight-current"))) == "章旭升"
        # A click on the name's pinyin puts the cursor on the name.
        await pilot.press("escape")
        x, y = view.screen_cell(1, 37)  # 升 (two cells), then "(Zhāng Xùshēng)"
        await pilot.click(ArticleView, offset=(x - view.region.x + 3, y - view.region.y))
        await settle(pilot, lambda: view.cursor_word() is not None)
        assert view.cursor_word() == WordSpan(1, 35, 38)
        # The light theme gets its own readable tone colours, in the text and in the panel;
        # y again removes the pinyin.
        dark_tone = tone_styles(app)[1].color
        await pilot.press("T")
        light_tone = tone_styles(app)[1].color
        assert light_tone != dark_tone
        assert "Zhāng" in drawn_runs(view, lambda s: s.color == light_tone)
        await pilot.press("m")
        line = panel(app).names_list.render_line(3)  # 章旭升, under the header, 陈晓苏 and 习近平
        assert {s.text: s.style.color for s in line if s.style is not None}["Zhāng"] == light_tone
        await pilot.press("escape")
        await pilot.press("y")
        assert not view.annotations and view.document_text() == plain


async def test_help_lists_the_new_keys(tmp_path: Path) -> None:
    app = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, loaded(app))
        await pilot.press("question_mark")
        text = app.screen.plain_text()  # type: ignore[attr-defined]
        for line in ("m  ", "Names", "w / right", "Next word", "W / left", "p  ", "Pinyin", "y  "):
            assert line in text


# -- pure parts ------------------------------------------------------------------------------


def test_layout_maps_offsets_around_an_inline_annotation() -> None:
    text = "我市领导章旭升在永康"
    pinyin = reading_annotation(NameSpot(0, 4, 7, "章旭升", "person"), name_pieces("章旭升"))
    assert pinyin.text == "(Zhāng Xùshēng)"
    for width in range(12, 40):
        layout = Layout([DocBlock(0, text, "paragraph")], width, [pinyin])
        rows = [layout.render(y, lambda _: Style()).plain for y in range(len(layout))]
        joined = "".join(rows).replace(" ", "")
        assert joined == "我市领导章旭升(ZhāngXùshēng)在永康"
        # The name is never cut from its reading, nor the reading from its opening bracket.
        assert any("章旭升(Zhāng" in row for row in rows)
        # Character offsets still count the block's own text.
        y, x = layout.cell_of(0, 7)  # 在
        assert layout.offset_at(y, x) == (0, 7)
        y, x = layout.cell_of(0, 4)
        assert layout.offset_at(y, x) == (0, 4)
        assert layout.line_of(0, 8) == layout.cell_of(0, 8)[0]
    # A highlight over characters 4:7 styles the name only.
    layout = Layout([DocBlock(0, text, "paragraph")], 80, [pinyin])
    marked = Style(bold=True)
    line = layout.render(0, lambda role: marked if role == "mark" else Style(), [Highlight(0, 4, 7, "mark")])
    assert [line.plain[s.start : s.end] for s in line.spans if s.style == marked] == ["章旭升"]
    # Inside the annotation, a click means the name.
    assert layout.offset_at(0, 16) == (0, 6)


def test_article_words_keep_names_whole_and_skip_punctuation() -> None:
    blocks = [DocBlock("title", "施礼干讲话", "title"), DocBlock(0, "记者施礼干，永康。", "paragraph")]

    def split(text: str) -> list[tuple[int, int]]:  # jieba-like, cutting the name in two
        pieces = {
            "施礼干讲话": ["施礼", "干", "讲话"],
            "记者施礼干，永康。": ["记者", "施礼", "干", "，", "永康", "。"],
        }
        spans, start = [], 0
        for piece in pieces[text]:
            spans.append((start, start + len(piece)))
            start += len(piece)
        return spans

    words = ArticleWords(blocks, split)
    assert [words.text(w) for w in words.words] == ["施礼", "干", "讲话", "记者", "施礼", "干", "永康"]
    words.merge_names([NameSpot("title", 0, 3, "施礼干", "person"), NameSpot(0, 2, 5, "施礼干", "person")])
    assert [words.text(w) for w in words.words] == ["施礼干", "讲话", "记者", "施礼干", "永康"]
    first = words.step(None, 1)
    assert first == WordSpan("title", 0, 3)
    assert words.step(first, 2) == WordSpan(0, 0, 2)
    assert words.step(first, -5) == first and words.step(first, 99) == WordSpan(0, 6, 8)
    assert words.at(0, 3) == WordSpan(0, 2, 5)
    assert words.at(0, 5) == WordSpan(0, 6, 8)  # on the comma: the next word


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
def test_tone_colours_are_readable_and_distinct_in_every_theme(theme: str) -> None:
    app: App[None] = App()
    app.theme = theme
    variables = app.get_css_variables()
    colours = tone_colours(variables)
    background = _opaque(variables["surface"], Color.parse("#000000"))
    for tone in range(6):
        assert contrast(colours[tone], background) >= MIN_CONTRAST, (theme, tone)
    assert len({colours[tone].hex for tone in (1, 2, 3, 4)}) == 4


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        *[("章旭升", "person"), ("长孙无忌", "person"), ("单雄信", "person"), ("约翰·史密斯", "person")],
        *[("永康市", "place"), ("六安", "place"), ("西安", "place"), ("金华", "place")],
    ],
)
def test_name_pieces_join_back_to_the_name_reading(name: str, kind: str) -> None:
    pieces = name_pieces(name, kind)  # type: ignore[arg-type]
    assert "".join(text for text, _ in pieces) == name_reading(name, kind)  # type: ignore[arg-type]
    assert all(tone == 0 for text, tone in pieces if text in (" ", "·"))


def test_name_pieces_carry_each_syllables_tone() -> None:
    assert name_pieces("章旭升") == [("Zhāng", 1), (" ", 0), ("Xù", 4), ("shēng", 1)]
    assert name_pieces("六安", "place") == [("Lù", 4), ("'ān", 1)]
    assert name_pieces("GDP") == [("GDP", 0)]
    assert name_pieces("") == []


def test_the_annotation_reading_is_the_name_reading() -> None:
    annotation = reading_annotation(NameSpot(0, 0, 2, "六安", "place"), name_pieces("六安", "place"))
    assert annotation == Annotation(
        0, 0, 2, (("(", "tone-0"), ("Lù", "tone-4"), ("'ān", "tone-1"), (")", "tone-0"))
    )
