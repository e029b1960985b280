"""Writing a record is on every article's path: the fast walk must equal ``asdict``."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from warta import records
from warta.records import (
    Article,
    Entity,
    Event,
    EventSide,
    Evidence,
    Heading,
    Location,
    Mention,
    Quote,
    Source,
    Speaker,
    record_from_dict,
    record_to_dict,
)

RECORD_CLASSES = [
    getattr(records, name)
    for name in records.__all__
    if isinstance(getattr(records, name), type) and dataclasses.is_dataclass(getattr(records, name))
]

ARTICLE = Article(
    id="w0123456789abcdef",
    source=Source(path="berita.jsonl", offset=512),
    language="id",
    title="Menlu bertemu Dubes AS",
    outlet="berita.example.id",
    section=None,
    published="2017-04-03T10:15:00+07:00",
    wire=("Antara",),
    text="Menteri Luar Negeri Retno Marsudi bertemu Duta Besar AS di Jakarta.",
    headings=(Heading("Pertemuan", 0, 9),),
    entities=(
        Entity("e1", "Retno Marsudi", "PER", "IDNGOV", "GOV", None, (Mention("Retno", 19, 24),)),
        Entity("e2", "Amerika Serikat", "LOC", "USA"),
    ),
    quotes=(Quote("Kami bersahabat", 0, 15, "direct", "kata", Speaker("Retno Marsudi", "e1")),),
    events=(
        Event(
            code="040",
            root="04",
            quad=1,
            goldstein=1.0,
            source=EventSide("IDNGOV", "GOV", "Retno Marsudi", "e1"),
            target=EventSide("USA", None, "AS", "e2"),
            evidence=Evidence("bertemu", 34, 41),
            date="2017-04-03",
            location=Location("Jakarta", "IDN"),
            negated=False,
            modality=None,
        ),
    ),
)


def _reference(article: Article) -> dict[str, Any]:
    """The contract's dict the slow, obvious way: asdict, tuples as lists, no None in source."""

    def lists(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: lists(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [lists(v) for v in value]
        return value

    data: dict[str, Any] = lists(dataclasses.asdict(article))
    data["source"] = {k: v for k, v in data["source"].items() if v is not None}
    return data


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
def test_record_classes_are_slotted_with_their_fields_in_order(cls: type) -> None:
    names = tuple(f.name for f in dataclasses.fields(cls))
    assert cls.__dict__.get("__slots__") == names


def test_record_to_dict_equals_asdict_in_contract_order() -> None:
    fast, slow = record_to_dict(ARTICLE), _reference(ARTICLE)
    assert fast == slow
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(slow, ensure_ascii=False)


def test_record_to_dict_round_trips_through_record_from_dict() -> None:
    assert record_from_dict(json.loads(json.dumps(record_to_dict(ARTICLE)))) == ARTICLE
