"""Where the bundled seed pages and stylesheets are, installed or in a checkout.

A wheel carries them inside the package (`reader/_data/`); a checkout or an editable install
has them at the repository's top level, where people edit them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    """The folder of sample pages that `reader` opens when given no path."""
    return _data_dir("seeds")


def styles_dir() -> Path:
    """The folder of Textual stylesheets (`*.tcss`)."""
    return _data_dir("styles")
