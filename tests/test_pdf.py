"""Reading newspaper PDFs themselves: layout, roles, boxes, archive and CLI, bad PDFs.

Every PDF here is typeset by the test (tests/pdfgen.py, reportlab), so what the page holds is
known exactly: the parse must give back the typeset stories, not a guess at them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from reader.archive import Archive
from reader.page import read_page, read_pages
from reader.page.model import Page
from tests import pdfgen
from tests.conftest import ROOT, seed_pages


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    Image.new("RGB", (60, 40), (120, 160, 200)).save(path)
    return path


@pytest.fixture
def front(tmp_path: Path, photo: Path) -> Path:
    return pdfgen.front_page(tmp_path / "front.pdf", photo)


def _paragraphs(article) -> list[str]:
    return [b.text for b in article.blocks if b.kind == "paragraph"]


def test_headline_beside_its_story_is_that_storys_headline(front: Path) -> None:
    """The headline stands at the top of the next column, right of its story (the cut reads
    the story's column first): it must still open that story, not become a brief."""
    page = read_page(front)
    assert page.status == "ok" and page.encoding == "pdf"
    first = page.articles[0]
    assert first.headline == ("踏青正当时",)
    assert first.byline == "□本报记者 王小明" and first.authors == ("王小明",)
    assert _paragraphs(first) == pdfgen.SPRING
    assert [b.text for b in first.continuations] == ["（下转3版）"]
    assert not any(a.kind == "brief" for a in page.articles)


def test_headline_and_deck_over_their_column(front: Path) -> None:
    """The deck ends in ？ and is wider than the title: by the text rules a paragraph; its
    type size (12 pt over a 10 pt body) makes it the headline's second line."""
    page = read_page(front)
    second = next(a for a in page.articles if a.title == "城西新桥今日通车")
    assert second.headline == ("城西新桥今日通车", pdfgen.DECK)
    assert second.kind == "article"
    assert _paragraphs(second) == pdfgen.BRIDGE  # 本报讯 stays at the head of the first paragraph


def test_a_line_flush_with_its_column_goes_on_with_the_paragraph(tmp_path: Path) -> None:
    """After a full line ending in 。 comes a justified line of few characters: a text dump
    reads it as a paragraph start (it is short); measured on the page, it has no indent."""
    page = read_page(pdfgen.justified_column(tmp_path / "column.pdf"))
    (article,) = page.articles
    assert _paragraphs(article) == [pdfgen.RUN_ON, pdfgen.AFTER]


def test_bands_without_rules_are_read_band_by_band(tmp_path: Path) -> None:
    page = read_page(pdfgen.two_bands(tmp_path / "bands.pdf"))
    assert [a.headline for a in page.articles] == [("踏青正当时",), ("城西新桥今日通车",)]
    assert [_paragraphs(a) for a in page.articles] == [pdfgen.SPRING, pdfgen.BRIDGE]


def test_photo_caption_and_credit_under_the_photo_box(front: Path) -> None:
    page = read_page(front)
    photo = next(a for a in page.articles if a.kind == "photo")
    assert photo.byline == "融媒记者 李华 摄" and photo.authors == ("李华",)
    assert _paragraphs(photo) == [pdfgen.CAPTION]
    x0, top, x1, _ = photo.blocks[0].bbox
    assert x0 >= 404 and x1 <= 560 and top >= 180  # under the box drawn at 404..560 x 70..180


def test_a_photo_inside_a_story_leaves_the_story_whole(tmp_path: Path) -> None:
    page = read_page(pdfgen.photo_in_column(tmp_path / "inside.pdf"))
    story, photo = page.articles
    assert story.headline == ("城西新桥今日通车",)
    assert _paragraphs(story) == pdfgen.BRIDGE + pdfgen.SPRING  # runs on across the photo
    assert photo.kind == "photo" and _paragraphs(photo) == [pdfgen.CAPTION]
    assert photo.byline == "融媒记者 李华 摄"


def test_furniture_band_is_page_info_and_no_article(front: Path) -> None:
    page = read_page(front)
    assert (page.info.date, page.info.page_no) == ("2023-06-27", "2")
    kept = " ".join(x.text for x in page.leftover)
    assert "江南日报" in kept and "责任编辑：孟岚" in kept
    assert not any("江南日报" in "".join(a.headline) + a.text for a in page.articles)


def test_blocks_carry_their_box_on_the_page(front: Path) -> None:
    page = read_page(front)
    first = page.articles[0]
    for block in first.blocks:
        x0, top, x1, bottom = block.bbox
        assert 40 <= x0 < x1 <= 201 and 56 < top < bottom  # the left column, under the rule
    tops = [b.bbox[1] for b in first.blocks]
    assert tops == sorted(tops)  # reading order runs down the column


def test_parse_json_has_the_schema_and_bbox(front: Path) -> None:
    result = reader("parse", "--json", str(front))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"source", "articles", "leftover"}
    block = data["articles"][0]["blocks"][0]
    assert set(block) == {"kind", "text", "lines", "bbox"} and len(block["bbox"]) == 4
    assert Page.from_json(data).to_json() == data  # the cache's round trip keeps the boxes


