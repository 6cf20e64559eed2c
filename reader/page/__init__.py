"""Page parsing: bytes of a PDF text dump -> a `Page` of articles. Pure Python, no Textual.

`parse_page(data, source)`, `parse_text(text, source)` and `read_page(path)` are the public
surface; the modules behind them follow the order of the work: load (bytes -> lines), lines
(what a line is on its own), structure (paragraphs and headings from the lost-indent trace),
assemble (which lines make which article), parse (the pipeline, ids, titles).
"""

from reader.page.model import Article, Block, Leftover, Page, PageInfo
from reader.page.parse import PARSER_VERSION, parse_page, parse_text, read_page

__all__ = [
    "PARSER_VERSION",
    "Article",
    "Block",
    "Leftover",
    "Page",
    "PageInfo",
    "parse_page",
    "parse_text",
    "read_page",
]
