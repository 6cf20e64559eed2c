"""Reading page bytes: encodings, line ends, control characters, binary and huge files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.page import parse_page, read_page
from reader.page.load import MAX_LINE_CHARS, MAX_PAGE_BYTES, decode_bytes, scrub_controls, split_lines

TEXT = "□记者 王小明\n今年以来，我县坚持把农村公路建设作为民生\n实事来抓，群众出行更加便捷。\n\n农村公路建设提速\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "gb18030", "gbk"],
)
def test_encodings_are_told_apart(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == TEXT
    assert decoded.status == "ok"


def test_big5_traditional_text_is_not_mistaken_for_gbk() -> None:
    traditional = "本報訊 記者報導，臺灣地區經濟穩定增長，國際貿易與製造業表現亮眼。\n"
    decoded = decode_bytes(traditional.encode("big5"))
    assert decoded.encoding == "big5"
    assert decoded.text == traditional


def test_crlf_and_cr_line_ends() -> None:
    for ending in ("\r\n", "\r"):
        page = parse_page(TEXT.replace("\n", ending).encode("utf-8"), "x.txt")
        assert page.to_json()["articles"] == parse_page(TEXT.encode("utf-8"), "x.txt").to_json()["articles"]


def test_undecodable_bytes_are_replaced_and_marked() -> None:
    data = TEXT.encode("utf-8") + b"\xff\xfe\xfa broken \x81\n" + TEXT.encode("utf-8")
    page = parse_page(data, "bad.txt")
    assert page.status == "undecodable"
    assert page.warnings
    assert "今年以来" in "".join(b.text for a in page.articles for b in a.blocks)


def test_binary_file_is_not_parsed_into_articles() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    page = parse_page(png, "image.txt")
    assert page.status == "binary" and not page.articles


def test_empty_and_blank_pages() -> None:
    assert parse_page(b"", "e.txt").status == "empty"
    assert parse_page(b"\n   \n\t\n", "b.txt").status == "empty"


def test_control_characters_become_visible_placeholders() -> None:
    dirty = "标题\x1b]0;pwned\x07正文\x1b[2J\x9b31m\x7f完"
    clean = scrub_controls(dirty)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in clean)
    assert "\u241b" in clean and "pwned" in clean and "完" in clean
    page = parse_page(("□记者 王小明\n" + dirty + "。\n").encode("utf-8"), "x.txt")
    text = "".join(b.text for a in page.articles for b in a.blocks)
    assert "\x1b" not in text and "\x9b" not in text and "\u241b" in text


def test_huge_line_is_cut_into_pieces_that_keep_their_line_number() -> None:
    lines, numbers = split_lines("a\n" + "字" * (MAX_LINE_CHARS * 2 + 5) + "\nb")
    assert len(lines) == 5 and numbers == [0, 1, 1, 1, 2]


def test_huge_page_is_read_up_to_the_limit_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = ("今年以来，我县坚持把农村公路建设作为民生实事来抓，群众出行更加便捷。\n" * 1000).encode("utf-8")
    with path.open("wb") as handle:
        while handle.tell() < MAX_PAGE_BYTES + len(block):
            handle.write(block)
    page = read_page(path)
    assert page.status == "truncated"
    assert any("only the first part" in w for w in page.warnings)


def test_unreadable_path_is_a_status_not_an_exception(tmp_path: Path) -> None:
    assert read_page(tmp_path / "missing.txt").status == "unreadable"
    assert read_page(tmp_path).status == "unreadable"  # a folder


def test_bidi_overrides_are_scrubbed_too() -> None:
    clean = scrub_controls("abc\u202edef\u2066ghi\u2069")
    assert not any(c in clean for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "abc" in clean and "def" in clean


def test_one_huge_line_is_body_text_not_a_headline() -> None:
    page = parse_page(("字" * 1_000_000).encode("utf-8"), "huge.txt")
    [article] = page.articles
    assert not article.headline and len(article.blocks) == 1
    assert len(article.blocks[0].text) == 1_000_000
