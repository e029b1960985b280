"""The article record: one typed shape for JSONL, the database and the API.

Every fact carries character offsets into the record's own ``text`` (end exclusive), so
``text[start:end]`` is always the words that state it. Records are frozen and slotted so
that they pickle cheaply between Dask workers and cannot be mutated by a later stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Article",
    "Entity",
    "Event",
    "EventSide",
    "Evidence",
    "Heading",
    "Location",
    "Mention",
    "Quote",
    "Source",
    "Speaker",
    "record_from_dict",
    "record_to_dict",
]


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from: a file path, a URL, and an offset inside a multi-article file."""

    path: str | None = None
    url: str | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent with every mention of it in the article."""

    id: str
    name: str
    type: str
    actor: str | None = None
    agent: str | None = None
    kb: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str
    cue: str | None = None
    speaker: Speaker = field(default_factory=Speaker)


@dataclass(frozen=True, slots=True)
class EventSide:
    actor: str | None = None
    agent: str | None = None
    name: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    code: str
    root: str
    quad: int
    goldstein: float
    source: EventSide
    target: EventSide
    evidence: Evidence
    date: str | None = None
    location: Location | None = None
    negated: bool = False
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """What Warta writes for one article (see CONTRACT.md in the shared folder)."""

    id: str
    source: Source
    language: str | None
    title: str | None
    outlet: str | None
    section: str | None
    published: str | None
    wire: tuple[str, ...]
    text: str
    headings: tuple[Heading, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()


# Writing a record is on every article's path, so each class is spelled out field by field,
# in field order (tests/scale/test_serialisation.py checks the result against
# ``dataclasses.asdict``): about twice as fast as a generic walk over ``__slots__``, which
# was in turn a third of the cost of ``asdict`` (that deep-copies every leaf).


def _span(item: Heading | Mention | Evidence) -> dict[str, Any]:
    return {"text": item.text, "start": item.start, "end": item.end}


def _entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "actor": entity.actor,
        "agent": entity.agent,
        "kb": entity.kb,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in entity.mentions],
    }


def _quote_dict(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": {"name": speaker.name, "entity": speaker.entity},
    }


def _side_dict(side: EventSide) -> dict[str, Any]:
    return {"actor": side.actor, "agent": side.agent, "name": side.name, "entity": side.entity}


def _event_dict(event: Event) -> dict[str, Any]:
    loc = event.location
    return {
        "code": event.code,
        "root": event.root,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "source": _side_dict(event.source),
        "target": _side_dict(event.target),
        "evidence": _span(event.evidence),
        "date": event.date,
        "location": None if loc is None else {"name": loc.name, "country": loc.country},
        "negated": event.negated,
        "modality": event.modality,
    }


def record_to_dict(article: Article) -> dict[str, Any]:
    """The JSON-ready dict of an article, in the contract's field order."""
    src = article.source
    source = {"path": src.path, "url": src.url, "offset": src.offset}
    return {
        "id": article.id,
        "source": {k: v for k, v in source.items() if v is not None},
        "language": article.language,
        "title": article.title,
        "outlet": article.outlet,
        "section": article.section,
        "published": article.published,
        "wire": list(article.wire),
        "text": article.text,
        "headings": list(map(_span, article.headings)),
        "entities": list(map(_entity_dict, article.entities)),
        "quotes": list(map(_quote_dict, article.quotes)),
        "events": list(map(_event_dict, article.events)),
    }


def _tuple(items: Any, build: Any) -> tuple[Any, ...]:
    return tuple(build(item) for item in items or ())


def _side(data: dict[str, Any] | None) -> EventSide:
    data = data or {}
    return EventSide(data.get("actor"), data.get("agent"), data.get("name"), data.get("entity"))


def _event(data: dict[str, Any]) -> Event:
    loc = data.get("location")
    return Event(
        code=data["code"],
        root=data["root"],
        quad=int(data["quad"]),
        goldstein=float(data["goldstein"]),
        source=_side(data.get("source")),
        target=_side(data.get("target")),
        evidence=Evidence(**data["evidence"]),
        date=data.get("date"),
        location=Location(loc["name"], loc.get("country")) if loc else None,
        negated=bool(data.get("negated", False)),
        modality=data.get("modality"),
    )


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(
        id=data["id"],
        name=data["name"],
        type=data["type"],
        actor=data.get("actor"),
        agent=data.get("agent"),
        kb=data.get("kb"),
        mentions=_tuple(data.get("mentions"), lambda m: Mention(**m)),
    )


def _quote(data: dict[str, Any]) -> Quote:
    speaker = data.get("speaker") or {}
    return Quote(
        text=data["text"],
        start=data["start"],
        end=data["end"],
        kind=data["kind"],
        cue=data.get("cue"),
        speaker=Speaker(speaker.get("name"), speaker.get("entity")),
    )


def record_from_dict(data: dict[str, Any]) -> Article:
    """The inverse of :func:`record_to_dict`; unknown keys are ignored."""
    src = data.get("source") or {}
    return Article(
        id=data["id"],
        source=Source(src.get("path"), src.get("url"), src.get("offset")),
        language=data.get("language"),
        title=data.get("title"),
        outlet=data.get("outlet"),
        section=data.get("section"),
        published=data.get("published"),
        wire=tuple(data.get("wire") or ()),
        text=data.get("text") or "",
        headings=_tuple(data.get("headings"), lambda h: Heading(**h)),
        entities=_tuple(data.get("entities"), _entity),
        quotes=_tuple(data.get("quotes"), _quote),
        events=_tuple(data.get("events"), _event),
    )
