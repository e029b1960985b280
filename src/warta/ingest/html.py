"""HTML pages through trafilatura: the article text and the page's own metadata."""

from __future__ import annotations

import logging
import re

import trafilatura

from warta.ingest.document import RawDocument, ReadFailure
from warta.records import Source

__all__ = ["document_from_html"]

# htmldate's own pattern keeps the time and the zone, which the date-only default drops.
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_MIDNIGHT = re.compile(r"T00:00:00(?:\+0000)?$")
_HEAD_BYTES = 65536
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')

# trafilatura logs every page it finds no text in; Warta reports that as a failure instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _meta_published(html: str) -> str | None:
    """The publication time a page's meta tags or JSON-LD state, zone included when given.

    htmldate prefers a date in the URL and drops the time; the meta tag usually has both.
    """
    head = html[:_HEAD_BYTES]
    found: dict[str, str] = {}
    for tag in _META.finditer(head):
        attrs = {k.lower(): v or w for k, v, w in _ATTR.findall(tag.group())}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _DATE_KEYS and attrs.get("content"):
            found.setdefault(key, attrs["content"].strip())
    ld = _JSON_LD_DATE.search(html)
    if ld:
        found.setdefault("datepublished", ld.group(1))
    for key in _DATE_KEYS:
        if key in found:
            return found[key]
    return None


def document_from_html(html: str, source: Source, where: str) -> RawDocument | ReadFailure:
    """The article of one HTML page, or a failure when the page holds no article text."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=source.url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        return ReadFailure(where, "unreadable HTML", f"{type(exc).__name__}: {exc}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return ReadFailure(where, "no article text", "the HTML page has no main text")
    date = _meta_published(html) or getattr(doc, "date", None)
    if date and _MIDNIGHT.search(date):
        date = date[:10]  # htmldate pads a date-only value with midnight; keep it a date
    categories = getattr(doc, "categories", None) or []
    url = source.url or getattr(doc, "url", None)
    return RawDocument(
        source=Source(path=source.path, url=url, offset=source.offset),
        body="\n\n".join(line.strip() for line in text.split("\n") if line.strip()),
        is_page_text=False,
        title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        section=categories[0] if categories else None,
        published=date,
        language=getattr(doc, "language", None),
    )
