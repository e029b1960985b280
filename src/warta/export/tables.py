"""Records flattened into one table per kind (articles, entities, quotes, events).

Each table's columns and their types are declared once here and shared by the CSV and
Parquet writers. Nested values become flat columns (``source_actor``, ``evidence_start``);
``wire`` becomes one string joined by "; ".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from warta.records import record_from_dict
from warta.store.rows import entity_key

__all__ = ["TABLES", "table_rows"]

# column -> type: "str", "int", "float" or "bool"
TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "id": "str", "source_path": "str", "source_url": "str", "source_offset": "int",
        "language": "str", "title": "str", "outlet": "str", "section": "str",
        "published": "str", "wire": "str", "entities": "int", "quotes": "int", "events": "int",
        "text": "str",
    },
    "entities": {
        "article_id": "str", "id": "str", "key": "str", "name": "str", "type": "str",
        "actor": "str", "agent": "str", "kb": "str", "mentions": "int",
    },
    "quotes": {
        "article_id": "str", "index": "int", "text": "str", "start": "int", "end": "int",
        "kind": "str", "cue": "str", "speaker_name": "str", "speaker_entity": "str",
        "speaker_key": "str",
    },
    "events": {
        "article_id": "str", "index": "int", "code": "str", "root": "str", "quad": "int",
        "goldstein": "float", "date": "str",
        **{f"{side}_{k}": "str" for side in ("source", "target")
           for k in ("actor", "agent", "name", "entity", "key")},
        "location_name": "str", "location_country": "str", "negated": "bool",
        "modality": "str", "evidence_text": "str", "evidence_start": "int",
        "evidence_end": "int",
    },
}  # fmt: skip


def _articles(r: dict[str, Any], keys: dict[str, str]) -> Iterator[dict[str, Any]]:
    src = r.get("source") or {}
    yield {
        "id": r["id"], "source_path": src.get("path"), "source_url": src.get("url"),
        "source_offset": src.get("offset"), "language": r.get("language"),
        "title": r.get("title"), "outlet": r.get("outlet"), "section": r.get("section"),
        "published": r.get("published"), "wire": "; ".join(r.get("wire") or ()),
        "entities": len(r.get("entities") or ()), "quotes": len(r.get("quotes") or ()),
        "events": len(r.get("events") or ()), "text": r.get("text"),
    }  # fmt: skip


def _entities(r: dict[str, Any], keys: dict[str, str]) -> Iterator[dict[str, Any]]:
    for e in r.get("entities") or ():
        yield {
            "article_id": r["id"], "id": e["id"], "key": keys.get(e["id"]), "name": e["name"],
            "type": e["type"], "actor": e.get("actor"), "agent": e.get("agent"),
            "kb": e.get("kb"), "mentions": len(e.get("mentions") or ()),
        }  # fmt: skip


def _quotes(r: dict[str, Any], keys: dict[str, str]) -> Iterator[dict[str, Any]]:
    for i, q in enumerate(r.get("quotes") or ()):
        speaker = q.get("speaker") or {}
        yield {
            "article_id": r["id"], "index": i, "text": q["text"], "start": q["start"],
            "end": q["end"], "kind": q["kind"], "cue": q.get("cue"),
            "speaker_name": speaker.get("name"), "speaker_entity": speaker.get("entity"),
            "speaker_key": keys.get(speaker.get("entity") or ""),
        }  # fmt: skip


def _side(prefix: str, side: dict[str, Any] | None, keys: dict[str, str]) -> dict[str, Any]:
    side = side or {}
    out = {f"{prefix}_{k}": side.get(k) for k in ("actor", "agent", "name", "entity")}
    out[f"{prefix}_key"] = keys.get(side.get("entity") or "")
    return out


def _events(r: dict[str, Any], keys: dict[str, str]) -> Iterator[dict[str, Any]]:
    for i, e in enumerate(r.get("events") or ()):
        loc, ev = e.get("location") or {}, e["evidence"]
        yield {
            "article_id": r["id"], "index": i, "code": e["code"], "root": e["root"],
            "quad": e["quad"], "goldstein": e["goldstein"], "date": e.get("date"),
            **_side("source", e.get("source"), keys), **_side("target", e.get("target"), keys),
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "negated": bool(e.get("negated", False)), "modality": e.get("modality"),
            "evidence_text": ev["text"], "evidence_start": ev["start"],
            "evidence_end": ev["end"],
        }  # fmt: skip


_BUILDERS: dict[str, Callable[[dict[str, Any], dict[str, str]], Iterator[dict[str, Any]]]] = {
    "articles": _articles,
    "entities": _entities,
    "quotes": _quotes,
    "events": _events,
}


def table_rows(table: str, records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows of ``table`` (a key of :data:`TABLES`) for every record."""
    build = _BUILDERS[table]
    for record in records:
        article = record_from_dict(record)
        keys = {e.id: entity_key(e) for e in article.entities}
        yield from build(record, keys)
