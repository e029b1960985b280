"""Hand-built articles for the event tests: text plus the entities an entity stage would give."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from warta.events import EventResources
from warta.records import Article, Entity, Mention, Quote, Source

# (name, type, actor, other forms the article uses)
EntitySpec = tuple[str, str, str | None, tuple[str, ...]]
MakeArticle = Callable[..., Article]


def _entities(text: str, specs: list[EntitySpec]) -> tuple[Entity, ...]:
    out: list[Entity] = []
    for i, (name, typ, actor, aliases) in enumerate(specs):
        mentions = [
            Mention(m.group(), m.start(), m.end())
            for form in (name, *aliases)
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)
        ]
        mentions.sort(key=lambda m: m.start)
        out.append(Entity(f"e{i}", name, typ, actor=actor, mentions=tuple(mentions)))
    return tuple(out)


@pytest.fixture(scope="session")
def res() -> EventResources:
    return EventResources.load()


@pytest.fixture
def make_article() -> MakeArticle:
    def make(
        text: str,
        entities: list[EntitySpec] | None = None,
        language: str = "id",
        published: str | None = "2023-02-01T14:37:00+07:00",
        quotes: tuple[Quote, ...] = (),
    ) -> Article:
        return Article(
            id="t", source=Source(path="t.txt"), language=language, title=None, outlet=None,
            section=None, published=published, wire=(), text=text,
            entities=_entities(text, entities or []), quotes=quotes,
        )  # fmt: skip

    return make
