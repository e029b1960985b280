"""CoNLL-style NER files: read (token, tag) sentences and map corpus tag sets onto ours.

The three Indonesian corpora use different column layouts (``token<TAB>tag`` or
``token POS tag``) and tag names (PPL/PLC/IND, PERSON/PLACE/ORGANISATION, PER/LOC/ORG);
the token is always the first column and the BIO tag the last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CORPUS_TAG_MAPS",
    "ConllError",
    "TaggedSentence",
    "corpus_name",
    "map_tags",
    "read_conll",
    "repair_bio",
    "spans_of",
    "to_bio",
    "to_bioes",
]

# Corpus tag -> pipeline type; a type missing from a map is dropped (its tokens become O).
CORPUS_TAG_MAPS: dict[str, dict[str, str]] = {
    "nerp": {"PPL": "PER", "PLC": "LOC", "IND": "ORG"},
    "nergrit": {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"},
    "idner-news-2k": {"PER": "PER", "LOC": "LOC", "ORG": "ORG"},
}


class ConllError(ValueError):
    """A CoNLL file that cannot be read, naming the file and line."""


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def read_conll(path: Path) -> list[TaggedSentence]:
    """Sentences of a CoNLL file: first column token, last column BIO tag, blank-line separated."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConllError(f"{path}: cannot read CoNLL file ({exc})") from exc
    sentences: list[TaggedSentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        cols = line.split()
        if not cols:
            if toks:
                sentences.append(TaggedSentence(tuple(toks), tuple(tags)))
                toks, tags = [], []
            continue
        if len(cols) < 2:
            raise ConllError(f"{path}:{lineno}: expected 'token tag', got {line!r}")
        tag = cols[-1]
        if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
            raise ConllError(f"{path}:{lineno}: not a BIO tag: {tag!r}")
        toks.append(cols[0])
        tags.append(tag)
    if toks:
        sentences.append(TaggedSentence(tuple(toks), tuple(tags)))
    return sentences


def corpus_name(path: Path) -> str | None:
    """Which known corpus a file belongs to, from its folder name (None when unknown)."""
    for part in reversed(path.resolve().parts[:-1]):
        if part in CORPUS_TAG_MAPS:
            return part
    return None


def repair_bio(tags: Sequence[str]) -> tuple[str, ...]:
    """Make a tag sequence valid BIO: an I- that does not continue its type becomes B-."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return tuple(out)


def map_tags(tags: Sequence[str], mapping: Mapping[str, str]) -> tuple[str, ...]:
    """Rename entity types by ``mapping``; unmapped types become O."""
    out: list[str] = []
    for tag in tags:
        if tag == "O":
            out.append(tag)
            continue
        new = mapping.get(tag[2:])
        out.append("O" if new is None else tag[:2] + new)
    return repair_bio(out)


def spans_of(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, type)`` of a BIO sequence, conlleval-style."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, tag in enumerate((*tags, "O")):
        continues = tag.startswith("I-") and tag[2:] == kind and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, kind))
            start = -1
        if tag != "O" and not continues:
            start, kind = i, tag[2:]
    return spans


def to_bioes(tags: Sequence[str]) -> tuple[str, ...]:
    """BIO tags as BIOES: a span's last token is E-, a one-token span S- (input is valid BIO)."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            out.append(tag)
            continue
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        ends = nxt != "I-" + tag[2:]
        if tag.startswith("B-"):
            out.append(("S-" if ends else "B-") + tag[2:])
        else:
            out.append(("E-" if ends else "I-") + tag[2:])
    return tuple(out)


def to_bio(label: str) -> str:
    """The BIO name of a BIO or BIOES label (E- continues a span, S- begins one)."""
    if label.startswith("E-"):
        return "I-" + label[2:]
    if label.startswith("S-"):
        return "B-" + label[2:]
    return label
