"""Data functions behind the API and the dashboard: plain dicts shaped like the contract.

Every list is a page: ``{"total", "limit", "offset", "items"}``. Quotes and events are the
record's own objects with three additions: ``article`` (id, title, published, outlet,
language), ``index`` (the item's position in its article's list, 0-based) and, on every
speaker and event side, ``key`` (the cross-article entity key, see :mod:`warta.store.rows`).
Search hits carry ``snippet``: ``{"text", "start", "highlights"}``, with ``start`` the
snippet's offset in the article text and ``highlights`` ``[start, end]`` pairs inside the
snippet, so a page can mark them after escaping the text.
"""

from __future__ import annotations

import json
from typing import Any

from warta.store import (
    ArticleFilter,
    EntityFilter,
    EventFilter,
    Page,
    QuoteFilter,
    Store,
)
from warta.store.normalize import Snippet

__all__ = [
    "CAMEO_ROOTS",
    "article",
    "articles",
    "dyads",
    "entities",
    "entity",
    "events",
    "events_by_day",
    "events_by_root",
    "quotes",
    "stats",
    "top_speakers",
]

# CAMEO's twenty root categories (facts from the CAMEO codebook, names in English).
CAMEO_ROOTS: dict[str, str] = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}


def _page(total: int, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _article_ref(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["article_id"],
        "title": row["article_title"],
        "published": row["article_published"],
        "outlet": row["article_outlet"],
        "language": row["article_language"],
    }


def _snippet(snippet: Snippet | None) -> dict[str, Any] | None:
    if snippet is None:
        return None
    return {
        "text": snippet.text,
        "start": snippet.start,
        "highlights": [list(h) for h in snippet.highlights],
    }


def _article_item(row: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": row["id"],
        "source": json.loads(row["source"]),
        "language": row["language"],
        "title": row["title"],
        "outlet": row["outlet"],
        "section": row["section"],
        "published": row["published"],
        "wire": json.loads(row["wire"]),
        "counts": {
            "entities": int(row["n_entities"]),
            "quotes": int(row["n_quotes"]),
            "events": int(row["n_events"]),
        },
    }
    if "score" in row:
        item["score"] = round(-float(row["score"]), 4)  # higher is better in the API
        item["snippet"] = _snippet(row.get("snippet"))
    return item


def articles(store: Store, f: ArticleFilter, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Articles' metadata (no text), newest first, or best match first when ``f.q`` is set."""
    page = store.articles(f, limit, offset)
    return _page(page.total, [_article_item(r) for r in page.rows], limit, offset)


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One full record, exactly as the contract has it."""
    return store.article(article_id)


def _quote_item(row: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = json.loads(row["data"])
    item["speaker"] = {**item.get("speaker", {}), "key": row["speaker_key"]}
    item["index"] = int(row["idx"])
    item["article"] = _article_ref(row)
    if "score" in row:
        item["score"] = round(-float(row["score"]), 4)
    return item


def _quotes_page(page: Page, limit: int, offset: int) -> dict[str, Any]:
    return _page(page.total, [_quote_item(r) for r in page.rows], limit, offset)


def quotes(store: Store, f: QuoteFilter, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Quotes with their article, newest first, or best match first when ``f.q`` is set."""
    return _quotes_page(store.quotes(f, limit, offset), limit, offset)


def _event_item(row: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = json.loads(row["data"])
    item["source"] = {**item.get("source", {}), "key": row["source_key"]}
    item["target"] = {**item.get("target", {}), "key": row["target_key"]}
    item["day"] = row["day"]
    item["index"] = int(row["idx"])
    item["article"] = _article_ref(row)
    return item


def events(store: Store, f: EventFilter, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Events with their article, latest day first. ``day`` is the date filters use."""
    page = store.events(f, limit, offset)
    return _page(page.total, [_event_item(r) for r in page.rows], limit, offset)


def _entity_item(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": row["key"],
        "name": row["name"],
        "type": row["type"],
        "actor": row["actor"],
        "agent": row["agent"],
        "kb": row["kb"],
        "articles": int(row["articles"]),
        "mentions": int(row["mentions"] or 0),
    }


def entities(store: Store, f: EntityFilter, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Entities across articles (one per key), most widely reported first."""
    page = store.entities(f, limit, offset)
    return _page(page.total, [_entity_item(r) for r in page.rows], limit, offset)


def entity(store: Store, key: str, limit: int = 20, offset: int = 0) -> dict[str, Any] | None:
    """One entity: what it said (``quotes``), what was said of it (``about``), its events.

    Each of the three lists is a page of its own, sharing ``limit`` and ``offset``.
    """
    summary = store.entity(key)
    if summary is None:
        return None
    return {
        **_entity_item(summary),
        "names": summary["names"],
        "quotes": quotes(store, QuoteFilter(speaker_key=key), limit, offset),
        "about": quotes(store, QuoteFilter(about=key), limit, offset),
        "events": events(store, EventFilter(entity=key), limit, offset),
    }


def events_by_day(
    store: Store, f: EventFilter, limit: int = 1000, offset: int = 0
) -> dict[str, Any]:
    """Event counts per day, oldest first, each split by quad class (``quads``)."""
    days: dict[str, dict[str, Any]] = {}
    for row in store.events_by_day(f):
        day = days.setdefault(row["day"], {"day": row["day"], "count": 0, "quads": {}})
        day["count"] += int(row["count"])
        day["quads"][str(row["quad"])] = int(row["count"])
    items = list(days.values())
    return _page(len(items), items[offset : offset + limit], limit, offset)


def events_by_root(
    store: Store, f: EventFilter, limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    """Event counts and mean Goldstein score per CAMEO root, in root order."""
    items = [
        {
            "root": row["root"],
            "name": CAMEO_ROOTS.get(row["root"]),
            "quad": int(row["quad"]) if row["quad"] is not None else None,
            "count": int(row["count"]),
            "goldstein": _round(row["goldstein"]),
        }
        for row in store.events_by_root(f)
    ]
    return _page(len(items), items[offset : offset + limit], limit, offset)


def dyads(store: Store, f: EventFilter, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Who to whom: event counts per (source actor, target actor), most first."""
    page = store.dyads(f, limit, offset)
    items = [
        {
            "source": r["source"],
            "target": r["target"],
            "count": int(r["count"]),
            "cooperation": int(r["cooperation"]),
            "conflict": int(r["conflict"]),
            "goldstein": _round(r["goldstein"]),
        }
        for r in page.rows
    ]
    return _page(page.total, items, limit, offset)


def top_speakers(store: Store, f: QuoteFilter, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Speakers by number of quotes; ``key`` is null for speakers not linked to an entity."""
    page = store.top_speakers(f, limit, offset)
    items = [
        {
            "key": r["key"],
            "name": r["name"],
            "quotes": int(r["quotes"]),
            "articles": int(r["articles"]),
        }
        for r in page.rows
    ]
    return _page(page.total, items, limit, offset)


def stats(store: Store) -> dict[str, Any]:
    """How much the store holds: row counts, days covered, articles per outlet and language."""
    return store.stats()
