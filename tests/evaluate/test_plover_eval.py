"""PLOVER gold records: reading them, mapping CAMEO codes to PLOVER names, and counting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.evaluate.plover import (
    PloverRecord,
    evaluate_records,
    load_mapping,
    load_records,
    plover_names,
)
from warta.ingest.document import RawDocument
from warta.pipeline import Pipeline
from warta.records import Event, EventSide, Evidence, Source

RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
    {
        "id": "R1",
        "event": "DEMAND",
        "text": "Poland demanded that Russia withdraw its troops.",
        "source": [{"actorText": "Poland", "code": "POL"}],
        "target": [{"actorText": "Russia", "code": "RUS"}],
    },
    {
        "id": "R2",
        "event": "AGREE",
        "text": "Jordan and Britain agreed to hold joint exercises.",
        "source": [{"code": "JOR"}, {"code": "GBR"}],
        "target": "",
    },
]


def _event(code: str, source: str, target: str) -> Event:
    return Event(
        code=code, root=code[:2], quad=1, goldstein=0.0, source=EventSide(actor=source),
        target=EventSide(actor=target), evidence=Evidence("x", 0, 1),
    )  # fmt: skip


def test_records_load_without_documentation_entries(tmp_path: Path) -> None:
    (tmp_path / "gsr.txt").write_text(json.dumps(RECORDS), encoding="utf-8")
    (tmp_path / "readme.tex").write_text("\\documentclass{article}", encoding="utf-8")
    records = load_records(tmp_path)
    assert [r.id for r in records] == ["R1", "R2"]
    assert records[0].sources == {"POL"} and records[1].targets == frozenset()


def test_a_folder_without_records_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no PLOVER gold records"):
        load_records(tmp_path)


def test_mapping_reads_codes_and_names(tmp_path: Path) -> None:
    table = tmp_path / "CAMEO2PLOVER.txt"
    table.write_text("# header\n08: CONCEDE\n084: RETREAT,   ,  # Return\n", encoding="utf-8")
    mapping = load_mapping(table)
    assert plover_names("0841", mapping) >= {"RETREAT", "CONCEDE"}
    assert "DEMAND" in plover_names("100", {})  # the older draft's names map by root


def test_counts_exact_records_precision_and_recall() -> None:
    recs = [
        PloverRecord("R1", "", "DEMAND", frozenset({"POL"}), frozenset({"RUS"})),
        PloverRecord("R2", "", "AGREE", frozenset({"JOR", "GBR"}), frozenset()),
        PloverRecord("R3", "", "FIGHT", frozenset({"ISR"}), frozenset({"PSE"})),
    ]
    coded = {
        "R1": [_event("100", "POL", "RUS")],  # exact
        "R2": [_event("030", "GBR", "JOR")],  # exact: no gold target to miss
        "R3": [_event("111", "ISR", "PSE")],  # wrong family
    }
    result = evaluate_records(recs, lambda r: coded[r.id], {})
    assert (result["records"], result["coded"], result["exact"]) == (3, 3, 2)
    assert (result["precision"], result["recall"]) == (0.6667, 0.6667)
    assert result["by_event"]["FIGHT"] == {"records": 1, "exact": 0}


def test_shared_gold_records_load(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "events" / "plover"
    records = load_records(folder / "gold_standard_records")
    assert len(records) > 300
    assert plover_names("173", load_mapping(folder / "CAMEO2PLOVER-2021.txt")) >= {"COERCE"}


def test_international_body_answers_to_the_records_igo_code() -> None:
    rec = PloverRecord("R4", "", "DISAPPROVE", frozenset({"IGO"}), frozenset({"SRB"}))
    event = Event(
        code="111", root="11", quad=3, goldstein=-2.0,
        source=EventSide(actor="EU", agent="IGO"), target=EventSide(actor="SRB"),
        evidence=Evidence("x", 0, 1),
    )  # fmt: skip
    country = _event("111", "FRA", "SRB")
    assert evaluate_records([rec], lambda r: [event], {})["exact"] == 1
    assert evaluate_records([rec], lambda r: [country], {})["exact"] == 0


# Exact records on the PLOVER gold with the real pipeline were 93 of 322 (28.9%) when this
# floor was set; it sits a little under that, since the entity stage feeds the actors.
PLOVER_EXACT_FLOOR = 0.26


def test_english_coder_holds_its_plover_floor(shared_dir: Path, pipeline: Pipeline) -> None:
    folder = shared_dir / "data" / "events" / "plover"
    records = load_records(folder / "gold_standard_records")
    mapping = load_mapping(folder / "CAMEO2PLOVER-2021.txt")

    def code(rec: PloverRecord) -> tuple[Event, ...]:
        raw = RawDocument(Source(path=rec.id), rec.text, is_page_text=False, language="en")
        return pipeline.run(raw).events

    result = evaluate_records(records, code, mapping)
    assert result["exact_rate"] >= PLOVER_EXACT_FLOOR, result
