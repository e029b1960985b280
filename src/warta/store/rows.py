"""An article record flattened into the rows of the store's tables.

Each quote and event keeps its exact contract JSON in a ``data`` column (the API returns it
unchanged); the other columns, and the entity rows, exist to filter, join and count.

Cross-article entity key: entities are numbered per article (``e1``, ``e2``), so the store
gives each a key that is the same in every article: ``kb-<id>`` when the knowledge base has
an identifier (``kb-q3123``, ``kb-idn``), otherwise ``<type>-<name>`` from the canonical
name (``per-joko-widodo``), both lower-case ASCII slugs safe in a URL path.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from warta.records import Article, Entity, Event, Quote, record_to_dict

__all__ = ["ArticleRows", "entity_key", "flatten", "record_json", "slug"]

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    """Lower-case ASCII words joined by hyphens ("Yoon Suk-yeol" -> "yoon-suk-yeol")."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def entity_key(entity: Entity) -> str:
    """The cross-article key of an entity (see the module docstring)."""
    if entity.kb and slug(entity.kb):
        return f"kb-{slug(entity.kb)}"
    return f"{slug(entity.type) or 'x'}-{slug(entity.name) or 'unnamed'}"


def record_json(article: Article) -> str:
    """The record as stored and served: contract field order, UTF-8 kept readable."""
    return _dumps(record_to_dict(article))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class ArticleRows:
    """Everything one article writes, before the store numbers the rows."""

    article: dict[str, Any]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    # (quote index, entity key): entities mentioned inside a quote's span
    about: list[tuple[int, str]]


def _article_row(article: Article, record: dict[str, Any], body: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "digest": hashlib.sha1(body.encode("utf-8")).hexdigest(),
        "source": _dumps(record["source"]),
        "source_path": article.source.path,
        "source_url": article.source.url,
        "language": article.language,
        "title": article.title,
        "outlet": article.outlet,
        "section": article.section,
        "published": article.published,
        "day": (article.published or "")[:10] or None,
        "wire": _dumps(record["wire"]),
        "text": article.text,
        "headings": _dumps(record["headings"]),
        "n_entities": len(article.entities),
        "n_quotes": len(article.quotes),
        "n_events": len(article.events),
        "record": body,
    }


def _entity_rows(article: Article, keys: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "eid": e.id,
            "key": keys[e.id],
            "name": e.name,
            "type": e.type,
            "actor": e.actor,
            "agent": e.agent,
            "kb": e.kb,
            "n_mentions": len(e.mentions),
        }
        for e in article.entities
    ]


def _quote_row(
    i: int, q: Quote, data: dict[str, Any], keys: dict[str, str], day: str | None
) -> Any:
    return {
        "idx": i,
        "kind": q.kind,
        "speaker_name": q.speaker.name,
        "speaker_key": keys.get(q.speaker.entity or ""),
        "day": day,
        "text": q.text,
        "data": _dumps(data),
    }


def _event_row(
    i: int, e: Event, data: dict[str, Any], keys: dict[str, str], day: str | None
) -> Any:
    return {
        "idx": i,
        "code": e.code,
        "base": e.code[:3],
        "root": e.root,
        "quad": e.quad,
        "goldstein": e.goldstein,
        "source_actor": e.source.actor,
        "source_agent": e.source.agent,
        "source_name": e.source.name,
        "source_key": keys.get(e.source.entity or ""),
        "target_actor": e.target.actor,
        "target_agent": e.target.agent,
        "target_name": e.target.name,
        "target_key": keys.get(e.target.entity or ""),
        "day": (e.date or "")[:10] or day,
        "location_country": e.location.country if e.location else None,
        "data": _dumps(data),
    }


def _about(article: Article, keys: dict[str, str]) -> list[tuple[int, str]]:
    pairs: dict[tuple[int, str], None] = {}
    for i, quote in enumerate(article.quotes):
        for entity in article.entities:
            if entity.id == quote.speaker.entity:
                continue  # what an entity says is not said *of* it
            if any(quote.start <= m.start and m.end <= quote.end for m in entity.mentions):
                pairs[(i, keys[entity.id])] = None
    return list(pairs)


def flatten(article: Article) -> ArticleRows:
    """The rows of one article; the record JSON is computed once and shared."""
    record = record_to_dict(article)
    body = _dumps(record)
    row = _article_row(article, record, body)
    keys = {e.id: entity_key(e) for e in article.entities}
    day = row["day"]
    return ArticleRows(
        article=row,
        entities=_entity_rows(article, keys),
        quotes=[
            _quote_row(i, q, d, keys, day)
            for i, (q, d) in enumerate(zip(article.quotes, record["quotes"], strict=True))
        ],
        events=[
            _event_row(i, e, d, keys, day)
            for i, (e, d) in enumerate(zip(article.events, record["events"], strict=True))
        ],
        about=_about(article, keys),
    )
