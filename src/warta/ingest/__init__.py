"""Readers: raw page text, HTML, WARC/ARC, RSS/Atom, JSON/JSONL, each to RawDocument.

``iter_documents(inputs)`` is the one entry point for a single process;
``plan_partitions`` and ``read_partition`` split the same work for parallel workers, and
chaining ``read_partition`` over ``plan_partitions`` yields exactly what ``iter_documents``
yields.
"""

from warta.ingest.document import RawDocument, ReadFailure
from warta.ingest.partition import (
    STDIN,
    Partition,
    expand_inputs,
    iter_documents,
    plan_partitions,
    read_partition,
)

__all__ = [
    "STDIN",
    "Partition",
    "RawDocument",
    "ReadFailure",
    "expand_inputs",
    "iter_documents",
    "plan_partitions",
    "read_partition",
]
