"""Per-language quotation cues, compiled once from ``lang/<iso>/quotes.yaml``.

Everything a language contributes is words; this module turns them into compiled regexes and
frozen sets so that the extractor never branches on a language code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from warta.lang import available_languages, load_language_data

__all__ = [
    "ACCORDING_TO",
    "AFTER_CUE",
    "SPEECH_VERB",
    "CueFinder",
    "Hit",
    "LanguageCues",
    "QuoteResources",
    "WordSpans",
]

AFTER_CUE = 1
SPEECH_VERB = 2
ACCORDING_TO = 4

DEFAULT_LANGUAGE = "id"


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    """The list under ``key`` as lower-case strings (YAML may hand back numbers or None)."""
    return tuple(str(w).lower() for w in data.get(key) or () if str(w).strip())


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, with inner spaces as any white space."""
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "|".join(parts) if parts else r"(?!x)x"


@dataclass(frozen=True, slots=True)
class Hit:
    """One cue word found in a text; reads like a regex match (start, end, group)."""

    begin: int
    stop: int
    word: str
    kinds: int
    clitic: bool = False

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.word


class CueFinder:
    """Every cue word of a language in one Aho-Corasick automaton.

    One pass over the text finds all cue words at once, where a regex alternation of a
    hundred words would try each of them at every offset.
    """

    def __init__(self, entries: dict[str, tuple[int, bool]]) -> None:
        self.automaton = ahocorasick.Automaton()
        for key, (kinds, clitic) in entries.items():
            self.automaton.add_word(key, (key, kinds, clitic))
        if entries:
            self.automaton.make_automaton()
        self.empty = not entries

    def __reduce__(self) -> tuple[Any, ...]:
        return (CueFinder, (self._entries(),))

    def _entries(self) -> dict[str, tuple[int, bool]]:
        if self.empty:
            return {}
        return {k: (kinds, clitic) for k, (_, kinds, clitic) in self.automaton.items()}

    def find(self, text: str) -> list[Hit]:
        """Cue words standing as whole words in ``text``, in order, longest at each start."""
        if self.empty:
            return []
        hits: dict[int, Hit] = {}
        size = len(text)
        # longest non-overlapping matches: `katanya` without its `kata`
        for last, (key, kinds, clitic) in self.automaton.iter_long(text):
            begin = last - len(key) + 1
            stop = last + 1
            if begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "_-"):
                continue
            if stop < size and (text[stop].isalnum() or text[stop] == "_"):
                continue
            known = hits.get(begin)
            if known is None or known.stop < stop:
                hits[begin] = Hit(begin, stop, text[begin:stop], kinds, clitic)
        return [hits[k] for k in sorted(hits)]


