"""Wire credits: the news agencies an article names as its source, in canonical form.

An agency's name counts only where the text credits it: after a cue ("dilansir dari",
"seperti diberitakan", "according to"), before a reporting verb ("AP melaporkan"), alone in
parentheses ("(AFP)", "(Reuters/Antara)"), or in a dateline ("JAKARTA (Reuters) -"). A bare
mention ("wartawan AP ditahan") is about the agency, not a credit. Names are found with one
Aho-Corasick pass; the context is checked only around the few hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

__all__ = ["WireTable", "find_wires"]

_CONTEXT = 48


@dataclass(frozen=True, slots=True)
class WireTable:
    """Agency aliases in an automaton, and the compiled context patterns."""

    names: Any  # ahocorasick.Automaton: alias -> (alias, canonical name)
    cue_before: re.Pattern[str]
    cue_after: re.Pattern[str]

    @classmethod
    def build(
        cls, agencies: dict[str, list[str]], cues: Iterable[str], post_cues: Iterable[str]
    ) -> WireTable:
        automaton = ahocorasick.Automaton()
        for name, aliases in agencies.items():
            for alias in [name, *aliases]:
                for form in (alias, alias.upper()):
                    if form not in automaton:
                        automaton.add_word(form, (form, name))
        automaton.make_automaton()
        cue = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True))
        post = "|".join(re.escape(c) for c in sorted(set(post_cues), key=len, reverse=True))
        return cls(
            automaton,
            re.compile(rf"(?<!\w)(?:{cue})\s+(?:the\s+|kantor\s+berita\s+)?$", re.I),
            re.compile(rf"\s+(?:{post})(?!\w)", re.I),
        )


def _bracketed(text: str, start: int, end: int) -> bool:
    """``(AFP)``, ``(Reuters/Antara)``, ``(ANTARA/Nama Pewarta)``: the name fills a bracket."""
    before = text[max(0, start - 26) : start]
    after = text[end : end + 26]
    open_at = max(before.rfind("("), before.rfind("/"))
    if open_at < 0 or ")" in before[open_at:] or "\n" in before[open_at:]:
        return False
    if before[open_at] == "/" and "(" not in before[:open_at]:
        return False
    close = after.find(")")
    return close >= 0 and "\n" not in after[:close] and (close == 0 or after[0] in "/ ")


def _credits(text: str, table: WireTable, anywhere: bool) -> Iterable[tuple[int, str]]:
    for last, (alias, name) in table.names.iter(text):
        start, end = last - len(alias) + 1, last + 1
        if (start and (text[start - 1].isalnum() or text[start - 1] in "-_")) or (
            end < len(text) and (text[end].isalnum() or text[end] in "-_")
        ):
            continue  # part of a longer word: "APBN", "Antaranya"
        if (
            anywhere
            or _bracketed(text, start, end)
            or table.cue_before.search(text, max(0, start - _CONTEXT), start)
            or table.cue_after.match(text, end)
        ):
            yield start, name


def _own(name: str, outlet: str | None) -> bool:
    """Whether an agency is the outlet itself (Antara's own articles credit no wire)."""
    if not outlet:
        return False
    squashed = re.sub(r"\W+", "", outlet.lower().removeprefix("www."))
    return squashed.startswith(re.sub(r"\W+", "", name.lower()))


def find_wires(
    texts: Iterable[str], table: WireTable, outlet: str | None, datelines: Iterable[str] = ()
) -> tuple[str, ...]:
    """Canonical names of the agencies credited, in order of first credit.

    ``texts`` are searched for credits in context; in ``datelines`` (a body's
    "JAKARTA (Reuters) -" prefix) any agency name is a credit.
    """
    hits: list[tuple[int, int, str]] = []
    for index, text in enumerate(datelines):
        hits.extend((-1, index * 1000 + s, name) for s, name in _credits(text, table, True))
    for index, text in enumerate(texts):
        hits.extend((index, s, name) for s, name in _credits(text, table, False))
    names = (name for _, _, name in sorted(hits) if not _own(name, outlet))
    return tuple(dict.fromkeys(names))
