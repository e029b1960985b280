"""One unit of parallel work: run the pipeline over every document of one partition.

A partition is whatever the ingest planner hands out (a file, a JSONL byte range, a run of
WARC records); a *reader* turns it into documents. Workers return each partition's results as
one list, so the driver holds at most a few partitions' records at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

from warta.ingest.document import RawDocument, ReadFailure
from warta.pipeline import Pipeline, StageFailure
from warta.records import Article

__all__ = ["Item", "Reader", "describe", "lost_partition", "run_partition"]

Item: TypeAlias = Article | ReadFailure | StageFailure
Reader: TypeAlias = Callable[[Any], Iterable[RawDocument | ReadFailure]]


def run_partition(pipeline: Pipeline, partition: Any, reader: Reader) -> list[Item]:
    """Every record and failure of one partition, in reading order."""
    return list(pipeline.run_many(reader(partition)))


def describe(partition: Any) -> str:
    """A short human name for a partition: ``path@start-end`` when it has a byte range."""
    path = getattr(partition, "path", None)
    start = getattr(partition, "start", None)
    end = getattr(partition, "end", None)
    if path is None:
        return repr(partition)
    if start is None:
        return str(path)
    return f"{path}@{start}-{end}"


def lost_partition(partition: Any, reason: str) -> StageFailure:
    """The failure reported for a partition that could not be processed even after a retry."""
    return StageFailure(describe(partition), "worker", reason)
