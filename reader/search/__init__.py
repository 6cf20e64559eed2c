"""Search: folding, pinyin matching, in-article matches and the archive index. No Textual.

`find_in_article(article, query)` gives the spans the article view highlights;
`SearchIndex` (reader.search.index) answers archive-wide queries from a SQLite FTS5 index
that a worker thread builds and keeps up to date.
"""

from reader.search.fold import Folded, fold, fold_with_offsets
from reader.search.matcher import (
    HeadlineMatch,
    Match,
    Query,
    compile_query,
    find_in_article,
    find_in_headline,
    find_in_text,
)

__all__ = [
    "Folded",
    "HeadlineMatch",
    "Match",
    "Query",
    "compile_query",
    "find_in_article",
    "find_in_headline",
    "find_in_text",
    "fold",
    "fold_with_offsets",
]
