"""The status line: which issue, which article of how many, how far through it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusBar(Static):
    """One line under the panes; built as Text so titles never act as markup."""

    def show(
        self, issue: str, page: str, number: int | None, total: int, percent: int | None, note: str = ""
    ) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(issue or "—", style="bold")
        if page:
            text.append(f" · {page}")
        if number is not None and total:
            text.append(f" · article {number + 1}/{total}")
        if percent is not None:
            text.append(f" · {percent}%")
        if note:
            text.append(f"  {note}", style="italic")
        self.update(text)

    @property
    def text(self) -> str:
        return str(self.render())
