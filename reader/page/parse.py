"""The page parser's entry points: bytes or text in, a `Page` of articles out.

read_page(path) -> Page      never raises: an unreadable file is a Page with a status
read_pages(path)             the same, one Page a form-feed page (a whole issue in one file)
parse_page(data, source)     bytes of any supported encoding
parse_pages(data, source)    the same, one Page a form-feed page
parse_text(text, source)     already-decoded text, read as one page
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import replace
from pathlib import Path

from reader.page.assemble import (
    Core,
    assign_headlines,
    build_cores,
    byline_text,
    headline_lines,
    marker_text,
    paragraph_text,
    runs_on,
    subhead_text,
)
from reader.page.credits import closing_credit, dateline_credit, ends_with_credit, people
from reader.page.furniture import furniture_facts
from reader.page.lines import classify
from reader.page.load import MAX_PAGE_BYTES, DecodedText, decode_bytes, split_lines, split_pages
from reader.page.model import Article, Block, Leftover, Page, PageInfo
from reader.page.stories import split_merged
from reader.page.structure import Unit, headings_by_type, page_units
from reader.page.text import content_key, tidy_heading
from reader.page.version import parser_version

#: Changes whenever the parse of some page may change: the archive's cache keys on it.
PARSER_VERSION = parser_version()

# A kicker (引题) usually ends in the verb of a report: `…大会召开`, `…时强调`.
_KICKER_END = re.compile(
    r"(强调|指出|表示|要求|召开|举行|开幕|闭幕|会见|调研|考察|出席|主持|讲话|提出|部署)$"
)
_TITLE_CHARS = 28
#: Headline lines no longer than this are one title wrapped by a narrow column.
NARROW_HEADLINE_CHARS = 10
#: An article with a headline and less body than this is a brief (a teaser, a short notice).
BRIEF_BODY_CHARS = 40
#: The id is a digest of the body's first letters and digits: stable under headline changes.
ID_CHARS = 64


def read_page(path: Path | str, source: str | None = None) -> Page:
    """Read and parse a page file as one page. Never raises: problems become the page's status.

    A PDF is read through its geometry (`pdf.py`); as one page, that is its first page."""
    if _is_pdf(path):
        from reader.page.pdf import read_pdf  # the layout code loads with the first PDF

        return read_pdf(path, source)[0]
    data, failed = _read_bytes(path, source)
    return failed if failed is not None else parse_page(data, _name(path, source))


def read_pages(path: Path | str, source: str | None = None) -> tuple[Page, ...]:
    """Read a file and parse each of its form-feed pages (a PDF: each of its pages). Never
    raises; at least one Page."""
    if _is_pdf(path):
        from reader.page.pdf import read_pdf

        return read_pdf(path, source)
    data, failed = _read_bytes(path, source)
    return (failed,) if failed is not None else parse_pages(data, _name(path, source))


def _is_pdf(path: Path | str) -> bool:
    return str(path).lower().endswith(".pdf")


def _name(path: Path | str, source: str | None) -> str:
    return source if source is not None else str(path)


def _read_bytes(path: Path | str, source: str | None) -> tuple[bytes, Page | None]:
    try:
        with Path(path).open("rb") as handle:
            return handle.read(MAX_PAGE_BYTES + 1), None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        warning = f"cannot read {path}: {reason}"
        return b"", Page(source=_name(path, source), articles=(), status="unreadable", warnings=(warning,))


def parse_page(data: bytes, source: str) -> Page:
    """The file's bytes parsed as one page (form feeds read as white space)."""
    decoded = decode_bytes(data)
    if decoded.status == "binary":
        return _binary(decoded, source)
    return _with_encoding(parse_text(decoded.text, source), decoded)


def parse_pages(data: bytes, source: str) -> tuple[Page, ...]:
    """The file's bytes parsed page by page: one Page a form-feed page, `part` 1, 2 ...

    A file of one page (pdftotext ends even a single page with a form feed) gives one Page
    whose `part` is 0, exactly what `parse_page` gives.
    """
    decoded = decode_bytes(data)
    if decoded.status == "binary":
        return (_binary(decoded, source),)
    split = split_pages(decoded.text)
    if len(split) <= 1:
        return (_with_encoding(parse_text(decoded.text, source), decoded),)
    return tuple(
        _with_encoding(_parse_lines(lines, numbers, source, part), decoded)
        for part, (lines, numbers) in enumerate(split, start=1)
    )


#: `page_infos` reads this many non-blank lines at each end of a page: the furniture band's room.
_BAND_ROOM = 14


