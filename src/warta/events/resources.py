"""Loading one language's event rules from its YAML files, compiled for the coder."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from warta.events.actors import build_actor_words
from warta.events.coder import LanguageRules
from warta.events.dates import build_date_rules
from warta.events.lexicon import build_lexicon
from warta.events.petrarch import read_verb_dictionaries
from warta.events.places import load_place_names, load_territories
from warta.events.reported import build_reported_demand
from warta.lang import load_language_data

__all__ = ["LanguageRules", "load_language_rules"]

# First-person words inside a quotation point at its speaker ("Kami mengecam ...").
_FIRST_PERSON = frozenset({"saya", "kami", "kita", "aku", "i", "we"})


def _phrase_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({w.lower() for w in words}, key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w'’])(?:{alt})(?![\w'’])")


def _break_pattern(words: Iterable[str]) -> re.Pattern[str]:
    words = list(words)
    punct = [w for w in words if not w[:1].isalnum()]
    plain = [w for w in words if w[:1].isalnum()]
    parts = [re.escape(p) for p in punct]
    if plain:
        alt = "|".join(re.escape(w) for w in sorted(plain, key=len, reverse=True))
        parts.append(rf"\b(?i:{alt})\b")
    return re.compile("|".join(parts) or r"(?!)")


def _compiled(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(f"(?:{pattern})$") if pattern else None


def _word_pattern(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _lower_set(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


def _date_words(dates: dict[str, Any]) -> frozenset[str]:
    words = [*(dates.get("days") or {}), *(dates.get("months") or {})]
    return frozenset(str(w).lower() for w in words)


def _function_words(data: dict[str, Any]) -> frozenset[str]:
    keys = ("target_preps", "agent_preps", "locative_preps", "speech_tags")
    return frozenset().union(*(_lower_set(data, k) for k in keys))


def load_language_rules(lang: str, dictionary_paths: Sequence[Path] = ()) -> LanguageRules | None:
    """The compiled rules of one language, or None when it has no ``events.yaml``."""
    data = load_language_data(lang, "events")
    if not data:
        return None
    if dictionary_paths:
        extra = read_verb_dictionaries(dictionary_paths)
        data = {**data, "verbs": [*data.get("verbs", ()), *extra]}
    dates = load_language_data(lang, "dates") or {}
    relative = load_language_data(lang, "relative_dates") or {}
    negation = data.get("negation") or {}
    intent = data.get("intent") or {}
    return LanguageRules(
        lexicon=build_lexicon(data, lang),
        words=build_actor_words(data, load_place_names(lang), load_territories()),
        dates=build_date_rules(dates, relative) if dates else None,
        negation=_phrase_pattern(negation.get("words", ())),
        negation_window=int(negation.get("window", 3)),
        intent=_phrase_pattern(intent.get("words", ())),
        intent_window=int(intent.get("window", 3)),
        clause_break=_break_pattern(
            [
                *data.get("clause_breaks", ()),
                *data.get("speech_tags", ()),
                *data.get("conditionals", ()),
            ]
        ),
        conditionals=_lower_set(data, "conditionals"),
        speech_tags=_lower_set(data, "speech_tags"),
        target_preps=_lower_set(data, "target_preps"),
        agent_preps=_lower_set(data, "agent_preps"),
        locative_preps=_lower_set(data, "locative_preps"),
        location_preps=_lower_set(data, "location_preps"),
        passive_aux=_lower_set(data, "passive_aux"),
        first_person=_FIRST_PERSON,
        subject_gap=_lower_set(data, "subject_gap") | _date_words(dates),
        noun_before=_lower_set(data, "noun_before"),
        articles=_lower_set(data, "articles"),
        function_words=_function_words(data),
        ing_needs_aux=bool(data.get("ing_needs_aux")),
        object_pronouns=_lower_set(data, "object_pronouns"),
        reported=build_reported_demand(data),
        policy_nouns=_lower_set(data, "policy_nouns"),
        policy_maker=_compiled(data.get("policy_maker")),
        victim_before=_compiled(data.get("victim_before")),
        shared_subject=_lower_set(data, "shared_subject"),
        setting_preps=_lower_set(data, "setting_preps"),
        passive_chain=_word_pattern(data.get("passive_chain")),
        role_skip=_lower_set(data, "articles")
        | _lower_set(data, "place_nouns")
        | _lower_set(data, "quantifiers"),
    )
