"""Inputs to documents: expand paths, split big files into partitions, read each partition.

A :class:`Partition` is a small picklable description of work (a file, its reader, a byte
range), so a scheduler can hand partitions to workers that open the file themselves. JSON
Lines files split on line boundaries and WARC files on record boundaries; every other file is
one partition. Reading is streamed: a partition never holds more than one record in memory,
except a JSON document, a feed or a page, which are parsed whole.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, cast

from warta.ingest.decode import DecodeError, decode_bytes
from warta.ingest.document import RawDocument, ReadFailure
from warta.ingest.feed import documents_from_feed
from warta.ingest.html import document_from_html
from warta.ingest.jsonrec import document_from_mapping, documents_from_json
from warta.ingest.sniff import ARTICLE_SUFFIXES, sniff_kind, strip_suffixes
from warta.ingest.warc import documents_from_warc, record_offsets
from warta.records import Source

__all__ = [
    "STDIN",
    "Partition",
    "expand_inputs",
    "iter_documents",
    "plan_partitions",
    "read_partition",
]

STDIN = "<stdin>"
DEFAULT_TARGET_BYTES = 64 * 1024 * 1024
_HEAD = 8192
_MAX_SINGLE = 256 * 1024 * 1024  # a page, feed or JSON document beyond this is not one article
_SKIP_NAMES = ("readme", "license", "licence", "source.", "changelog", "copying")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of reading work: ``path`` read by reader ``kind`` over bytes ``[start, end)``.

    ``end`` None means to the end of the file. ``data`` carries standard input's bytes, which
    a worker could not reopen. Kinds ``missing``, ``empty`` and ``binary:<what>`` describe
    inputs that fail as a whole; ``detail`` says more.
    """

    path: str
    kind: str
    start: int = 0
    end: int | None = None
    data: bytes | None = None
    detail: str = ""


def expand_inputs(inputs: Sequence[str]) -> Iterator[str | ReadFailure]:
    """Files named by paths, folders (walked recursively, sorted), globs, and ``-``."""
    for item in inputs:
        if item == "-":
            yield item
        elif os.path.isdir(item):
            yield from _walk(item)
        elif os.path.exists(item):
            yield item
        elif _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield ReadFailure(item, "no files match", "the pattern matches nothing")
            for match in matches:
                yield from _walk(match) if os.path.isdir(match) else iter((match,))
        else:
            yield ReadFailure(item, "no such file or folder")


