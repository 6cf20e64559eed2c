"""Turning a page file's bytes into clean text lines.

Archives of Chinese pages come in every encoding a decade of tools produced: UTF-8 with or
without a BOM, UTF-16 from Windows tools, GB18030/GBK and Big5 from older systems, CRLF or
bare CR line ends. This module picks the encoding, never raises on bad bytes, and scrubs
control characters so that page text can never drive the terminal it is shown in.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass
from functools import lru_cache

#: Pages larger than this are read only up to the limit (and marked truncated): a real page
#: is 10-30 KB, so 4 MB is already a hundred pages glued together.
MAX_PAGE_BYTES = 4 * 1024 * 1024
#: Longer lines are cut into pieces of this many characters, so one pathological line cannot
#: make the parser's per-line work quadratic or the UI's wrapping slow.
MAX_LINE_CHARS = 4000

# C0 controls but tab and newline, DEL, and C1 controls. ESC (\x1b) and CSI (\x9b) are the
# dangerous ones; the rest are scrubbed too since no page text needs them. So are the bidi
# embeddings, overrides and isolates (U+202A-202E, U+2066-2069): a right-to-left override
# would reorder what the terminal shows after it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: The form feed pdftotext writes after every page: `pdftotext issue.pdf` is one file an issue.
PAGE_BREAK = "\f"


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL ...: the Unicode control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls have no picture of their own


def scrub_controls(text: str) -> str:
    """Replace control characters by visible placeholders (␛ for ESC and so on).

    The form feed is left alone: it is structure (a page break), which `split_pages` reads.
    """
    return _CONTROL.sub(_visible, text)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    status: str  # ok | empty | binary | undecodable | truncated
    warnings: tuple[str, ...] = ()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """The most used simplified (GB2312 level 1) and traditional (Big5 level 1) characters.

    Derived from the codecs themselves, so no data file is needed. A right guess of a legacy
    encoding gives text made almost only of these; a wrong one gives rare characters.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("big5"))
    return frozenset(chars)


def _plausibility(text: str) -> float:
    """Share of the CJK characters in `text` that are common ones (1.0 when there are none)."""
    sample = text[:20000]
    hanzi = [c for c in sample if "\u3400" <= c <= "\u9fff"]
    if not hanzi:
        return 1.0
    common = _common_hanzi()
    return sum(c in common for c in hanzi) / len(hanzi)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16, which has its BOM checked first) mean a binary file."""
    sample = data[:65536]
    return b"\x00" in sample


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a page file's bytes, choosing the encoding; never raises."""
    warnings: list[str] = []
    status = "ok"
    if len(data) > MAX_PAGE_BYTES:
        data = data[:MAX_PAGE_BYTES]
        status = "truncated"
        warnings.append(f"page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB: only the first part is read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            if "\ufffd" in text and status == "ok":
                status = "undecodable"
                warnings.append(f"invalid {encoding} bytes replaced by \ufffd")
            return DecodedText(text, encoding.replace("-sig", ""), status, tuple(warnings))
    if _looks_binary(data):
        return DecodedText("", "binary", "binary", ("binary file (NUL bytes): not a text page",))
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", status, tuple(warnings))
    except UnicodeDecodeError as error:
        if status == "truncated" and error.start >= len(data) - 4:
            # The cut fell inside a multi-byte character: drop its first bytes.
            return DecodedText(data[: error.start].decode("utf-8"), "utf-8", status, tuple(warnings))
    candidates: list[tuple[float, str, str]] = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), encoding, text))
    if candidates:
        score, encoding, text = max(candidates, key=lambda c: c[0])
        if score >= 0.6:
            return DecodedText(text, encoding, status, tuple(warnings))
    text = data.decode("utf-8", errors="replace")
    warnings.append("encoding could not be told: undecodable bytes shown as \ufffd")
    return DecodedText(text, "unknown", "undecodable" if status == "ok" else status, tuple(warnings))


def split_lines(text: str) -> tuple[list[str], list[int]]:
    """Split on CRLF, CR or LF and scrub controls; return the lines and their file line numbers.

    Only those three end a line: the other Unicode separators are controls and get scrubbed.
    A form feed is a page break; here, reading the text as one page, it counts as white space.
    A line longer than MAX_LINE_CHARS is cut into pieces that keep its line number, so one
    pathological line cannot make later work quadratic while every span still points at the
    right line of the file.
    """
    lines: list[str] = []
    numbers: list[int] = []
    for page_lines, page_numbers in split_pages(text):
        lines.extend(page_lines)
        numbers.extend(page_numbers)
    return lines, numbers


def split_pages(text: str) -> list[tuple[list[str], list[int]]]:
    """The text's pages, one a form feed, each as `split_lines` gives them (file line numbers).

    pdftotext ends every page with `\\f` and starts the next page's first line right after it,
    on the same file line; the last page is followed by a form feed too. A page holding only
    white space (after the last form feed) is no page.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = scrub_controls(text)
    if PAGE_BREAK not in text.rstrip(" \t\n\f"):
        # one page, its trailing form feed at most (the common case, at C speed)
        split = text.replace(PAGE_BREAK, "").split("\n")
        if max(map(len, split)) <= MAX_LINE_CHARS:
            return [(split, list(range(len(split))))] if text.strip() else []
    pages: list[tuple[list[str], list[int]]] = []
    lines: list[str] = []
    numbers: list[int] = []

    def close_page() -> None:
        if any(line.strip() for line in lines):
            pages.append((lines.copy(), numbers.copy()))
        lines.clear()
        numbers.clear()

    for number, line in enumerate(text.split("\n")):
        if PAGE_BREAK not in line and len(line) <= MAX_LINE_CHARS:
            lines.append(line)  # the common case, inline: this loop runs for every line
            numbers.append(number)
            continue
        for index, piece in enumerate(line.split(PAGE_BREAK)):
            if index:
                close_page()
            _add_line(piece, number, lines, numbers)
    close_page()
    return pages


def _add_line(line: str, number: int, lines: list[str], numbers: list[int]) -> None:
    if len(line) <= MAX_LINE_CHARS:
        lines.append(line)
        numbers.append(number)
        return
    for start in range(0, len(line), MAX_LINE_CHARS):
        lines.append(line[start : start + MAX_LINE_CHARS])
        numbers.append(number)


def count_pages(data: bytes) -> int:
    """How many form-feed pages the bytes hold: 0 when they are one page (with or without the
    form feed pdftotext writes after it), else the number of pages (each with some text)."""
    if data.count(b"\x0c") < 2:
        return 0  # the common case, decided without decoding
    decoded = decode_bytes(data)
    if decoded.status == "binary":
        return 0
    pages = len(split_pages(decoded.text))
    return pages if pages > 1 else 0
