"""Page parsing: bytes of a PDF text dump -> a `Page` of articles. Pure Python, no Textual.

`parse_page(data, source)`, `parse_text(text, source)` and `read_page(path)` are the public
surface; the modules behind them follow the order of the work: load (bytes -> lines), lines
(what a line is on its own), structure (paragraphs and headings from the lost-indent trace),
assemble (which lines make which article), parse (the pipeline, ids, titles).
"""

from typing import Any

from reader.page.model import Article, Block, Leftover, Page, PageInfo

_PARSER_NAMES = frozenset(
    {"PARSER_VERSION", "page_infos", "parse_page", "parse_pages", "parse_text", "read_page", "read_pages"}
)


def __getattr__(name: str) -> Any:
    """The parser itself is imported on first use: compiling its patterns takes ~25 ms, which
    the app's first screen (it only needs the model) should not wait for."""
    if name in _PARSER_NAMES:
        from reader.page import parse

        return getattr(parse, name)
    raise AttributeError(f"module 'reader.page' has no attribute {name!r}")


__all__ = [
    "PARSER_VERSION",
    "Article",
    "Block",
    "Leftover",
    "Page",
    "PageInfo",
    "page_infos",
    "parse_page",
    "parse_pages",
    "parse_text",
    "read_page",
    "read_pages",
]
