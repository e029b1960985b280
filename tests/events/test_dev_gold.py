"""Events on the dev gold, scored by the shared scorer: F1 and date accuracy hold their floors.

The articles are the dev corpus texts with the gold entities and quotes as the other stages'
output (every name and alias of a gold entity found in the text is a mention; each gold
quotation found verbatim is a quote of its gold speaker), so the figures measure the event
stage itself, whatever state the other stages are in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from warta.events import EventResources, find_events
from warta.records import Article, Entity, Mention, Quote, Source, Speaker, record_to_dict

F1_FLOOR = 0.83
DATE_FLOOR = 0.95


def _gold_entities(text: str, gold: dict[str, Any]) -> tuple[Entity, ...]:
    spans: list[tuple[int, int, int]] = []
    for k, ent in enumerate(gold.get("entities", [])):
        for name in {ent["name"], *ent.get("aliases", [])}:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                spans.append((m.start(), m.end(), k))
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))  # longest first
    taken: list[tuple[int, int]] = []
    found: dict[int, list[Mention]] = {}
    for start, end, k in spans:
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            found.setdefault(k, []).append(Mention(text[start:end], start, end))
    return tuple(
        Entity(f"e{k}", ent["name"], ent["type"], actor=ent.get("actor"),
               mentions=tuple(sorted(found[k], key=lambda m: m.start)))
        for k, ent in enumerate(gold.get("entities", []))
        if k in found
    )  # fmt: skip


def _gold_quotes(text: str, gold: dict[str, Any]) -> tuple[Quote, ...]:
    ids = {ent["name"]: f"e{k}" for k, ent in enumerate(gold.get("entities", []))}
    quotes: list[Quote] = []
    for q in gold.get("quotes", []):
        start = text.find(q["text"])
        if start >= 0 and q.get("speaker"):
            end = start + len(q["text"])
            speaker = Speaker(q["speaker"], ids.get(q["speaker"]))
            quotes.append(Quote(q["text"], start, end, q["kind"], speaker=speaker))
    return tuple(sorted(quotes, key=lambda q: q.start))


@pytest.fixture(scope="module")
def report(
    shared_dir: Path, shared_scorer: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    res = EventResources.load()
    work = tmp_path_factory.mktemp("events")
    gold_dir = work / "gold"  # the gold of the articles scored here, read from ../shared
    gold_dir.mkdir()
    out = work / "dev.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for gold_file in sorted((shared_dir / "gold" / "dev").glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            path = shared_dir / "corpus" / "dev" / gold["doc"]
            if not path.is_file():
                continue  # the seed page needs the structure stage; it is scored elsewhere
            (gold_dir / gold_file.name).write_text(gold_file.read_text(encoding="utf-8"))
            doc = json.loads(path.read_text(encoding="utf-8"))
            art = Article(
                id=doc["id"], source=Source(path=str(path)), language=gold["language"],
                title=None, outlet=None, section=None, published=doc.get("date"), wire=(),
                text=doc["text"],
            )  # fmt: skip
            art = Article(
                **{
                    **_fields(art),
                    "entities": _gold_entities(art.text, gold),
                    "quotes": _gold_quotes(art.text, gold),
                }
            )
            art = Article(**{**_fields(art), "events": find_events(art, res)})
            fh.write(json.dumps(record_to_dict(art), ensure_ascii=False) + "\n")
    scorer = shared_scorer
    report_file = out.with_suffix(".report.json")
    scorer.main(["--gold", str(gold_dir), "--pred", str(out), "--json", str(report_file)])
    data: dict[str, Any] = json.loads(report_file.read_text(encoding="utf-8"))
    return data


def _fields(art: Article) -> dict[str, Any]:
    return {f: getattr(art, f) for f in Article.__dataclass_fields__}


def test_dev_events_f1_holds_its_floor(report: dict[str, Any]) -> None:
    assert report["events"]["f1"] >= F1_FLOOR, report["events"]


def test_dev_event_dates_hold_their_floor(report: dict[str, Any]) -> None:
    assert report["event_dates"]["accuracy"] >= DATE_FLOOR, report["event_dates"]


def test_every_evidence_offset_is_exact(report: dict[str, Any]) -> None:
    assert report["offsets"]["bad"] == 0
