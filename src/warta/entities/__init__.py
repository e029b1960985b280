"""Entities: recognise names, merge their mentions, link them to coded actors.

Recognition is the union of knowledge-base names (one Aho-Corasick pass), capitalised runs
cut and typed by rules, and the statistical model's spans. Linking groups the mentions of one
referent; coding gives each group the actor (ISO code or organisation key) and agent (CAMEO
type) it stands for, from the knowledge base (terms checked against the article's date), from
titles and countries before a name, and from the heads of organisation names.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.entities.build import build_entities
from warta.entities.gazetteer import Gazetteer, build_gazetteer
from warta.entities.kb import KbError, KnowledgeBase, load_kb
from warta.entities.lexicon import Lexicon, load_lexicon
from warta.entities.petrarch import read_dictionaries
from warta.lang import available_languages
from warta.records import Article, Entity
from warta.text import TextLayout

__all__ = ["EntityResources", "KbError", "find_entities"]


def _load_model() -> Any:
    """The committed statistical NER model; None on a checkout that has not trained one yet
    (recognition then rests on the knowledge base and the rules alone)."""
    try:
        module = importlib.import_module("warta.entities.model")
    except ImportError:
        return None
    if not Path(module.default_model_path()).is_file():
        return None
    return module.NerModel.load()


@dataclass(frozen=True)
class EntityResources:
    """Everything the entity stage reads, loaded once."""

    kb: KnowledgeBase
    gazetteer: Gazetteer
    lexicons: dict[str, Lexicon]
    model: Any = None

    @classmethod
    def load(
        cls,
        kb_paths: Sequence[Path] = (),
        dictionary_paths: Sequence[Path] = (),
        *,
        use_model: bool = True,
    ) -> EntityResources:
        """Build the KB (plus user files and PETRARCH dictionaries), automaton and lexicons."""
        languages = [lang for lang in available_languages() if load_lexicon(lang)]
        kb = load_kb([Path(p) for p in kb_paths], languages)
        if dictionary_paths:
            found = read_dictionaries([Path(p) for p in dictionary_paths])
            kb.dictionary_actors.update(found.actors)
            kb.agent_words.update(found.agents)
        lexicons = {lang: lex for lang in languages if (lex := load_lexicon(lang))}
        model = _load_model() if use_model else None
        return cls(kb, build_gazetteer(kb), lexicons, model)

    def model_for(self, language: str) -> Any:
        """The statistical model when it was trained on ``language`` (Indonesian), else None."""
        if self.model is None:
            return None
        meta = getattr(self.model, "meta", None) or {}
        return self.model if meta.get("language", "id") == language else None

    def lexicon(self, language: str | None) -> Lexicon:
        """The lexicon of ``language``; Indonesian words for unknown languages."""
        return (
            self.lexicons.get(language or "")
            or self.lexicons.get("id")
            or next(iter(self.lexicons.values()))
        )


def find_entities(
    article: Article, res: EntityResources, layout: TextLayout | None = None
) -> tuple[Entity, ...]:
    """Every person, organisation and place the article names, with its mentions and actor.

    ``layout`` is ``TextLayout(article.text)`` when the pipeline shares one between stages.
    """
    if not article.text.strip():
        return ()
    lex = res.lexicon(article.language)
    model = res.model_for(lex.language)
    return build_entities(article, res.kb, res.gazetteer, lex, model, layout)
