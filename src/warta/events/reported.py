"""Reported demands: "Russia said on Tuesday that Sudan must return the helicopter".

A speaker who says another actor must (or should) act demands it of them (CAMEO 10): the
source is the speaker named before the reporting verb, the target the actor named between
that verb and the modal. The reporting verbs and modals are language data
(``reported_demand`` in ``events.yaml``); a language without them codes none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from warta.events.actors import Candidate
from warta.records import EventSide
from warta.text import Sentence

__all__ = ["ReportedDemand", "build_reported_demand", "find_reported_demands"]


@dataclass(frozen=True, slots=True)
class ReportedDemand:
    """The compiled pattern of one language: a reporting verb, later a modal."""

    speech: re.Pattern[str]
    modal: re.Pattern[str]
    code: str


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


def build_reported_demand(data: Mapping[str, Any]) -> ReportedDemand | None:
    """The pattern from ``reported_demand: {speech: [...], modals: [...], code: "100"}``."""
    spec = data.get("reported_demand") or {}
    speech, modals = spec.get("speech") or (), spec.get("modals") or ()
    if not speech or not modals:
        return None
    return ReportedDemand(
        speech=re.compile(rf"\b(?i:{_words(speech)})\b"),
        modal=re.compile(rf"\b(?i:{_words(modals)})\b"),
        code=str(spec.get("code", "100")),
    )


def _actor(
    cands: list[Candidate], starts: list[int], lo: int, hi: int, last: bool
) -> Candidate | None:
    """The first (the subject) or last (nearest the modal) actor named in ``lo:hi``."""
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    inside = [c for c in cands[i:j] if c.end <= hi and c.side.actor]
    return (inside[-1] if last else inside[0]) if inside else None


_QUOTE = re.compile(r'["“”]')
_WORD = re.compile(r"\w+")


def _close(text: str, said: int, tgt_end: int, modal: int) -> bool:
    """Reported, not quoted, speech whose modal follows its actor within two words."""
    if _QUOTE.search(text, said, modal):
        return False  # inside a quotation the speaker's own words are theirs to judge
    gap = text[tgt_end:modal]
    return "," not in gap and len(_WORD.findall(gap)) <= 2


def _own_country(cand: Candidate) -> bool:
    """A bare country or place name: said of the speaker's own state, it is exhortation
    ("Johnson stated that Britain must leave"), not a demand; a group within it is not."""
    return cand.side.agent is None and cand.entity_type in ("LOC", None)


def find_reported_demands(
    text: str, sents: list[Sentence], cands: list[Candidate], pattern: ReportedDemand
) -> Iterator[tuple[Sentence, int, EventSide, EventSide]]:
    """(sentence, modal offset, source, target) of each reported demand."""
    starts = [c.start for c in cands]
    for sent in sents:
        said = pattern.speech.search(text, sent.start, sent.end)
        if said is None:
            continue
        must = pattern.modal.search(text, said.end(), sent.end)
        if must is None:
            continue
        src = _actor(cands, starts, sent.start, said.start(), last=False)
        tgt = _actor(cands, starts, said.end(), must.start(), last=True)
        if src is None or tgt is None or not _close(text, said.end(), tgt.end, must.start()):
            continue
        if src.side.actor == tgt.side.actor and _own_country(tgt):
            continue
        yield sent, must.start(), src.side, tgt.side
