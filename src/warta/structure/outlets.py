"""Outlets: which site a crawled page comes from, told by the names its header and footer use.

A page's own lines name its outlet: a channel line ("detikNews", "kumparanNEWS"), a byline's
affiliation ("BBC News, Jakarta"), a dateline ("Jakarta, CNN Indonesia --"), a footer
("Copyright 2024 Jakarta Globe"). The names come from ``lang/outlets.yaml``; they are looked
for in those set-aside lines only, never in the body, which may well quote another outlet.
The table also gives each outlet's zone, for pages that print a bare local time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["OutletTable", "find_outlet"]

_MAX_LINE = 300


@dataclass(frozen=True, slots=True)
class OutletTable:
    """Outlet names in one pattern, and each outlet's domain and zone."""

    pattern: re.Pattern[str]
    names: dict[str, str]  # lower-case name -> domain
    prefixes: tuple[tuple[str, str], ...]  # a brand's channel prefix ("detik") -> domain
    zones: dict[str, str]  # domain -> UTC offset

    @classmethod
    def build(cls, table: dict[str, Any]) -> OutletTable:
        names: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        zones: dict[str, str] = {}
        forms: list[str] = []
        for domain, entry in (table or {}).items():
            entry = entry or {}
            if entry.get("zone"):
                zones[domain] = str(entry["zone"])
            for name in [domain, *(entry.get("names") or ())]:
                name = str(name).strip()
                if name.endswith("*"):
                    stem = name[:-1].lower()
                    prefixes.append((stem, domain))
                    forms.append(re.escape(stem) + "[a-z]+")
                else:
                    names[name.lower()] = domain
                    forms.append(re.escape(name).replace(r"\ ", r"\s+"))
        forms.sort(key=len, reverse=True)
        # Trying longer forms first makes "kumparanNEWS" a channel, not "kumparan" + "NEWS".
        pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(forms) or '(?!)'})(?!\w)", re.IGNORECASE)
        return cls(pattern, names, tuple(prefixes), zones)

    def domain(self, name: str) -> str | None:
        """The domain a matched name stands for."""
        key = " ".join(name.lower().split())
        if key in self.names:
            return self.names[key]
        return next((d for stem, d in self.prefixes if key.startswith(stem)), None)

    def zone(self, outlet: str | None) -> str | None:
        """The UTC offset an outlet prints its times in ("news.detik.com" is detik.com's)."""
        host = (outlet or "").lower()
        while host:
            if host in self.zones:
                return self.zones[host]
            host = host.partition(".")[2]
        return None


def find_outlet(lines: Iterable[str], table: OutletTable) -> str | None:
    """The domain of the first outlet named in ``lines`` (a page's set-aside lines)."""
    for line in lines:
        if len(line) > _MAX_LINE:
            continue
        m = table.pattern.search(line)
        if m:
            return table.domain(m.group())
    return None
