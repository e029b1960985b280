"""RSS and Atom feeds through feedparser: each entry an article (its content, else its summary)."""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from typing import Any

import feedparser

from warta.ingest.document import RawDocument, ReadFailure
from warta.ingest.htmltext import html_to_text, looks_like_html
from warta.records import Source

__all__ = ["documents_from_feed"]


def documents_from_feed(data: bytes, path: str) -> Iterator[RawDocument | ReadFailure]:
    """Every entry of a feed file; a feed without entries is one failure."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = str(parsed.get("bozo_exception") or "the feed lists no items")
        yield ReadFailure(path, "feed has no entries", why)
        return
    feed = parsed.get("feed") or {}
    outlet = feed.get("title") or None
    language = (feed.get("language") or "")[:2].lower() or None
    for index, entry in enumerate(entries):
        yield _entry(entry, Source(path=path, offset=index), outlet, language)


def _entry(
    entry: Any, source: Source, outlet: str | None, lang: str | None
) -> RawDocument | ReadFailure:
    where = f"{source.path}#entry{source.offset}"
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else ""
    if not body.strip():
        body = entry.get("summary", "") or ""
    if looks_like_html(body) or "&" in body:
        body = html_to_text(body)
    if not body.strip():
        return ReadFailure(where, "no article text", "the entry has neither content nor summary")
    tags = entry.get("tags") or []
    section = tags[0].get("term") if tags else None
    return RawDocument(
        source=Source(path=source.path, url=entry.get("link") or None, offset=source.offset),
        body=body,
        is_page_text=False,
        title=entry.get("title") or None,
        outlet=outlet,
        section=section or None,
        published=_date(entry),
        language=lang,
        doc_id=entry.get("id") or None,
    )


def _date(entry: Any) -> str | None:
    """The entry's date as given (RFC 822 in RSS, ISO 8601 in Atom), keeping its offset."""
    raw = entry.get("published") or entry.get("updated")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        return str(raw)  # already ISO 8601 (Atom); the structurer normalises it
