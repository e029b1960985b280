"""Page structuring: title, outlet, section, dates, wire credits, headings, clean body."""

from __future__ import annotations

from dataclasses import dataclass

from warta.ingest.document import RawDocument
from warta.records import Article

__all__ = ["StructureResources", "structure_document"]


@dataclass(frozen=True)
class StructureResources:
    @classmethod
    def load(cls) -> StructureResources:
        return cls()


def structure_document(raw: RawDocument, res: StructureResources) -> Article:
    # TEMPORARY placeholder until the structurer lands
    return Article(
        id=raw.doc_id or "x", source=raw.source, language=raw.language, title=raw.title,
        outlet=raw.outlet, section=raw.section, published=raw.published, wire=(), text=raw.body,
    )
