"""Search normalisation shared by both database backends.

Neither SQLite's FTS5 nor PostgreSQL's ``simple`` configuration knows Indonesian, so Warta
normalises text itself and hands the databases ready-made tokens: case-folded, without
diacritics, stemmed by the document's language (``lang/<iso>/stem.yaml``). Where a stem is
ambiguous, the likeliest root is the token (so phrases keep their positions) and the other
roots go to a separate *alternatives* field. A query term is expanded into every root that
any language's stemmer gives it (a query's language is unknown), and matches any of them.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from warta.lang import available_languages, load_language_data
from warta.store.stem import Stemmer, load_stemmer

__all__ = ["Indexed", "Normalizer", "Query", "Snippet", "Term"]

# Words, keeping an inner apostrophe ("Widodo's") for the English possessive rule.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A quoted phrase, or one word with an optional trailing * for prefix search.
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
# Words either side of the first hit in a snippet.
_SNIPPET_CHARS = 90
# Bump when tokenising or folding changes: stored indexes are then rebuilt on open.
_RULES_VERSION = 1
_CACHE_WORDS = 400_000  # per language; about 100 MB at most


@dataclass(frozen=True, slots=True)
class Indexed:
    """A text as the index sees it: stems in order, and the other candidate roots."""

    tokens: tuple[str, ...]
    alternatives: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def alt_text(self) -> str:
        return " ".join(self.alternatives)


@dataclass(frozen=True, slots=True)
class Term:
    """One query clause: a word (its candidate roots) or a phrase (its variants)."""

    candidates: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every term must match (AND)."""

    terms: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not self.terms

    def roots(self) -> frozenset[str]:
        """Every root the query can match, for highlighting."""
        out: set[str] = set()
        for term in self.terms:
            out.update(term.candidates)
            for phrase in term.phrases:
                out.update(phrase)
        return frozenset(out)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of a text around the first hit; ``highlights`` are offsets into ``text``."""

    text: str
    start: int
    highlights: tuple[tuple[int, int], ...]


def _fold(word: str) -> str:
    word = word.casefold()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # compatibility forms can decompose into spaces or signs ("¼" -> "1⁄4"): keep word parts
    return "".join(_WORD.findall(bare))


@dataclass
class Normalizer:
    """Stemmers for every language with a ``stem.yaml``, and a per-instance stem cache."""

    stemmers: dict[str, Stemmer]
    # identifies the rules (code version and every stem.yaml): an index built under other
    # rules is rebuilt, or old documents would be stemmed unlike new queries
    fingerprint: str = ""
    # language -> surface word -> roots; bounded, since a long-running server must not grow
    _cache: dict[str | None, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Normalizer:
        languages = available_languages()
        found = {lang: load_stemmer(lang) for lang in languages}
        rules = {lang: load_language_data(lang, "stem") for lang in languages}
        text = json.dumps([_RULES_VERSION, rules], sort_keys=True, ensure_ascii=False)
        fingerprint = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        return cls({lang: s for lang, s in found.items() if s is not None}, fingerprint)

    def _miss(self, word: str, language: str | None) -> tuple[str, ...]:
        folded = _fold(word).replace("’", "'")
        stemmer = self.stemmers.get(language or "")
        if not folded:
            roots: tuple[str, ...] = ()
        else:
            roots = stemmer.candidates(folded) if stemmer else (folded,)
        cache = self._cache.setdefault(language, {})
        if len(cache) < _CACHE_WORDS:
            cache[word] = roots
        return roots

    def stems(self, word: str, language: str | None) -> tuple[str, ...]:
        """Candidate roots of one surface word in a language (identity when unknown)."""
        hit = self._cache.get(language, {}).get(word)
        return hit if hit is not None else self._miss(word, language)

    def index(self, text: str | None, language: str | None) -> Indexed:
        """Tokens and alternative roots of a document field."""
        if not text:
            return Indexed((), ())
        cache = self._cache.setdefault(language, {})
        miss = self._miss
        found = [cache.get(w) or miss(w, language) for w in _WORD.findall(text)]
        alts = {a: None for roots in found if len(roots) > 1 for a in roots[1:]}
        return Indexed(tuple(r[0] for r in found if r), tuple(alts))

    def _all_stems(self, word: str) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for language in (None, *self.stemmers):
            out.update(dict.fromkeys(self.stems(word, language)))
        return tuple(out)

    def _phrase(self, text: str) -> Term | None:
        words = [w for w in _WORD.findall(text) if self.stems(w, None)]
        if not words:
            return None
        if len(words) == 1:
            return Term(candidates=self._all_stems(words[0]))
        variants = {
            tuple(self.stems(w, language)[0] for w in words) for language in (None, *self.stemmers)
        }
        return Term(phrases=tuple(sorted(variants)))

    def query(self, q: str | None) -> Query:
        """Parse a user query: words, "quoted phrases", and ``word*`` prefixes, all ANDed."""
        terms: list[Term] = []
        for match in _QUERY_PART.finditer(q or ""):
            phrase, word = match.groups()
            if phrase is not None:
                term = self._phrase(phrase)
            elif word.endswith("*") and _WORD.fullmatch(word.rstrip("*")):
                # a partial word may carry a prefix too ("tersang*" -> "sang*", "sangka")
                stem = word.rstrip("*")
                roots = tuple(r for r in (_fold(stem), *self._all_stems(stem)) if r)
                term = Term(candidates=tuple(dict.fromkeys(roots)), prefix=True) if roots else None
            else:
                term = self._phrase(word)  # "Jusuf-Kalla" is a two-word phrase
            if term is not None:
                terms.append(term)
        return Query(tuple(terms))

    def snippet(self, text: str, query: Query, language: str | None) -> Snippet | None:
        """The text around the first word that matches the query, with every hit marked."""
        roots = query.roots()
        prefixes = tuple(c for t in query.terms if t.prefix for c in t.candidates)
        hits: list[tuple[int, int]] = []
        window_end = len(text)
        for match in _WORD.finditer(text):
            if match.start() > window_end:
                break
            word = match.group()
            if roots.intersection(self.stems(word, language)) or (
                prefixes and _fold(word).startswith(prefixes)
            ):
                if not hits:
                    window_end = match.end() + _SNIPPET_CHARS
                hits.append(match.span())
        if not hits:
            return None
        start = max(0, hits[0][0] - _SNIPPET_CHARS)
        start = text.rfind(" ", 0, start) + 1 if start else 0
        end = min(len(text), window_end)
        marks = tuple((s - start, min(e, end) - start) for s, e in hits if s < end)
        return Snippet(text[start:end], start, marks)