def page_infos(data: bytes) -> tuple[PageInfo, ...]:
    """What the furniture of each form-feed page of the bytes says (date, 版, section, paper),
    read from the lines at each end of the page only: about a tenth of a full parse, cheap
    enough for an archive scan to group pages into issues by their printed date."""
    decoded = decode_bytes(data)
    if decoded.status == "binary":
        return (PageInfo(),)
    infos: list[PageInfo] = []
    for raw_lines, numbers in split_pages(decoded.text) or [([], [])]:
        kept = [(text, number) for text, number in zip(raw_lines, numbers) if text.strip()]
        ends = kept if len(kept) <= 2 * _BAND_ROOM else kept[:_BAND_ROOM] + kept[-_BAND_ROOM:]
        lines = classify([t for t, _ in ends], [n for _, n in ends])
        infos.append(_page_info([Unit("furniture", [ln]) for ln in lines if ln.kind == "furniture"]))
    return tuple(infos)


def _binary(decoded: DecodedText, source: str) -> Page:
    return Page(
        source=source, articles=(), encoding=decoded.encoding, status="binary", warnings=decoded.warnings
    )


def _with_encoding(page: Page, decoded: DecodedText) -> Page:
    """The parsed page with what decoding found: the encoding, and a status unless parsing set one."""
    return replace(
        page,
        encoding=decoded.encoding,
        status=decoded.status if page.status == "ok" else page.status,
        warnings=decoded.warnings + page.warnings,
    )


def parse_text(text: str, source: str = "<text>") -> Page:
    """Already-decoded text parsed as one page."""
    raw_lines, numbers = split_lines(text)
    return _parse_lines(raw_lines, numbers, source, 0)


def _parse_lines(
    raw_lines: list[str],
    numbers: list[int],
    source: str,
    part: int,
    heading_type: frozenset[int] = frozenset(),
    indent_known: frozenset[int] = frozenset(),
) -> Page:
    """From a PDF's geometry: `heading_type`, numbers of lines set in headline type;
    `indent_known`, body lines whose indent (or its absence) was measured."""
    lines = classify(raw_lines, numbers)
    if not lines:
        return Page(source=source, articles=(), status="empty", warnings=("the page has no text",), part=part)
    for line in lines:
        line.indent_known = line.number in indent_known
    units = page_units(lines)
    if heading_type:
        units = headings_by_type(units, heading_type)
    sequence, stray = build_cores(units)
    cores = split_merged(assign_headlines(sequence))
    articles: list[Article] = []
    leftover: list[Leftover] = [_leftover(u) for u in stray]
    for core in cores:
        article = _article(core)
        if article is None:
            leftover.extend(_leftover(u) for u in _core_units(core))
        else:
            articles.append(article)
            if core.closing is not None:  # its people are the article's; its text is kept here
                leftover.append(Leftover(core.closing.text, (core.closing.number,) * 2, "credit"))
    articles.sort(key=lambda a: a.lines[0])
    leftover.sort(key=lambda x: x.lines[0])
    return Page(
        source=source,
        articles=tuple(_unique_ids(articles)),
        leftover=tuple(leftover),
        info=_page_info(stray),
        part=part,
    )


def _core_units(core: Core) -> list[Unit]:
    units = list(core.units)
    for line in (core.byline, core.closing, core.notice, *core.notice_more, *core.headline):
        if line is not None:
            units.append(Unit("other", [line]))
    return units


def _leftover(unit: Unit) -> Leftover:
    return Leftover(" ".join(ln.text for ln in unit.lines), (unit.first, unit.last), unit.kind)


def _blocks(core: Core) -> list[Block]:
    blocks: list[Block] = []
    for unit in core.units:
        span = (unit.first, unit.last)
        if unit.kind == "paragraph":
            blocks.append(Block("paragraph", paragraph_text(unit), span))
        elif unit.kind == "subhead":
            blocks.append(Block("subhead", subhead_text(unit), span))
        else:
            blocks.append(Block("continuation", marker_text(unit.lines[0]), span))
    return blocks


def _article(core: Core) -> Article | None:
    if core.kind == "notice" and core.notice is not None:
        parts = [core.notice, *core.notice_more]
        text = " ".join(tidy_heading(ln.text) for ln in parts)
        block = Block("paragraph", text, (parts[0].number, parts[-1].number))
        return _make(core, "notice", (), text, "", (), [block])
    blocks = _blocks(core)
    headline = tuple(headline_lines(core))
    body_chars = len(_leading_content(blocks, BRIEF_BODY_CHARS))
    if not blocks and not headline and core.kind != "photo":
        return None  # a byline with nothing under it
    kind = core.kind
    if kind == "article" and headline and body_chars < BRIEF_BODY_CHARS:
        kind = "brief"
    byline = byline_text(core.byline) if core.byline else ""
    authors = core.byline.authors if core.byline else ()
    if not byline:
        # No byline line: the paragraph may open with one (`本报北京7月28日电（记者 张三）…`).
        first = next((u for u in core.units if u.kind == "paragraph"), None)
        opening = (
            dateline_credit("".join(ln.text for ln in first.lines[:4]))
            if first is not None and first.lines[0].opens_with_dateline
            else None
        )
        if opening:
            byline, authors = opening
    if not authors and core.closing is not None:
        authors = core.closing.authors
    if not authors:
        authors = _trailing_credit(blocks)
    if not authors:
        # A credit closing the story: `…全面发展。（陈国琦朱丽琴）`.
        last = next((b for b in reversed(blocks) if b.kind == "paragraph"), None)
        closing = closing_credit(last.text) if last else None
        if closing:
            authors = closing
    return _make(core, kind, headline, _title(headline, core, blocks), byline, authors, blocks)


