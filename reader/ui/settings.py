"""The reader's settings (theme, paragraph style, inline pinyin), kept in a TOML file.

The file lives in the user config directory (`$READER_CONFIG` names another file), so a
toggle survives a restart and a user may edit it by hand:

    theme = "light"            # "dark" or "light"
    paragraph_style = "blank"  # "indent" or "blank"
    inline_pinyin = true

A file that cannot be read or parsed is never overwritten: the app says why, starts with the
defaults, and keeps the toggles for this session only. An unknown value for one key is
reported and that key alone falls back to its default. Pure Python, no Textual.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with tomli, tomllib's original
    import tomli as tomllib

CONFIG_ENV = "READER_CONFIG"
FILE_NAME = "settings.toml"
CHOICES: dict[str, tuple[Any, ...]] = {
    "theme": ("dark", "light"),
    "paragraph_style": ("indent", "blank"),
    "inline_pinyin": (False, True),
}
HEADER = (
    "# kanbao (看报) reader settings: written by the app when a toggle changes; edit freely.\n"
    '# theme: "dark" or "light" (T) · paragraph_style: "indent" or "blank" (i) ·'
    " inline_pinyin: true or false (y)\n"
)


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str = "dark"
    paragraph_style: str = "indent"
    inline_pinyin: bool = False


def settings_path() -> Path:
    """`$READER_CONFIG`, else settings.toml in the user config directory."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("kanbao")) / FILE_NAME


@dataclass(slots=True)
class SettingsFile:
    """The settings of one file, and whether the app may write it back."""

    path: Path
    settings: Settings
    problems: list[str]
    writable: bool  # False when the file exists but could not be read: never overwrite it

    @classmethod
    def load(cls, path: Path | None = None) -> SettingsFile:
        path = settings_path() if path is None else path
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path, Settings(), [], True)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            message = f"settings not read from {path}: {reason}; defaults used, the file is left as it is"
            return cls(path, Settings(), [message], False)
        values: dict[str, Any] = {}
        problems: list[str] = []
        for key, value in data.items():
            choices = CHOICES.get(key)
            if choices is None:
                problems.append(f"{path}: unknown setting {key!r} ignored")
            elif value not in choices or type(value) is not type(choices[0]):
                shown = " or ".join(_toml(c) for c in choices)
                problems.append(f"{path}: {key} = {_toml(value)} is not {shown}; the default is used")
            else:
                values[key] = value
        return cls(path, Settings(**values), problems, True)

    def update(self, **changes: Any) -> str | None:
        """Change some settings and write the file (atomically); the reason when it could not be."""
        self.settings = replace(self.settings, **changes)
        if not self.writable:
            return f"settings not saved: fix or remove {self.path} first"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = HEADER + "".join(f"{key} = {_toml(getattr(self.settings, key))}\n" for key in CHOICES)
            handle, temporary = tempfile.mkstemp(prefix=".settings-", dir=self.path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as error:
            return f"settings not saved to {self.path}: {error.strerror or error}"
        return None


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)
