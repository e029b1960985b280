"""Article text as HTML with entities, quotes and events marked in place, built from offsets.

Every piece of article text goes through :func:`markupsafe.escape` on its own, between two
offsets; only the tags this module writes are trusted. Spans may overlap without nesting (a
quote running past the end of an event's evidence sentence), so a span that outlives its
parent is closed and reopened as a continuation: the browser always gets well-formed HTML,
and only the first piece of each span carries its ``id`` (the anchor ``#q3``, ``#ev2``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

__all__ = ["Mark", "highlight", "marks_for_article"]

# Outer layers first: an event's evidence is usually a sentence holding quotes and names.
_RANK = {"h": -1, "ev": 0, "q": 1, "ent": 2}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``kind`` is ``h`` (heading), ``ev``, ``q`` or ``ent``; ``ref`` its
    anchor id."""

    start: int
    end: int
    kind: str
    ref: str
    title: str = ""
    css: str = ""

    def sort_key(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, _RANK.get(self.kind, 9), self.ref)


def _open_tag(mark: Mark, first: bool) -> str:
    classes = f"hl hl-{mark.kind} {mark.css}".strip()
    if not first:
        classes += " hl-cont"
    anchor = f' id="{escape(mark.ref)}"' if first else ""
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    return f'<span class="{escape(classes)}"{anchor} data-ref="{escape(mark.ref)}"{title}>'


def _valid(marks: Iterable[Mark], length: int) -> list[Mark]:
    # Offsets come from the database; a broken one is dropped rather than trusted.
    return [m for m in marks if 0 <= m.start < m.end <= length]


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The escaped ``text`` with each mark wrapped in a ``<span>``, nested where spans nest."""
    kept = sorted(_valid(marks, len(text)), key=Mark.sort_key)
    cuts = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[str] = set()
    for left, right in itertools.pairwise(cuts):
        active = [m for m in kept if m.start <= left and right <= m.end]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        for mark in active[keep:]:
            out.append(_open_tag(mark, mark.ref not in opened))
            opened.add(mark.ref)
        stack = active
        out.append(str(escape(text[left:right])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def _offsets(item: Mapping[str, Any] | None) -> tuple[int, int] | None:
    # A hand-edited or older record may lack offsets; such an item is listed, not marked.
    try:
        return int((item or {})["start"]), int((item or {})["end"])
    except (KeyError, TypeError, ValueError):
        return None


def _entity_marks(entities: Sequence[Mapping[str, Any]]) -> Iterable[Mark]:
    for entity in entities:
        label = " · ".join(
            str(v) for v in (entity.get("name"), entity.get("type"), entity.get("actor")) if v
        )
        css = f"ent-{str(entity.get('type') or 'X').lower()}"
        # Every mention shares the entity's ref, so following ``#e1`` lights them all up.
        for mention in entity.get("mentions") or ():
            if (span := _offsets(mention)) is not None:
                yield Mark(*span, "ent", str(entity.get("id")), label, css)


def _quote_marks(quotes: Sequence[Mapping[str, Any]]) -> Iterable[Mark]:
    for n, quote in enumerate(quotes, 1):
        speaker = (quote.get("speaker") or {}).get("name") or "unknown speaker"
        kind = str(quote.get("kind") or "")
        title = f"{kind} quote · {speaker}"
        if (span := _offsets(quote)) is not None:
            yield Mark(*span, "q", f"q{n}", title, f"q-{kind}")


def _event_marks(events: Sequence[Mapping[str, Any]]) -> Iterable[Mark]:
    for n, event in enumerate(events, 1):
        span = _offsets(event.get("evidence"))
        if span is None:
            continue
        title = f"event {event.get('code')} · {side_label(event.get('source'))} → "
        title += side_label(event.get("target"))
        css = f"quad-{event.get('quad', 0)}"
        yield Mark(*span, "ev", f"ev{n}", title, css)


def side_label(side: Mapping[str, Any] | None) -> str:
    """How an event side reads in one line: its name, else its actor code, else a dash."""
    side = side or {}
    name, actor = side.get("name"), side.get("actor")
    if name and actor:
        return f"{name} ({actor})"
    return str(name or actor or "—")


def marks_for_article(record: Mapping[str, Any]) -> list[Mark]:
    """Every mark of a contract-shaped article dict; anchors are ``e1``, ``q1``, ``ev1``."""
    marks = [
        Mark(*span, "h", f"h{n}")
        for n, heading in enumerate(record.get("headings") or (), 1)
        if (span := _offsets(heading)) is not None
    ]
    marks.extend(_event_marks(record.get("events") or ()))
    marks.extend(_quote_marks(record.get("quotes") or ()))
    marks.extend(_entity_marks(record.get("entities") or ()))
    return marks
