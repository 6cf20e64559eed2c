"""A colour per tone for pinyin, derived from the current theme and kept readable on it.

Pinyin readers expect tone colours (1 red, 2 orange, 3 green, 4 blue, neutral grey, as in
Pleco and most dictionaries). They are taken from the theme's own text colours so they fit
every theme, then darkened (light themes) or lightened (dark themes) until they reach
`MIN_CONTRAST` against the panes' background: Textual's `text-warning` orange, for one, is
only 3:1 on the light theme's surface. Tone 0 is for what is no syllable (spaces, brackets).
"""

from __future__ import annotations

from functools import cache

from rich.style import Style
from textual.app import App
from textual.color import Color

#: The theme variable each tone's colour starts from (0: separators, 5: the neutral tone).
TONE_VARIABLES = {
    1: "text-error",
    2: "text-warning",
    3: "text-success",
    4: "text-primary",
    5: "foreground",
    0: "foreground",
}
#: How far the neutral tone fades towards the background (it still has to pass MIN_CONTRAST).
NEUTRAL_FADE = 0.4
#: WCAG's contrast for normal text (AA).
MIN_CONTRAST = 4.5


def luminance(color: Color) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        value_01 = value / 255
        return value_01 / 12.92 if value_01 <= 0.03928 else ((value_01 + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(color: Color, background: Color, minimum: float = MIN_CONTRAST) -> Color:
    """`color`, darkened or lightened by small steps until it reaches `minimum` on `background`."""
    dark_background = luminance(background) < 0.2
    for _ in range(40):
        if contrast(color, background) >= minimum:
            break
        color = color.lighten(0.03) if dark_background else color.darken(0.03)
    return color


def tone_colours(variables: dict[str, str]) -> dict[int, Color]:
    """Tone -> colour for a theme's CSS variables (as `App.get_css_variables()` gives them)."""
    background = _opaque(variables.get("surface", "#000000"), Color.parse("#000000"))
    colours: dict[int, Color] = {}
    for tone, name in TONE_VARIABLES.items():
        colour = _opaque(variables.get(name, "#808080"), background)
        if tone in (0, 5):
            colour = colour.blend(background, NEUTRAL_FADE)
        colours[tone] = readable(colour, background)
    return colours


def tone_styles(app: App[object]) -> dict[int, Style]:
    """Tone -> Rich style for the app's current theme."""
    variables = app.get_css_variables()
    return _styles(tuple((name, variables.get(name, "")) for name in ("surface", *TONE_VARIABLES.values())))


@cache
def _styles(variables: tuple[tuple[str, str], ...]) -> dict[int, Style]:
    colours = tone_colours(dict(variables))
    return {tone: Style(color=colour.rich_color) for tone, colour in colours.items()}


def _opaque(value: str, background: Color) -> Color:
    """A CSS colour value as an opaque colour (blended over `background` if translucent)."""
    try:
        colour = Color.parse(value)
    except Exception:  # "auto 60%" and the like: no fixed colour
        return Color.parse("#808080")
    return background.blend(colour.with_alpha(1.0), colour.a) if colour.a < 1 else colour
