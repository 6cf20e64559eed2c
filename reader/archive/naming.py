"""What a page's file and folder names say: the date of its issue and its page number.

Archives are laid out by people and scrapers, not by a standard, so the same facts appear in
many spellings: `2021-07-29/`, `20210729_02.txt`, `2021年7月29日第2版.txt`, `2021/07/29/A3.txt`.
Names are the only facts available before a page is parsed, and the page list must be built
without parsing (30,000 pages open instantly), so these rules run on names alone.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

# 2021-07-29, 2021_7_29, 2021.07.29, 2021年7月29日: the separators people and scrapers use.
_SEPARATED_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-_.年]\s*(\d{1,2})\s*[-_.月]\s*(\d{1,2})(?:\s*日)?(?!\d)"
)
# 20210729: only a run of exactly eight digits, so a page id like 000123456789 is no date.
_COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MONTH_OR_DAY = re.compile(r"\d{1,2}")

# Page numbers, strongest spelling first. Letters name a paper's sections (A3, B12).
_PAGE_PATTERNS = (
    re.compile(r"第\s*([A-Za-z]?\d{1,3})\s*版"),  # 第2版, 第A3版
    re.compile(r"(?<![A-Za-z0-9])([A-Za-z]?\d{1,3})\s*版"),  # 02版, A3版
    re.compile(r"(?:^|[_\-\s.])(?:page|pg|p)[_\-\s]?(\d{1,3})$", re.IGNORECASE),  # page02, p_2
    re.compile(r"[_\-\s.]([A-Za-z]?\d{1,3})$"),  # ..._02, ...-A3
    re.compile(r"^([A-Za-z]?\d{1,3})$"),  # 02, A3
)
_NATURAL_PARTS = re.compile(r"(\d+)")


def _valid_date(year: str, month: str, day: str) -> str:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:  # 2021-13-45 is a serial number, not a date
        return ""


def date_in_name(name: str) -> str:
    """The ISO date a file or folder name carries, or "" when it carries none."""
    for pattern in (_SEPARATED_DATE, _COMPACT_DATE):
        for match in pattern.finditer(name):
            found = _valid_date(*match.groups())
            if found:
                return found
    return ""


def date_in_folder_chain(folders: Sequence[str]) -> tuple[str, int]:
    """A date spelled as nested folders (`2021/07/29/`): the ISO date and the index of its year.

    Returns ("", -1) when the last three folders are not a year, a month and a day.
    """
    if len(folders) < 3:
        return "", -1
    year, month, day = folders[-3:]
    if _YEAR.fullmatch(year) and _MONTH_OR_DAY.fullmatch(month) and _MONTH_OR_DAY.fullmatch(day):
        found = _valid_date(year, month, day)
        if found:
            return found, len(folders) - 3
    return "", -1


def _without_dates(stem: str) -> str:
    """The name with its dates cut out, so `2021-07-29` does not read as page 29."""
    stem = _SEPARATED_DATE.sub(" ", stem)
    return _COMPACT_DATE.sub(" ", stem).strip()


def _normalise_page(raw: str) -> str:
    """`02` -> `2`, `a03` -> `A3`: the page number as a reader says it."""
    letter = raw[0].upper() if raw[0].isalpha() else ""
    digits = raw[1:] if letter else raw
    return f"{letter}{int(digits)}"


def page_no_in_name(file_name: str) -> str:
    """The page number a page file's name carries (`_02`, `-A3`, `第2版`, `02.txt`), or ""."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    stem = _without_dates(stem)
    if not stem:
        return ""
    for pattern in _PAGE_PATTERNS:
        match = pattern.search(stem)
        if match:
            return _normalise_page(match.group(1))
    return ""


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts `page_2` before `page_10`, as a person would list them."""
    return tuple(
        (0, int(part)) if index % 2 else (1, part.casefold())
        for index, part in enumerate(_NATURAL_PARTS.split(name))
        if part
    )


def page_sort_key(page_no: str, file_name: str) -> tuple[int, str, int, tuple[tuple[int, int | str], ...]]:
    """Order of pages inside an issue: numbered pages by section letter and number, then the rest."""
    if not page_no:
        return (1, "", 0, natural_key(file_name))
    letter = page_no[0] if page_no[0].isalpha() else ""
    number = int(page_no[1:] if letter else page_no)
    return (0, letter, number, natural_key(file_name))


def printable(name: str) -> str:
    """A file or folder name as it can be shown: bytes that were not UTF-8 (held as surrogate
    escapes, which no terminal can print) become `?`."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\ufffd", "?")
    return name
