"""The JSON API under ``/api``: read-only routes over the store, and one token-guarded write.

Every list takes ``limit`` and ``offset`` and answers ``{"total", "limit", "offset",
"items"}`` (see :mod:`warta.web.queries` for the item shapes). Days are ``YYYY-MM-DD``.
``POST /api/articles`` upserts records and needs ``Authorization: Bearer <token>``: 401
without a valid token, 403 when the server was started without one (writing disabled).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from warta.records import Article, record_from_dict
from warta.store import (
    ArticleFilter,
    EntityFilter,
    EventFilter,
    QuoteFilter,
    Store,
    StoreError,
)
from warta.web import queries

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

_DAY = r"^\d{4}-\d{2}-\d{2}$"
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
Since = Annotated[str | None, Query(pattern=_DAY, description="First day, YYYY-MM-DD.")]
Until = Annotated[str | None, Query(pattern=_DAY, description="Last day, YYYY-MM-DD.")]
Text = Annotated[
    str,
    Query(
        min_length=1,
        max_length=500,
        description='Words (all must match, any inflection), "a phrase", or a prefix*.',
    ),
]


def get_store(request: Request) -> Store:
    """The app's store (opened once by :func:`warta.web.app.create_app`)."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def _found(item: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if item is None:
        raise HTTPException(status_code=404, detail=f"{what} not found")
    return item


@router.get("/stats", summary="What the store holds")
def stats(store: StoreDep) -> dict[str, Any]:
    """Row counts, the days covered, and articles per outlet and language."""
    return queries.stats(store)


@router.get("/articles", summary="List articles (metadata, newest first)")
def list_articles(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    outlet: str | None = None,
    language: str | None = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(max_length=500, description="Optional search.")] = None,
) -> dict[str, Any]:
    """A page of article metadata (no text): id, source, language, title, outlet, section,
    published, wire, and ``counts`` of entities, quotes and events."""
    f = ArticleFilter(q=q, outlet=outlet, language=language, since=since, until=until)
    return queries.articles(store, f, limit, offset)


