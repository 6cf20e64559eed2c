"""The database layout, its version number, and the path from each old version to the current one.

The file is TinyDB's JSON: ``{table: {doc_id: document}}``. The ``_meta`` table holds one document
``{"schema": N}``. Readers of an archive keep their notes for years, so a kanbao that changes the
layout must still read every older file: each version N has a function ``MIGRATIONS[N]`` that
turns data of version N into N+1, and ``upgrade`` chains them. A file from a *newer* kanbao is read
as well as can be, and never written (see ``is_newer``), so an old copy cannot damage it.

Version 0 is a file without a schema field: one written by a bare TinyDB, by hand or by a script
from an export. Its bookmark documents are normalised into version 1 (fields renamed from the
export's names, defaults filled in); a document that names no page or article is kept in the
``unplaced`` table rather than dropped, because nothing a reader wrote may be thrown away.

To add version 2: write ``_v1_to_v2(data) -> data``, add it to ``MIGRATIONS`` under 1, bump
``SCHEMA_VERSION``, and add a test that upgrades a version-1 file.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Data = dict[str, dict[str, Any]]

SCHEMA_VERSION = 1
META_TABLE = "_meta"
META_DOC_ID = "1"
BOOKMARKS_TABLE = "bookmarks"
POSITIONS_TABLE = "positions"
UNPLACED_TABLE = "unplaced"


def schema_version(data: Data) -> int:
    """The version a file declares; 0 when it declares none (or nonsense)."""
    meta = data.get(META_TABLE, {}).get(META_DOC_ID, {})
    version = meta.get("schema", 0) if isinstance(meta, dict) else 0
    return version if isinstance(version, int) and not isinstance(version, bool) and version >= 0 else 0


def is_newer(data: Data) -> bool:
    """True when a later kanbao wrote this file: read it, but do not write it."""
    return schema_version(data) > SCHEMA_VERSION


def _first(document: dict[str, Any], *names: str, default: Any = "") -> Any:
    for name in names:
        if name in document and document[name] is not None:
            return document[name]
    return default


def _as_int(value: Any) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def _v0_to_v1(data: Data) -> Data:
    """Unversioned -> 1: give every bookmark the version-1 fields, keep the unplaceable aside."""
    bookmarks: dict[str, Any] = {}
    unplaced = dict(data.get(UNPLACED_TABLE, {}))
    for doc_id, document in data.get(BOOKMARKS_TABLE, {}).items():
        rel = str(_first(document, "rel", "source"))
        article_id = str(_first(document, "article_id", "article"))
        if not rel or not article_id:
            unplaced[str(len(unplaced) + 1)] = document
            continue
        created = str(_first(document, "created", "updated"))
        text = _first(document, "paragraph_text", default=None)
        paragraph = document.get("paragraph", 0)
        if text is None and isinstance(paragraph, str):
            text, paragraph = paragraph, 0  # the export's "paragraph" is the paragraph's text
        bookmarks[doc_id] = {
            **document,
            "rel": rel,
            "article_id": article_id,
            "title": str(_first(document, "title", "headline")),
            "issue_key": str(_first(document, "issue_key")),
            "issue_label": str(_first(document, "issue_label", "issue")),
            "paragraph": _as_int(paragraph),
            "paragraph_text": str(text or ""),
            "note": str(_first(document, "note")),
            "created": created,
            "updated": str(_first(document, "updated", default=created)),
        }
        for alias in ("source", "article", "headline", "issue"):
            bookmarks[doc_id].pop(alias, None)
    upgraded = {**data, BOOKMARKS_TABLE: bookmarks}
    if unplaced:
        upgraded[UNPLACED_TABLE] = unplaced
    return upgraded


#: MIGRATIONS[n] turns data of version n into version n + 1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1}


def upgrade(data: Data) -> Data:
    """Data of any known version in the current layout, stamped with SCHEMA_VERSION.

    Pure: the argument is not modified. Newer files are returned unchanged.
    """
    version = schema_version(data)
    if version >= SCHEMA_VERSION:
        return data
    upgraded = copy.deepcopy(data)
    while version < SCHEMA_VERSION:
        upgraded = MIGRATIONS[version](upgraded)
        version += 1
    upgraded[META_TABLE] = {META_DOC_ID: {"schema": SCHEMA_VERSION}}
    return upgraded
