"""Readers: raw page text, HTML, WARC/ARC, RSS/Atom, JSON/JSONL, each to RawDocument."""

from warta.ingest.document import RawDocument, ReadFailure

__all__ = ["RawDocument", "ReadFailure"]
