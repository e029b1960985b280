"""The entity stage on the seed and dev gold, scored by the shared scorer; floors hold the level."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from warta.entities import EntityResources, find_entities
from warta.records import Article, Source, record_to_dict

# What the stage reached when this test was written, rounded down.
FLOORS = {"entities": 0.945, "entities_typed": 0.925}


def _articles(shared: Path) -> list[tuple[Article, dict[str, Any]]]:
    out = []
    for gold_path in sorted((shared / "gold" / "dev").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        dev = shared / "corpus" / "dev" / gold["doc"]
        if dev.is_file():
            data = json.loads(dev.read_text(encoding="utf-8"))
            text, published = data["text"], data.get("date")
        else:  # the seed: a saved page, scored on its text as it stands
            text = (shared / "corpus" / "seed" / gold["doc"]).read_text(encoding="utf-8")
            published = gold["meta"].get("published")
        src = Source(path=gold["doc"])
        out.append(
            (
                Article(gold["doc"], src, gold["language"], None, None, None, published, (), text),
                gold,
            )
        )
    return out


@pytest.fixture(scope="module")
def stage() -> EntityResources:
    """The entity stage as the pipeline runs it: knowledge base, rules and the model."""
    return EntityResources.load()


@pytest.fixture(scope="module")
def report(shared_dir: Path, shared_scorer: ModuleType, stage: EntityResources) -> dict[str, Any]:
    score = shared_scorer
    typed, untyped = score.Counts(), score.Counts()
    for article, gold in _articles(shared_dir):
        record = record_to_dict(
            article.__class__(**{**_fields(article), "entities": find_entities(article, stage)})
        )
        score.score_entities(record, gold, typed, untyped, {})
    return {"entities": untyped.prf(), "entities_typed": typed.prf()}


def _fields(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in article.__slots__}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_gold_f1_holds_its_floor(report: dict[str, Any], metric: str) -> None:
    assert report[metric]["f1"] >= FLOORS[metric], report[metric]


def test_seed_people_carry_their_gold_actors(shared_dir: Path, stage: EntityResources) -> None:
    seed = next(a for a, g in _articles(shared_dir) if a.id.startswith("koran-jakarta"))
    actors = {e.name: e.actor for e in find_entities(seed, stage)}
    expected = {
        "Jens Stoltenberg": "NATO",
        "Yoon Suk-yeol": "KOR",
        "Lee Jong-sup": "KOR",
        "Mao Ning": "CHN",
    }
    assert {name: actors.get(name) for name in expected} == expected
