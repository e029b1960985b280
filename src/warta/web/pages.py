"""The dashboard: HTML pages over the same data functions as the JSON API.

Each page builds one dict from :mod:`warta.web.queries` (the functions behind ``/api``)
and renders it; ``?format=json`` on any page returns that dict instead, so what a page
shows can always be checked against the API (datasette's habit). Templates autoescape;
the only markup built in Python comes from :mod:`warta.web.highlight` and
:mod:`warta.web.charts`, which escape every piece of text they place.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup, escape

from warta.records import record_from_dict
from warta.store import ArticleFilter, EntityFilter, EventFilter, QuoteFilter, Store, entity_key
from warta.web import queries
from warta.web.charts import QUADS, bin_counts, timeline_svg
from warta.web.highlight import highlight, marks_for_article, side_label

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_HERE = Path(__file__).resolve().parent
_CODEBOOK = _HERE.parent / "events" / "cameo.tsv"
_DAY = r"^\d{4}-\d{2}-\d{2}$"
# Defence in depth behind escaping: only our own script file may run, even if markup from
# an article ever reached a page. Inline styles stay allowed (the who-to-whom shading).
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}
_MATRIX_SIZE = 12  # actors per axis of the who-to-whom table; the rest is in the JSON
Format = Annotated[str, Query(pattern="^(html|json)$")]


@pass_context
def _path_for(context: dict[str, Any], name: str, /, **params: Any) -> str:
    """A route's path (not a full URL), so links survive proxies and copied pages."""
    request: Request = context["request"]
    return str(request.app.url_path_for(name, **params))


@pass_context
def _pager(context: dict[str, Any], page: dict[str, Any]) -> dict[str, Any]:
    """Where a paginated list is (``first``-``last`` of ``total``) and its neighbours' paths."""
    url = context["request"].url
    total, limit, offset = int(page["total"]), int(page["limit"]), int(page["offset"])

    def at(start: int) -> str:
        return f"{url.path}?{url.include_query_params(offset=start).query}"

    return {
        "first": min(offset + 1, total),
        "last": min(offset + limit, total),
        "total": total,
        "prev": at(max(offset - limit, 0)) if offset > 0 else None,
        "next": at(offset + limit) if offset + limit < total else None,
    }


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=_HERE / "templates")
    templates.env.globals.update(side_label=side_label, quads=QUADS, snippet=snippet_html)
    templates.env.globals.update(url_for=_path_for, pager=_pager)
    return templates


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _code_names(request: Request) -> dict[str, str]:
    """CAMEO code names from the events stage's code table, read once per app."""
    names: dict[str, str] | None = getattr(request.app.state, "warta_code_names", None)
    if names is None:
        names = dict(queries.CAMEO_ROOTS)
        if _CODEBOOK.is_file():
            for line in _CODEBOOK.read_text(encoding="utf-8").splitlines():
                code, _, rest = line.partition("\t")
                if code.isdigit() and rest:
                    names.setdefault(code, rest.split("\t")[0].capitalize())
        request.app.state.warta_code_names = names
    return names


def snippet_html(snippet: dict[str, Any] | None) -> Markup:
    """A search snippet with its hits in ``<mark>``, every piece of text escaped."""
    if not snippet:
        return Markup("")
    text, out, at = str(snippet["text"]), [], 0
    for start, end in snippet.get("highlights") or ():
        if at <= start < end <= len(text):
            out += [str(escape(text[at:start])), f"<mark>{escape(text[start:end])}</mark>"]
            at = end
    out.append(str(escape(text[at:])))
    prefix = "…" if snippet.get("start") else ""
    return Markup(prefix + "".join(out) + "…")


templates = _templates()


def _render(request: Request, name: str, data: dict[str, Any], fmt: str, **extra: Any) -> Response:
    """The page's dict as JSON, or the template rendered over it."""
    if fmt == "json":
        return JSONResponse(data)
    names = _code_names(request)
    context = {
        "data": data,
        "code_name": lambda code: names.get(str(code), names.get(str(code)[:2], "")),
        **extra,
    }
    return templates.TemplateResponse(request, name, context, headers=_HEADERS)


def _not_found(request: Request, message: str, fmt: str) -> Response:
    """A 404 as the page's kind of answer: JSON like the API's, or a page a reader can use."""
    if fmt == "json":
        return JSONResponse({"detail": message}, status_code=404)
    context = {"message": message}
    return templates.TemplateResponse(
        request, "notfound.html", context, status_code=404, headers=_HEADERS
    )


def _json_url(request: Request) -> str:
    query = request.url.include_query_params(format="json").query
    return f"{request.url.path}?{query}"


# -- search --------------------------------------------------------------------------------


def search_data(store: Store, q: str | None) -> dict[str, Any]:
    """Articles, quotes and speakers matching ``q``; without one, the latest and most quoted."""
    q = (q or "").strip() or None
    return {
        "query": q,
        "articles": queries.articles(store, ArticleFilter(q=q), 10),
        "quotes": queries.quotes(store, QuoteFilter(q=q), 20),
        "speakers": queries.top_speakers(store, QuoteFilter(speaker=q), 10),
        "entities": queries.entities(store, EntityFilter(name=q), 10) if q else None,
    }


@router.get("/", name="page_search")
def page_search(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    format: Format = "html",
) -> Response:
    data = search_data(_store(request), q)
    return _render(
        request,
        "search.html",
        data,
        format,
        nav="search",
        query=data["query"],
        json_url=_json_url(request),
    )


# -- article -------------------------------------------------------------------------------


