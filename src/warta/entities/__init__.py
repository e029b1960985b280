"""Entities: recognise names, merge their mentions, link them to coded actors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from warta.records import Article, Entity

__all__ = ["EntityResources", "find_entities"]


@dataclass(frozen=True)
class EntityResources:
    @classmethod
    def load(cls, kb_paths: Sequence[Path] = (), dictionary_paths: Sequence[Path] = ()) -> EntityResources:
        return cls()


def find_entities(article: Article, res: EntityResources) -> tuple[Entity, ...]:
    return ()  # TEMPORARY placeholder until the entity stage lands