class WordSpans:
    """Where any of some ASCII lower-case words occurs in a text (as a substring, in any
    case): a cheap test that a word-by-word reading can only find one of them there."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.automaton = ahocorasick.Automaton()
        for word in words:
            self.automaton.add_word(word, len(word))
        if words:
            self.automaton.make_automaton()

    def __reduce__(self) -> tuple[Any, ...]:
        return (WordSpans, (self.words,))

    def spans(self, text: str) -> list[tuple[int, int]] | None:
        """Sorted (start, end) of every occurrence; None when lower-casing ``text`` moves its
        offsets (then the test cannot be made)."""
        if not self.words:
            return []
        lower = text.lower()
        if len(lower) != len(text):
            return None
        return sorted((last - size + 1, last + 1) for last, size in self.automaton.iter(lower))


def _strong_titles(data: dict[str, Any]) -> WordSpans | None:
    """Titles that tie a later bare title to a person (four letters or more, not generic),
    when all are ASCII: lower-casing then maps a word to them only letter by letter."""
    generic = set(_words(data, "generic_titles"))
    words = frozenset(w for w in _words(data, "titles") if len(w) >= 4 and w not in generic)
    return WordSpans(words) if all(w.isascii() for w in words) else None


def _finder(data: dict[str, Any]) -> CueFinder:
    """The automaton of after-cues, speech verbs and according-to phrases (with clitic)."""
    entries: dict[str, tuple[int, bool]] = {}

    def add(word: str, kind: int, clitic: bool = False) -> None:
        kinds, was = entries.get(word, (0, False))
        entries[word] = (kinds | kind, clitic or was)

    for word in _words(data, "after_cues"):
        add(word, AFTER_CUE)
    for word in _words(data, "speech_verbs"):
        add(word, SPEECH_VERB)
    clitic = str(data.get("clitic") or "").lower()
    for phrase in _words(data, "according_to"):
        # sentence-initial capitals too: `Menurut X,` / `According to X,`
        for form in (phrase, phrase[:1].upper() + phrase[1:]):
            add(form, ACCORDING_TO)
            if clitic:
                add(form + clitic, ACCORDING_TO, True)
    return CueFinder(entries)


def _said_next(data: dict[str, Any]) -> re.Pattern[str]:
    """`Hal itu disampaikan (oleh) ` / `Begitu kata `: a sentence giving the one before it a
    speaker, up to where the speaker phrase starts."""
    subjects = _words(data, "pointer_subjects")
    verbs = _words(data, "passive_cues") + _words(data, "after_cues")
    if not subjects:
        return re.compile(r"(?!x)x")
    agent = "|".join(re.escape(w) for w in _words(data, "passive_agent")) or r"(?!x)x"
    return re.compile(
        rf"[\s.]*(?:{_alternation(subjects)})\s+(?:{_alternation(verbs)})\b(?:\s+(?:{agent})\b)?",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class LanguageCues:
    """One language's cue words as compiled patterns and sets."""

    language: str
    finder: CueFinder
    after_cue: re.Pattern[str]
    after_cue_words: frozenset[str]
    speech_verb: re.Pattern[str]
    speech_verb_words: frozenset[str]
    according_to: re.Pattern[str]
    complementizer: re.Pattern[str]
    clitic: str
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    relational: frozenset[str]
    not_names: frozenset[str]
    adverbs: frozenset[str]
    recipient: frozenset[str]
    recipient_verbs: frozenset[str]
    speaker_stop: frozenset[str]
    titles: frozenset[str]
    generic_titles: frozenset[str]
    statement_nouns: frozenset[str]
    anaphoric: frozenset[str]
    content_stop: frozenset[str]
    title_function_words: frozenset[str]
    needs_complementizer: frozenset[str]
    quote_introducers: frozenset[str]
    negations: frozenset[str]
    cue_needs_name: frozenset[str]
    relatives: frozenset[str]
    name_next_ok: frozenset[str]
    said_next: re.Pattern[str]
    passive_lead: re.Pattern[str]
    subject_name_first: bool
    clause_break: re.Pattern[str]
    coordinators: frozenset[str] = frozenset()
    plural: frozenset[str] = frozenset()
    passive_agent: frozenset[str] = frozenset()
    person_roles: frozenset[str] = frozenset()
    term_leads: frozenset[str] = frozenset()
    clause_markers: frozenset[str] = frozenset()
    subunits: frozenset[str] = frozenset()
    source_from: frozenset[str] = frozenset()
    role_markers: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    anaphoric_articles: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    clause_blockers: frozenset[str] = frozenset()
    requests: frozenset[str] = frozenset()
    relation_is_title: bool = False
    relation_links: frozenset[str] = frozenset()
    strong_titles: WordSpans | None = None

    @classmethod
    def from_data(cls, language: str, data: dict[str, Any]) -> LanguageCues:
        """Compile one language's YAML mapping."""
        flags = re.IGNORECASE
        return cls(
            language=language,
            finder=_finder(data),
            # cue words are matched as written: `United States` is no `states`
            after_cue=re.compile(rf"\b(?:{_alternation(_words(data, 'after_cues'))})\b"),
            after_cue_words=frozenset(_words(data, "after_cues")),
            speech_verb_words=frozenset(_words(data, "speech_verbs")),
            speech_verb=re.compile(rf"\b(?:{_alternation(_words(data, 'speech_verbs'))})\b"),
            according_to=re.compile(
                rf"\b(?:{_alternation(_words(data, 'according_to'))})"
                rf"(?P<clitic>{re.escape(str(data.get('clitic') or ''))})?\b",
                flags,
            ),
            complementizer=re.compile(
                rf"\s*\b(?:{_alternation(_words(data, 'complementizers'))})\b\s*", flags
            ),
            clitic=str(data.get("clitic") or "").lower(),
            pronouns=frozenset(_words(data, "pronouns")),
            person_pronouns=frozenset(_words(data, "person_pronouns")),
            relational=frozenset(_words(data, "relational")),
            not_names=frozenset(_words(data, "not_names")),
            adverbs=frozenset(_words(data, "adverbs")),
            recipient=frozenset(_words(data, "recipient")),
            recipient_verbs=frozenset(_words(data, "recipient_verbs")),
            speaker_stop=frozenset(_words(data, "speaker_stop")),
            titles=frozenset(_words(data, "titles")),
            generic_titles=frozenset(_words(data, "generic_titles")),
            statement_nouns=frozenset(_words(data, "statement_nouns")),
            anaphoric=frozenset(_words(data, "anaphoric")),
            content_stop=frozenset(_words(data, "content_stop")),
            title_function_words=frozenset(_words(data, "title_function_words")),
            needs_complementizer=frozenset(_words(data, "needs_complementizer")),
            quote_introducers=frozenset(_words(data, "quote_introducers")),
            negations=frozenset(_words(data, "negations")),
            cue_needs_name=frozenset(_words(data, "cue_needs_name")),
            relatives=frozenset(_words(data, "relatives")),
            said_next=_said_next(data),
            passive_lead=re.compile(
                rf"\s+(?:{_alternation(_words(data, 'passive_cues'))})"
                rf"(?:\s+(?:{_alternation(_words(data, 'passive_agent'))}))?\b",
                flags,
            ),
            name_next_ok=frozenset(
                _words(data, "after_cues")
                + _words(data, "speech_verbs")
                + _words(data, "passive_cues")
            ),
            subject_name_first=str(data.get("subject_name") or "last").lower() == "first",
            clause_break=re.compile(
                rf",\s*(?:{_alternation(_words(data, 'clause_breaks'))})\b", flags
            ),
            coordinators=frozenset(_words(data, "coordinators")),
            plural=frozenset(_words(data, "plural_pronouns")),
            passive_agent=frozenset(_words(data, "passive_agent")),
            person_roles=frozenset(_words(data, "person_roles")),
            term_leads=frozenset(_words(data, "term_leads")),
            clause_markers=frozenset(_words(data, "clause_markers")),
            subunits=frozenset(_words(data, "subunits")),
            source_from=frozenset(_words(data, "source_from")),
            role_markers=frozenset(_words(data, "role_markers")),
            place_preps=frozenset(_words(data, "place_preps")),
            anaphoric_articles=frozenset(_words(data, "articles")),
            openers=frozenset(_words(data, "openers")),
            clause_blockers=frozenset(_words(data, "clause_blockers")),
            requests=frozenset(_words(data, "requests")),
            relation_is_title=bool(data.get("relation_is_title")),
            relation_links=frozenset(_words(data, "relation_links")),
            strong_titles=_strong_titles(data),
        )


@dataclass(frozen=True, slots=True)
class QuoteResources:
    """Compiled cues for every language that ships a ``quotes.yaml``."""

    languages: dict[str, LanguageCues] = field(default_factory=dict)

    @classmethod
    def load(cls) -> QuoteResources:
        """Read and compile every language's quotation cues (once per process)."""
        compiled: dict[str, LanguageCues] = {}
        for lang in available_languages():
            data = load_language_data(lang, "quotes")
            if isinstance(data, dict):
                compiled[lang] = LanguageCues.from_data(lang, data)
        return cls(compiled)

    def cues(self, language: str | None) -> LanguageCues | None:
        """The cues for ``language`` (Indonesian when unknown); None when it ships no cues."""
        return self.languages.get(language or DEFAULT_LANGUAGE)
