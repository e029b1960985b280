"""What a reader hands to the structurer: one article as it was found, not yet cleaned."""

from __future__ import annotations

from dataclasses import dataclass

from warta.records import Source

__all__ = ["RawDocument", "ReadFailure"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from its container.

    ``body`` is the text as found. ``is_page_text`` says whether it still carries page
    furniture (a crawler's saved page: repeated title, dateline, share lines, trailers) or is
    already an article body (a JSON ``text`` field, trafilatura's output, a feed entry).
    Metadata given by the container (JSON fields, HTML meta tags, feed entry fields) rides
    along and wins over what the structurer would guess from the text.
    """

    source: Source
    body: str
    is_page_text: bool = True
    title: str | None = None
    outlet: str | None = None
    section: str | None = None
    published: str | None = None
    language: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input, or one item inside it, that could not be read, and why."""

    input: str
    reason: str
    detail: str = ""
