"""Typed filters for the store's list queries, and the SQL ``WHERE`` they become.

Dates are ``YYYY-MM-DD`` strings compared as text (both backends store days that way):
an article's day is its publication day, a quote's is its article's, an event's is the
day it happened (its article's day when the text gives none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ArticleFilter", "EntityFilter", "EventFilter", "QuoteFilter", "Where", "like"]


def like(value: str) -> str:
    """A case-insensitive ``LIKE`` pattern matching ``value`` anywhere (with ``ESCAPE '!'``)."""
    escaped = value.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


@dataclass(slots=True)
class Where:
    """AND-ed SQL conditions with their bind parameters."""

    clauses: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    def days(self, column: str, since: str | None, until: str | None) -> None:
        if since:
            self.add(f"{column} >= :since", since=since[:10])
        if until:
            self.add(f"{column} <= :until", until=until[:10])


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Articles: full-text ``q`` over title and body, outlet, language, publication days."""

    q: str | None = None
    outlet: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> Where:
        w = Where()
        if self.outlet:
            w.add("a.outlet = :outlet", outlet=self.outlet)
        if self.language:
            w.add("a.language = :language", language=self.language)
        w.days("a.day", self.since, self.until)
        return w


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Quotes: full-text ``q`` over text and speaker; ``speaker`` is an entity key or any
    part of the speaker's name, ``speaker_key`` only a key (faster); ``about`` an entity key
    mentioned inside the quote."""

    q: str | None = None
    speaker: str | None = None
    about: str | None = None
    article: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    speaker_key: str | None = None

    def where(self) -> Where:
        w = Where()
        if self.speaker_key:
            w.add("q.speaker_key = :speaker_key", speaker_key=self.speaker_key)
        if self.speaker:
            w.add(
                "(q.speaker_key = :speaker OR lower(q.speaker_name) LIKE :speaker_like ESCAPE '!')",
                speaker=self.speaker,
                speaker_like=like(self.speaker),
            )
        if self.about:
            w.add("q.n IN (SELECT quote_n FROM quote_about WHERE key = :about)", about=self.about)
        if self.article:
            w.add("a.id = :article", article=self.article)
        if self.kind:
            w.add("q.kind = :kind", kind=self.kind)
        w.days("q.day", self.since, self.until)
        return w


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Events: ``source``/``target`` are an actor code (``IDN``) or an entity key,
    ``entity`` an entity key on either side, ``root`` a CAMEO root, ``code`` a code prefix."""

    source: str | None = None
    target: str | None = None
    entity: str | None = None
    root: str | None = None
    code: str | None = None
    quad: int | None = None
    article: str | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> Where:
        w = Where()
        for side in ("source", "target"):
            value = getattr(self, side)
            if value:
                w.add(
                    f"(e.{side}_actor = :{side}_actor OR e.{side}_key = :{side}_key)",
                    **{f"{side}_actor": value.upper(), f"{side}_key": value.lower()},
                )
        if self.entity:
            w.add("(e.source_key = :entity OR e.target_key = :entity)", entity=self.entity)
        if self.root:
            w.add("e.root = :root", root=self.root.zfill(2))
        if self.code:
            w.add("e.code LIKE :code", code=self.code.replace("%", "").replace("_", "") + "%")
        if self.quad is not None:
            w.add("e.quad = :quad", quad=self.quad)
        if self.article:
            w.add("a.id = :article", article=self.article)
        w.days("e.day", self.since, self.until)
        return w


@dataclass(frozen=True, slots=True)
class EntityFilter:
    """Entities across articles: ``type`` (PER, ORG, LOC), ``actor`` code, part of ``name``."""

    type: str | None = None
    actor: str | None = None
    name: str | None = None

    def where(self) -> Where:
        w = Where()
        if self.type:
            w.add("es.type = :type", type=self.type.upper())
        if self.actor:
            w.add("es.actor = :actor", actor=self.actor.upper())
        if self.name:
            w.add("lower(es.name) LIKE :name ESCAPE '!'", name=like(self.name))
        return w