def _walk(folder: str) -> Iterator[str]:
    """Article files under ``folder``: hidden entries, read-mes and licences are left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for name in sorted(files):
            lower = name.lower()
            if name.startswith(".") or lower.startswith(_SKIP_NAMES):
                continue
            suffix, gz = strip_suffixes(lower)
            if suffix in ARTICLE_SUFFIXES or (gz and suffix in ARTICLE_SUFFIXES):
                yield os.path.join(root, name)


def plan_partitions(
    inputs: Sequence[str], target_bytes: int = DEFAULT_TARGET_BYTES
) -> list[Partition]:
    """Partitions covering every input, big JSONL and WARC files split near ``target_bytes``."""
    plan: list[Partition] = []
    for item in expand_inputs(inputs):
        if isinstance(item, ReadFailure):
            plan.append(Partition(item.input, "missing", detail=item.reason))
        elif item == "-":
            data = sys.stdin.buffer.read()
            plan.append(Partition(STDIN, sniff_kind(STDIN, data[:_HEAD]), data=data))
        else:
            plan.extend(_plan_file(item, target_bytes))
    return plan


def _plan_file(path: str, target: int) -> list[Partition]:
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(_HEAD)
    except OSError as exc:
        return [Partition(path, "missing", detail=f"unreadable: {exc.strerror or exc}")]
    if not head.strip():
        return [Partition(path, "empty")]
    kind = sniff_kind(path, head)
    if size <= target or kind not in ("jsonl", "warc"):
        return [Partition(path, kind)]
    bounds = _line_bounds(path, size, target) if kind == "jsonl" else _record_bounds(path, target)
    return [Partition(path, kind, s, e) for s, e in zip(bounds, [*bounds[1:], None], strict=True)]


def _line_bounds(path: str, size: int, target: int) -> list[int]:
    """Starts of byte ranges of about ``target`` bytes, each at the start of a line."""
    starts = [0]
    with open(path, "rb") as f:
        pos = target
        while pos < size:
            f.seek(pos)
            f.readline()
            nxt = f.tell()
            if nxt >= size:
                break
            if nxt > starts[-1]:
                starts.append(nxt)
            pos = nxt + target
    return starts


def _record_bounds(path: str, target: int) -> list[int]:
    """Starts of record ranges of about ``target`` bytes, each at a record boundary."""
    starts = [0]
    try:
        with open(path, "rb") as f:
            for offset in record_offsets(f):
                if offset - starts[-1] >= target:
                    starts.append(offset)
    except Exception:  # a corrupt archive is reported when its partitions are read
        pass
    return starts


def iter_documents(
    inputs: Sequence[str], target_bytes: int = DEFAULT_TARGET_BYTES
) -> Iterator[RawDocument | ReadFailure]:
    """Every document (or failure) of every input, in order."""
    for part in plan_partitions(inputs, target_bytes):
        yield from read_partition(part)


def read_partition(part: Partition) -> Iterator[RawDocument | ReadFailure]:
    """The documents of one partition; failures are yielded, never raised."""
    failure = _whole_failure(part)
    if failure is not None:
        yield failure
        return
    try:
        stream = _open(part)
    except OSError as exc:
        yield ReadFailure(part.path, "unreadable file", exc.strerror or str(exc))
        return
    with stream:
        yield from _read_stream(part, stream)


def _open(part: Partition) -> IO[bytes]:
    if part.data is not None:
        return io.BytesIO(part.data)
    return open(part.path, "rb")  # the caller closes it in a with-block


def _whole_failure(part: Partition) -> ReadFailure | None:
    if part.kind == "missing":
        return ReadFailure(part.path, part.detail or "no such file or folder")
    if part.kind == "empty":
        return ReadFailure(part.path, "empty file", "the file holds no text")
    if part.kind.startswith("binary:"):
        return ReadFailure(part.path, "binary file", f"looks like {part.kind[7:]}, not text")
    if part.kind.startswith("unsupported:"):
        return ReadFailure(part.path, "unsupported format", part.kind.split(":", 1)[1])
    return None


def _read_stream(part: Partition, stream: IO[bytes]) -> Iterator[RawDocument | ReadFailure]:
    kind = part.kind
    if kind == "warc":
        stream.seek(part.start)
        yield from documents_from_warc(stream, part.path, part.start, part.end)
    elif kind == "jsonl":
        stream.seek(part.start)
        yield from _jsonl_lines(stream, part.path, part.start, part.end)
    elif kind.startswith("gz:"):
        yield from _read_gzip(part, stream)
    else:
        yield from _read_whole(part.path, kind, stream)


def _read_gzip(part: Partition, stream: IO[bytes]) -> Iterator[RawDocument | ReadFailure]:
    inner = cast(IO[bytes], gzip.GzipFile(fileobj=stream))
    try:
        if part.kind == "gz:jsonl":
            yield from _jsonl_lines(inner, part.path, 0, None)
        else:
            yield from _read_whole(part.path, part.kind[3:], inner)
    except (EOFError, OSError, zlib.error) as exc:
        yield ReadFailure(part.path, "truncated or corrupt gzip", str(exc))


def _read_whole(path: str, kind: str, stream: IO[bytes]) -> Iterator[RawDocument | ReadFailure]:
    data = stream.read(_MAX_SINGLE + 1)
    if len(data) > _MAX_SINGLE:
        yield ReadFailure(path, "file too large", f"over {_MAX_SINGLE} bytes for one {kind}")
        return
    if kind == "feed":
        yield from documents_from_feed(data, path)
        return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield ReadFailure(path, "undecodable text", str(exc))
        return
    if not text.strip():
        yield ReadFailure(path, "empty file", "the file holds no text")
    elif kind == "json":
        yield from documents_from_json(text, path)
    elif kind == "html":
        yield document_from_html(text, Source(path=path), path)
    else:
        yield RawDocument(source=Source(path=path), body=text, is_page_text=True)


def _jsonl_lines(
    stream: IO[bytes], path: str, start: int, end: int | None
) -> Iterator[RawDocument | ReadFailure]:
    """One document per line of ``[start, end)``; a bad line fails alone."""
    pos = start
    lineno = 0
    for raw in stream:
        lineno += 1
        offset, pos = pos, pos + len(raw)
        if end is not None and offset >= end:
            break
        if not raw.strip():
            continue
        where = f"{path}@{offset}"
        line = f"line {lineno}, " if start == 0 else ""
        try:
            obj = json.loads(decode_bytes(raw))
        except DecodeError as exc:
            yield ReadFailure(where, "undecodable line", f"{line}byte {offset}: {exc}")
            continue
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, "invalid JSON line", f"{line}byte {offset}: {exc.msg}")
            continue
        yield document_from_mapping(obj, Source(path=path, offset=offset), where)
