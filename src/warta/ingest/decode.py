"""Bytes to text: UTF-8 first, a BOM-marked UTF-16, then a guarded single-byte fallback.

Crawled pages are nearly always UTF-8; older Indonesian and Western pages are sometimes
Windows-1252 or Latin-1. A file with NUL bytes or a known binary signature is refused with a
reason that names what it looks like, so the errors file says "binary file (PDF)" rather than
a decoding traceback.
"""

from __future__ import annotations

import codecs

__all__ = ["DecodeError", "binary_kind", "decode_bytes"]

# Signatures of formats people drop into an input folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"SQLite format 3", "SQLite database"),
    (b"RIFF", "RIFF media"),
)

# C0 controls other than tab, newline, carriage return and form feed never occur in text.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class DecodeError(ValueError):
    """The bytes are not text in any encoding Warta accepts."""


def binary_kind(head: bytes) -> str | None:
    """What a file's first bytes say it is when it is not text, else None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = head[:4096]
    if b"\x00" in sample:
        return "binary data"
    if sample and sum(sample.count(bytes([c])) for c in _CONTROL) > len(sample) // 20:
        return "binary data"
    return None


def decode_bytes(data: bytes) -> str:
    """Text of ``data``; raises :class:`DecodeError` with a readable reason."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _single_byte(data, exc.start)


def _single_byte(data: bytes, bad_at: int) -> str:
    """Windows-1252 text, accepted only when its high bytes look like accented letters."""
    high = sum(1 for b in data if b >= 0x80)
    # Real Latin-1/cp1252 prose has a few percent of high bytes; more is some other encoding.
    if high > max(8, len(data) // 8):
        raise DecodeError(f"invalid UTF-8 at byte {bad_at} and not single-byte text either")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
