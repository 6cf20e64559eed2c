"""Command palette providers: go to any parsed article by its title, and the app's toggles."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content


def plain_highlight(matcher: Matcher, candidate: str) -> Content:
    """The candidate with the matched characters underlined, never read as markup.

    Textual's `Matcher.highlight` parses the candidate as markup, and an article title is
    page text: a title containing `[/red]` would break the palette.
    """
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize("bold underline", offset, offset + 1)
    return content


class ArticleTitles(Provider):
    """Go to an article across the archive: every title the app has parsed so far."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = self.app
        for entry in list(app.title_index.values()):  # type: ignore[attr-defined]
            candidate = f"{entry.title} · {entry.issue}"
            score = matcher.match(candidate)
            if score > 0:
                yield Hit(
                    score,
                    plain_highlight(matcher, candidate),
                    partial(app.open_position, entry.position),  # type: ignore[attr-defined]
                    text=candidate,
                    help="go to this article",
                )


class Toggles(Provider):
    """The reading toggles: paragraph style and light/dark theme."""

    def _commands(self) -> list[tuple[str, str, str]]:
        return [
            (
                "Toggle paragraph style (indent / blank line)",
                "toggle_paragraph_style",
                "two-space indent or a blank line between paragraphs",
            ),
            ("Toggle light / dark theme", "toggle_dark", "switch between the light and dark themes"),
        ]

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            yield DiscoveryHit(Text(name), partial(self.app.run_action, action), text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    plain_highlight(matcher, name),
                    partial(self.app.run_action, action),
                    text=name,
                    help=help_text,
                )
