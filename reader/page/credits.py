"""The credit grammar: datelines, bylines, closing credits and photo credits, and their people.

Chinese papers credit a story in a handful of forms, each with many relatives:
- datelines opening the first paragraph: `本报讯`, `本报北京1月23日讯`, `新华社北京7月28日电`,
  `据新华社瓦莱塔1月13日电`, each optionally followed by a credit in brackets
  (`（记者 张三、李四）`) or inline up to `报道：` (`记者温宪、新华社记者刘也刚、赵毅报道：`);
- byline lines: a role and names (`□融媒记者 吕高攀`, `本报驻联合国记者 符福渊`,
  `扬子晚报记者 柳扬`, `记者 X 实习生 Y`, `作者：X`), or names alone next to a headline;
- closing credits after the last sentence: `（陈国琦朱丽琴）`, `（本报纽约电）`;
- photo credits: `X 摄`, `（新华社记者孙参摄）`.

Everything here reads the despaced text (pdftotext's justification spaces removed, so
`新 华 社 北 京 1 月 21 日 电` reads as a dateline). Names are what remains once the roles are
taken away; a name is two to four Chinese characters, or a transliteration joined by `·`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.page.surnames import COMMON_SURNAMES, COMPOUND_SURNAMES
from reader.page.text import despace, ends_sentence

_HAN = r"[\u4e00-\u9fff]"
# Who employs the writer: 本报, an agency, another paper, a broadcaster.
_ORG = (
    r"(?:本报|本刊|本台|本网|新华社|中新社|中通社|人民日报|央视|"
    rf"{_HAN}{{2,6}}?(?:日报|晚报|早报|晨报|时报|商报|都市报|报社|电视台|电台|网))"
)
_STATION = rf"(?:驻{_HAN}{{1,8}}?)"
_QUALIFIER = r"(?:融媒体中心|融媒体?|全媒体|首席|特约|特派|特邀|见习|资深|高级|摄影|视频|文字|实习)"
_ROLE_WORD = r"(?:实习生|记者|通讯员|摄影师?|撰稿人?|作者|编辑|撰文|评论员|文[/／]图|图[/／]文|文|图)"
ROLE = rf"(?:{_ORG}|{_STATION}|{_QUALIFIER})*{_ROLE_WORD}"
ROLE_RE = re.compile(ROLE)
NAME = rf"{_HAN}[\u4e00-\u9fff·•]{{1,7}}"
NAME_RE = re.compile(NAME)
BOX = "□■◇◆●○◎▲△▪★☆"

_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十〇]{1,3})"
_DATE = rf"{_NUMBER}月{_NUMBER}日"
_AGENCY = rf"(?:本报|新华社|中新社|中通社|人民日报|{_HAN}{{2,8}}?(?:日报|晚报|时报|社))"
_PLACE = rf"(?:(?!记者){_HAN}|·){{0,10}}?"
#: A dateline at the start of despaced text: 本报讯, 本报北京1月23日讯, 据新华社瓦莱塔1月13日电, 永康讯.
DATELINE = re.compile(
    rf"^(?:据)?(?:本报讯|{_AGENCY}{_PLACE}{_DATE}[电讯]"
    # undated (`本报北京电（记者…）`): a short place, and the credit or the text set apart after it
    rf"|{_AGENCY}{_HAN}{{1,4}}?[电讯](?=[（(\s]|记者|$)"
    rf"|{_HAN}{{2,6}}讯(?=[（(\s]|$))"
)
_EMBEDDED_ROLE = re.compile(rf"((?:{_ORG}|{_STATION}|{_QUALIFIER})*(?:实习生|记者|通讯员|摄影记者))")
_BRACKET = re.compile(r"[（(]([^（()）]{2,60})[）)]")
_INLINE_CREDIT = re.compile(r"([^：:。，；（）]{2,60}?)(?:报道|采写|撰文)?[:：]")
_CLOSING = re.compile(r"[（(]([^（()）]{2,30})[）)]$")
_DATELINE_ONLY = re.compile(rf"^(?:据)?(?:本报|新华社|中新社|{_AGENCY}){_PLACE}(?:{_DATE})?电$")


def people(text: str, *, need_role: bool) -> tuple[str, ...] | None:
    """The names in a byline or credit, or None when the text is not made only of roles and names.

    A byline needs a role word (记者, 通讯员 ...) unless `need_role` is off (a photo credit, a
    line of names by a headline). A one-character piece next to another is one letter-spaced
    name (`徐　科`).
    """
    text = text.strip().strip(BOX).strip()
    text = re.sub(r"\s*摄(?:影)?\s*$", "", text)
    tokens = [t for t in re.split(r"[\s、，,/／:：]+", text) if t]
    tokens = _join_single_characters(tokens)
    # roles glued between names once the spaces are gone: `记者戈伟实习生刘晓雪`
    tokens = [piece for token in tokens for piece in _EMBEDDED_ROLE.split(token) if piece]
    names: list[str] = []
    seen_role = False
    for token in tokens:
        role = ROLE_RE.match(token)
        if role and role.end() == len(token):
            seen_role = True
            continue
        if role and NAME_RE.fullmatch(token[role.end() :]) and len(token) - role.end() <= 4:
            seen_role = True
            token = token[role.end() :]
        if not NAME_RE.fullmatch(token) or (len(token) > 4 and "·" not in token):
            return None
        names.append(token)
    return tuple(names) if names and (seen_role or not need_role) else None


def _join_single_characters(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if out and len(token) == 1 and len(out[-1]) == 1:
            out[-1] += token
        else:
            out.append(token)
    return out


def looks_like_name(text: str) -> bool:
    """Two or three characters that begin with a surname (four with a compound surname)."""
    if not text or not all("\u4e00" <= c <= "\u9fff" for c in text):
        return False
    if text[:2] in COMPOUND_SURNAMES:
        return 3 <= len(text) <= 4
    return 2 <= len(text) <= 3 and text[0] in COMMON_SURNAMES


def name_line_people(text: str) -> tuple[str, ...] | None:
    """The people of a line that holds only names (`晏强国`, `陈杰 张宝丰 雷世林`, `□士心`).

    A box (□) before the names is a byline's mark: then any two to four characters are a name
    (a pen name such as 士心). Without it, every name must begin with a known surname.
    """
    stripped = text.strip()
    boxed = stripped[:1] in BOX
    tokens = _join_single_characters([t for t in re.split(r"[\s、，,]+", stripped.strip(BOX)) if t])
    if not tokens or len(tokens) > 4:
        return None
    for token in tokens:
        if boxed and len(tokens) == 1:
            if not (2 <= len(token) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in token)):
                return None
        elif not looks_like_name(token):
            return None
    return tuple(tokens)


@lru_cache(maxsize=256)
def split_glued_names(text: str) -> tuple[str, ...] | None:
    """Names written together with no separator (`陈国琦朱丽琴` -> 陈国琦, 朱丽琴), or None.

    Each piece must begin with a surname; three-character names (the usual length) are
    preferred to two-character ones where both readings work.
    """
    if not text:
        return ()
    best: tuple[str, ...] | None = None
    for size in (3, 2, 4):
        head = text[:size]
        if len(head) < size or not looks_like_name(head):
            continue
        rest = split_glued_names(text[size:])
        if rest is not None:
            best = (head, *rest)
            break
    return best


def dateline_end(body: str) -> int:
    """Where a dateline opening `body` (despaced) ends, or 0 when it does not open with one."""
    if "讯" not in body[:24] and "电" not in body[:24]:
        return 0
    match = DATELINE.match(body)
    return match.end() if match else 0


def dateline_credit(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The credit that opens a paragraph, as (byline, authors): the dateline and its credit.

    `本报北京7月28日电（记者 张三、李四）…`, `本报约翰内斯堡12月30日电记者温宪、新华社记者刘也刚报道：…`,
    `新华社北京1月19日电 国务院…` (no people). Names in brackets need a role word: an agency's
    `（汪洪洋、林志平）` may be correspondents, editors or sources.
    """
    body = despace(text)
    end = dateline_end(body)
    if not end:
        return None
    rest = body[end:]
    bracket = _BRACKET.match(rest)
    if bracket:
        found = people(bracket.group(1), need_role=True)
        return body[: end + bracket.end()], found or ()
    inline = _INLINE_CREDIT.match(rest)
    if inline:
        found = _inline_people(inline.group(1))
        if found:
            return body[: end + inline.end()], found
    glued = _role_then_name(rest)
    if glued:
        return body[: end + glued[0]], glued[1]
    return (body[:end], ()) if body[:end] != "本报讯" else None


