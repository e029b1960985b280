"""Quotation marks paired into spans: straight, typographic, low-9 and guillemets.

Pairing works paragraph by paragraph, because a quotation never crosses a paragraph break
without reopening: a quotation that runs on carries its opening mark into the next paragraph
and leaves the previous one open. Unbalanced marks never raise; an opening mark left open
runs to the end of its paragraph (best effort), a stray closing mark is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.text import Sentence, paragraph_spans

__all__ = ["MarkedSpan", "marked_spans", "trim_content"]

# Double marks always count; single marks only where they cannot be an apostrophe:
# an opener after a non-word character and before a word, a closer after a word or
# punctuation and before a non-word character.
_MARK = re.compile(r"[\"“”„«»‘’']")
_OPENERS = "„«"
_CLOSERS = "»"
_SINGLE_SET = frozenset("‘’'")
_OPENING_CHARS = frozenset("\"“„«‘'")
_TRAILING = " \t\n,;:."
_LEADING = " \t\n"


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """The text between a pair of quotation marks (marks excluded).

    ``open_at`` is the opening mark's offset and ``close_at`` the closing mark's (None when the
    quotation was left open). Spans of one quotation running over several paragraphs share
    ``chain``.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    chain: int


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without outer space and trailing , ; : or full stops."""
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _is_closing(text: str, pos: int, opener: str) -> bool:
    """Whether the mark at ``pos`` closes the open quotation that began with ``opener``."""
    ch = text[pos]
    if ch in _CLOSERS or ch == "”" or ch == '"':
        return True
    if ch == "“":
        # „...“ is the German pairing; a “ glued to the word before it is a mistyped ”.
        after = text[pos + 1 : pos + 2]
        return opener == "„" or (not text[pos - 1].isspace() and (not after or not after.isalnum()))
    return False


def _is_opening(text: str, pos: int, end: int) -> bool:
    """Whether a mark with no quotation open starts one (a lone ” before a word may)."""
    ch = text[pos]
    if ch in "”»":
        after = text[pos + 1 : pos + 2] if pos + 1 < end else ""
        # `Poso.”Kita` / `kepada TyC Sport”Saya`: glued to a capital, the mark opens
        before = text[pos - 1] if pos else " "
        return after.isalnum() and (before.isspace() or before in ".!?" or after.isupper())
    return True


class _Pairer:
    """Walks one paragraph's marks, keeping at most one quotation open."""

    def __init__(self, text: str, chain: int) -> None:
        self.text = text
        self.chain = chain
        self.open_at: int | None = None
        self.spans: list[MarkedSpan] = []

    def emit(self, end: int, close_at: int | None) -> None:
        assert self.open_at is not None
        self.spans.append(MarkedSpan(self.open_at + 1, end, self.open_at, close_at, self.chain))
        self.open_at = None

    def feed(self, pos: int, para_end: int) -> None:
        text, ch = self.text, self.text[pos]
        opener = text[self.open_at] if self.open_at is not None else ""
        if opener in _SINGLE_SET and ch not in _SINGLE_SET:
            self.open_at, opener = None, ""  # the single "opener" was an apostrophe after all
        if ch in _SINGLE_SET:
            self._feed_single(pos, ch, opener)
        elif self.open_at is not None and _is_closing(text, pos, opener):
            self.emit(pos, pos)
        elif self.open_at is not None:
            self.emit(pos, None)  # a second opener: the first quotation was never closed
            self.open_at = pos
        elif ch not in _CLOSERS and _is_opening(text, pos, para_end):
            self.open_at = pos

    def _feed_single(self, pos: int, ch: str, opener: str) -> None:
        if opener and opener not in _SINGLE_SET:
            return  # a single mark inside a double quotation is nested, not ours
        if self.open_at is None:
            after = self.text[pos + 1 : pos + 2]
            if ch != "’" and after.isalnum():
                self.open_at = pos
        elif pos > self.open_at + 1:
            self.emit(pos, pos)


def _is_mark(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` can be a quotation mark (not an apostrophe)."""
    ch = text[pos]
    if ch not in _SINGLE_SET:
        return True
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if ch != "’" and not (before.isalnum() or before == "_") and (after.isalnum() or after == "_"):
        return True  # an opener before a word
    return (
        ch != "‘"
        and (before.isalnum() or before in "_.,!?")
        and not (after.isalnum() or after == "_")
    )


def marked_spans(text: str, paragraphs: list[Sentence] | None = None) -> list[MarkedSpan]:
    """Every quoted span of ``text`` in order, with quotations over paragraphs chained.

    ``paragraphs`` are ``paragraph_spans(text)`` when the caller has them already.
    """
    marks = [m.start() for m in _MARK.finditer(text) if _is_mark(text, m.start())]
    spans: list[MarkedSpan] = []
    chain = 0
    runs_on = False
    i = 0
    for para in paragraph_spans(text) if paragraphs is None else paragraphs:
        if not (runs_on and text[para.start] in _OPENING_CHARS):
            chain += 1
        runs_on = False
        if i >= len(marks) or marks[i] >= para.end:
            continue  # no mark in this paragraph
        pairer = _Pairer(text, chain)
        while i < len(marks) and marks[i] < para.end:
            pairer.feed(marks[i], para.end)
            i += 1
        if pairer.open_at is not None:
            if text[pairer.open_at] in _SINGLE_SET:
                pairer.open_at = None  # an unclosed single mark was an apostrophe
            else:
                pairer.emit(para.end, None)
                runs_on = True
        spans.extend(pairer.spans)
    return spans