@router.get("/articles/search", summary="Full-text search over article titles and text")
def search_articles(
    store: StoreDep,
    q: Text,
    limit: Limit = 20,
    offset: Offset = 0,
    outlet: str | None = None,
    language: str | None = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Articles matching every word (any inflection), best first, each with a ``snippet``
    (``text``, its ``start`` in the article, ``highlights`` as offset pairs) and a ``score``."""
    f = ArticleFilter(q=q, outlet=outlet, language=language, since=since, until=until)
    return queries.articles(store, f, limit, offset)


@router.get("/articles/{article_id:path}", summary="One article's full record")
def get_article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """The record exactly as the contract defines it (text, entities, quotes, events)."""
    return _found(queries.article(store, article_id), f"article {article_id!r}")


@router.get("/quotes", summary="List quotes (filter by speaker, text, entity, days)")
def list_quotes(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    speaker: Annotated[
        str | None, Query(description="Entity key, or any part of the speaker's name.")
    ] = None,
    q: Annotated[str | None, Query(max_length=500, description="Search the quotes.")] = None,
    about: Annotated[str | None, Query(description="Entity key mentioned in the quote.")] = None,
    article: str | None = None,
    kind: Annotated[str | None, Query(pattern="^(direct|indirect)$")] = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Quotes as in the record, plus ``article`` (id, title, published, outlet, language),
    ``index`` (position in the article's quotes) and ``speaker.key``, newest first."""
    f = QuoteFilter(q, speaker, about, article, kind, since, until)
    return queries.quotes(store, f, limit, offset)


@router.get("/quotes/search", summary="Full-text search over quotes and their speakers")
def search_quotes(
    store: StoreDep,
    q: Text,
    limit: Limit = 20,
    offset: Offset = 0,
    speaker: str | None = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Quotes whose text or speaker matches every word, best first."""
    f = QuoteFilter(q=q, speaker=speaker, since=since, until=until)
    return queries.quotes(store, f, limit, offset)


def event_filter(
    source: Annotated[str | None, Query(description="Actor code (IDN) or entity key.")] = None,
    target: Annotated[str | None, Query(description="Actor code (MYS) or entity key.")] = None,
    entity: Annotated[str | None, Query(description="Entity key on either side.")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root.")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="Code prefix.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4)] = None,
    article: str | None = None,
    since: Since = None,
    until: Until = None,
) -> EventFilter:
    """Event filters shared by the event list and the event aggregates."""
    return EventFilter(source, target, entity, root, code, quad, article, since, until)


EventFilterDep = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", summary="List events (filter by source, target, root, days)")
def list_events(
    store: StoreDep, f: EventFilterDep, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    """Events as in the record, plus ``article``, ``index``, ``day`` (the date filters use)
    and ``key`` on each side, latest first."""
    return queries.events(store, f, limit, offset)


@router.get("/entities", summary="List entities across articles")
def list_entities(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    type: Annotated[str | None, Query(description="PER, ORG, LOC, ...")] = None,
    actor: Annotated[str | None, Query(description="Coded actor, e.g. IDN.")] = None,
    name: Annotated[str | None, Query(description="Any part of the name.")] = None,
) -> dict[str, Any]:
    """One item per cross-article key (``kb-<id>`` or ``<type>-<name>``), with how many
    articles and mentions it has, most widely reported first."""
    return queries.entities(store, EntityFilter(type, actor, name), limit, offset)


@router.get("/entities/{key}", summary="One entity with its quotes and events")
def get_entity(store: StoreDep, key: str, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """The entity's summary and names, ``quotes`` (what it said), ``about`` (quotes that
    mention it) and ``events`` (either side), each a page."""
    return _found(queries.entity(store, key, limit, offset), f"entity {key!r}")


@router.get("/aggregates/events-by-day", summary="Event counts per day and quad class")
def events_by_day(
    store: StoreDep,
    f: EventFilterDep,
    limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Items ``{day, count, quads: {"1": n, ...}}``, oldest day first."""
    return queries.events_by_day(store, f, limit, offset)


@router.get("/aggregates/events-by-root", summary="Event counts per CAMEO root")
def events_by_root(
    store: StoreDep, f: EventFilterDep, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    """Items ``{root, name, quad, count, goldstein}`` (mean Goldstein score), by root."""
    return queries.events_by_root(store, f, limit, offset)


@router.get("/aggregates/dyads", summary="Event counts per source and target actor")
def dyads(
    store: StoreDep, f: EventFilterDep, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    """Items ``{source, target, count, cooperation, conflict, goldstein}``, most first."""
    return queries.dyads(store, f, limit, offset)


@router.get("/aggregates/top-speakers", summary="Speakers by number of quotes")
def top_speakers(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Items ``{key, name, quotes, articles}``; ``key`` is null for unlinked speakers."""
    return queries.top_speakers(store, QuoteFilter(since=since, until=until), limit, offset)


def require_writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Allow a write only with the configured bearer token."""
    token: str | None = request.app.state.write_token
    if not token:
        raise HTTPException(status_code=403, detail="writing is disabled on this server")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip(), token):
        raise HTTPException(
            status_code=401,
            detail="a valid 'Authorization: Bearer <token>' header is required",
            headers={"WWW-Authenticate": "Bearer"},
        )


def _check(data: dict[str, Any]) -> None:
    """The least a record needs: an id and its text, and lists where lists belong."""
    if not isinstance(data.get("id"), str) or not data["id"]:
        raise ValueError("'id' must be a non-empty string")
    if not isinstance(data.get("text"), str):
        raise ValueError("'text' must be a string")
    for key in ("entities", "quotes", "events", "headings", "wire"):
        if not isinstance(data.get(key, []), list):
            raise ValueError(f"{key!r} must be a list")


def _parse(records: list[dict[str, Any]]) -> list[Article]:
    parsed = []
    for i, data in enumerate(records):
        try:
            _check(data)
            parsed.append(record_from_dict(data))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"record {i}: {type(exc).__name__}: {exc}"
            raise HTTPException(status_code=422, detail=detail) from exc
    return parsed


@router.post(
    "/articles",
    summary="Upsert records (needs the write token)",
    dependencies=[Depends(require_writer)],
)
async def post_articles(
    store: StoreDep,
    records: Annotated[list[dict[str, Any]] | dict[str, Any], Body()],
) -> dict[str, int]:
    """Upsert one record or a list of them; answers how many were received and written."""
    items = records if isinstance(records, list) else [records]
    articles = _parse(items)
    try:
        written = await run_in_threadpool(store.upsert, articles)
    except StoreError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return {"received": len(articles), "written": written}
