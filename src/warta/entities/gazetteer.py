"""Knowledge-base names matched in one pass over the text with an Aho-Corasick automaton."""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from warta.entities.kb import KnowledgeBase

__all__ = ["Gazetteer", "GazetteerMatch", "build_gazetteer"]


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int
    end: int
    entry: int  # index into KnowledgeBase.entries
    weak: bool  # a bare surname: needs the article's backing


class Gazetteer:
    """Case-sensitive whole-word matching of every KB name; longest match wins."""

    def __init__(self, automaton: ahocorasick.Automaton) -> None:
        self.automaton = automaton

    def find(self, text: str, clitics: tuple[str, ...] = ()) -> list[GazetteerMatch]:
        """Non-overlapping matches, leftmost-longest, on word boundaries (a clitic such as
        Indonesian "-lah" may follow a name: "Arab Saudilah")."""
        if not text or len(self.automaton) == 0:
            return []
        found: list[tuple[int, int, int, bool]] = []
        size = len(text)
        for last, (length, entry, weak) in self.automaton.iter(text):
            start, end = last - length + 1, last + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_@"):
                continue
            # "US$": a currency sign glued to a name makes it no name
            glued = end < size and (text[end].isalnum() or text[end] in "_@$")
            if glued and not _clitic_follows(text, end, clitics):
                continue
            if end < size - 1 and text[end] == "-" and text[end + 1].isalnum():
                continue  # "AS-Tiongkok" is fine, "Jawa-nya" is not a new word
            found.append((start, -end, entry, weak))
        found.sort()
        out: list[GazetteerMatch] = []
        reach = -1
        for start, neg_end, entry, weak in found:
            if start >= reach:
                out.append(GazetteerMatch(start, -neg_end, entry, weak))
                reach = -neg_end
        return out


def _clitic_follows(text: str, end: int, clitics: tuple[str, ...]) -> bool:
    for clitic in clitics:
        stop = end + len(clitic)
        if text.startswith(clitic, end) and (stop >= len(text) or not text[stop].isalnum()):
            return True
    return False


def _priority(kb: KnowledgeBase, index: int, weak: bool) -> int:
    """Which entry a shared name goes to: full names over surnames, places over capitals."""
    entry = kb.entries[index]
    rank = (0 if weak or entry.minor else 4) + (0 if entry.capital_of else 2)
    return rank + (1 if entry.type != "LOC" else 0)


def build_gazetteer(kb: KnowledgeBase) -> Gazetteer:
    """An automaton over every name (and surname) in ``kb``."""
    best: dict[str, tuple[int, int, bool]] = {}
    for index, entry in enumerate(kb.entries):
        forms = [(n, False) for n in entry.names] + [(w, True) for w in entry.weak]
        for name, weak in forms:
            if len(name) < 2:
                continue
            rank = _priority(kb, index, weak)
            if name not in best or rank > best[name][0]:
                best[name] = (rank, index, weak)
    automaton = ahocorasick.Automaton()
    for name, (_, index, weak) in best.items():
        automaton.add_word(name, (len(name), index, weak))
    automaton.make_automaton()
    return Gazetteer(automaton)
