"""Readers for the scale tests: importable by worker processes, and picklable by reference.

A partition here is a tuple of JSON lines, so the parallel machinery is tested on its own,
whatever the ingest planner does.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.ingest.document import RawDocument, ReadFailure
from warta.records import Source

Chunk = tuple[str, ...]


def read_chunk(chunk: Chunk) -> Iterator[RawDocument | ReadFailure]:
    """Documents of a tuple of JSON lines; a broken line is a failure naming its number."""
    for line in chunk:
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure("chunk", "invalid JSON line", str(exc))
            continue
        yield RawDocument(
            source=Source(path="corpus.jsonl", url=data["url"]),
            body=data["text"],
            is_page_text=False,
            title=data["title"],
            published=data["date"],
            doc_id=data["id"],
        )


@dataclass(frozen=True)
class DieOnce:
    """Reads like :func:`read_chunk`, but the first process to read ``victim`` dies mid-way."""

    marker: str
    victim: str

    def __call__(self, chunk: Chunk) -> Iterator[RawDocument | ReadFailure]:
        if any(self.victim in line for line in chunk) and not Path(self.marker).exists():
            Path(self.marker).touch()
            os._exit(17)  # a hard crash: no exception, no clean-up, as an OOM kill looks
        return read_chunk(chunk)


@dataclass(frozen=True)
class AlwaysRaise:
    """Reads like :func:`read_chunk`, but always raises on the chunk holding ``victim``."""

    victim: str

    def __call__(self, chunk: Chunk) -> Iterator[RawDocument | ReadFailure]:
        if any(self.victim in line for line in chunk):
            raise OSError(f"disk went away while reading {self.victim}")
        return read_chunk(chunk)


def die_always(chunk: Chunk) -> Iterator[RawDocument | ReadFailure]:
    """A reader whose process always dies, as when a worker cannot even start its work."""
    os._exit(18)
