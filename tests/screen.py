"""What the terminal shows, as text: one string a row, for tests that check the screen itself."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.widget import Widget


def screen_lines(app: App) -> list[str]:
    """Every row of the screen as drawn (modal screens over the ones below), trailing spaces cut."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    rows = console.export_text(styles=False).split("\n")
    return [row.rstrip() for row in rows[:height]]


def region_lines(app: App, widget: Widget, *, inner: bool = True) -> list[str]:
    """The rows of the screen inside `widget` (inside its border, padding and scrollbar when `inner`)."""
    region = widget.scrollable_content_region if inner else widget.region
    rows = screen_lines(app)
    out = []
    for row in rows[region.y : region.bottom]:
        out.append(cut_cells(row, region.x, region.right))
    return out


def cut_cells(row: str, start: int, end: int) -> str:
    """Cells `start:end` of a row (a wide character counts two cells)."""
    from rich.cells import get_character_cell_size

    out = []
    cell = 0
    for char in row:
        size = get_character_cell_size(char)
        if cell >= start and cell + size <= end:
            out.append(char)
        cell += size
    return "".join(out)
