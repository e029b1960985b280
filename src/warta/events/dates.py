"""Event dates: date expressions in the text, resolved against the article's own day.

"Senin (30/1)", "(30/1/2023)", "27 Juli", "kemarin", "pekan lalu", "Selasa lalu", "on Monday",
"yesterday", "June 12": each becomes a calendar day. Words come from the language's
``dates.yaml`` (months, days, plain relative words, zones) and ``relative_dates.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import ahocorasick

__all__ = ["DateExpr", "DateRules", "article_day", "build_date_rules"]


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression at ``start:end`` and the day it names."""

    start: int
    end: int
    day: date
    explicit: bool = True  # names the day itself ("Senin (30/1)", "27 Juli"), not "kemarin"


@dataclass(frozen=True, slots=True)
class DateRules:
    """One language's compiled date patterns."""

    pattern: re.Pattern[str]
    months: Mapping[str, int]
    days: Mapping[str, int]
    offsets: Mapping[str, int]
    last_words: frozenset[str]
    next_words: frozenset[str]
    day_first: bool
    zone: str | None
    until: re.Pattern[str] | None
    anchors: Any  # Aho-Corasick automaton of the words a date expression starts with

    def find(self, text: str, start: int, end: int, ref: date) -> list[DateExpr]:
        """Date expressions in ``text[start:end]`` resolved against the day ``ref``.

        An end point ("hingga 2 Juli", "until June 2") is no event's day; a relative word
        beside an explicit date ("Senin (17/4) pagi ini") defers to it."""
        found = [e for e in self._find(text, start, end, ref) if not self._is_end_point(text, e)]
        explicit = [e for e in found if e.explicit]
        return [
            e
            for e in found
            if e.explicit
            or not any(abs(x.start - e.end) < 15 or abs(e.start - x.end) < 15 for x in explicit)
        ]

    def _is_end_point(self, text: str, expr: DateExpr) -> bool:
        if self.until is None:
            return False
        return self.until.search(text, max(0, expr.start - 16), expr.start) is not None

    def _starts(self, text: str, start: int, end: int) -> list[int]:
        """Where an expression may begin: each "(", each date word (and the number before a
        month name). Trying the full pattern only there is what keeps this cheap."""
        found = {m.start() for m in _PAREN.finditer(text, start, end)}
        lower = text[start:end].lower()
        for last, word in self.anchors.iter(lower):
            pos = start + last - len(word) + 1
            if pos > 0 and text[pos - 1].isalnum():
                continue
            found.add(pos)
            number = _NUMBER_BEFORE.search(text, max(start, pos - 4), pos)
            if number is not None:
                found.add(number.start())
        return sorted(found)

    def _find(self, text: str, start: int, end: int, ref: date) -> list[DateExpr]:
        found: list[DateExpr] = []
        reached = start
        for pos in self._starts(text, start, end):
            if pos < reached:
                continue
            m = self.pattern.match(text, pos, end)
            if m is None:
                continue
            reached = m.end()
            day = self._resolve(m, ref)
            if day is not None:
                explicit = m.lastgroup != "rel" and not (m.lastgroup == "wd" and not m.group("wn1"))
                found.append(DateExpr(m.start(), m.end(), day, explicit))
        return found

    def _resolve(self, m: re.Match[str], ref: date) -> date | None:
        kind = m.lastgroup
        try:
            if kind == "num":
                return self._numeric(m, ref)
            if kind in ("dm", "md"):
                return self._named_month(m, ref)
            if kind == "wd":
                return self._weekday(m, ref)
            if kind == "rel":
                return ref + timedelta(days=self.offsets[_squash(m.group("rel"))])
        except (ValueError, KeyError, OverflowError):
            return None  # 31/2 and the like: not a date
        return None

    def _numeric(self, m: re.Match[str], ref: date) -> date:
        a, b = int(m.group("n1")), int(m.group("n2"))
        day, month = (a, b) if self.day_first else (b, a)
        return _with_year(day, month, m.group("n3"), ref)

    def _named_month(self, m: re.Match[str], ref: date) -> date:
        if m.lastgroup == "dm":
            day, name, year = m.group("d1"), m.group("m1"), m.group("y1")
        else:
            day, name, year = m.group("d2"), m.group("m2"), m.group("y2")
        return _with_year(int(day), self.months[name.lower()], year, ref)

    def _weekday(self, m: re.Match[str], ref: date) -> date:
        before = (m.group("wb") or "").lower().strip()
        after = (m.group("wa") or "").lower().strip()
        target = self.days[m.group("wdn").lower()]
        bracket = m.group("wn1")
        back = (ref.isoweekday() - target) % 7
        if bracket:
            a, b = int(bracket), int(m.group("wn2"))
            day, month = (a, b) if self.day_first else (b, a)
            found = _with_year(day, month, m.group("wn3"), ref)
            named = found - timedelta(days=(found.isoweekday() - target) % 7)
            # "Jumat (24/6)" when the 24th was a Saturday: one of the two is a slip; the
            # day name is the likelier to be right when the two are a day or two apart
            return named if found.isoweekday() != target and (found - named).days <= 2 else found
        if before in self.next_words or after in self.next_words:
            return ref + timedelta(days=(target - ref.isoweekday()) % 7 or 7)
        if back == 0 and (before in self.last_words or after in self.last_words):
            back = 7
        return ref - timedelta(days=back)


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def _with_year(day: int, month: int, year: str | None, ref: date) -> date:
    if year:
        y = int(year)
        return date(y + 2000 if y < 100 else y, month, day)
    found = date(ref.year, month, day)
    # a day-month without a year is the one nearest the article, mostly in the past
    if found - ref > timedelta(days=45):
        found = date(ref.year - 1, month, day)
    elif ref - found > timedelta(days=320):
        found = date(ref.year + 1, month, day)
    return found


