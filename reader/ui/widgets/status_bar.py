"""The status line: which issue, which article of how many, how far through it.

On a narrow terminal the line drops what matters least until it fits, instead of cutting
the end (the percentage) off: first the page's file name (a 第N版 label is short and stays),
then the issue. The indexing note goes last when there is no room for it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static


class StatusBar(Static):
    """One line under the panes; built as Text so titles never act as markup."""

    _shown: tuple[str, str, int | None, int, int | None, str] | None = None

    def show(
        self, issue: str, page: str, number: int | None, total: int, percent: int | None, note: str = ""
    ) -> None:
        self._shown = (issue, page, number, total, percent, note)
        self.update(self._line(self.content_region.width or 10_000))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.update(self._line(self.content_region.width))

    def _line(self, width: int) -> Text:
        assert self._shown is not None
        issue, page, number, total, percent, note = self._shown
        where = f" · article {number + 1}/{total}" if number is not None and total else ""
        if percent is not None:
            where += f" · {percent}%"
        short_page = page if page.startswith("第") else ""
        for head, with_page, with_note in (
            (issue or "—", page, True),
            (issue or "—", page, False),
            (issue or "—", short_page, False),
            ("", short_page, False),
            ("", "", False),
        ):
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append(head, style="bold")
            if with_page:
                text.append(f" · {with_page}" if head else with_page)
            text.append(where if head or with_page else where.removeprefix(" · "))
            if note and with_note:
                text.append(f"  {note}", style="italic")
            if cell_len(text.plain) <= width:
                return text
        return text

    @property
    def text(self) -> str:
        return str(self.render())
