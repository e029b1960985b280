"""The pipeline: structure, entities, quotes, events, with resources loaded once.

Each stage is a plain function from a typed article to typed results, handed the resources
it needs. :class:`Pipeline` holds those resources; it is picklable, so a Dask worker or a
process pool receives it once and then runs it over many documents.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.entities import EntityResources, find_entities
from warta.events import EventResources, find_events
from warta.ingest.document import RawDocument, ReadFailure
from warta.quotes import QuoteResources, find_quotes
from warta.records import Article
from warta.structure import StructureResources, structure_document
from warta.text import TextLayout

__all__ = ["Pipeline", "PipelineConfig", "StageFailure"]


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Options shared by every entry point (CLI, Python API, workers)."""

    entities: bool = True
    quotes: bool = True
    events: bool = True
    kb_paths: tuple[Path, ...] = ()
    dictionary_paths: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class StageFailure:
    """A document that was read but failed inside a stage."""

    input: str
    stage: str
    reason: str


class Pipeline:
    """Resources for every stage, loaded once, and the function that runs them."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.structure_res = StructureResources.load()
        self.entity_res = EntityResources.load(self.config.kb_paths, self.config.dictionary_paths)
        self.quote_res = QuoteResources.load()
        self.event_res = EventResources.load(self.config.dictionary_paths)

    def __reduce__(self) -> tuple[type[Pipeline], tuple[PipelineConfig]]:
        # Workers rebuild the resources from the config rather than unpickling big tables.
        return (Pipeline, (self.config,))

    def run(self, raw: RawDocument) -> Article:
        """Structure one document and annotate it with every enabled stage."""
        article = structure_document(raw, self.structure_res)
        return self.annotate(article)

    def annotate(self, article: Article) -> Article:
        """Add entities, quotes and events to a structured article."""
        # one set of paragraph/sentence spans for every stage that reads the body
        layout = TextLayout(article.text)
        if self.config.entities:
            entities = find_entities(article, self.entity_res, layout)
            article = dataclasses.replace(article, entities=entities)
        if self.config.quotes:
            quotes = find_quotes(article, self.quote_res, layout)
            article = dataclasses.replace(article, quotes=quotes)
        if self.config.events:
            events = find_events(article, self.event_res, layout)
            article = dataclasses.replace(article, events=events)
        return article

    def run_many(
        self, items: Iterable[RawDocument | ReadFailure]
    ) -> Iterator[Article | ReadFailure | StageFailure]:
        """Run over a stream; a document that fails becomes a failure, never a crash."""
        for item in items:
            if isinstance(item, ReadFailure):
                yield item
                continue
            try:
                yield self.run(item)
            except Exception as exc:  # one bad article must not stop a corpus
                where = item.source.path or item.source.url or "<input>"
                if item.source.offset is not None:
                    where = f"{where}@{item.source.offset}"
                yield StageFailure(where, "pipeline", f"{type(exc).__name__}: {exc}")