_PAREN = re.compile(r"\(")
_NUMBER_BEFORE = re.compile(r"\b\d{1,2}\s+$")


def _anchors(words: Any) -> Any:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def build_date_rules(dates: Mapping[str, Any], relative: Mapping[str, Any]) -> DateRules:
    """Compile one language's date words (``dates.yaml`` + ``relative_dates.yaml``)."""
    months = {k.lower(): int(v) for k, v in (dates.get("months") or {}).items()}
    days = {k.lower(): int(v) for k, v in (dates.get("days") or {}).items()}
    offsets = {_squash(k): int(v) for k, v in (dates.get("relative") or {}).items()}
    offsets.update({_squash(k): int(v) for k, v in (relative.get("offsets") or {}).items()})
    last = frozenset(w.lower() for w in relative.get("last_words", ()))
    nxt = frozenset(w.lower() for w in relative.get("next_words", ()))
    mon = _alternation(months)
    rel = _alternation(offsets).replace(r"\ ", r"\s+")
    sides = _alternation(last | nxt)
    num = (
        rf"(?P<num>\((?:(?-i:{_capitalised(days)}),?\s*)?"
        r"(?P<n1>\d{1,2})/(?P<n2>\d{1,2})(?:/(?P<n3>\d{2,4}))?\))"
    )
    dm = rf"(?P<dm>\b(?P<d1>\d{{1,2}})\s+(?P<m1>(?i:{mon}))\b\.?(?:\s+(?P<y1>\d{{4}})\b)?)"
    md = (
        rf"(?P<md>\b(?P<m2>(?i:{mon}))\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+(?P<y2>\d{{4}})\b)?)"
    )
    wd = (
        rf"(?P<wd>(?:\b(?P<wb>(?i:{sides}))\s+)?\b(?P<wdn>(?-i:{_capitalised(days)}))\b"
        rf"(?:\s*\((?P<wn1>\d{{1,2}})/(?P<wn2>\d{{1,2}})(?:/(?P<wn3>\d{{2,4}}))?\)"
        rf"|\s+(?P<wa>(?i:{sides}))\b)?)"
    )
    relp = rf"(?P<rel>\b(?i:{rel})\b)"
    pattern = re.compile("|".join((relp, wd, num, dm, md)))
    zones = dates.get("zones") or {}
    zone = zones.get(dates.get("default_zone") or "")
    day_first = bool(relative.get("day_first", True))
    until_words = relative.get("until_words") or ()
    until = re.compile(rf"\b(?i:{_alternation(until_words)})\s+$") if until_words else None
    anchors = _anchors({*months, *days, *offsets, *last, *nxt})
    return DateRules(pattern, months, days, offsets, last, nxt, day_first, zone, until, anchors)


def _capitalised(days: Mapping[str, int]) -> str:
    return _alternation({d[:1].upper() + d[1:] for d in days})


def article_day(published: str | None, zone: str | None) -> date | None:
    """The article's own calendar day, in its outlet's zone.

    A timestamp given in UTC for an outlet with a home zone (IndoSum's collection times) is
    moved into that zone first, since the writer's "kemarin" counts from the local day.
    """
    if not published:
        return None
    try:
        stamp = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    offset = stamp.utcoffset()
    if offset is not None and offset == timedelta(0) and zone:
        sign = -1 if zone.startswith("-") else 1
        hours, minutes = (int(x) for x in zone.lstrip("+-").split(":"))
        stamp = stamp.astimezone(timezone(sign * timedelta(hours=hours, minutes=minutes)))
    return stamp.date()
