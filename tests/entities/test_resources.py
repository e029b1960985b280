"""Entity resources: loaded once, picklable for worker processes, used by the pipeline."""

from __future__ import annotations

import pickle

from warta.entities import EntityResources, find_entities
from warta.pipeline import Pipeline
from warta.records import Article, Source

TEXT = "Presiden Joko Widodo bertemu Menteri Luar Negeri Tiongkok Wang Yi di Beijing."


def _article(text: str) -> Article:
    return Article("t", Source(), "id", None, None, None, "2023-02-01", (), text)


def test_resources_survive_pickling(entity_res: EntityResources) -> None:
    copy = pickle.loads(pickle.dumps(entity_res))
    assert find_entities(_article(TEXT), copy) == find_entities(_article(TEXT), entity_res)


def test_pipeline_fills_entities_with_exact_offsets(pipeline: Pipeline) -> None:
    article = pipeline.annotate(_article(TEXT))
    names = {e.name for e in article.entities}
    assert {"Joko Widodo", "Wang Yi", "Beijing"} <= names
    for ent in article.entities:
        assert all(TEXT[m.start : m.end] == m.text for m in ent.mentions)
