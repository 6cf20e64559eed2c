"""What a reader asks of the archive: words, field filters typed in the query, and options.

`author:陈晓苏 title:基站 数字经济` keeps the words (`数字经济`, matched anywhere) apart from
the field filters: an author filter keeps the articles one of whose authors contains the
name; a title filter keeps those whose headline (all its lines joined) contains the text.
Dates, the page (版), the kind and the order come from the command line or the app's filter
row (`Filters`), never from the query text, so a word like `page:` in an article is never
taken for an option by accident unless it opens a term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.search.fold import fold

SORTS = ("relevance", "newest", "oldest")
_FIELD = re.compile(r"(?:^|\s)(author|title|作者|标题)[:：](\S+)")
_FIELD_NAMES = {"作者": "author", "标题": "title"}


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrowing of a search; empty strings mean no filter. Dates compare as ISO prefixes:
    `since="2021"` is from 2021-01-01, `until="2021-07"` up to the end of July 2021."""

    since: str = ""
    until: str = ""
    page: str = ""
    kind: str = ""
    authors: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    sort: str = "relevance"

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r} (one of {', '.join(SORTS)})")

    @property
    def narrows(self) -> bool:
        """True when some filter (not the order) is set."""
        return bool(self.since or self.until or self.page or self.kind or self.authors or self.titles)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The words to find (folded and raw) and the filters, from the query text and options."""

    words: str
    filters: Filters = field(default_factory=Filters)


def parse_query(text: str, filters: Filters | None = None) -> ParsedQuery:
    """Split `author:`/`title:` terms (also 作者：/标题：) off `text` into `filters`."""
    base = filters or Filters()
    authors = list(base.authors)
    titles = list(base.titles)
    for name, value in _FIELD.findall(text):
        target = authors if _FIELD_NAMES.get(name, name) == "author" else titles
        if fold(value):
            target.append(value)
    words = _FIELD.sub(" ", text).strip()
    return ParsedQuery(words, replace(base, authors=tuple(authors), titles=tuple(titles)))


def date_bounds(filters: Filters) -> tuple[str, str]:
    """(lowest, highest) ISO date strings the filter admits; '' for an open end."""
    low = filters.since
    high = filters.until + "\uffff" if filters.until else ""
    return low, high


def normal_page(page: str) -> str:
    """A page number as compared: `02`, `2`, `第2版` and `A02`'s digits... `02` -> `2`."""
    digits = re.sub(r"\D", "", page)
    return digits.lstrip("0") or ("0" if digits else page.strip().lower())
