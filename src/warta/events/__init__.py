"""Events: who did what to whom, and when, coded in CAMEO."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from warta.records import Article, Event

__all__ = ["EventResources", "find_events"]


@dataclass(frozen=True)
class EventResources:
    @classmethod
    def load(cls, dictionary_paths: Sequence[Path] = ()) -> EventResources:
        return cls()


def find_events(article: Article, res: EventResources) -> tuple[Event, ...]:
    return ()  # TEMPORARY placeholder until the event stage lands
