"""JSON and JSON Lines articles: the common field names of news datasets and scrapers."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from warta.ingest.document import RawDocument, ReadFailure
from warta.ingest.htmltext import html_to_text, looks_like_html
from warta.records import Source

__all__ = ["document_from_mapping", "documents_from_json"]

# Field names in order of preference; the first non-empty one wins.
_BODY = ("text", "content", "body", "article", "maintext", "full_text", "fulltext", "story")
_TITLE = ("title", "headline", "judul")
_URL = ("url", "link", "canonical_url", "source_url", "href")
_DATE = (
    "published",
    "date",
    "published_at",
    "publishedAt",
    "date_publish",
    "pubDate",
    "datetime",
    "timestamp",
    "created_at",
)
_OUTLET = ("outlet", "source", "site", "sitename", "site_name", "publisher", "media")
_SECTION = ("section", "category", "kanal", "rubrik")
_LANGUAGE = ("language", "lang")
_ID = ("id", "_id", "doc_id", "guid", "uuid")
# Containers that hold a list of articles.
_LISTS = ("articles", "items", "data", "results", "docs", "entries")


def _first(obj: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, Mapping):  # {"source": {"name": "Reuters"}}
            value = value.get("name") or value.get("title")
        if isinstance(value, list):  # {"category": ["Politik"]}
            value = value[0] if value and isinstance(value[0], str) else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def document_from_mapping(obj: Any, source: Source, where: str) -> RawDocument | ReadFailure:
    """One article from a parsed JSON object, or a failure saying what was missing."""
    if not isinstance(obj, Mapping):
        return ReadFailure(where, "not an article object", f"found JSON {type(obj).__name__}")
    body = _first(obj, _BODY)
    if body is None:
        names = ", ".join(_BODY[:3])
        return ReadFailure(where, "no article text", f"none of the fields {names}... is set")
    if looks_like_html(body):
        body = html_to_text(body)
    url = _first(obj, _URL)
    return RawDocument(
        source=Source(path=source.path, url=url or source.url, offset=source.offset),
        body=body,
        is_page_text=False,
        title=_first(obj, _TITLE),
        outlet=_first(obj, _OUTLET),
        section=_first(obj, _SECTION),
        published=_first(obj, _DATE),
        language=_first(obj, _LANGUAGE),
        doc_id=_first(obj, _ID),
    )


def documents_from_json(text: str, path: str) -> Iterator[RawDocument | ReadFailure]:
    """Articles of a whole JSON file: one object, a list, or an object holding a list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(path, "invalid JSON", f"line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    if isinstance(data, Mapping) and _first(data, _BODY) is None:
        for key in _LISTS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        if not data:
            yield ReadFailure(path, "no articles", "the JSON list is empty")
        for index, item in enumerate(data):
            yield document_from_mapping(item, Source(path=path, offset=index), f"{path}[{index}]")
        return
    yield document_from_mapping(data, Source(path=path), path)