def _inline_people(text: str) -> tuple[str, ...] | None:
    names: list[str] = []
    seen_role = False
    for token in re.split(r"[、，,和]", text):
        role = ROLE_RE.match(token)
        if role:
            seen_role = True
            token = token[role.end() :]
        if not NAME_RE.fullmatch(token) or len(token) > 4:
            return None
        names.append(token)
    return tuple(names) if names and seen_role else None


def _role_then_name(rest: str) -> tuple[int, tuple[str, ...]] | None:
    """`记者陈陆军从广播电影电视部获悉`: a role, then one name running into the text."""
    role = ROLE_RE.match(rest)
    if not role or role.end() == len(rest):
        return None
    for size in (3, 2):
        name = rest[role.end() : role.end() + size]
        if looks_like_name(name):
            return role.end() + size, (name,)
    return None


def byline_people(text: str) -> tuple[str, ...] | None:
    """Authors when `text` is a whole byline line (`□融媒记者 吕高攀`, `本报讯（记者 X 通讯员 Y）`).

    A dated dateline (`本报北京1月1日讯记者王建新`) is not a byline line: it opens the first
    paragraph, which keeps it.
    """
    stripped = text.strip().lstrip(BOX).strip()
    if (
        len(stripped) > 48
        or ends_sentence(stripped)
        or any(mark in stripped for mark in "，。；")
        or stripped.endswith("、")
    ):
        return None
    body = despace(stripped)
    end = dateline_end(body)
    if end:
        if not body.startswith("本报讯") and not re.fullmatch(rf"{_HAN}{{2,6}}讯", body[:end]):
            return None  # 本报北京1月1日讯…: a paragraph's dateline
        bracketed = _BRACKET.fullmatch(body[end:])
        return people(bracketed.group(1), need_role=True) if bracketed else None
    bracketed = re.fullmatch(r"[（(](.*)[）)]", stripped)
    if bracketed:
        stripped = bracketed.group(1)
    if not ROLE_RE.search(stripped):
        return None
    return people(stripped, need_role=True)


_TRAILING_CREDIT = re.compile(rf"[。！？!?][”’」』）)]*\s*(?:{ROLE})\s*{_HAN}{{2,3}}$")


def ends_with_credit(text: str) -> bool:
    """The last sentence is followed by its writer's credit on the same line: `…着急”。扬子晚报记者柳扬`."""
    return ("记者" in text[-14:] or "通讯员" in text[-14:]) and bool(_TRAILING_CREDIT.search(text[-24:]))


def closing_credit(text: str) -> tuple[str, ...] | None:
    """The people of a credit closing a paragraph (`…发展。（陈国琦朱丽琴）`), or None.

    `（本报纽约电）` and `（新华社发美联社照片）` close a story too, with nobody named: ().
    """
    match = _CLOSING.search(text)
    if not match or not ends_sentence(text[: match.start()] or "。"):
        return None
    inner = despace(match.group(1))
    if _DATELINE_ONLY.match(inner) or inner.startswith(("新华社", "本报", "据")):
        return ()
    named = people(inner, need_role=False)
    if named and all(looks_like_name(n) or "·" in n for n in named):
        return named
    return split_glued_names(inner)
