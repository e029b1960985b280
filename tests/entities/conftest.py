"""Entity-stage fixtures: resources loaded once, and a helper that runs the stage on a text."""

from __future__ import annotations

import pytest

from warta.entities import EntityResources, find_entities
from warta.records import Article, Entity, Source

from .helpers import Run


@pytest.fixture(scope="session")
def entity_res() -> EntityResources:
    """Rules and knowledge base only, so these tests hold whatever the model learns."""
    return EntityResources.load(use_model=False)


@pytest.fixture(scope="session")
def run_entities(entity_res: EntityResources) -> Run:
    def run(
        text: str, language: str = "id", published: str | None = "2023-02-01"
    ) -> tuple[Entity, ...]:
        article = Article(
            "t", Source(path="t.txt"), language, None, None, None, published, (), text
        )
        return find_entities(article, entity_res)

    return run
