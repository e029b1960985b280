"""The public functions behind ``warta.process_text``, ``process_file`` and ``process``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.ingest import RawDocument, ReadFailure, iter_documents
from warta.pipeline import Pipeline, StageFailure
from warta.records import Article, Source

__all__ = ["WartaError", "process", "process_file", "process_text"]


class WartaError(ValueError):
    """An input that could not be read or processed; the message names it and why."""

    def __init__(self, failure: ReadFailure | StageFailure) -> None:
        self.failure = failure
        if isinstance(failure, ReadFailure):
            detail = f" ({failure.detail})" if failure.detail else ""
            message = f"{failure.input}: {failure.reason}{detail}"
        else:
            message = f"{failure.input}: {failure.stage} failed: {failure.reason}"
        super().__init__(message)


def process_text(
    text: str,
    *,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    page: bool | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """The record of one article given as a string.

    ``page`` says whether ``text`` is a crawler's page text (title line, dateline, share
    buttons...) or a bare article body; by default it is page text unless ``title`` is given.
    """
    raw = RawDocument(
        source=Source(url=url),
        body=text,
        is_page_text=title is None if page is None else page,
        title=title,
        outlet=outlet,
        published=published,
        language=language,
    )
    return (pipeline or Pipeline()).run(raw)


def process(
    items: Iterable[str | Path | RawDocument],
    *,
    pipeline: Pipeline | None = None,
    skip_failures: bool = False,
) -> Iterator[Article]:
    """Records of paths (files, folders, globs) and/or :class:`RawDocument` objects.

    A failure raises :class:`WartaError` unless ``skip_failures`` is set.
    """
    runner = pipeline or Pipeline()
    for result in runner.run_many(_documents(items)):
        if isinstance(result, Article):
            yield result
        elif not skip_failures:
            raise WartaError(result)


def process_file(
    path: str | Path, *, pipeline: Pipeline | None = None, skip_failures: bool = False
) -> list[Article]:
    """Records of every article in one file (a page, a JSON/JSONL file, a feed, a WARC)."""
    return list(process([path], pipeline=pipeline, skip_failures=skip_failures))


def _documents(items: Iterable[str | Path | RawDocument]) -> Iterator[RawDocument | ReadFailure]:
    for item in items:
        if isinstance(item, RawDocument):
            yield item
        else:
            yield from iter_documents([str(item)])
