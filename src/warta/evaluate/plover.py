"""Scoring the English event coder on PLOVER's gold-standard records.

Each record is one English sentence with its source and target actor codes and a PLOVER event
name. The coder runs on the sentence alone; a record counts as right on the event when one
coded event's CAMEO code maps to the record's PLOVER name, and exact when that same event
also has a gold source and a gold target (a record without a target needs only the source).
The CAMEO-to-PLOVER table is read at run time when given (``CAMEO2PLOVER-*.txt``); names of
the older PLOVER draft the records use (DEMAND, DISAPPROVE, FIGHT, ...) map by CAMEO root.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from warta.records import Event, EventSide

__all__ = ["PloverRecord", "evaluate_records", "load_mapping", "load_records", "plover_names"]

# PLOVER event names (both drafts) -> the CAMEO roots they cover.
ROOTS_BY_NAME: dict[str, tuple[str, ...]] = {
    "AGREE": ("03",),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "CONCEDE": ("08",),
    "RETREAT": ("08",),
    "INVESTIGATE": ("09",),
    "ACCUSE": ("09", "11"),
    "REQUEST": ("02", "10"),
    "DEMAND": ("10",),
    "DISAPPROVE": ("11",),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "MOBILIZE": ("15",),
    "SANCTION": ("16",),
    "COERCE": ("17",),
    "ASSAULT": ("18", "20"),
    "FIGHT": ("19",),
}

# Project keys of international bodies (the entity stage's organisation actors).
_IGO_KEYS = frozenset(
    {"UN", "EU", "NATO", "ASEAN", "OIC", "IMF", "WB", "WTO", "ICC", "INTERPOL", "AU", "OPEC",
     "APEC", "ARL", "GCC", "OSCE", "ECOWAS", "IGO"}
)  # fmt: skip
_COUNTRIES = frozenset(c.alpha_3 for c in pycountry.countries)

_TABLE_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z_]+)")


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One gold record: its sentence, actor codes on each side, and PLOVER event name."""

    id: str
    text: str
    event: str
    sources: frozenset[str]
    targets: frozenset[str]


def _codes(side: Any) -> frozenset[str]:
    if not isinstance(side, list):
        return frozenset()
    return frozenset(str(a.get("code", "")).upper() for a in side if isinstance(a, dict))


def load_records(path: Path) -> list[PloverRecord]:
    """Gold records from a JSON file, or every ``*.txt``/``*.json`` JSON list in a folder."""
    files = (
        sorted(p for p in path.iterdir() if p.suffix in (".txt", ".json"))
        if path.is_dir()
        else [path]
    )
    records: list[PloverRecord] = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue  # a readme or another non-record file beside the records
        if not isinstance(data, list):
            continue
        for row in data:
            if not isinstance(row, dict) or row.get("event") in (None, "DOCUMENT"):
                continue
            records.append(
                PloverRecord(
                    id=str(row.get("id", "")),
                    text=str(row.get("text", "")),
                    event=str(row["event"]).upper(),
                    sources=_codes(row.get("source")),
                    targets=_codes(row.get("target")),
                )
            )
    if not records:
        raise ValueError(f"{path}: no PLOVER gold records found")
    return records


def load_mapping(path: Path | None) -> dict[str, set[str]]:
    """CAMEO code -> PLOVER names, from a CAMEO2PLOVER table (empty without one)."""
    mapping: dict[str, set[str]] = {}
    if path is None or not path.is_file():
        return mapping
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _TABLE_LINE.match(line)
        if m:
            mapping.setdefault(m.group(1), set()).add(m.group(2))
    return mapping


def plover_names(code: str, mapping: dict[str, set[str]]) -> set[str]:
    """Every PLOVER name a CAMEO code may stand for."""
    names = {name for name, roots in ROOTS_BY_NAME.items() if code[:2] in roots}
    for n in (len(code), 3, 2):
        names |= mapping.get(code[:n], set())
    return names


def _side_codes(side: EventSide) -> set[str]:
    """The codes one side answers to: its actor, and "IGO" for an international body (the
    records code the UN, the EU or NATO alike as IGO)."""
    codes = {(side.actor or "").upper()} - {""}
    if side.agent == "IGO" or (codes and not codes & _COUNTRIES and side.actor in _IGO_KEYS):
        codes.add("IGO")
    return codes


def _judge(
    rec: PloverRecord, events: Sequence[Event], mapping: dict[str, set[str]]
) -> dict[str, bool]:
    def src_ok(e: Event) -> bool:
        return bool(_side_codes(e.source) & rec.sources)

    def tgt_ok(e: Event) -> bool:
        return not rec.targets or bool(_side_codes(e.target) & rec.targets)

    def event_ok(e: Event) -> bool:
        return rec.event in plover_names(e.code, mapping)

    return {
        "coded": bool(events),
        "event": any(event_ok(e) for e in events),
        "source": any(src_ok(e) for e in events),
        "target": any(tgt_ok(e) and e.target.actor for e in events)
        or (bool(events) and not rec.targets),
        "exact": any(event_ok(e) and src_ok(e) and tgt_ok(e) for e in events),
    }


def evaluate_records(
    records: Iterable[PloverRecord],
    code: Callable[[PloverRecord], Sequence[Event]],
    mapping: dict[str, set[str]],
) -> dict[str, Any]:
    """Counts and rates over the records; ``code`` runs the coder on one record."""
    totals = dict.fromkeys(("records", "coded", "event", "source", "target", "exact"), 0)
    per_event: dict[str, list[int]] = {}
    for rec in records:
        verdict = _judge(rec, code(rec), mapping)
        totals["records"] += 1
        for key, ok in verdict.items():
            totals[key] += ok
        per_event.setdefault(rec.event, [0, 0])
        per_event[rec.event][0] += 1
        per_event[rec.event][1] += verdict["exact"]
    n, coded = totals["records"], totals["coded"]
    return {
        **totals,
        "exact_rate": round(totals["exact"] / n, 4) if n else 0.0,
        "precision": round(totals["exact"] / coded, 4) if coded else 0.0,
        "recall": round(totals["exact"] / n, 4) if n else 0.0,
        "event_rate": round(totals["event"] / n, 4) if n else 0.0,
        "by_event": {k: {"records": v[0], "exact": v[1]} for k, v in sorted(per_event.items())},
        "definitions": (
            "exact: one coded event has the record's PLOVER family, a gold source and a gold "
            "target; precision = exact / records with any event coded; recall = exact / records"
        ),
    }
