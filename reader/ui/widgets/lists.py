"""The issues pane and the articles pane: option lists driven by ↑↓ / j/k and Enter.

Prompts are built as Rich `Text` (and the lists have markup off), so a headline such as
`[bold]` or `[/red]` shows literally instead of being read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.page.model import Page
from reader.ui.document import KIND_LABELS
from reader.ui.entries import ArticleEntry, IssueRow, page_label
from reader.ui.wrapped_text import WrappedText

PROBLEM_STATUSES = {"empty", "binary", "undecodable", "truncated", "unreadable"}


class PaneList(OptionList):
    """An OptionList that also moves with j/k and jumps with g/G, as a reader expects."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar came or went: the text is a cell narrower or wider, so every entry's
        height is measured again. OptionList keeps the heights it measured before, and an
        entry that now needs one more line lost it (a byline's last `）` under the scrollbar)."""
        self._clear_caches()


class IssueList(PaneList):
    """Issues of the archive: date (or folder name) and page count."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[IssueRow] = []
        self.bookmark_counts: dict[str, int] = {}
        self.problems: dict[str, set[str]] = {}  # issue key -> statuses of its unreadable pages

    def set_rows(self, rows: Sequence[IssueRow]) -> None:
        """Show `rows`, keeping the highlighted issue where it was.

        While a large archive is scanned, each snapshot only adds issues at the end (and pages to
        the last ones): those are appended and the changed rows redrawn, instead of rebuilding a
        list of thousands of issues on the event loop at every progress report.
        """
        new_rows = list(rows)
        old_rows = self.rows
        if (
            old_rows
            and len(new_rows) >= len(old_rows)
            and all(old.key == new.key for old, new in zip(old_rows, new_rows))
        ):
            for old, new in zip(old_rows, new_rows):
                if old.page_count != new.page_count or old.label != new.label:
                    self.replace_option_prompt(new.key, self._prompt(new))
            self.rows = new_rows
            self.add_options(Option(self._prompt(row), id=row.key) for row in new_rows[len(old_rows) :])
            if self.highlighted is None and new_rows:
                self.highlighted = 0
            return
        current = self.current_key
        self.rows = new_rows
        self.set_options(Option(self._prompt(row), id=row.key) for row in self.rows)
        if current is not None and current in {row.key for row in self.rows}:
            self.highlighted = self.get_option_index(current)
        elif self.rows and self.highlighted is None:
            self.highlighted = 0

    def _prompt(self, row: IssueRow) -> Text:
        text = Text(row.label, style="bold", no_wrap=True, overflow="ellipsis")
        count = row.page_count
        text.append(f"\n {count} page{'s' if count != 1 else ''}", style="dim")
        marks = self.bookmark_counts.get(row.key, 0)
        if marks:
            text.append(f" · ★{marks}", style="dim")
        problems = self.problems.get(row.key)
        if problems:
            text.append(f" · ⚠ {', '.join(sorted(problems))}", style="bold red")
        return text

    def mark_problem(self, key: str, status: str) -> None:
        """Flag an issue holding a page that could not be read right (binary, undecodable ...)."""
        if status in self.problems.setdefault(key, set()):
            return
        self.problems[key].add(status)
        row = next((r for r in self.rows if r.key == key), None)
        if row is not None:
            self.replace_option_prompt(key, self._prompt(row))

    def show_bookmark_counts(self, counts: dict[str, int]) -> None:
        """Redraw the ★ counts after bookmarks were added or removed."""
        if counts == self.bookmark_counts:
            return
        self.bookmark_counts = dict(counts)
        for row in self.rows:
            self.replace_option_prompt(row.key, self._prompt(row))

    @property
    def current_key(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def row(self, key: str) -> IssueRow | None:
        return next((row for row in self.rows if row.key == key), None)


class ArticleList(PaneList):
    """Articles of the open issue, page by page: title, kind marker, byline."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: list[ArticleEntry] = []
        self.bookmarked: set[tuple[str, str]] = set()

    def reset(self, message: str = "") -> None:
        self.entries = []
        self.clear_options()
        if message:
            self.add_option(Option(Text(message, style="italic"), disabled=True))

    def add_page(self, ref: object, page: Page, page_index: int) -> list[ArticleEntry]:
        """Append one page's articles (under a page header); return the new entries."""
        if self.option_count == 1 and not self.entries and self.get_option_at_index(0).disabled:
            self.clear_options()  # the "loading" line
        header = Text(f"── {page_label(ref, page)} ", style="bold", no_wrap=True)
        if page.status in PROBLEM_STATUSES:
            header.append(f"[{page.status}]", style="bold red")
        options: list[Option] = [Option(WrappedText(header, wrap=False), disabled=True)]
        if page.status in PROBLEM_STATUSES and page.warnings:
            options.append(Option(Text(page.warnings[0], style="italic"), disabled=True))
        added: list[ArticleEntry] = []
        for article in page.articles:
            entry = ArticleEntry(ref, page, article, page_index)
            number = len(self.entries)
            self.entries.append(entry)
            added.append(entry)
            options.append(Option(self._prompt(entry), id=f"a{number}"))
        if not page.articles:
            options.append(Option(Text("(no articles on this page)", style="italic"), disabled=True))
        self.add_options(options)
        return added

    def _prompt(self, entry: ArticleEntry) -> WrappedText:
        """The entry wrapped with the article view's line breaking (no `，` starts a line)."""
        article = entry.article
        text = Text(no_wrap=False)
        if (entry.rel, article.id) in self.bookmarked:
            text.append("★ ", style="bold")
        mark = KIND_LABELS.get(article.kind)
        if mark:
            text.append(mark, style="bold")
        title = article.title or (article.blocks[0].text[:24] + "…" if article.blocks else article.id)
        text.append(title, style="bold")
        if article.byline:
            text.append(f"\n  {article.byline}", style="dim")
        return WrappedText(text)

    def show_bookmarked(self, keys: set[tuple[str, str]]) -> None:
        """Mark with ★ the articles whose (page rel, article id) is in `keys`."""
        changed = keys ^ self.bookmarked
        self.bookmarked = set(keys)
        for number, entry in enumerate(self.entries):
            if (entry.rel, entry.article.id) in changed:
                self.replace_option_prompt(f"a{number}", self._prompt(entry))

    @property
    def current_number(self) -> int | None:
        """Index into `entries` of the highlighted article."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id[1:])

    def select_number(self, number: int) -> None:
        if 0 <= number < len(self.entries):
            self.highlighted = self.get_option_index(f"a{number}")

    def find(self, rel: str, article_id: str) -> int | None:
        return next(
            (i for i, e in enumerate(self.entries) if e.rel == rel and e.article.id == article_id), None
        )
