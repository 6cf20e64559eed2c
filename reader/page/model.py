"""What a parsed newspaper page is: frozen dataclasses and their JSON form.

Everything downstream (archive, search, names, bookmarks, the UI) reads these types and
nothing else, so the parser can change its rules without anyone else noticing.
`lines` are always 0-based line numbers in the page file, first and last inclusive, so every
piece of text can be traced back to the source a reader can open in an editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

BlockKind = Literal["paragraph", "subhead", "continuation"]
ArticleKind = Literal["article", "photo", "brief", "notice"]
LineSpan = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Block:
    """One reflowed piece of an article body: a paragraph, a subhead or a continuation marker."""

    kind: BlockKind
    text: str
    lines: LineSpan
    #: Where the block stands on its PDF page: x0, top, x1, bottom in points from the top-left
    #: corner. None for pages read from text dumps, which have no geometry.
    bbox: tuple[float, float, float, float] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "text": self.text, "lines": list(self.lines)}
        if self.bbox is not None:
            data["bbox"] = list(self.bbox)
        return data


@dataclass(frozen=True, slots=True)
class Article:
    """One story of the page, in reading order: headline lines, byline, then its blocks."""

    id: str
    kind: ArticleKind
    headline: tuple[str, ...]
    title: str
    byline: str
    authors: tuple[str, ...]
    blocks: tuple[Block, ...]
    lines: LineSpan

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "paragraph")

    @property
    def kicker(self) -> str:
        """The line above the main title (引题), when the headline has one."""
        index = self.headline.index(self.title) if self.title in self.headline else 0
        return self.headline[0] if index > 0 else ""

    @property
    def subtitle(self) -> str:
        """The lines below the main title (副题), joined."""
        if self.title not in self.headline:
            return ""
        index = self.headline.index(self.title)
        return " ".join(self.headline[index + 1 :])

    @property
    def continuations(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "continuation")

    @property
    def text(self) -> str:
        """The article's body text, blocks separated by newlines (for search and names)."""
        return "\n".join(b.text for b in self.blocks if b.kind != "continuation")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "headline": list(self.headline),
            "title": self.title,
            "byline": self.byline,
            "authors": list(self.authors),
            "blocks": [b.to_json() for b in self.blocks],
            "lines": list(self.lines),
        }


@dataclass(frozen=True, slots=True)
class Leftover:
    """Text that belongs to no article: page furniture, stray lines. Kept so nothing is lost."""

    text: str
    lines: LineSpan
    kind: str = "other"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "lines": list(self.lines), "kind": self.kind}


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the page furniture (or the file name) says about where the page sits in a paper."""

    date: str = ""  # ISO date, "" when unknown
    page_no: str = ""  # "2", "A3", "" when unknown
    section: str = ""
    paper: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page: its articles in reading order and everything that no article took."""

    source: str
    articles: tuple[Article, ...]
    leftover: tuple[Leftover, ...] = ()
    info: PageInfo = field(default_factory=PageInfo)
    encoding: str = "utf-8"
    status: str = "ok"  # ok | empty | binary | undecodable | truncated | unreadable
    warnings: tuple[str, ...] = ()
    #: Which page of its file this is, from 1, when the file holds several (`pdftotext issue.pdf`
    #: writes a whole issue, one page a form feed); 0 when the file is one page.
    part: int = 0

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "articles": [a.to_json() for a in self.articles],
            "leftover": [x.to_json() for x in self.leftover],
            "encoding": self.encoding,
            "status": self.status,
        }
        info = {
            k: v
            for k, v in (
                ("date", self.info.date),
                ("page", self.info.page_no),
                ("section", self.info.section),
                ("paper", self.info.paper),
            )
            if v
        }
        if info:
            data["info"] = info
        if self.warnings:
            data["warnings"] = list(self.warnings)
        if self.part:
            data["part"] = self.part
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Page:
        """Rebuild a page from `to_json()` output (the on-disk parse cache uses this)."""
        articles = tuple(
            Article(
                id=a["id"],
                kind=a["kind"],
                headline=tuple(a["headline"]),
                title=a["title"],
                byline=a["byline"],
                authors=tuple(a["authors"]),
                blocks=tuple(
                    Block(b["kind"], b["text"], tuple(b["lines"]), _bbox(b.get("bbox"))) for b in a["blocks"]
                ),
                lines=tuple(a["lines"]),
            )
            for a in data["articles"]
        )
        leftover = tuple(
            Leftover(x["text"], tuple(x["lines"]), x.get("kind", "other")) for x in data["leftover"]
        )
        info = data.get("info", {})
        return cls(
            source=data["source"],
            articles=articles,
            leftover=leftover,
            info=PageInfo(
                info.get("date", ""), info.get("page", ""), info.get("section", ""), info.get("paper", "")
            ),
            encoding=data.get("encoding", "utf-8"),
            status=data.get("status", "ok"),
            warnings=tuple(data.get("warnings", ())),
            part=int(data.get("part", 0)),
        )


def _bbox(value: Any) -> tuple[float, float, float, float] | None:
    """A block's box read back from JSON (None when absent or malformed)."""
    if isinstance(value, list) and len(value) == 4:
        return (float(value[0]), float(value[1]), float(value[2]), float(value[3]))
    return None
