"""Event verbs as data: surface forms generated from roots, found with one Aho-Corasick pass.

Indonesian forms come from affix rules (me- with nasal assimilation, di- passives, ber-,
-kan/-i, the clitic -nya); English forms from regular inflection plus listed irregulars. Each
surface form maps to the frames it can realise; the coder picks the frame whose conditions
(a following word, a word that must not follow) hold in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import ahocorasick

__all__ = ["Frame", "Lexicon", "VerbMatch", "build_lexicon", "en_forms", "id_forms"]

_VOWELS = "aeiou"
_HYPHEN_BEFORE = re.compile(r"\w\s?-\s?$")
_HYPHEN_AFTER = re.compile(r"\s?-\s?\w")


@dataclass(frozen=True, slots=True)
class Frame:
    """One way a surface form codes an event."""

    code: str
    passive: bool = False
    bare: bool = False
    with_words: frozenset[str] = frozenset()
    window: int = 4
    not_before: tuple[str, ...] = ()
    participle: bool = False
    noun: bool = False  # an event noun: its actor follows it, its target a preposition
    not_after: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """A surface form found in the text, with the frames it may realise."""

    start: int
    end: int
    form: str
    frames: tuple[Frame, ...]


def _syllables(word: str) -> int:
    return len(re.findall(r"[aeiou]+", word))


def me_form(root: str) -> str:
    """The me- form of an Indonesian root, with the prefix's nasal assimilation."""
    if root.startswith("per") and len(root) > 5:
        return "mem" + root  # memper-: memperketat
    if _syllables(root) == 1:
        return "menge" + root  # monosyllables: mengebom, mengecek
    first = root[0]
    cluster = len(root) > 1 and root[1] not in _VOWELS  # kritik, protes keep their consonant
    if first in _VOWELS or first in "gh":
        return "meng" + root
    if first == "k":
        return "meng" + (root if cluster else root[1:])
    if first == "p":
        return "mem" + (root if cluster else root[1:])
    if first in "bfv":
        return "mem" + root
    if first == "t":
        return "men" + (root if cluster else root[1:])
    if first in "dcjz":
        return "men" + root
    if first == "s":
        return "men" + root if cluster else "meny" + root[1:]
    return "me" + root  # l, m, n, r, w, y


def ber_form(root: str) -> str:
    """The ber- form of an Indonesian root (berunding, bekerja, bertemu)."""
    if root.startswith("r") or re.match(r"[^aeiou]er", root):
        return "be" + root
    return "ber" + root


def id_forms(entry: Mapping[str, Any]) -> Iterator[tuple[str, bool]]:
    """Every (form, passive) an Indonesian verb entry covers."""
    root = entry.get("root")
    if root:
        suffixes = entry.get("suffixes", ["", "kan", "i"])
        active = entry.get("me") or me_form(root)
        for suffix in suffixes:
            for form, passive in ((active + suffix, False), ("di" + root + suffix, True)):
                yield form, passive
                yield form + "nya", passive
            if entry.get("bare") and suffix in ("", "kan"):
                yield root + suffix, False
        if entry.get("ber"):
            yield ber_form(root), False
    for form in entry.get("forms", ()):
        yield form, form.startswith("di")


def en_forms(entry: Mapping[str, Any]) -> Iterator[tuple[str, bool]]:
    """Every (form, is_participle) an English verb entry covers."""
    lemma = entry.get("lemma")
    if lemma:
        yield lemma, False
        if re.search(r"(s|sh|ch|x|z|o)$", lemma):
            yield lemma + "es", False
        elif re.search(r"[^aeiou]y$", lemma):
            yield lemma[:-1] + "ies", False
        else:
            yield lemma + "s", False
        if lemma.endswith("e"):
            yield lemma + "d", True
            yield lemma[:-1] + "ing", False
        elif re.search(r"[^aeiou]y$", lemma):
            yield lemma[:-1] + "ied", True
            yield lemma + "ing", False
        else:
            yield lemma + "ed", True
            yield lemma + "ing", False
    for form in entry.get("forms", ()):
        yield form, form.endswith(("ed", "en")) or form in ("met", "sent", "shot", "withdrew")


