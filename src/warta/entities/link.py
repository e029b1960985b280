"""Linking: candidates that name the same referent become one group.

Mentions of one knowledge-base entry are one group; so are equal names. Then a shorter name
joins the one longer name it is part of: a surname or first name joins the person's full name,
"Kabupaten Wajo" takes "Wajo", an organisation's leading words or initials join it, and a
bracketed form joins the name before the bracket ("Pakta Pertahanan Atlantik Utara (NATO)").
"""

from __future__ import annotations

import re
import unicodedata

from warta.entities.kb import KnowledgeBase
from warta.entities.lexicon import Lexicon
from warta.entities.recognize import Candidate

__all__ = ["group_candidates", "initials", "top_type"]

_PAREN = re.compile(r"\s*\(\s*$")


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def top_type(votes: dict[str, float]) -> str | None:
    if not votes:
        return None
    if len(votes) == 1:  # the common case: skip the sort
        return next(iter(votes))
    return max(sorted(votes), key=votes.__getitem__)


def initials(words: list[str], lex: Lexicon) -> str:
    """Initials of the content words: "Kementerian Kelautan dan Perikanan" -> "KKP"."""
    skip = lex.connectors
    return "".join(w[0] for w in words if w not in skip and w[0].isupper())


def _kind(cand: Candidate, kb: KnowledgeBase) -> str | None:
    if cand.kb >= 0 and not cand.weak:
        return kb.entries[cand.kb].type
    return top_type(cand.votes)


def _fold(name: str) -> str:
    """``name`` without diacritics: "Márquez" and "Marquez" are one name."""
    if name.isascii():
        return name
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )


def _same_key(cands: list[Candidate], union: _Union, lex: Lexicon) -> None:
    """Same KB entry, or the same name outside the KB (abbreviated heads spelled out, with or
    without diacritics)."""
    seen: dict[tuple[str, object], int] = {}
    for i, c in enumerate(cands):
        key: tuple[str, object] = (
            ("kb", c.kb) if c.kb >= 0 else ("name", _fold(lex.expand(c.text)).casefold())
        )
        if key in seen:
            union.join(seen[key], i)
        else:
            seen[key] = i


def _parentheses(
    cands: list[Candidate], text: str, union: _Union, kb: KnowledgeBase, lex: Lexicon
) -> None:
    """``Long Name (ACR)``, ``Full Name (Nickname)``, ``Nama (Translated Name)``: the bracketed
    form is the same referent; a dateline ``Kota (Kantor Berita)`` is not."""
    by_start = {c.start: i for i, c in enumerate(cands)}
    for i, c in enumerate(cands):
        gap = text[c.end : c.end + 3]
        if "(" not in gap:
            continue
        j = by_start.get(c.end + gap.index("(") + 1)
        if j is None or text[cands[j].end : cands[j].end + 1] not in (")", "/"):
            continue
        if _bracket_names(c, cands[j], kb, lex):
            union.join(i, j)


def _bracket_names(c: Candidate, d: Candidate, kb: KnowledgeBase, lex: Lexicon) -> bool:
    """Whether the bracketed ``d`` is another name of ``c``."""
    if c.kb >= 0 and d.kb >= 0:
        return c.kb == d.kb
    kind_c, kind_d = _kind(c, kb), _kind(d, kb)
    words = d.text.split()
    if len(words) == 1 and d.text.isupper() and 2 <= len(d.text) <= 8:
        return initials(lex.expand(c.text).split(), lex).startswith(d.text[0]) or kind_c == "ORG"
    if len(words) == 1 and 2 <= len(d.text) <= 8 and d.text[0].isupper():
        # "Group of Ministers (GoM)": the capitals of a mixed-case acronym spell the initials
        caps = "".join(ch for ch in d.text if ch.isupper())
        if len(caps) >= 2 and initials(lex.expand(c.text).split(), lex) == caps:
            return True
    if kind_c == "PER" and len(words) == 1:
        return d.kb < 0  # "Basuki Tjahaja Purnama (Ahok)"
    return kind_c == kind_d == "ORG"  # a name and its translation


