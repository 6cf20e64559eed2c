"""Page parsing: bytes of a PDF text dump -> a `Page` of articles. Pure Python, no Textual.

`parse_page(data, source)`, `parse_text(text, source)` and `read_page(path)` are the public
surface; the modules behind them follow the order of the work: load (bytes -> lines),
lines (what each line looks like), blocks (what each line is), assemble (which lines make
which article), reflow (joining lines back into paragraphs).
"""

from reader.page.model import Article, Block, Leftover, Page, PageInfo

__all__ = ["Article", "Block", "Leftover", "Page", "PageInfo"]
