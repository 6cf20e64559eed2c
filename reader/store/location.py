"""Where the bookmark database lives: ``--db PATH``, else ``$READER_DB``, else the user data dir.

The explicit path wins so a test or a second profile never touches the reader's real notes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

#: The environment variable that points the store at another database file.
ENV_VAR = "READER_DB"
#: The file name inside the user data dir.
DEFAULT_NAME = "bookmarks.json"


def default_db_path() -> Path:
    """The per-user location (``~/.local/share/kanbao/bookmarks.json`` on Linux)."""
    return Path(platformdirs.user_data_dir("kanbao", appauthor=False)) / DEFAULT_NAME


def resolve_db_path(
    explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The database path to use: the explicit one, ``$READER_DB``, or the default.

    ``~`` is expanded in both, because a path typed in a shell config is not always expanded.
    """
    env = os.environ if environ is None else environ
    if explicit is not None and str(explicit) != "":
        return Path(explicit).expanduser()
    from_env = env.get(ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()
