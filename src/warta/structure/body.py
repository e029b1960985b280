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
from warta.structure.furniture import (
    Furniture,
    ends_sentence,
    is_editor_line,
    is_embed,
    strip_editor_code,
    strip_prefix,
)

__all__ = ["Page", "assemble", "read_page"]

_TOP_LINES = 10
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9][\w-]*(?:\.[a-z0-9-]+)+/?$", re.I)
_PIPES = re.compile(r"\s*[|·•]\s*")
_NOT_WORD = re.compile(r"[\W_]+")
_HEADING_END = re.compile(r"[.,;:!?\"”’…)\]]$")
_NAME_PAREN = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*\([^()\n]{2,40}\)$")
_BRACKETED = re.compile(r"\([^()\n]*\)")
_TAIL_LINES = 30
_STANDFIRST_WORDS = 45
_STANDFIRST_REACH = 5  # a standfirst's dateline may sit below a photo credit and a byline


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
    # Lines set aside that may name the outlet: channel names above the title, and the
    # page's closing lines after its trailer starts (copyright, "Follow Berita X").
    header: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)


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
    _read_lines(lines[start:], found, furniture, page)
    _clean_tail(found, furniture, page)
    if found.paragraphs:
        found.prefix, first = strip_prefix(found.paragraphs[0], page)
        if first.strip():
            found.paragraphs[0] = first.lstrip()
        else:
            found.paragraphs.pop(0)
    return found


def _take_title(lines: list[str], found: Page, furniture: Furniture, words: DateWords) -> int:
    """Take the first line as the title unless it reads as a body sentence.

    Short channel lines above it ("Nasional", "World", "News|Elections") are set aside, the
    first of them as the section.
    """
    channels = 0
    for index, line in enumerate(lines):
        if line and not furniture.is_button(line) and not _navigation(line, furniture, words):
            sentence = line.endswith(".") and not line.endswith("..") and len(line.split()) > 8
            if len(line) > 300 or sentence:
                return index
            if (
                channels < 3
                and _channel_line(line, words)
                and _title_below(lines, index, furniture, words)
            ):
                channels += 1
                found.header.append(line)
                found.section = found.section or _PIPES.split(line)[0].strip() or None
                continue
            found.title = line
            return index + 1
    return 0


def _channel_line(line: str, words: DateWords) -> bool:
    """A channel or section name: a word or two, no sentence, no date."""
    return (
        len(line) <= 40
        and len(_PIPES.sub(" ", line).split()) <= 2
        and not ends_sentence(line)
        and find_datetime(line, words) is None
    )


def _title_below(lines: list[str], index: int, furniture: Furniture, words: DateWords) -> bool:
    """Whether a headline (four words or more, no sentence, no credit) follows the channel
    lines under ``index``."""
    below = [other for other in lines[index + 1 : index + 8] if other][:3]
    for line in below:
        n = len(line.split())
        if n >= 4:
            return (
                len(line) <= 300
                and not (line.endswith(".") and n > 8)
                and not furniture.is_credit(line, top=True)
                and " - " not in line
                and find_datetime(line, words) is None
            )
        if not _channel_line(line, words):
            return False
    return False


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
    # "(Updated: 12 Feb 2024 03:10PM)" after the date is part of the dateline.
    plain = _BRACKETED.sub(" ", rest)
    if len(rest.split()) > 10 or (ends_sentence(plain) and len(plain.split()) > 2):
        return False
    parts = [p.strip(" -–—,") for p in _PIPES.split(rest)]
    for part in parts:
        if not part:
            continue
        if _DOMAIN.match(part):
            found.outlet = found.outlet or part.lower()
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
    after_credit = after_photo = False
    while index < len(lines) and seen < _TOP_LINES:
        line = lines[index]
        if line:
            seen += 1
            if title and _squash(line) == title:
                pass
            elif page and furniture.credit_label.match(line):
                index = _skip_name(lines, index)  # "Reporter" / "Ahmad Santoso"
            elif page and furniture.updated_label.match(line):
                index = _skip_update(lines, index, words)  # "Updated" / "Feb 15, 2024"
            elif after_photo and len(line) <= 300 and not strip_prefix(line)[0]:
                pass  # the caption under a photo credit that stands alone
            elif not _top_line(line, lines, index, found, furniture, words, page, after_credit):
                return index
            after_credit = bool(found.credits) and found.credits[-1] == line
            after_photo = page and not after_photo and furniture.is_photo_credit(line)
        index += 1
    return index


def _skip_name(lines: list[str], index: int) -> int:
    """Index of the name line under a credit label (the label's own when none follows)."""
    below = next((i for i in range(index + 1, min(index + 3, len(lines))) if lines[i]), None)
    if below is not None and len(lines[below].split()) <= 5 and not ends_sentence(lines[below]):
        return below
    return index


