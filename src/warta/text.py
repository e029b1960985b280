"""Shared text primitives: regex tokens and sentence spans, as character offsets.

A plain compiled regex tokenises about a hundred times faster than spaCy's rule tokenizer,
which is what lets the whole pipeline run at hundreds of articles per second per core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "Token", "paragraph_spans", "sentences", "tokens"]

# Words keep inner hyphens and apostrophes (Suk-yeol, O'Brien, negara-negara) and dotted
# abbreviations; numbers keep their separators (1.000, 3,5, 30/1); anything else is one char.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: A.S., U.S.
    r"|\d+(?:[.,/:]\d+)*"
    r"|\w+(?:[-'’]\w+)*"
    r"|\S",
)

# Inside a paragraph, a sentence ends at . ! ? (optionally followed by closing quotes or
# brackets) before white space and an upper-case letter, digit or opening quote. (Matched from
# the punctuation itself: a leading character class lets the regex engine skip ahead, where a
# look-behind would be tried at every offset.)
_SENTENCE_END = re.compile(
    r"[.!?](?P<gap>[\"'”’)\]]*\s+)(?=[\"“‘'(\[]{0,2}[A-Z0-9À-Ý]|[\"“‘'][\[(])"
)

_ELISION = re.compile(r"[\[(](?:\.\s?){2}\.$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Abbreviations after which a full stop does not end a sentence.
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:[A-Z]|Dr|Drs|Ir|Prof|H|Hj|St|Jl|No|Mr|Mrs|Ms|Jr|Sr|Gen|Lt|Col|Sgt|Rep|Sen|Gov"
    r"|Pres|Kol|Brigjen|Kombes|AKBP|AKP|Ipda|Bripka|dkk|dll|dsb|tsb|yth|vs|etc|No|Inc|Co|Ltd"
    r"|Mt|a\.n|u\.p|S\.H|M\.H|S\.E|M\.Si|S\.Pd)\.)$"
)


# Not frozen: a frozen dataclass pays object.__setattr__ per field, and tokens are the
# most-built object in the pipeline (measured 0.35 -> 0.23 ms per IndoSum article).
@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def paragraph_spans(text: str) -> list[Sentence]:
    """Non-empty paragraphs (blocks separated by a blank line), stripped of outer space."""
    spans: list[Sentence] = []
    begin = 0
    # Breaks are few: walking them is much cheaper than matching every paragraph's lines.
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = len(text) if m is None else m.start()
        chunk = text[begin:end]
        stripped = chunk.strip()
        if stripped:
            lead = begin + len(chunk) - len(chunk.lstrip())
            spans.append(Sentence(lead, lead + len(stripped)))
        if m is not None:
            begin = m.end()
    return spans


def sentences(text: str, paragraphs: list[Sentence] | None = None) -> list[Sentence]:
    """Sentence spans of ``text``; quotation marks stay with the sentence they close.

    ``paragraphs`` are ``paragraph_spans(text)`` when the caller has them already.
    """
    spans: list[Sentence] = []
    for para in paragraph_spans(text) if paragraphs is None else paragraphs:
        begin = para.start
        for m in _SENTENCE_END.finditer(text, para.start, para.end):
            dot = m.start() + 1  # just after the sentence's final punctuation
            if _NO_BREAK_BEFORE.search(text, max(begin, dot - 12), dot):
                continue
            if _ELISION.search(text, max(begin, dot - 8), dot):
                continue  # "[...] Rather": an editor's elision, not a sentence end
            end = dot
            # keep closing quotes/brackets with the sentence they close
            while end < para.end and text[end] in "\"'”’)]":
                end += 1
            if end > begin:
                spans.append(Sentence(begin, end))
            begin = m.end("gap")
        if para.end > begin:
            spans.append(Sentence(begin, para.end))
    return spans
