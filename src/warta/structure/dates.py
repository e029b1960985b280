"""Dates: the dateline's date and time with its zone, and container dates normalised to ISO 8601.

Month, day and zone words come from each language's ``dates.yaml``; the one compiled pattern
accepts the shapes news pages use: ``Rabu, 1 Februari 2023 - 14:37``, ``Senin, 30 Jan 2023
10:15 WIB``, ``30/01/2023, 10:15 WIB``, ``January 30, 2023 10:15 AM GMT+7``, ``2023-01-30``.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

__all__ = ["DateWords", "DatelineMatch", "find_datetime", "normalise_date"]


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A date found in a line: its ISO value and where it stands in the line."""

    iso: str
    start: int
    end: int
    has_zone: bool


@dataclass(frozen=True, slots=True)
class DateWords:
    """Month numbers, zone offsets and the compiled date-time pattern for every language."""

    months: dict[str, int]
    zones: dict[str, str]
    default_zones: dict[str, str]
    pattern: re.Pattern[str]
    # A time (and zone) just before a date: "Updated 2:17 AM EST, February 14, 2024".
    time_first: re.Pattern[str]

    @classmethod
    def build(cls, tables: Iterable[tuple[str, dict[str, Any]]]) -> DateWords:
        months: dict[str, int] = {}
        days: set[str] = set()
        zones: dict[str, str] = {}
        defaults: dict[str, str] = {}
        for lang, table in tables:
            months.update({k.lower(): int(v) for k, v in (table.get("months") or {}).items()})
            days.update(k.lower() for k in (table.get("days") or {}))
            days.update(k.lower() for k in (table.get("days_short") or {}))
            zones.update({k.lower(): str(v) for k, v in (table.get("zones") or {}).items()})
            default = table.get("default_zone")
            if default:
                defaults[lang] = zones[str(default).lower()]
        return cls(months, zones, defaults, _compile(months, days, zones), _time_first(zones))


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _compile(months: dict[str, int], days: set[str], zones: dict[str, str]) -> re.Pattern[str]:
    month = rf"(?:{_alt(months)})\.?"
    date = (
        rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{month}),?\s+(?P<y1>\d{{4}})"
        rf"|(?P<m2>{month})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
        r"|(?P<d3>\d{1,2})[/.-](?P<m3>\d{1,2})[/.-](?P<y3>\d{4})"
        r"|(?P<y4>\d{4})(?P<s4>[-/])(?P<m4>\d{1,2})(?P=s4)(?P<d4>\d{1,2}))"
    )
    time = (
        r"(?:(?:\s*[-,|•·/]\s*|\s+|T)(?:(?:pukul|jam|at|pkl\.?)\s+)?"
        r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?"
        r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?!\w))?"
        r"(?:\s*\(?(?:GMT|UTC)\s*(?P<zs>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?\)?"
        rf"|\s*(?P<zone>{_alt(zones)})(?!\w))?)?"
    )
    day = rf"(?:(?:{_alt(days)}),?\s+)?"
    return re.compile(rf"(?<!\w){day}{date}{time}(?!\d)", re.IGNORECASE)


def _time_first(zones: dict[str, str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\d:.])(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>[ap]\.?m\.?)(?!\w))?"
        r"(?:\s*\(?(?:GMT|UTC)\s*(?P<zs>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?\)?"
        rf"|\s*(?P<zone>{_alt(zones)})(?!\w))?\s*,?\s+(?:on\s+)?$",
        re.IGNORECASE,
    )


def _month(words: DateWords, name: str) -> int:
    return words.months.get(name.lower().rstrip("."), 0)


def _ymd(m: re.Match[str], words: DateWords) -> tuple[int, int, int]:
    if m["y1"]:
        return int(m["y1"]), _month(words, m["m1"]), int(m["d1"])
    if m["y2"]:
        return int(m["y2"]), _month(words, m["m2"]), int(m["d2"])
    if m["y3"]:
        return int(m["y3"]), int(m["m3"]), int(m["d3"])
    return int(m["y4"]), int(m["m4"]), int(m["d4"])


def _zone(m: re.Match[str], words: DateWords, default: str | None) -> timezone | None:
    if m["zone"]:
        text = words.zones[m["zone"].lower()]
    elif m["zs"]:
        text = f"{m['zs']}{int(m['zh']):02d}:{m['zm'] or '00'}"
    elif default:
        text = default
    else:
        return None
    return _offset(text)


def _offset(text: str) -> timezone:
    """The zone of an offset such as ``+07:00``."""
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def find_datetime(
    text: str, words: DateWords, default_zone: str | None = None
) -> DatelineMatch | None:
    """The first valid date (and time) in ``text``, as ISO 8601 with its zone when known."""
    for m in words.pattern.finditer(text):
        try:
            day = datetime(*_ymd(m, words))
        except ValueError:
            continue  # 31/02 or an unknown month: not a date after all
        clock = m
        if m["H"] is None:
            # Only a date here; the time may stand before it ("2:17 AM EST, February 14").
            lead = words.time_first.search(text, max(0, m.start() - 40), m.start())
            if lead is None:
                return DatelineMatch(day.date().isoformat(), m.start(), m.end(), False)
            clock = lead
        start = clock.start()
        found = _stamp(day, clock, words, default_zone)
        if found is not None:
            iso, zoned = found
            return DatelineMatch(iso, start, m.end(), zoned)
        if clock is not m:
            return DatelineMatch(day.date().isoformat(), m.start(), m.end(), False)
    return None


def _stamp(
    day: datetime, m: re.Match[str], words: DateWords, default_zone: str | None
) -> tuple[str, bool] | None:
    """The ISO time of ``day`` at the clock time ``m`` holds; None when it is no time."""
    hour = int(m["H"]) % 24
    if m["ampm"]:
        hour = hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    try:
        stamp = day.replace(hour=hour, minute=int(m["M"]), second=int(m["S"] or 0))
    except ValueError:
        return None
    tz = _zone(m, words, default_zone)
    iso = stamp.replace(tzinfo=tz).isoformat() if tz else stamp.isoformat()
    return iso, bool(m["zone"] or m["zs"])


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_EPOCH_MS = re.compile(r"^\d{12,13}$")


def normalise_date(
    value: str | None, words: DateWords, default_zone: str | None = None
) -> str | None:
    """A container's date as ISO 8601, keeping its UTC offset; date-only stays date-only.

    A time without a zone gets ``default_zone`` when one is given (the outlet's own zone:
    Indonesian pages' meta tags give local time bare).
    """
    found = _normalise(value, words)
    if found is None or default_zone is None or "T" not in found:
        return found
    stamp = datetime.fromisoformat(found)
    if stamp.tzinfo is not None:
        return found
    return stamp.replace(tzinfo=_offset(default_zone)).isoformat()


def _normalise(value: str | None, words: DateWords) -> str | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    if _DATE_ONLY.match(value):
        return value
    if _EPOCH.match(value):
        return datetime.fromtimestamp(float(value), UTC).isoformat()
    if _EPOCH_MS.match(value):
        return datetime.fromtimestamp(int(value) / 1000, UTC).isoformat()
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_datetime(value, words)
    return found.iso if found else None
