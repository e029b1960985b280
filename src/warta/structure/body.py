"""The body: page furniture removed, the dateline and credits set aside, headings found.

Works line by line. A crawler's page text (``page=True``) starts with its title and a
dateline; an article body from a container (JSON, trafilatura, a feed) starts with the
article, though often behind a dateline prefix ("Merdeka.com - "). Both end, often, in a
trailer (topics, tags, related links) that is cut at its first marker line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.records import Heading
from warta.structure.dates import DateWords, find_datetime
from warta.structure.furniture import Furniture, ends_sentence, strip_editor_code, strip_prefix

__all__ = ["Page", "assemble", "read_page"]

_TOP_LINES = 10
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9][\w-]*(?:\.[a-z0-9-]+)+/?$", re.I)
_PIPES = re.compile(r"\s*[|·•]\s*")
_NOT_WORD = re.compile(r"[\W_]+")
_HEADING_END = re.compile(r"[.,;:!?\"”’…)\]]$")


@dataclass(slots=True)
class Page:
    """What the body reader found: the paragraphs and the metadata lines it set aside."""

    title: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    section: str | None = None
    prefix: str = ""
    credits: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _squash(text: str | None) -> str:
    return _NOT_WORD.sub("", (text or "").casefold())


def read_page(
    body: str, furniture: Furniture, words: DateWords, *, page: bool, title: str | None
) -> Page:
    """Split ``body`` into clean paragraphs and the page's own metadata."""
    lines = [line.strip() for line in body.splitlines()]
    found = Page(title=title)
    start = _take_title(lines, found, furniture, words) if page and not title else 0
    start = _skip_top(lines, start, found, furniture, words, page)
    _read_lines(lines[start:], found, furniture)
    _clean_tail(found, furniture, page)
    if found.paragraphs:
        found.prefix, first = strip_prefix(found.paragraphs[0])
        if first.strip():
            found.paragraphs[0] = first.lstrip()
        else:
            found.paragraphs.pop(0)
    return found


def _take_title(lines: list[str], found: Page, furniture: Furniture, words: DateWords) -> int:
    """Take the first line as the title unless it reads as a body sentence."""
    for index, line in enumerate(lines):
        if line and not furniture.is_button(line) and not _navigation(line, furniture, words):
            sentence = line.endswith(".") and not line.endswith("..") and len(line.split()) > 8
            if len(line) <= 300 and not sentence:
                found.title = line
                return index + 1
            return index
    return 0


def _navigation(line: str, furniture: Furniture, words: DateWords) -> bool:
    """A breadcrumb trail (a dateline can look like one, so a date rules it out)."""
    return furniture.is_breadcrumb(line) and find_datetime(line, words) is None


def _dateline_parts(line: str, found: Page, words: DateWords) -> bool:
    """Take section and outlet from a dateline such as ``Global | outlet.com | Rabu, ...``."""
    if len(line) > 160:
        return False
    match = find_datetime(line, words)
    if match is None:
        return False
    rest = line[: match.start] + " " + line[match.end :]
    if len(rest.split()) > 10 or (ends_sentence(line) and len(rest.split()) > 2):
        return False
    parts = [p.strip(" -–—,") for p in _PIPES.split(line)]
    for part in parts:
        if not part or find_datetime(part, words):
            continue
        if _DOMAIN.match(part):
            found.outlet = found.outlet or part
        elif len(parts) > 1 and len(part.split()) <= 4 and found.section is None:
            found.section = part
    found.dateline = line
    return True


def _skip_top(
    lines: list[str], start: int, found: Page, furniture: Furniture, words: DateWords, page: bool
) -> int:
    """Index of the first body line, past title repeats, datelines, bylines and buttons."""
    title = _squash(found.title)
    seen = 0
    index = start
    while index < len(lines) and seen < _TOP_LINES:
        line = lines[index]
        if line:
            seen += 1
            chrome = furniture.is_button(line) or _navigation(line, furniture, words)
            if chrome or (title and _squash(line) == title):
                pass
            elif furniture.is_credit(line, top=True):
                found.credits.append(line)
            elif furniture.is_caption(line):
                pass  # a photo credit is not a credit for the story
            elif found.dateline is None and _dateline_parts(line, found, words):
                pass
            elif page and found.dateline is None and _header_line(line, lines, index, words):
                found.credits.append(line)  # "Tim detikcom - detikNews" above the dateline
            else:
                return index
        index += 1
    return index


def _header_line(line: str, lines: list[str], index: int, words: DateWords) -> bool:
    """A short non-sentence line with a dateline just below it belongs to the page header."""
    if len(line.split()) > 10 or ends_sentence(line):
        return False
    below = [other for other in lines[index + 1 : index + 8] if other][:3]
    return any(len(o) <= 160 and find_datetime(o, words) is not None for o in below)


def _read_lines(lines: list[str], found: Page, furniture: Furniture) -> None:
    current: list[str] = []
    skipping_links = False
    for line in lines:
        if not line:
            _flush(current, found)
            continue
        if skipping_links and len(line) <= 150 and not ends_sentence(line):
            continue
        skipping_links = False
        if furniture.is_body_line(line):
            current.append(line)
            continue
        rest = furniture.read_more_rest(line)
        if rest:
            current.append(rest)
            continue
        if rest is not None or furniture.read_more_alone.match(line):
            skipping_links = rest is None  # a bare "Baca juga:" heads a list of links
        elif furniture.is_credit(line):
            found.credits.append(line)
        elif furniture.trailer.match(line) and (found.paragraphs or current):
            break
        elif not (
            furniture.read_more.match(line)
            or furniture.is_button(line)
            or furniture.is_caption(line)
        ):
            current.append(line)
            continue
        _flush(current, found)
    _flush(current, found)


def _flush(current: list[str], found: Page) -> None:
    if current:
        found.paragraphs.append("\n".join(current))
        current.clear()


def _clean_tail(found: Page, furniture: Furniture, page: bool) -> None:
    """Drop a page's closing run of tag lines and the editors' initials after the last sentence."""
    paras = found.paragraphs
    while len(paras) > 1 and "\n" not in paras[-1] and furniture.is_tag_line(paras[-1], page):
        paras.pop()
    if paras:
        last, code = strip_editor_code(paras[-1])
        last = last.rstrip()
        found.credits.append(code)
        if last:
            paras[-1] = last
        else:
            paras.pop()


def _is_heading(paras: list[str], index: int) -> bool:
    para = paras[index]
    if index == 0 or index == len(paras) - 1 or "\n" in para or len(para) > 90:
        return False
    if not (para[0].isupper() or para[0].isdigit()) or _HEADING_END.search(para):
        return False
    if not 1 <= len(para.split()) <= 12 or not ends_sentence(paras[index - 1]):
        return False
    after = paras[index + 1]
    return len(after) >= 80 or ends_sentence(after)


def assemble(paragraphs: list[str]) -> tuple[str, tuple[Heading, ...]]:
    """The body text (paragraphs separated by a blank line) and its headings with offsets."""
    headings: list[Heading] = []
    offset = 0
    for index, para in enumerate(paragraphs):
        if _is_heading(paragraphs, index):
            headings.append(Heading(para, offset, offset + len(para)))
        offset += len(para) + 2
    return "\n\n".join(paragraphs), tuple(headings)
