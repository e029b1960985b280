"""Light stemmers for search, driven by ``lang/<iso>/stem.yaml``.

Two kinds of rule files exist: an *affix* stemmer (particles, possessives, derivational
suffixes and prefixes with recoding, as Indonesian needs) and a *suffix* stemmer (ordered
groups of suffix rules, enough for English). A language picks its kind by the keys of its
file, so adding a language adds a YAML file. Stemmers return every plausible root, the
likeliest first: the index stores the first as the token and the rest as alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from warta.lang import load_language_data

__all__ = ["AffixStemmer", "Stemmer", "SuffixStemmer", "load_stemmer"]

_VOWEL = re.compile(r"[aeiouy]")


class Stemmer(Protocol):
    """Anything that maps a lower-cased word to its candidate roots, likeliest first."""

    def candidates(self, word: str) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class _Prefix:
    prefix: str
    next: re.Pattern[str]
    recode: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AffixStemmer:
    """Dictionary-free affix stripping (particle, possessive, suffix, up to N prefixes)."""

    min_stem: int
    particles: tuple[str, ...]
    possessives: tuple[str, ...]
    suffixes: tuple[tuple[str, bool], ...]
    prefixes: tuple[_Prefix, ...]
    max_prefixes: int
    keep: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AffixStemmer:
        return cls(
            min_stem=int(data.get("min_stem", 4)),
            particles=tuple(data.get("particles") or ()),
            possessives=tuple(data.get("possessives") or ()),
            suffixes=tuple(
                (s["suffix"], bool(s.get("needs_prefix", False))) for s in data["suffixes"]
            ),
            prefixes=tuple(
                _Prefix(p["prefix"], re.compile(p["next"]), tuple(p["recode"]))
                for p in data["prefixes"]
            ),
            max_prefixes=int(data.get("max_prefixes", 2)),
            keep=frozenset(data.get("keep") or ()),
        )

    def _strip_one(self, word: str, endings: tuple[str, ...]) -> str:
        for end in endings:
            if word.endswith(end) and len(word) - len(end) >= self.min_stem:
                return word[: -len(end)]
        return word

    def _unprefix(self, word: str, depth: int) -> list[str]:
        """Roots left after removing up to ``depth`` prefixes; [] when none applies."""
        if depth == 0 or word in self.keep:
            return []
        for rule in self.prefixes:
            if not word.startswith(rule.prefix):
                continue
            rest = word[len(rule.prefix) :]
            if not rule.next.match(rest):
                continue
            roots = [r + rest for r in rule.recode if len(r + rest) >= self.min_stem]
            if not roots:
                continue
            known = [r for r in roots if r in self.keep]
            if known:  # a word the data names beats every guess
                return known
            out: list[str] = []
            for root in roots:
                out.extend(self._unprefix(root, depth - 1) or [root])
            return out
        return []

    def candidates(self, word: str) -> tuple[str, ...]:
        base = self._strip_one(self._strip_one(word, self.particles), self.possessives)
        if base in self.keep:
            return (base,)
        found: list[str] = []
        for suffix, needs_prefix in self.suffixes:
            if not base.endswith(suffix) or len(base) - len(suffix) < self.min_stem:
                continue
            if base[: -len(suffix)] in self.keep:
                found.append(base[: -len(suffix)])
                continue
            roots = self._unprefix(base[: -len(suffix)], self.max_prefixes)
            if roots:
                found.extend(roots)
            elif not needs_prefix:
                found.append(base[: -len(suffix)])
        if not found:
            found = self._unprefix(base, self.max_prefixes) or [base]
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class _Suffix:
    suffix: str
    replace: str
    undouble: bool
    needs_vowel: bool


@dataclass(frozen=True, slots=True)
class SuffixStemmer:
    """Ordered groups of suffix rules; the first fitting rule of each group applies."""

    min_stem: int
    groups: tuple[tuple[_Suffix, ...], ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SuffixStemmer:
        groups = tuple(
            tuple(
                _Suffix(
                    r["suffix"],
                    r.get("replace", ""),
                    bool(r.get("undouble", False)),
                    bool(r.get("needs_vowel", False)),
                )
                for r in group
            )
            for group in data["groups"]
        )
        return cls(min_stem=int(data.get("min_stem", 3)), groups=groups)

    def _apply(self, word: str, rule: _Suffix) -> str | None:
        if not word.endswith(rule.suffix):
            return None
        stem = word[: len(word) - len(rule.suffix)] + rule.replace
        if len(stem) < self.min_stem or (rule.needs_vowel and not _VOWEL.search(stem)):
            return None
        # "running" -> "runn" -> "run"; "falling" keeps its double l ("fall").
        if rule.undouble and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            stem = stem[:-1]
        return stem

    def candidates(self, word: str) -> tuple[str, ...]:
        for group in self.groups:
            for rule in group:
                stem = self._apply(word, rule)
                if stem is not None:
                    word = stem
                    break
        return (word,)


def load_stemmer(language: str) -> Stemmer | None:
    """The stemmer that ``lang/<language>/stem.yaml`` describes, or None when it has none."""
    data = load_language_data(language, "stem")
    if not data:
        return None
    if "prefixes" in data:
        return AffixStemmer.from_data(data)
    return SuffixStemmer.from_data(data)