def _skip_update(lines: list[str], index: int, words: DateWords) -> int:
    """Index of the date line under an "Updated" label (the label's own when none follows)."""
    below = next((i for i in range(index + 1, min(index + 3, len(lines))) if lines[i]), None)
    if below is not None and _second_date(lines[below], words):
        return below
    return index


def _top_line(
    line: str,
    lines: list[str],
    index: int,
    found: Page,
    furniture: Furniture,
    words: DateWords,
    page: bool,
    after_credit: bool,
) -> bool:
    """Whether a line above the body is page furniture; credits are kept on ``found``."""
    if found.dateline is None and _dateline_parts(line, found, words):
        return True
    if furniture.is_button(line) or _navigation(line, furniture, words):
        return True
    if furniture.is_credit(line, top=True):
        found.credits.append(line)
        return True
    if furniture.is_caption(line):
        return True  # a photo credit is not a credit for the story
    if not page:
        return False
    if furniture.is_top_caption(line) and (
        furniture.caption_dash.match(line) or not strip_prefix(line)[0]
    ):
        return True
    if found.dateline is not None and _second_date(line, words):
        return True  # "Diperbarui 12 Mar 2024, 16:25 WIB"
    if (after_credit and _affiliation(line)) or (
        found.dateline is None and _header_line(line, lines, index, words, found)
    ):
        found.credits.append(line)  # "Tim detikcom - detikNews" above the dateline
        return True
    return False


def _second_date(line: str, words: DateWords) -> bool:
    """A short line that is little more than a date ("Diperbarui 12 Mar 2024, 16:25 WIB")."""
    if len(line) > 80:
        return False
    match = find_datetime(line, words)
    return match is not None and len((line[: match.start] + line[match.end :]).split()) <= 3


def _affiliation(line: str) -> bool:
    """The line under a byline that names the reporter's outlet: "BBC News, Jakarta"."""
    return len(line.split()) <= 5 and not ends_sentence(line) and not strip_prefix(line)[0]


def _header_line(line: str, lines: list[str], index: int, words: DateWords, found: Page) -> bool:
    """A line of the page header: a dateline follows within a few lines.

    A short non-sentence line ("Tim detikcom - detikNews"), a byline naming the outlet in
    brackets ("Dio Suhenda (The Jakarta Post)"), or, just under the title, a standfirst.
    """
    n = len(line.split())
    if (n <= 10 and not ends_sentence(line)) or _NAME_PAREN.match(line):
        return _date_below(lines, index, words, 3)
    if n <= _STANDFIRST_WORDS and not found.credits and _first_after_title(lines, index, found):
        return _date_below(lines, index, words, _STANDFIRST_REACH)
    return False


def _first_after_title(lines: list[str], index: int, found: Page) -> bool:
    """Whether the line just above (blank lines aside) is the title."""
    above = next((other for other in reversed(lines[max(0, index - 3) : index]) if other), "")
    return above == found.title


def _date_below(lines: list[str], index: int, words: DateWords, within: int) -> bool:
    """Whether one of the next ``within`` non-empty lines is a dateline."""
    below = [other for other in lines[index + 1 : index + 8] if other][:within]
    return any(len(o) <= 160 and find_datetime(o, words) is not None for o in below)


def _read_lines(lines: list[str], found: Page, furniture: Furniture, page: bool) -> None:
    current: list[str] = []
    skipping_links = False
    for index, line in enumerate(lines):
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
        elif _ends_article(line, found, furniture, page, bool(current)):
            found.tail = lines[index : index + _TAIL_LINES]
            break
        elif not (
            furniture.read_more.match(line)
            or furniture.is_button(line)
            or furniture.is_caption(line)
            or is_embed(line)
        ):
            current.append(line)
            continue
        _flush(current, found)
    _flush(current, found)


def _ends_article(line: str, found: Page, furniture: Furniture, page: bool, started: bool) -> bool:
    """A trailer's first line, or (on a crawled page) the editors' initials on their own."""
    if not (found.paragraphs or started):
        return False
    if furniture.trailer.match(line) or furniture.is_trailer_start(line):
        return True
    if page and is_editor_line(line):
        found.credits.append(line)
        return True
    return False


def _flush(current: list[str], found: Page) -> None:
    if current:
        found.paragraphs.append("\n".join(current))
        current.clear()


def _clean_tail(found: Page, furniture: Furniture, page: bool) -> None:
    """Drop a page's closing run of tag lines and the editors' initials after the last sentence."""
    paras = found.paragraphs
    while len(paras) > 1 and "\n" not in paras[-1] and furniture.is_tag_line(paras[-1], page):
        paras.pop()
    # "X in Bangkok contributed to this report." closes a wire story: a credit, not text.
    if len(paras) > 1 and "\n" not in paras[-1] and furniture.is_credit_end(paras[-1]):
        found.credits.append(paras.pop())
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
