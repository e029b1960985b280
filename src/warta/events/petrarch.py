"""PETRARCH's CAMEO verb dictionary, read from a path given at run time (``--dictionaries``).

Only its plain verb entries are used: a synset or verb line names a verb and its code, and
the verb's inflections are generated like the project's own English entries. Patterns with
noun-phrase slots are PETRARCH's parse-tree machinery and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["read_verb_dictionaries"]

_BLOCK = re.compile(r"^---\s+\S+\s+\[([\d:-]+)\]\s*---")
_VERB = re.compile(r"^([A-Z][A-Z_]*)\s*(?:\[(\d{3,4})\])?\s*(?:\{([A-Z ]+)\})?")
# Verbs of saying (root 01) code every "said"; PETRARCH needs its patterns to narrow them.
_SKIP_ROOTS = ("01",)


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.glob("*verb*.txt") if p.is_file())
        elif path.is_file() and "verb" in path.name.lower():
            yield path


def _entries(text: str) -> Iterator[dict[str, Any]]:
    code: str | None = None
    for line in text.splitlines():
        block = _BLOCK.match(line)
        if block:
            head = block.group(1).split(":")[0]
            code = head if head.isdigit() else None
            continue
        verb = _VERB.match(line)
        if code is None or verb is None or "_" in verb.group(1):
            continue
        own = verb.group(2) or code
        if own.startswith(_SKIP_ROOTS):
            continue
        forms = [f.lower() for f in (verb.group(3) or "").split()]
        entry: dict[str, Any] = {"lemma": verb.group(1).lower(), "code": own}
        if forms:
            entry["forms"] = forms
        yield entry


def read_verb_dictionaries(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """English verb entries ({lemma, code, forms}) from PETRARCH verb dictionaries."""
    entries: list[dict[str, Any]] = []
    for path in _files(paths):
        entries.extend(_entries(path.read_text(encoding="utf-8", errors="replace")))
    return entries