def test_scanned_pdf_says_so_is_listed_and_never_crashes(tmp_path: Path, photo: Path) -> None:
    (tmp_path / "pages").mkdir()
    scan = pdfgen.scanned(tmp_path / "pages" / "scan.pdf", photo)
    (page,) = read_pages(scan)
    assert page.status == "empty" and "no text layer" in page.warnings[0] and not page.articles
    result = reader("parse", str(scan))
    assert "no text layer" in result.stderr and "Traceback" not in result.stderr
    archive = Archive([tmp_path / "pages"], use_cache=False)
    (ref,) = archive.scan_all()
    assert archive.load(ref).warnings == page.warnings


def test_broken_pdf_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n")
    (page,) = read_pages(broken)
    assert page.status == "unreadable" and "not a readable PDF" in page.warnings[0]
    result = reader("parse", "--json", str(broken))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "not a readable PDF" in result.stderr


def test_encrypted_pdf_is_one_clear_line(tmp_path: Path) -> None:
    sheet = pdfgen.Sheet(tmp_path / "locked.pdf", encrypt="secret")
    sheet.text(40, 40, "加密的版面", 12)
    locked = sheet.save()
    result = reader("parse", str(locked))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "encrypted" in result.stderr


def test_truncated_pdf_never_raises(front: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(front.read_bytes()[: front.stat().st_size // 2])
    pages = read_pages(cut)
    assert pages and all(p.status in ("ok", "empty", "unreadable") for p in pages)


def test_folder_of_pdfs_and_an_issue_pdf(tmp_path: Path, photo: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    pdfgen.front_page(folder / "2023-06-26.pdf", photo)
    pdfgen.issue(folder / "2023-06-27.pdf")
    archive = Archive([folder], use_cache=False)
    refs = archive.scan_all()
    assert [r.rel for r in refs] == ["2023-06-26.pdf", "2023-06-27.pdf#1", "2023-06-27.pdf#2"]
    issue = next(i for i in archive.issues if len(i.pages) == 2)  # the PDF of two pages is one issue
    assert [p.part for p in issue.pages] == [1, 2]
    second = archive.load(issue.pages[1])
    assert second.part == 2 and second.articles[0].headline == ("城西新桥今日通车",)
    assert _paragraphs(second.articles[0]) == pdfgen.BRIDGE


def test_pdf_parse_is_cached_on_disk(front: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    (ref,) = Archive([front], cache_dir=cache).scan_all()
    first = Archive([front], cache_dir=cache).load(ref)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the PDF was parsed again")

    monkeypatch.setattr("reader.page.pdf.read_pdf", no_parsing)
    again = Archive([front], cache_dir=cache)
    assert again.load(again.scan_all()[0]).to_json() == first.to_json()


def test_text_pages_never_load_pdfium_or_the_layout_code() -> None:
    code = (
        "import sys; from reader.page import read_page; from reader.archive import Archive\n"
        f"read_page({str(seed_pages()[0])!r}); Archive([{str(seed_pages()[0].parent)!r}], use_cache=False).scan_all()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pypdfium2', 'reader.page.pdf', 'reader.page.layout'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
