"""Page structuring: title, outlet, section, dates, wire credits, headings, clean body.

``structure_document`` turns one :class:`RawDocument` into an :class:`Article` with no
annotations yet. Metadata the container gives (JSON fields, HTML meta tags, feed fields) wins
over what the page text suggests; the page text fills the gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml

from warta.ingest.document import RawDocument
from warta.lang import available_languages, load_language_data
from warta.records import Article
from warta.structure.body import Page, assemble, read_page
from warta.structure.dates import DateWords, find_datetime, normalise_date
from warta.structure.furniture import Furniture
from warta.structure.ids import article_id
from warta.structure.language import LanguageProfiles, detect_language
from warta.structure.outlets import OutletTable, find_outlet
from warta.structure.wire import WireTable, find_wires

__all__ = ["StructureResources", "structure_document"]


def _neutral(name: str) -> Any:
    """A language-neutral data file beside the language folders (``lang/<name>.yaml``)."""
    text = resources.files("warta.lang").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(frozen=True, slots=True)
class StructureResources:
    """Compiled patterns and word tables for every language, loaded once."""

    dates: DateWords
    furniture: Furniture
    wires: WireTable
    profiles: LanguageProfiles
    outlets: OutletTable

    @classmethod
    def load(cls) -> StructureResources:
        langs = available_languages()
        tables = {lang: load_language_data(lang, "structure") or {} for lang in langs}
        dates = [(lang, load_language_data(lang, "dates") or {}) for lang in langs]
        cues = [c for t in tables.values() for c in t.get("wire_cues") or ()]
        post = [c for t in tables.values() for c in t.get("wire_post_cues") or ()]
        words = {lang: frozenset(t.get("stopwords") or ()) for lang, t in tables.items()}
        for lang, vocab in (_neutral("detect") or {}).items():
            words.setdefault(lang, frozenset(vocab))
        # Analysed languages first, so a tie goes to Indonesian over Malay.
        first: tuple[str, ...] = tuple(lang for lang in ("id", "en") if lang in words)
        order = first + tuple(sorted(set(words) - set(first)))
        return cls(
            dates=DateWords.build(dates),
            furniture=Furniture.build(tables.values()),
            wires=WireTable.build(_neutral("wires"), cues, post),
            profiles=LanguageProfiles.build(order, words),
            outlets=OutletTable.build(_neutral("outlets")),
        )


def _outlet_from_url(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    return host or None


_PREFIX_DOMAIN = re.compile(r"\b[A-Za-z][\w-]*\.(?:com|co\.id|co|id|net|org|news)\b", re.I)


def _outlet_from_prefix(prefix: str) -> str | None:
    """``kompas.com`` from a body's ``JAKARTA, KOMPAS.com -`` opening."""
    m = _PREFIX_DOMAIN.search(prefix)
    return m.group().lower() if m else None


def _outlet(raw: RawDocument, page: Page, res: StructureResources) -> str | None:
    """The container's outlet, else the page's own dateline, URL, or the names it uses."""
    return (
        raw.outlet
        or page.outlet
        or _outlet_from_url(raw.source.url)
        or _outlet_from_prefix(page.prefix)
        or find_outlet([page.prefix, *page.credits, *page.header, *page.tail], res.outlets)
    )


def _published(
    raw: RawDocument, page: Page, res: StructureResources, lang: str | None, outlet: str | None
) -> str | None:
    # A bare local time is in the outlet's zone, else in the language's usual one.
    zone = res.outlets.zone(outlet) or res.dates.default_zones.get(lang or "")
    given = normalise_date(raw.published, res.dates, zone)
    if page.dateline is None or (given and "T" in given):
        return given
    found = find_datetime(page.dateline, res.dates, zone)
    if found is None or (given and found.iso[:10] != given):
        return given  # a container's date-only value still wins over another day
    return found.iso  # the page's dateline adds the time to the container's day


def _language(raw: RawDocument, text: str, res: StructureResources) -> str | None:
    detected = detect_language(text, res.profiles)
    given = (raw.language or "").strip().lower()[:2] or None
    return detected or given


def structure_document(raw: RawDocument, res: StructureResources) -> Article:
    """The article record of one document, before entities, quotes and events."""
    title = raw.title.strip() if raw.title and raw.title.strip() else None
    page = read_page(raw.body, res.furniture, res.dates, page=raw.is_page_text, title=title)
    text, headings = assemble(page.paragraphs)
    language = _language(raw, text, res)
    outlet = _outlet(raw, page, res)
    published = _published(raw, page, res, language, outlet)
    # In a credit line ("Sumber: Reuters", "By Jane Doe, AP") any agency named is a credit.
    wire = find_wires([text], res.wires, outlet, [page.prefix, *page.credits])
    return Article(
        id=article_id(
            url=raw.source.url,
            container_id=raw.doc_id,
            outlet=outlet,
            title=page.title,
            published=published,
            text=text,
        ),
        source=raw.source,
        language=language,
        title=page.title,
        outlet=outlet,
        section=raw.section or page.section,
        published=published,
        wire=wire,
        text=text,
        headings=headings,
    )
