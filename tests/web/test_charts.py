"""The SVG timeline: true time on the axis, coarser bins for long ranges, escaped labels."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.web.charts import bin_counts, timeline_svg


def test_bin_counts_fills_empty_days_between_events() -> None:
    unit, bins = bin_counts([("2022-05-30", 1, 2), ("2022-06-02", 4, 1)])
    assert unit == "day"
    assert [b.label for b in bins] == ["2022-05-30", "2022-05-31", "2022-06-01", "2022-06-02"]
    assert [b.total for b in bins] == [2, 0, 0, 1]


@pytest.mark.parametrize(
    ("last", "unit"),
    [("2022-03-31", "day"), ("2022-12-31", "week"), ("2026-01-01", "month")],
)
def test_bin_counts_coarsens_long_ranges(last: str, unit: str) -> None:
    found, bins = bin_counts([("2022-01-01", 1, 1), (last, 3, 1)])
    assert found == unit
    assert sum(b.total for b in bins) == 2
    assert len(bins) <= 160


def test_bin_counts_merges_days_of_a_month_into_one_block_per_quad() -> None:
    rows = [("2020-01-03", 1, 1), ("2020-01-20", 1, 2), ("2020-01-21", 4, 1), ("2024-01-01", 2, 1)]
    unit, bins = bin_counts(rows)
    assert unit == "month"
    assert (bins[0].start, bins[0].end) == (dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    assert dict(bins[0].counts) == {1: 3, 4: 1}


def test_bin_counts_ignores_rows_without_a_day() -> None:
    unit, bins = bin_counts([(None, 1, 3), ("not a day", 2, 1)])
    assert (unit, bins) == ("day", [])


def test_timeline_svg_stacks_quads_and_links_each_bar_to_its_days() -> None:
    _, bins = bin_counts([("2022-06-07", 3, 2), ("2022-06-07", 1, 1), ("2022-06-09", 2, 1)])
    svg = str(
        timeline_svg(
            bins, caption="Events <per> day", href=lambda a, b: f"/events?start={a}&end={b}"
        )
    )
    assert svg.count("<rect") == 3
    assert 'class="bar quad-1"' in svg
    assert '<a href="/events?start=2022-06-07&amp;end=2022-06-07">' in svg
    assert "start=2022-06-08" not in svg  # an empty day has nothing to open
    assert 'aria-label="Events &lt;per&gt; day"' in svg


def test_timeline_svg_says_when_there_is_nothing_to_draw() -> None:
    assert "No dated events" in str(timeline_svg([], caption="x"))
