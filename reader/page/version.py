"""The parser's version, for cache keys: known without importing (and compiling) the rules.

The app's first screen asks the parse cache for a page; the cache keys entries on the parser's
version. Computing it in `parse.py` imported every rule module and compiled their patterns
(~200 ms) inside the first-paint window. Here it is a digest of the package's source files,
read as bytes: any edit to the rules invalidates cached parses, even one whose author forgot
to bump the number below.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

#: Bumped by hand when the parse of a page changes in a way the sources alone would not show.
SCHEMA = 3


@lru_cache(maxsize=1)
def parser_version() -> str:
    """`SCHEMA-digest` of every module of `reader.page`."""
    digest = hashlib.sha1()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return f"{SCHEMA}-{digest.hexdigest()[:8]}"
