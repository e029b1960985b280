"""Events: who did what to whom, and when, coded in CAMEO.

``EventResources.load`` compiles each language's patterns (``lang/<iso>/events.yaml``,
``relative_dates.yaml`` and ``dates.yaml``) and the CAMEO table once; ``find_events`` codes one
article with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from warta.events.resources import LanguageRules, load_language_rules
from warta.events.run import code_article
from warta.events.table import CameoCode, load_cameo_table
from warta.lang import available_languages
from warta.records import Article, Event
from warta.text import TextLayout

__all__ = ["EventResources", "find_events"]


@dataclass(frozen=True)
class EventResources:
    """The CAMEO table and every language's compiled patterns."""

    table: dict[str, CameoCode]
    languages: dict[str, LanguageRules]

    @classmethod
    def load(cls, dictionary_paths: Sequence[Path] = ()) -> EventResources:
        table = load_cameo_table()
        languages: dict[str, LanguageRules] = {}
        for lang in available_languages():
            rules = load_language_rules(lang, dictionary_paths if lang == "en" else ())
            if rules is not None:
                languages[lang] = rules
        return cls(table, languages)


def find_events(
    article: Article, res: EventResources, layout: TextLayout | None = None
) -> tuple[Event, ...]:
    """The CAMEO events an article reports, each with its evidence sentence and date.

    ``layout`` is ``TextLayout(article.text)`` when the pipeline shares one between stages.
    """
    rules = res.languages.get(article.language or "")
    if rules is None or not article.text:
        return ()
    return code_article(article, rules, res.table, layout)
