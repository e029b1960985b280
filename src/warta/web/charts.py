"""Small hand-written SVG charts: event counts over time, stacked by quad class.

No front-end library: the server writes the SVG, so a chart is a plain part of the page,
escaped like the rest, and readable without JavaScript. Days are binned into weeks or months
when a range is too long to give every day a visible bar; each bar can link to the events
of the days it covers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

__all__ = ["QUADS", "Bin", "bin_counts", "timeline_svg"]

QUADS: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# A bar narrower than about 7 px (1200 px wide chart) is hard to hover: bin coarser.
_MAX_BINS = 160
_WIDTH, _HEIGHT, _LEFT, _BOTTOM, _TOP = 1200, 200, 36, 24, 10
_BAR_MAX = 36  # a few wide days still read as bars, not as blocks of colour

# Where a bar links: the first and the last day it covers -> a URL.
Href = Callable[[dt.date, dt.date], str]


@dataclass(slots=True)
class Bin:
    """One bar: the days it covers (``start`` to ``end``), a label, counts per quad class."""

    start: dt.date
    end: dt.date
    label: str
    counts: Counter[int] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _bin_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, unit: str) -> dt.date:
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=7 if unit == "week" else 1)


def _unit_for(first: dt.date, last: dt.date) -> str:
    days = (last - first).days + 1
    if days <= _MAX_BINS:
        return "day"
    return "week" if days <= _MAX_BINS * 7 else "month"


def _label(day: dt.date, unit: str) -> str:
    if unit == "month":
        return day.strftime("%Y-%m")
    return day.isoformat() if unit == "day" else f"week of {day.isoformat()}"


def bin_counts(rows: Iterable[tuple[str | None, int, int]]) -> tuple[str, list[Bin]]:
    """Bins from ``(day, quad, count)`` rows: the unit (day, week, month) and the bars.

    Every bin between the first and the last day is present, empty ones included, so the
    horizontal axis is true time. Rows without a parseable day are left out.
    """
    dated = [(d, q, n) for raw, q, n in rows if (d := _parse_day(raw)) is not None]
    if not dated:
        return "day", []
    first, last = min(r[0] for r in dated), max(r[0] for r in dated)
    unit = _unit_for(first, last)
    bins: dict[dt.date, Bin] = {}
    cursor = _bin_start(first, unit)
    while cursor <= last:
        following = _next(cursor, unit)
        bins[cursor] = Bin(cursor, following - dt.timedelta(days=1), _label(cursor, unit))
        cursor = following
    for day, quad, count in dated:
        bins[_bin_start(day, unit)].counts[quad] += count
    return unit, list(bins.values())


def _ticks(bins: list[Bin]) -> list[int]:
    step = max(1, len(bins) // 6)
    return list(range(0, len(bins), step))


def _bar(index: int, width: float, item: Bin, scale: float, href: Href | None) -> list[str]:
    bar = min(width - 1, _BAR_MAX)
    x = _LEFT + index * width + (width - bar) / 2
    y = float(_HEIGHT - _BOTTOM)
    parts = [f"<title>{escape(item.label)}: {item.total} event(s)</title>"]
    for quad in sorted(item.counts):
        h = item.counts[quad] * scale
        y -= h
        parts.append(
            f'<rect class="bar quad-{int(quad)}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{max(bar, 1):.1f}" height="{h:.1f}"/>'
        )
    if href is not None and item.total:
        return [f'<a href="{escape(href(item.start, item.end))}">', *parts, "</a>"]
    return ["<g>", *parts, "</g>"]


def _axes(bins: list[Bin], width: float, peak: int) -> list[str]:
    base = _HEIGHT - _BOTTOM
    parts = [
        f'<line class="axis" x1="{_LEFT}" y1="{base}" x2="{_WIDTH}" y2="{base}"/>',
        f'<text class="tick" x="{_LEFT - 6}" y="{_TOP + 8}" text-anchor="end">{peak}</text>',
        f'<text class="tick" x="{_LEFT - 6}" y="{base}" text-anchor="end">0</text>',
    ]
    for i in _ticks(bins):
        x = _LEFT + i * width + width / 2
        label = bins[i].label.removeprefix("week of ")
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{base + 16}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    return parts


def timeline_svg(bins: list[Bin], *, caption: str, href: Href | None = None) -> Markup:
    """A stacked bar chart of ``bins`` as inline SVG (an empty-state note when no bins).

    With ``href``, each non-empty bar links to ``href(first_day, last_day)`` of its bin.
    """
    if not bins:
        return Markup('<p class="empty">No dated events.</p>')
    peak = max(1, *(b.total for b in bins))
    width = (_WIDTH - _LEFT) / len(bins)
    scale = (_HEIGHT - _BOTTOM - _TOP) / peak
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
        f'aria-label="{escape(caption)}" preserveAspectRatio="xMidYMid meet">'
    ]
    parts.extend(_axes(bins, width, peak))
    for i, item in enumerate(bins):
        parts.extend(_bar(i, width, item, scale, href))
    parts.append("</svg>")
    return Markup("".join(parts))
