"""WARC and ARC archives through warcio: every HTML response record is one article."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.ingest.decode import DecodeError, decode_bytes
from warta.ingest.document import RawDocument, ReadFailure
from warta.ingest.html import document_from_html
from warta.records import Source

__all__ = ["documents_from_warc", "record_offsets"]

_BROKEN = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError)


def _is_html_response(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    ctype = headers.get_header("Content-Type", "") if headers is not None else ""
    if not ctype and record.rec_headers is not None:
        ctype = record.rec_headers.get_header("Content-Type", "")
    return "html" in (ctype or "").lower()


def record_offsets(stream: IO[bytes]) -> Iterator[int]:
    """Byte offsets of every record, for splitting a big archive into partitions."""
    iterator = ArchiveIterator(stream, arc2warc=True)
    for _record in iterator:
        yield iterator.get_record_offset()


def documents_from_warc(
    stream: IO[bytes], path: str, start: int = 0, end: int | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """HTML responses of the records that begin in ``[start, end)``; ``stream`` is at ``start``."""
    iterator = ArchiveIterator(stream, arc2warc=True)
    offset = start
    found = False
    try:
        for record in iterator:
            # warcio reads a record to its end to learn its offset: take the payload first.
            payload = record.content_stream().read() if _is_html_response(record) else None
            offset = iterator.get_record_offset()  # absolute: warcio counts from the stream
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise EOFError(f"record at byte {offset} ends before its declared length")
            if end is not None and offset >= end:
                break
            if payload is not None:
                found = True
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield _document(payload, url, path, offset)
    except _BROKEN as exc:
        yield ReadFailure(f"{path}@{offset}", "truncated or corrupt archive", str(exc) or repr(exc))
        return
    if not found and start == 0 and end is None:
        yield ReadFailure(path, "no HTML pages", "the archive holds no HTML response records")


def _document(payload: bytes, url: str | None, path: str, offset: int) -> RawDocument | ReadFailure:
    where = f"{path}@{offset}"
    try:
        html = decode_bytes(payload)
    except DecodeError as exc:
        return ReadFailure(where, "undecodable page", str(exc))
    return document_from_html(html, Source(path=path, url=url, offset=offset), where)
