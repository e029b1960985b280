"""Events as the GDELT 2.0 event table: 61 tab-separated columns, no header, one row per event.

Columns follow GDELT 2.0's order exactly, so tools that read GDELT's own export files read
these. What Warta knows fills its columns: dates (the event's day, else the article's),
actors (``Actor1Code`` is the actor plus its agent type, ``IDNGOV``; the country code when
the actor is a state, the known-group code otherwise), the CAMEO code at its three levels,
quad class, Goldstein score, whether the evidence lies in the lead paragraph
(``IsRootEvent``), the event location's name, ``DATEADDED`` (publication time in UTC) and
``SOURCEURL``. Each row stands for one article, so the mention counts are 1. What Warta does
not compute (tone, coordinates, ADM codes, FIPS country codes of places) is left empty or 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pycountry

__all__ = ["GDELT_COLUMNS", "event_id", "gdelt_rows"]

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# Geo types in GDELT: 1 country, 4 world city (any place below country level here).
_GEO_COUNTRY, _GEO_PLACE = 1, 4


def event_id(article_n: int, index: int) -> int:
    """A GlobalEventID, stable for a store: the article's number and the event's place."""
    return article_n * 10_000 + index + 1


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _country(code: str | None) -> Any:
    return pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None


def _actor(side: dict[str, Any]) -> list[str]:
    actor, agent = side.get("actor") or "", side.get("agent") or ""
    state = _country(actor) is not None
    return [
        actor + agent,
        (side.get("name") or "").upper(),
        actor if state else "",
        "" if state else actor,
        "",
        "",
        "",
        agent,
        "",
        "",
    ]


def _action_geo(location: dict[str, Any] | None) -> list[str]:
    if not location or not location.get("name"):
        return ["0", *[""] * 7]
    name, country = location["name"], _country(location.get("country"))
    is_country = country is not None and name.casefold() == country.name.casefold()
    full = name if country is None or is_country else f"{name}, {country.name}"
    return [str(_GEO_COUNTRY if is_country else _GEO_PLACE), full, *[""] * 6]


def _added(published: str | None, day: dt.date) -> str:
    try:
        moment = dt.datetime.fromisoformat(published) if published else None
    except ValueError:
        moment = None
    if moment is None:
        return day.strftime("%Y%m%d") + "000000"
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y%m%d%H%M%S")


def _row(n: int, i: int, event: dict[str, Any], record: dict[str, Any]) -> list[str] | None:
    day = _day(event.get("date")) or _day(record.get("published"))
    if day is None:
        return None  # GDELT rows must have a date
    text = record.get("text") or ""
    lead_end = text.find("\n\n")
    lead = lead_end < 0 or event["evidence"]["start"] < lead_end
    code = event["code"]
    fraction = day.year + day.timetuple().tm_yday / 365
    source = record.get("source") or {}
    return [
        str(event_id(n, i)), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
        f"{fraction:.4f}",
        *_actor(event.get("source") or {}),
        *_actor(event.get("target") or {}),
        "1" if lead else "0", code, code[:3], event["root"], str(event["quad"]),
        f"{float(event['goldstein']):.1f}", "1", "1", "1", "0",
        "0", *[""] * 7,
        "0", *[""] * 7,
        *_action_geo(event.get("location")),
        _added(record.get("published"), day), source.get("url") or source.get("path") or "",
    ]  # fmt: skip


def gdelt_rows(records: Iterator[tuple[int, dict[str, Any]]]) -> Iterator[list[str]]:
    """GDELT rows for every dated event of every record (store number, record)."""
    for n, record in records:
        for i, event in enumerate(record.get("events") or ()):
            row = _row(n, i, event, record)
            if row is not None:
                yield [v.replace("\t", " ").replace("\n", " ") for v in row]