class Lexicon:
    """Surface forms of event verbs and frames, for one language."""

    def __init__(self, forms: dict[str, list[Frame]]) -> None:
        self.forms = {form: tuple(frames) for form, frames in forms.items()}
        self._automaton = ahocorasick.Automaton()
        for form in self.forms:
            self._automaton.add_word(form, form)
        if self.forms:
            self._automaton.make_automaton()

    def __reduce__(self) -> tuple[type[Lexicon], tuple[dict[str, list[Frame]]]]:
        return (Lexicon, ({k: list(v) for k, v in self.forms.items()},))

    def find(self, lower: str, text: str) -> list[VerbMatch]:
        """Whole-word matches in ``lower`` (the lower-cased ``text``), longest first at a place."""
        if not self.forms:
            return []
        found: list[VerbMatch] = []
        for last, form in self._automaton.iter(lower):
            start, end = last - len(form) + 1, last + 1
            # a word character as the regex engine reads \w: alphanumeric or an underscore
            if start > 0 and (lower[start - 1].isalnum() or lower[start - 1] == "_"):
                continue
            if end < len(lower) and (lower[end].isalnum() or lower[end] == "_"):
                continue
            if _hyphened(lower, start, end):
                continue  # part of a compound or reduplication: undang-undang, serang-menyerang
            frames = self.forms[form]
            if text[start:end] != form and all(f.bare for f in frames):
                continue  # a bare root capitalised is a name (Serang), not a verb
            found.append(VerbMatch(start, end, form, frames))
        return _longest(found)


def _hyphened(lower: str, start: int, end: int) -> bool:
    """Whether a hyphen joins ``lower[start:end]`` to a word before or after it; the patterns
    run only where a hyphen is close enough for them to match."""
    lo = max(0, start - 4)  # "undang - undang": text split into tokens spaces its hyphens
    if lower.find("-", lo, start) >= 0 and _HYPHEN_BEFORE.search(lower, lo, start):
        return True
    return lower.find("-", end, end + 2) >= 0 and _HYPHEN_AFTER.match(lower, end) is not None


def _longest(found: list[VerbMatch]) -> list[VerbMatch]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[VerbMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def _frame(
    entry: Mapping[str, Any], passive: bool, participle: bool = False, bare: bool = False
) -> Frame:
    return Frame(
        code=str(entry["code"]),
        passive=passive,
        bare=bare,
        with_words=frozenset(entry.get("with", ())),
        window=int(entry.get("window", 4)),
        not_before=tuple(entry.get("not_before", ())),
        participle=participle,
        not_after=frozenset(entry.get("not_after", ())),
    )


def build_lexicon(data: Mapping[str, Any], language: str) -> Lexicon:
    """The lexicon of one language's ``events.yaml``."""
    forms: dict[str, list[Frame]] = {}
    for entry in data.get("verbs", ()):
        if language == "en":
            for form, participle in en_forms(entry):
                forms.setdefault(form, []).append(_frame(entry, False, participle))
            continue
        for form, passive in id_forms(entry):
            bare = form in (entry.get("root"), f"{entry.get('root')}kan")
            forms.setdefault(form, []).append(_frame(entry, passive and not bare, bare=bare))
    for noun, code in (data.get("nouns") or {}).items():
        forms.setdefault(noun, []).append(Frame(code=str(code), noun=True))
    for phrase, spec in (data.get("phrases") or {}).items():
        passive = language != "en" and phrase.startswith("di")
        if isinstance(spec, Mapping):  # a phrase with conditions: {code, with, window}
            forms.setdefault(phrase, []).append(_frame(spec, passive))
        else:
            forms.setdefault(phrase, []).append(Frame(code=str(spec), passive=passive))
    # frames with conditions are tried before the unconditional ones
    for frames in forms.values():
        frames.sort(key=lambda f: not f.with_words)
    return Lexicon(forms)