def _make(
    core: Core,
    kind: str,
    headline: tuple[str, ...],
    title: str,
    byline: str,
    authors: tuple[str, ...],
    blocks: list[Block],
) -> Article:
    numbers = [n for b in blocks for n in b.lines]
    numbers += [ln.number for ln in (core.byline, *core.headline) if ln is not None]
    span = (min(numbers), max(numbers)) if numbers else (0, 0)
    seed = _leading_content(blocks, ID_CHARS) or content_key("".join(headline) + byline)
    digest = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]
    return Article(digest, kind, headline, title, byline, tuple(authors), tuple(blocks), span)  # type: ignore[arg-type]


def _leading_content(blocks: list[Block], limit: int) -> str:
    """The first `limit` letters and digits of the article's paragraphs (no more is read)."""
    found = ""
    for block in blocks:
        if block.kind == "paragraph":
            found += content_key(block.text)
            if len(found) >= limit:
                break
    return found[:limit]


def _title(headline: tuple[str, ...], core: Core, blocks: list[Block]) -> str:
    """The one line shown in lists: the main title, skipping a kicker; else the first words."""
    if len(headline) == 1:
        return headline[0]
    if (
        headline
        and all(len(ln) <= NARROW_HEADLINE_CHARS for ln in headline)
        and not _KICKER_END.search(headline[0])
    ):
        # a headline wrapped in a narrow column (`马耳他总理` / `会见钱其琛`): one title, joined
        return _first_run(core)
    if len(headline) == 2:
        if runs_on(core.headline[0], core.headline[1]):
            return (
                headline[0] + headline[1]
            )  # one phrase broken by the column: `《周恩来——` / `—伟大的朋友》…`
        return headline[1] if _KICKER_END.search(headline[0]) else headline[0]
    if len(headline) == 3:
        return headline[1]
    if len(headline) > 3:
        return _first_run(core)  # a teaser set in a narrow column
    text = next((b.text for b in blocks if b.kind == "paragraph"), "")
    sentence = re.split(r"(?<=[。！？])", text, maxsplit=1)[0]
    return sentence if len(sentence) <= _TITLE_CHARS else sentence[: _TITLE_CHARS - 1] + "…"


def _trailing_credit(blocks: list[Block]) -> tuple[str, ...]:
    """The writer credited after the last sentence of the story: `…着急”。扬子晚报记者柳扬`."""
    last = next((b for b in reversed(blocks) if b.kind == "paragraph"), None)
    if last is None or not ends_with_credit(last.text):
        return ()
    credit = re.split(r"[。！？!?][”’」』）)]*", last.text)[-1]
    return people(credit, need_role=True) or ()


def _first_run(core: Core) -> str:
    """The headline lines before the first gap in line numbers, joined: one title."""
    first_run = [tidy_heading(core.headline[0].text)]
    for previous, line in itertools.pairwise(core.headline):
        if line.number != previous.number + 1:
            break
        first_run.append(tidy_heading(line.text))
    return "".join(first_run)


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Ids are content hashes; the same text twice on a page gets -2, -3 in reading order."""
    seen: dict[str, int] = {}
    out = []
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        if count > 1:
            article = Article(
                f"{article.id}-{count}",
                article.kind,
                article.headline,
                article.title,
                article.byline,
                article.authors,
                article.blocks,
                article.lines,
            )
        out.append(article)
    return out


def _page_info(stray: list[Unit]) -> PageInfo:
    facts: dict[str, str] = {}
    for unit in stray:
        if unit.kind == "furniture":
            for line in unit.lines:
                for key, value in furniture_facts(line.text).items():
                    facts.setdefault(key, value)
    return PageInfo(
        facts.get("date", ""), facts.get("page_no", ""), facts.get("section", ""), facts.get("paper", "")
    )


__all__ = [
    "PARSER_VERSION",
    "page_infos",
    "parse_page",
    "parse_pages",
    "parse_text",
    "read_page",
    "read_pages",
]
