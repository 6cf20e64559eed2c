"""The `reader` command: the reading app by default, shell subcommands by name.

Each subcommand lives in its own module under `reader.commands` and is imported only when
asked for, so `reader parse` starts without loading Textual, jieba or TinyDB. A user error
is one line on stderr and a documented exit status, never a traceback.

Exit statuses: 0 success, 1 nothing found / a page could not be read, 2 bad usage,
130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

#: name -> (module under reader.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("parse", "print pages as reflowed articles (--json: machine-readable)"),
    "search": ("search", "search the reflowed text of an archive, like grep"),
    "names": ("names", "list the people and places of each article with their pinyin"),
    "pinyin": ("pinyin", "print the pinyin of a text (--name: read it as a name)"),
    "bookmarks": ("bookmarks", "list or export bookmarks and notes"),
}


class UsageError(Exception):
    """Bad command-line usage: reported as one line, exit status 2."""


def _command_module(module: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"reader.commands.{module}")


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="看报 kanbao: read an archive of Chinese newspaper pages. "
        f"Commands: {', '.join(COMMANDS)} (reader COMMAND --help).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="page files or folders of pages (*.txt)")
    parser.add_argument(
        "--db", metavar="PATH", help="bookmark database (default: user data dir, or $READER_DB)"
    )
    parser.add_argument(
        "--no-restore", action="store_true", help="start at the first issue, not where you left off"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        # A file name that is not valid UTF-8 prints with "?" for its bad bytes, not a traceback.
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    try:
        if args_list and args_list[0] in COMMANDS:
            name = args_list[0]
            module = _command_module(COMMANDS[name][0])
            parser = argparse.ArgumentParser(prog=f"reader {name}", description=COMMANDS[name][1])
            module.add_arguments(parser)
            args = parser.parse_args(args_list[1:])
            return int(module.run(args))
        args = _app_parser().parse_args(args_list)
        from reader.ui.launch import run_app  # imported here: only the app needs Textual

        return run_app(args)
    except UsageError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader parse page.txt | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
