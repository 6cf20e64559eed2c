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
            candidate = entry.candidate
            score = matcher.match(candidate)
            if score > 0:
                yield Hit(
                    score,
                    plain_highlight(matcher, candidate),
                    partial(app.open_position, entry.position),  # type: ignore[attr-defined]
                    text=candidate,
                    help="go to this article",
                )


#: The palette's commands: (name, action, help). An action without a namespace is the main
#: screen's; `app.` ones are the app's. Each name ends with the key that does the same, so
#: the palette also teaches the keys.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Names panel: people and places (m)", "toggle_names", "show or hide the names panel beside the article"),
    ("Pinyin after names in the text (y)", "toggle_inline_pinyin", "show or hide each name's pinyin inline"),
    ("Find in article (/)", "find", "search the article shown, highlighting every match"),
    ("Search archive (S)", "app.search_archive", "search every page of the archive"),
    ("Bookmarks list (B)", "app.bookmarks", "every bookmark and note, newest first"),
    (
        "Bookmark this article (b)",
        "app.bookmark",
        "bookmark the article at the paragraph on top, or remove it",
    ),
    ("Help: every key (?)", "app.help", "list the keys"),
    (
        "Toggle paragraph style: indent / blank line (i)",
        "app.toggle_paragraph_style",
        "two-space indent or a blank line between paragraphs",
    ),
    ("Toggle light / dark theme (T)", "app.toggle_dark", "switch between the light and dark themes"),
)


class Toggles(Provider):
    """The app's toggles and screens, each also on a key."""

    async def _run(self, action: str) -> None:
        """Run `action` against the main screen (`app.` actions go to the app)."""
        await self.app.run_action(action, getattr(self.app, "main", None))

    async def discover(self) -> Hits:
        for name, action, help_text in COMMANDS:
            yield DiscoveryHit(Text(name), partial(self._run, action), text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    plain_highlight(matcher, name),
                    partial(self._run, action),
                    text=name,
                    help=help_text,
                )
