"""The whole pipeline on the seed and dev gold, scored by the shared scorer as a user runs it.

Each stage's own test scores it in isolation; this one holds what a user gets end to end.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from warta.ingest import iter_documents
from warta.pipeline import Pipeline
from warta.records import Article, record_to_dict

# What the pipeline reached when this test was written, rounded down; floors only ever rise.
FLOORS = {
    "meta.accuracy": 1.0,
    "entities.f1": 0.945,
    "entities_typed.f1": 0.925,
    "quotes.f1": 0.99,
    "quotes_attributed.f1": 0.98,
    "attribution.accuracy": 0.985,
    "events.f1": 0.81,
    "event_dates.accuracy": 0.95,
}


@pytest.fixture(scope="module")
def report(
    shared_dir: Path, shared_scorer: ModuleType, pipeline: Pipeline, tmp_path_factory: Any
) -> dict[str, Any]:
    paths = [*(shared_dir / "corpus" / "seed").glob("*.txt")]
    paths += sorted((shared_dir / "corpus" / "dev").glob("*.json"))
    out = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for item in pipeline.run_many(iter_documents([str(p) for p in paths])):
            assert isinstance(item, Article), item
            fh.write(json.dumps(record_to_dict(item), ensure_ascii=False) + "\n")
    report_path = out.with_suffix(".report.json")
    gold = shared_dir / "gold" / "dev"
    argv = ["--gold", str(gold), "--pred", str(out), "--json", str(report_path)]
    assert shared_scorer.main(argv) == 0
    loaded: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    return loaded


def _metric(report: dict[str, Any], key: str) -> float:
    value: Any = report
    for part in key.split("."):
        value = value[part]
    return float(value)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_end_to_end_dev_figure_holds_its_floor(report: dict[str, Any], metric: str) -> None:
    assert _metric(report, metric) >= FLOORS[metric], {metric: _metric(report, metric)}


def test_every_evidence_offset_points_at_its_words(report: dict[str, Any]) -> None:
    assert report["offsets"]["checked"] > 1000
    assert report["offsets"]["bad"] == 0
