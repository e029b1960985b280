"""Page furniture: the compiled patterns that tell a page's chrome from its article.

Every pattern is built once from the languages' ``structure.yaml`` word lists (all languages
together, since furniture is recognised before the body's language is known).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Furniture", "ends_sentence", "strip_editor_code", "strip_prefix"]

_SEP = r"\s*[-–—]{1,2}(?:\s*[-–—]{1,2})?\s+"
_PLACE_CAPS = r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4}"
_PLACE_TITLE = r"[A-Z][a-zé'’.-]+(?:\s+[A-Z][a-z'’.-]+){0,2}"
_COMMA_OUTLET = r",\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
_PAREN = r"\s*\([^()\n]{2,30}\)"
_DOMAIN = r"[A-Za-z][\w-]*\.[A-Za-z]{2,10}(?:\.[a-z]{2})?"

# "JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "Jakarta, CNN Indonesia -- ",
# "Merdeka.com - ", "Jakarta - ": the dateline that opens an article body.
_PREFIX = re.compile(
    rf"^(?:{_PLACE_CAPS}(?:{_COMMA_OUTLET})*(?:{_PAREN})?"
    rf"|{_PLACE_TITLE}(?:{_COMMA_OUTLET})*(?:{_PAREN}|{_COMMA_OUTLET})"
    rf"|{_DOMAIN}"
    rf"|[A-Z][a-z]+){_SEP}"
)
# Editors' initials closing a body: "(ard/ard)", "[sau]", "(Uu. H - RF/I015)", "(UEFA/dub)".
_EDITOR_CODE = re.compile(
    r"\s*[(\[](?:[a-z]{2,5}(?:/[a-z]{2,5}){0,3}|[A-Z][\w ]{1,20}/[a-z]{2,5}"
    r"|[\w. /-]{0,20}?[A-Z]{1,2}\d{3}(?:/\w+)?)[)\]]\s*$"
)
# A line closed by a photo credit: "... (Foto: Reuters)", "... (ANTARA/Akbar Nugroho)".
_PHOTO_CREDIT = re.compile(
    r"[(\[][^()\[\]\n]*(?i:foto|photo|dok\.|dokumentasi|image|getty|shutterstock)"
    r"[^()\[\]\n]*[)\]]\s*$"
)
_AGENCY_PHOTO = re.compile(r"[(\[][A-Z][A-Z ]+/[A-Z][^()\[\]\n]+[)\]]\s*$")
_CAPTION_MAX = 250
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_BYLINE = re.compile(rf"^(?i:by|oleh)\s+{_NAME}(?:(?:\s*,\s*|\s+(?i:and|dan)\s+){_NAME}){{0,3}}$")
_PUNCTUATION = re.compile(r"^[\W_]+$")
_MARKUP = re.compile(r"^\[(\w+)\].*\[/\1\]$")  # "[video]http://...[/video]"
_TRAIL_CHARS = "|»›>/"
_TRAIL = re.compile(rf"\s*[{_TRAIL_CHARS}]\s*")
_HASHTAGS = re.compile(r"^(?:#\w+[\s,]*)+$")
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")


def _alts(words: Iterable[str]) -> str:
    unique = {w.strip().lower() for w in words if w and w.strip()}
    # "Baca juga" also appears as "Baca_Juga" where a dataset joined a link's words.
    escaped = (
        re.escape(w).replace(r"\ ", r"[\s_]+") for w in sorted(unique, key=len, reverse=True)
    )
    return "|".join(escaped)


@dataclass(frozen=True, slots=True)
class Furniture:
    """Compiled line patterns for buttons, links, captions, credits and trailers."""

    button: re.Pattern[str]
    read_more: re.Pattern[str]
    read_more_alone: re.Pattern[str]
    read_more_loose: re.Pattern[str]
    trailer: re.Pattern[str]
    credit: re.Pattern[str]
    credit_loose: re.Pattern[str]
    caption: re.Pattern[str]
    # Every line-start pattern above (and the byline and punctuation ones) in one alternation:
    # most lines are body text, and one failed match rules them all out at once.
    any_start: re.Pattern[str]

    @classmethod
    def build(cls, tables: Iterable[dict[str, Any]]) -> Furniture:
        words: dict[str, list[str]] = {}
        for table in tables:
            for key in ("buttons", "read_more", "trailers", "credits", "captions"):
                words.setdefault(key, []).extend(str(w) for w in table.get(key) or ())
        button = _alts(words["buttons"])
        more = _alts(words["read_more"])
        # Without a colon only a multi-word marker is safe: "Watch the video" is a sentence.
        multi = _alts(w for w in words["read_more"] if " " in w.strip())
        flags = re.IGNORECASE
        return cls._with_any_start(
            button=re.compile(
                rf"^(?:(?:{button}|\d[\d.,]*[kKrRbB]?)(?:\s*[|·•,/:]\s*|\s+|$))+$", flags
            ),
            read_more=re.compile(rf"^(?:{more})\s*(?:[:\-–—»>]|\.{{3}})", flags),
            read_more_alone=re.compile(rf"^(?:{more})\s*:?\s*$", flags),
            read_more_loose=re.compile(rf"^(?:{multi})\s+(?=\S)", flags),
            trailer=re.compile(rf"^(?:{_alts(words['trailers'])})\s*(?::.*)?$", flags),
            credit=re.compile(rf"^(?:{_alts(words['credits'])})\s*:\s*\S.{{0,100}}$", flags),
            # In a page header "Penulis Ahmad Santoso" needs no colon.
            credit_loose=re.compile(
                rf"^(?:{_alts(words['credits'])})\s+[A-Z][\w.'’-]*(?:[\s,]+[A-Z][\w.'’-]*){{0,4}}$",
                flags,
            ),
            caption=re.compile(rf"^(?:{_alts(words['captions'])})\s*[:|/]", flags),
        )

    @classmethod
    def _with_any_start(cls, **patterns: re.Pattern[str]) -> Furniture:
        names = ("read_more", "read_more_alone", "read_more_loose", "trailer", "credit", "caption")
        union = [f"(?i:{patterns[name].pattern})" for name in names]
        union += [f"(?:{_BYLINE.pattern})", f"(?:{_PUNCTUATION.pattern})"]
        return cls(**patterns, any_start=re.compile("|".join(union)))

    def is_body_line(self, line: str) -> bool:
        """True when no furniture test (button, read-more, trailer, credit, caption) can
        take ``line``: a fast path for the many plain paragraphs of a body."""
        return len(line) > 80 and not self.any_start.match(line) and not _closing_credit(line)

    def read_more_rest(self, line: str) -> str | None:
        """For "Baca juga X": "" when X is a link title, X when it is a sentence, else None."""
        m = self.read_more_loose.match(line)
        if m is None:
            return None
        rest = line[m.end() :]
        return rest if len(rest.split()) >= 12 and ends_sentence(rest) else ""

    def is_caption(self, line: str) -> bool:
        if self.caption.match(line):
            return True
        # A long paragraph closed by "(ANTARA/les)" is an article crediting its sources.
        return len(line) <= _CAPTION_MAX and _closing_credit(line)

    def is_credit(self, line: str, top: bool = False) -> bool:
        """A credit line ("Editor: X", "By X, Reuters"); ``top`` also takes colon-less ones."""
        if self.credit.match(line) or _BYLINE.match(line) or _PUNCTUATION.match(line):
            return True
        return top and bool(self.credit_loose.match(line))

    def is_button(self, line: str) -> bool:
        return len(line) <= 80 and bool(self.button.match(line))

    def is_breadcrumb(self, line: str) -> bool:
        """A navigation trail such as ``Beranda | Nasional | Politik`` or ``Home > World``."""
        # Each separator holds one of these characters, so fewer than two of them mean fewer
        # than three parts: counting is much cheaper than splitting a long paragraph.
        if sum(map(line.count, _TRAIL_CHARS)) < 2:
            return False
        parts = _TRAIL.split(line)
        return len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts)

    def is_tag_line(self, line: str, page: bool) -> bool:
        """A tag or keyword line at the end of a page: a few words, no sentence.

        Only a crawled page (``page``) has such trailers; an article body from a container
        may well end in a short list that belongs to the article.
        """
        if _HASHTAGS.match(line) or _MARKUP.match(line):
            return True
        return page and len(line.split()) <= 4 and not _SENTENCE_END.search(line)


def _closing_credit(line: str) -> bool:
    """A photo or agency credit in brackets closes ``line``."""
    # Both patterns end in a closing bracket before trailing space: checking that first skips
    # two regex searches for almost every line.
    if not line.rstrip().endswith((")", "]")):
        return False
    return bool(_PHOTO_CREDIT.search(line) or _AGENCY_PHOTO.search(line))


def strip_prefix(paragraph: str) -> tuple[str, str]:
    """``(dateline, rest)`` of a body's first paragraph; the dateline is "" when there is none.

    The dateline may stand alone as the whole paragraph ("Suara.com -"); rest is then "".
    """
    m = _PREFIX.match(paragraph + " ")
    if m is None or m.end() > 80:
        return "", paragraph
    return m.group().strip(), paragraph[m.end() :]


def strip_editor_code(paragraph: str) -> tuple[str, str]:
    """``(paragraph, code)``: the editors' initials that close some outlets' articles apart."""
    # The code closes the paragraph in a bracket; most paragraphs end otherwise, and the
    # search (which may start at any space) is then skipped.
    if not paragraph.rstrip().endswith((")", "]")):
        return paragraph, ""
    m = _EDITOR_CODE.search(paragraph)
    return (paragraph[: m.start()], m.group().strip()) if m else (paragraph, "")


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))