def _source_href(record: dict[str, Any]) -> str | None:
    # Only web links become links: a stored "javascript:" URL must never be clickable.
    url = str((record.get("source") or {}).get("url") or "")
    return url if urlsplit(url).scheme in ("http", "https") else None


def _entity_keys(record: dict[str, Any]) -> dict[str, str]:
    return {e.id: entity_key(e) for e in record_from_dict(record).entities}


@router.get("/articles/{article_id:path}", name="page_article")
def page_article(request: Request, article_id: str, format: Format = "html") -> Response:
    record = queries.article(_store(request), article_id)
    if record is None:
        return _not_found(request, f"No article has the id {article_id!r}.", format)
    body = highlight(str(record.get("text") or ""), marks_for_article(record))
    return _render(
        request,
        "article.html",
        record,
        format,
        article=record,
        body=body,
        entity_keys=_entity_keys(record),
        source_href=_source_href(record),
        json_url=str(request.app.url_path_for("get_article", article_id=article_id)),
    )


# -- entity --------------------------------------------------------------------------------


def _chart(by_day: dict[str, Any], keep: dict[str, str], what: str) -> tuple[str, Markup]:
    """The timeline of an events-by-day page; each bar opens the events page on its days."""
    rows = [
        (item["day"], int(quad), int(n))
        for item in by_day["items"]
        for quad, n in item["quads"].items()
    ]
    unit, bins = bin_counts(rows)

    def href(first: dt.date, last: dt.date) -> str:
        span = {"start": first.isoformat(), "end": last.isoformat()}
        return "/events?" + urlencode({**keep, **span})

    return unit, timeline_svg(bins, caption=f"{what} per {unit}", href=href)


def entity_data(store: Store, key: str, limit: int, offset: int) -> dict[str, Any] | None:
    """The API's entity dict plus its event counts per day for the timeline."""
    found = queries.entity(store, key, limit, offset)
    if found is None:
        return None
    found["events_by_day"] = queries.events_by_day(store, EventFilter(entity=key))
    return found


@router.get("/entities/{key}", name="page_entity")
def page_entity(
    request: Request,
    key: str,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    format: Format = "html",
) -> Response:
    data = entity_data(_store(request), key, limit, offset)
    if data is None:
        return _not_found(request, f"No entity has the key {key!r}.", format)
    unit, chart = _chart(data["events_by_day"], {"entity": key}, f"Events of {data['name']}")
    return _render(
        request,
        "entity.html",
        data,
        format,
        entity=data,
        chart=chart,
        unit=unit,
        json_url=_json_url(request),
    )


# -- events --------------------------------------------------------------------------------


def _busiest(counts: Counter[str]) -> list[str]:
    # Ties break by name so the table does not reorder between identical queries.
    return sorted(counts, key=lambda actor: (-counts[actor], actor))[:_MATRIX_SIZE]


def _matrix(dyads: list[dict[str, Any]]) -> dict[str, Any]:
    """The busiest actors as a source x target grid of event counts; ``other`` holds each
    row's events towards targets outside the grid."""
    by_source: Counter[str] = Counter()
    by_target: Counter[str] = Counter()
    cells: Counter[tuple[str, str]] = Counter()
    for d in dyads:
        src, tgt = d["source"] or "—", d["target"] or "—"
        by_source[src] += d["count"]
        by_target[tgt] += d["count"]
        cells[(src, tgt)] += d["count"]
    sources, targets = _busiest(by_source), _busiest(by_target)
    grid = [[cells[(s, t)] for t in targets] for s in sources]
    rows = [
        {"source": s, "counts": counts, "other": by_source[s] - sum(counts), "total": by_source[s]}
        for s, counts in zip(sources, grid, strict=True)
    ]
    peak = max((n for counts in grid for n in counts), default=0)
    other = any(row["other"] for row in rows)
    return {"sources": sources, "targets": targets, "rows": rows, "peak": peak, "other": other}


def events_data(store: Store, f: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    """Counts per day, per root and per dyad, and one page of the events themselves."""
    return {
        "by_day": queries.events_by_day(store, f, 10000),
        "by_root": queries.events_by_root(store, f),
        # The 500 busiest pairs, far more than the table shows; past 500 pairs the rarest
        # ones are missing from its "other" column (the API pages through all of them).
        "dyads": queries.dyads(store, f, 500),
        "events": queries.events(store, f, limit, offset),
    }


@router.get("/events", name="page_events")
def page_events(
    request: Request,
    root: Annotated[str | None, Query(pattern=r"^(\d{1,2})?$")] = None,
    start: Annotated[str | None, Query(pattern=f"({_DAY})|^$")] = None,
    end: Annotated[str | None, Query(pattern=f"({_DAY})|^$")] = None,
    entity: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    format: Format = "html",
) -> Response:
    # An empty form field arrives as "", which means no filter.
    filters = {"root": root or None, "start": start or None, "end": end or None}
    filters["entity"] = entity or None
    f = EventFilter(
        root=filters["root"], entity=filters["entity"], since=filters["start"], until=filters["end"]
    )
    data = events_data(_store(request), f, limit, offset)
    link = {k: v for k, v in filters.items() if v and k in ("root", "entity")}
    unit, chart = _chart(data["by_day"], link, "Events")
    return _render(
        request,
        "events.html",
        data,
        format,
        nav="events",
        filters=filters,
        unit=unit,
        chart=chart,
        roots=queries.CAMEO_ROOTS,
        matrix=_matrix(data["dyads"]["items"]),
        json_url=_json_url(request),
    )
