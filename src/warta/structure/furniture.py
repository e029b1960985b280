"""Page furniture: the compiled patterns that tell a page's chrome from its article.

Every pattern is built once from the languages' ``structure.yaml`` word lists (all languages
together, since furniture is recognised before the body's language is known).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Furniture",
    "ends_sentence",
    "is_editor_line",
    "is_embed",
    "strip_editor_code",
    "strip_prefix",
]

_SEP = r"\s*[-–—]{1,2}(?:\s*[-–—]{1,2})?\s+"
_PLACE_CAPS = r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4}"
_PLACE_TITLE = r"[A-Z][a-zé'’.-]+(?:\s+[A-Z][a-z'’.-]+){0,2}"
_COMMA_OUTLET = r",\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
_PAREN = r"\s*\([^()\n]{2,30}\)"
_DOMAIN = r"[A-Za-z][\w-]*\.[A-Za-z]{2,10}(?:\.[A-Za-z]{2})?"

_COMMA_DATE = r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"  # "JAKARTA, Feb 21 (Reuters) - "

# "JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "Jakarta, CNN Indonesia -- ",
# "Merdeka.com - ", "Jakarta - ", "KONTAN.CO.ID - JAKARTA. ": the dateline that opens an
# article body.
_PREFIX = re.compile(
    rf"^(?:{_DOMAIN}\s*[-–—]{{1,2}}\s*{_PLACE_CAPS}\.\s+"
    rf"|(?:{_PLACE_CAPS}(?:{_COMMA_OUTLET})*(?:{_COMMA_DATE})?(?:{_PAREN})?"
    rf"|{_PLACE_TITLE}(?:{_COMMA_OUTLET})*(?:{_PAREN}|{_COMMA_OUTLET})"
    rf"|{_DOMAIN}(?:{_COMMA_OUTLET})?"
    rf"|[A-Z][a-z]+){_SEP})"
)
# "Jakarta. Indonesia will ..." and "JAKARTA: Indonesia's ...": a place and a full stop or a
# colon, trusted only at the top of a crawled page (a container body may open "Prof. Budi"
# or "PENGANTAR: "; five letters at least rule out such titles).
_PREFIX_STOP = re.compile(
    r"^(?:[A-Z][a-z]{4,}(?:\s+[A-Z][a-z]+)?\.|[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2}:)\s+(?=[A-Z\"“])"
)
# Editors' initials closing a body: "(ard/ard)", "[sau]", "(Uu. H - RF/I015)", "(UEFA/dub)",
# "(Z-2)", "(Ant/X-8)".
_CODE = (
    r"[a-z]{2,5}(?:/[a-z]{2,5}){0,3}|[A-Z][\w ]{1,20}/[a-z]{2,5}"
    r"|[\w. /-]{0,20}?[A-Z]{1,2}\d{3}(?:/\w+)?|(?:[A-Za-z]{2,6}/)?[A-Z]{1,2}-\d{1,3}"
)
_EDITOR_CODE = re.compile(rf"\s*[(\[](?:{_CODE})[)\]]\s*$")
# The same initials on a line of their own, or an agency's desk code ("str-dhw/tym").
_EDITOR_LINE = re.compile(
    rf"^(?:[(\[](?:{_CODE}|[A-Z][a-z]{{1,4}})[)\]]|[a-z]{{2,5}}(?:-[a-z]{{2,5}})*/[a-z]{{2,5}})$"
)
# An embedded widget's placeholder left in page text: "[Gambas:Video 20detik]".
_EMBED = re.compile(r"^\[[A-Za-z]+:[^\]\n]{0,80}\]$")
# Photo credits closing a caption line at the top of a page: "(KOMPAS.com/NAMA)",
# "TEMPO/Imam Sukamto", "ANTARA FOTO/Nama", "©2024 Merdeka.com/Nama", "Foto: Nama/kumparan".
_TOP_CAPTION = re.compile(
    r"(?:[(\[][^()\[\]\n/]{0,39}[A-Za-z][^()\[\]\n/]{0,39}/\s*[A-Z][^()\[\]\n]{0,40}[)\]]\.?"
    r"|(?:^|[\s.,])(?:©\s*\d{4}\s*)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}|[a-z][\w-]*\.[a-z.]+)"
    r"/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\.?"
    r"|(?i:\b(?:foto|photo|image|gambar)\s*:\s*)[^:\n]{1,60})\s*$"
)
_TOP_CAPTION_MAX = 300
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
    if not unique:
        return "(?!)"  # no words: a pattern that matches nothing, not everything
    # "Baca juga" also appears as "Baca_Juga" where a dataset joined a link's words.
    escaped = (
        re.escape(w).replace(r"\ ", r"[\s_]+") for w in sorted(unique, key=len, reverse=True)
    )
    return "|".join(escaped)


# The line-start patterns that the fast path's one alternation (``any_start``) joins.
_START_PATTERNS = (
    "read_more",
    "read_more_alone",
    "read_more_loose",
    "trailer",
    "trailer_start",
    "credit",
    "credit_phrase",
    "caption",
)
# The word lists those patterns start with (the byline's "by"/"oleh" are credit words).
_START_WORDS = ("read_more", "trailers", "credits", "credit_phrases", "captions")
_WORD_KEYS = (
    "buttons",
    "read_more",
    "trailers",
    "trailer_starts",
    "credits",
    "credit_phrases",
    "credit_ends",
    "captions",
    "updated_labels",
)


def _trie(words: Iterable[str]) -> str:
    """One regex for many words, branching letter by letter: far cheaper to try than a flat
    alternation, which re tries word after word."""
    root: dict[str, Any] = {}
    for word in {w.strip().lower() for w in words if w and w.strip()}:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root) or "(?!)"


def _emit(node: dict[str, Any]) -> str:
    parts = [
        (r"[\s_]+" if char == " " else re.escape(char)) + _emit(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True, slots=True)
class Furniture:
    """Compiled line patterns for buttons, links, captions, credits and trailers."""

    button: re.Pattern[str]
    read_more: re.Pattern[str]
    read_more_alone: re.Pattern[str]
    read_more_loose: re.Pattern[str]
    trailer: re.Pattern[str]
    trailer_start: re.Pattern[str]
    credit: re.Pattern[str]
    credit_loose: re.Pattern[str]
    credit_label: re.Pattern[str]
    credit_phrase: re.Pattern[str]
    credit_end: re.Pattern[str]
    credit_end_words: tuple[str, ...]  # the last words of credit_end, checked first
    caption: re.Pattern[str]
    caption_dash: re.Pattern[str]
    updated_label: re.Pattern[str]
    # Every line-start pattern above (and the byline and punctuation ones) in one alternation:
    # most lines are body text, and one failed match rules them all out at once.
    any_start: re.Pattern[str]
    # The words those patterns start with, as one trie: a line that starts with none of them
    # (nearly every body line) needs no try of ``any_start`` at all.
    start_words: re.Pattern[str]

    @classmethod
    def build(cls, tables: Iterable[dict[str, Any]]) -> Furniture:
        words: dict[str, list[str]] = {key: [] for key in _WORD_KEYS}
        for table in tables:
            for key in _WORD_KEYS:
                words.setdefault(key, []).extend(str(w) for w in table.get(key) or ())
        button = _alts(words["buttons"])
        more = _alts(words["read_more"])
        # Without a colon only a multi-word marker is safe: "Watch the video" is a sentence.
        multi = _alts(w for w in words["read_more"] if " " in w.strip())
        credits = _alts(words["credits"])
        name = r"(?-i:[A-Z])[\w.'’-]*(?:[\s,]+(?-i:[A-Z])[\w.'’-]*){0,4}"
        flags = re.IGNORECASE
        ends = tuple({w.split()[-1].lower() for w in words["credit_ends"] if w.split()})
        # Each start pattern but the trailer starts goes on with a non-letter after its word.
        bounded = [w for k in _START_WORDS for w in words[k]]
        start_words = re.compile(
            rf"(?:{_trie(bounded)})(?![^\W\d_])|(?:{_trie(words['trailer_starts'])})|[\W_]+$",
            flags,
        )
        return cls._with_any_start(
            ends,
            start_words,
            button=re.compile(
                rf"^(?:(?:(?:{button})\d*|\d[\d.,]*[kKrRbB]?)(?:\s*[|·•,/:]\s*|\s+|$))+$", flags
            ),
            read_more=re.compile(rf"^(?:{more})\s*(?:[:\-–—»>]|\.{{3}})", flags),
            read_more_alone=re.compile(rf"^(?:{more})\s*:?\s*$", flags),
            read_more_loose=re.compile(rf"^(?:{multi})\s+(?=\S)", flags),
            trailer=re.compile(rf"^(?:{_alts(words['trailers'])})\s*(?::.*)?$", flags),
            trailer_start=re.compile(rf"^(?:{_alts(words['trailer_starts'])})", flags),
            credit=re.compile(rf"^(?:{credits})\s*:\s*\S.{{0,100}}$", flags),
            # In a page header "Penulis Ahmad Santoso | Editor Budi" needs no colon.
            credit_loose=re.compile(
                rf"^(?:{credits})\s+{name}(?:\s*\|\s*(?:{credits})\s+{name})*$", flags
            ),
            # A label on a line of its own, the name on the next: "Reporter" / "Ahmad Santoso".
            credit_label=re.compile(rf"^(?:{credits})\s*:?$", flags),
            credit_phrase=re.compile(
                rf"^(?:{_alts(words['credit_phrases'])})\s+(?-i:[A-Z]).{{0,200}}$", flags
            ),
            credit_end=re.compile(rf"\b(?:{_alts(words['credit_ends'])})\.?\s*$", flags),
            caption=re.compile(rf"^(?:{_alts(words['captions'])})\s*[:|/,]", flags),
            # "Ilustrasi - Gempa bumi.": only above the body, where "Gambar - gambar di media
            # sosial" (a reduplication spelt with spaces) does not stand.
            caption_dash=re.compile(rf"^(?:{_alts(words['captions'])})\s+[-–—]\s", flags),
            updated_label=re.compile(rf"^(?:{_alts(words['updated_labels'])})\s*:?$", flags),
        )

    @classmethod
    def _with_any_start(
        cls,
        credit_end_words: tuple[str, ...],
        start_words: re.Pattern[str],
        **patterns: re.Pattern[str],
    ) -> Furniture:
        union = [f"(?i:{patterns[name].pattern})" for name in _START_PATTERNS]
        union += [f"(?:{_BYLINE.pattern})", f"(?:{_PUNCTUATION.pattern})"]
        return cls(
            **patterns,
            credit_end_words=credit_end_words,
            any_start=re.compile("|".join(union)),
            start_words=start_words,
        )

    def is_body_line(self, line: str) -> bool:
        """True when no furniture test (button, read-more, trailer, credit, caption) can
        take ``line``: a fast path for the many plain paragraphs of a body."""
        if len(line) <= 80 or _closing_credit(line):
            return False
        return not (self.start_words.match(line) and self.any_start.match(line))

    def is_credit_end(self, line: str) -> bool:
        """ "Jane Doe in Bangkok contributed to this report." closing a wire story."""
        if len(line) > 250 or not line[-40:].rstrip(" .").lower().endswith(self.credit_end_words):
            return False
        return self.credit_end.search(line, max(0, len(line) - 60)) is not None

    def is_trailer_start(self, line: str) -> bool:
        """A closing notice that starts the page's trailer ("Artikel ini telah tayang di")."""
        return len(line) <= 600 and self.trailer_start.match(line) is not None

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
        if len(line) <= 250 and (self.credit_phrase.match(line) or self.is_credit_end(line)):
            return True
        return top and bool(self.credit_loose.match(line))

    def is_photo_credit(self, line: str) -> bool:
        """A photo credit on a line of its own ("TRIBUNJATENG/NAMA"): its caption follows."""
        m = _TOP_CAPTION.search(line) if len(line) <= 60 else None
        return m is not None and not line[: m.start()].strip(" ©.,")

    def is_top_caption(self, line: str) -> bool:
        """A photo caption above a page's first paragraph: a short line closed by a credit.

        Only the top of a crawled page has these; the check is not made inside the body.
        """
        return len(line) <= _TOP_CAPTION_MAX and (
            self.is_caption(line)
            or self.caption_dash.match(line) is not None
            or _TOP_CAPTION.search(line) is not None
        )

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


def strip_prefix(paragraph: str, page: bool = False) -> tuple[str, str]:
    """``(dateline, rest)`` of a body's first paragraph; the dateline is "" when there is none.

    The dateline may stand alone as the whole paragraph ("Suara.com -"); rest is then "".
    A crawled ``page`` may also open with a place and a full stop ("Jakarta. ").
    """
    m = _PREFIX.match(paragraph + " ")
    if m is None and page:
        m = _PREFIX_STOP.match(paragraph)
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


def is_editor_line(line: str) -> bool:
    """Editors' initials or a desk code alone on a line: the article has ended."""
    return len(line) <= 40 and _EDITOR_LINE.match(line) is not None


def is_embed(line: str) -> bool:
    """A placeholder for an embedded widget: "[Gambas:Video 20detik]"."""
    return line.startswith("[") and _EMBED.match(line) is not None


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))
