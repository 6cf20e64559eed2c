"""What a reader asks of the archive: words, field filters typed in the query, and options.

`author:陈晓苏 title:基站 数字经济` keeps the words (`数字经济`, matched anywhere) apart from
the field filters: an author filter keeps the articles one of whose authors contains the
name; a title filter keeps those whose headline (all its lines joined) contains the text.
`since:2021 until:2022-06 page:2 kind:photo` narrow the dates, the page (版) and the kind
in the app's query field, as `--since` ... do on the command line (`Filters`). A term is
a filter only when it opens with one of these names and a colon; anything else is words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.search.fold import fold

SORTS = ("relevance", "newest", "oldest")
_FIELD = re.compile(r"(?:^|\s)(author|title|作者|标题|since|until|page|kind)[:：](\S+)")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_KINDS = ("article", "photo", "brief", "notice")
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
    options: dict[str, str] = {}

    def take(match: re.Match[str]) -> str:
        name, value = _FIELD_NAMES.get(match[1], match[1]), match[2]
        if name == "author" and fold(value):
            authors.append(value)
        elif name == "title" and fold(value):
            titles.append(value)
        elif (
            (name in ("since", "until") and _DATE.match(value))
            or name == "page"
            or (name == "kind" and value in _KINDS)
        ):
            options[name] = value
        else:  # `since:soon` is no date: the term stays a word
            return match[0]
        return " "

    words = _FIELD.sub(take, text).strip()
    return ParsedQuery(words, replace(base, authors=tuple(authors), titles=tuple(titles), **options))


def date_bounds(filters: Filters) -> tuple[str, str]:
    """(lowest, highest) ISO date strings the filter admits; '' for an open end."""
    low = filters.since
    high = filters.until + "\uffff" if filters.until else ""
    return low, high


def normal_page(page: str) -> str:
    """A page number as compared: `02`, `2`, `第2版` and `A02`'s digits... `02` -> `2`."""
    digits = re.sub(r"\D", "", page)
    return digits.lstrip("0") or ("0" if digits else page.strip().lower())
