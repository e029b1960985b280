"""Which reader a file needs: decided by its first bytes, with the extension as a tie-breaker."""

from __future__ import annotations

import re
import zlib

from warta.ingest.decode import binary_kind

__all__ = ["ARTICLE_SUFFIXES", "sniff_kind", "strip_suffixes"]

# Kinds: "jsonl", "json", "warc", "feed", "html", "text"; "binary:<what>" and
# "unsupported:<what>" for files no reader takes.
_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".arc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}
ARTICLE_SUFFIXES = frozenset({*_BY_SUFFIX, ".xml", ".gz"})

_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article)[\s>]", re.I)


def strip_suffixes(name: str) -> tuple[str, bool]:
    """The meaningful suffix of a file name and whether it is gzip-compressed."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    dot = lower.rfind(".")
    return (lower[dot:] if dot > lower.rfind("/") else ""), gz


def _peek_gzip(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (as much as the head holds)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def sniff_kind(name: str, head: bytes) -> str:
    """The reader kind for a file called ``name`` whose first bytes are ``head``."""
    suffix, gz = strip_suffixes(name)
    if head.startswith(b"\x1f\x8b"):
        inner = _peek_gzip(head)
        if inner.startswith((b"WARC/", b"filedesc://")) or suffix in (".warc", ".arc"):
            return "warc"
        return "gz:" + _sniff_text(suffix, inner)
    if gz and head:
        return "binary:truncated or invalid gzip"
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    binary = binary_kind(head)
    if binary is not None:
        return f"binary:{binary}"
    return _sniff_text(suffix, head)


def _sniff_text(suffix: str, head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")):
        if suffix == ".jsonl" or suffix == ".ndjson":
            return "jsonl"
        first_line = text.split(b"\n", 1)
        if text.startswith(b"{") and len(first_line) == 2 and first_line[1].lstrip()[:1] == b"{":
            return "jsonl"  # one object per line, whatever the extension says
        return "json"
    if text.startswith(b"<"):
        if _FEED.search(text[:2048]):
            return "feed"
        if _HTML.search(text[:4096]) or suffix in (".html", ".htm", ".xhtml"):
            return "html"
        if text.startswith(b"<?xml") or suffix == ".xml":
            return "unsupported:an XML document that is neither a feed nor a page"
    return _BY_SUFFIX.get(suffix, "text")