def _part_of(
    short: list[str],
    words: list[str],
    kind: str,
    lex: Lexicon,
    places: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``short`` is a form of the longer name ``words`` of type ``kind``. ``places``:
    known places the article writes at the end of a longer name ("Persib Bandung")."""
    n = len(short)
    if kind == "PER":  # a first name or surname: any contiguous part
        return any(words[k : k + n] == short for k in range(len(words) - n + 1))
    if kind == "ORG":  # leading words, the name without its heads, or the initials
        if n >= 2 and words[:n] == short:
            return True
        if n == 1 and len(words) == 2 and words[0] == short[0] and words[1] in places:
            return True  # a club or firm named with its place: "Persib Bandung" -> "Persib"
        if words[-n:] == short and all(w in lex.droppable_heads for w in words[:-n]):
            return True
        return (
            n == 1
            and len(short[0]) >= 2
            and short[0].isupper()
            and (initials(words, lex) == short[0])
        )
    # a place without its administrative prefix: "Kabupaten Wajo" -> "Wajo"
    return words[-n:] == short and " ".join(words[:-n]) in lex.admin_prefixes


class _Index:
    """Groups by the words and initials of their names, so a short name meets few of them."""

    def __init__(self, groups: list[tuple[int, list[str], str]], lex: Lexicon) -> None:
        self.by_word: dict[str, list[tuple[int, list[str], str]]] = {}
        self.by_initials: dict[str, list[tuple[int, list[str], str]]] = {}
        for group in groups:
            for word in set(group[1]):
                self.by_word.setdefault(word, []).append(group)
            self.by_initials.setdefault(initials(group[1], lex), []).append(group)

    def targets(
        self, short: list[str], lex: Lexicon, places: frozenset[str] = frozenset()
    ) -> set[int]:
        """Roots of the longer names ``short`` is part of."""
        pool = self.by_word.get(short[0], []) + self.by_initials.get(short[0], [])
        return {
            root
            for root, words, kind in pool
            if len(words) > len(short) and _part_of(short, words, kind, lex, places)
        }


def _short_forms(
    cands: list[Candidate],
    union: _Union,
    kb: KnowledgeBase,
    lex: Lexicon,
    places: frozenset[str] = frozenset(),
) -> None:
    """A shorter name joins the single longer name it is part of."""
    reps: dict[int, Candidate] = {}
    kinds: dict[int, dict[str, float]] = {}
    for i, c in enumerate(cands):
        root = union.find(i)
        rep = reps.get(root)
        if rep is None or len(c.text) > len(rep.text):
            reps[root] = c
        votes = kinds.setdefault(root, {})
        strong = c.kb >= 0 and not c.weak
        kind = kb.entries[c.kb].type if strong else top_type(c.votes)  # _kind, inlined
        if kind:
            votes[kind] = votes.get(kind, 0.0) + (5.0 if strong else 1.0)
    groups = [
        (r, _fold(lex.expand(reps[r].text)).split(), top_type(kinds[r]) or "PER") for r in reps
    ]
    index = _Index(groups, lex)
    built: dict[int, set[int]] = {}  # KB entry -> organisations built around it
    for r, c in reps.items():
        if c.kb < 0 and c.base_kb >= 0:
            built.setdefault(c.base_kb, set()).add(r)
    kind_of = {root: kind for root, _, kind in groups}
    for root, words, kind in sorted(groups, key=lambda g: len(g[1])):
        rep = reps[root]
        if rep.kb >= 0 and not rep.weak:
            _joins_built_org(root, built.get(rep.kb, set()), union)
            continue
        found = index.targets(words, lex, places if kind != "LOC" else frozenset())
        own = union.find(root)
        targets = {union.find(t) for t in found} - {own}
        if len(targets) > 1:  # "Guangzhou": the place "Kota Guangzhou", not "Guangzhou Metro"
            same = {union.find(t) for t in found if kind_of[t] == kind} - {own}
            targets = same if len(same) == 1 else targets
        if len(targets) == 1:
            union.join(root, targets.pop())
        elif targets and rep.weak:
            _unlink_surname(root, cands, union)


def _unlink_surname(root: int, cands: list[Candidate], union: _Union) -> None:
    """A surname the article gives to several people ("Michel Trudeau", "Pierre Trudeau",
    then "Trudeau") names none of them for sure, least of all a KB person of that surname."""
    for i, c in enumerate(cands):
        if c.weak and union.find(i) == root:
            c.kb, c.weak = -1, False


def _joins_built_org(root: int, built: set[int], union: _Union) -> bool:
    """ "Kementerian Luar Negeri" joins "Kementerian Luar Negeri Tiongkok" when that is the only
    organisation built around the same KB entry in the article (``built``)."""
    if len(built) == 1:
        union.join(root, next(iter(built)))
        return True
    return False


def group_candidates(
    cands: list[Candidate],
    text: str,
    kb: KnowledgeBase,
    lex: Lexicon,
    places: frozenset[str] = frozenset(),
) -> list[list[Candidate]]:
    """Candidates grouped by referent, groups in order of first mention. ``places``: known
    places the article writes at the end of longer names ("Persib Bandung")."""
    union = _Union(len(cands))
    _same_key(cands, union, lex)
    _parentheses(cands, text, union, kb, lex)
    _short_forms(cands, union, kb, lex, places)
    groups: dict[int, list[Candidate]] = {}
    for i, c in enumerate(cands):
        groups.setdefault(union.find(i), []).append(c)
    return sorted(groups.values(), key=lambda g: min(c.start for c in g))
