"""Small hand-written articles for the quote tests, with entities found by their names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from warta.records import Article, Entity, Mention, Source

# (canonical name, type, other forms the text uses)
EntitySpec = tuple[str, str, Sequence[str]]


def mentions_of(text: str, forms: Sequence[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Whole-word occurrences of ``forms`` (longest first) not overlapping ``taken``."""
    found: list[Mention] = []
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(m.group(), m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def article(text: str, language: str = "id", entities: Sequence[EntitySpec] = ()) -> Article:
    """An article of ``text`` whose entities are found by their names and other forms."""
    taken: list[tuple[int, int]] = []
    built: list[Entity] = []
    order = sorted(range(len(entities)), key=lambda i: -max(len(f) for f in _forms(entities[i])))
    found = {i: mentions_of(text, _forms(entities[i]), taken) for i in order}
    for i, (name, kind, _) in enumerate(entities):
        if found[i]:
            built.append(Entity(f"e{i + 1}", name, kind, mentions=tuple(found[i])))
    return Article(
        "t", Source(path="t.txt"), language, None, None, None, None, (), text, entities=tuple(built)
    )


def _forms(spec: EntitySpec) -> list[str]:
    return [spec[0], *spec[2]]
