"""Date expressions resolve against the article's own day, in its own zone."""

from __future__ import annotations

from datetime import date

import pytest

from warta.events import EventResources
from warta.events.dates import DateRules, article_day

PUB = date(2023, 2, 1)  # a Wednesday


@pytest.fixture(scope="module")
def res() -> EventResources:
    return EventResources.load()


def _days(rules: DateRules | None, text: str, ref: date = PUB) -> list[str]:
    assert rules is not None
    return [e.day.isoformat() for e in rules.find(text, 0, len(text), ref)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Stoltenberg pada Senin (30/1) mendesak Seoul.", "2023-01-30"),
        ("Sidang digelar (30/1/2023) di Jakarta.", "2023-01-30"),
        ("Rumah itu dibedah hari ini (Senin 30/1/2023).", "2023-01-30"),
        ("Polisi menangkap dua pria kemarin.", "2023-01-31"),
        ("Ia bertemu Jokowi pekan lalu.", "2023-01-25"),
        ("KPK memeriksa saksi Selasa lalu.", "2023-01-31"),
        ("Massa berunjuk rasa pada Rabu lalu.", "2023-01-25"),
        ("Ia berangkat Jumat mendatang.", "2023-02-03"),
        ("Bom meledak pada 27 Januari di Bandung.", "2023-01-27"),
        ("Bom meledak pada 27 Desember di Bandung.", "2022-12-27"),
        ("Bom meledak pada 27 Februari 2017 di Bandung.", "2017-02-27"),
    ],
)
def test_indonesian_date_forms(res: EventResources, text: str, day: str) -> None:
    assert _days(res.languages["id"].dates, text) == [day]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On Monday, police arrested two men.", "2023-01-30"),
        ("Police arrested two men yesterday.", "2023-01-31"),
        ("The court ruled on January 12.", "2023-01-12"),
        ("The court ruled on 12 January 2022.", "2022-01-12"),
        ("Protesters rallied last week.", "2023-01-25"),
    ],
)
def test_english_date_forms(res: EventResources, text: str, day: str) -> None:
    assert _days(res.languages["en"].dates, text) == [day]


def test_an_end_point_is_not_an_events_day(res: EventResources) -> None:
    assert _days(res.languages["id"].dates, "Ia berlibur hingga 2 Februari.") == []


def test_a_relative_word_beside_an_explicit_date_defers_to_it(res: EventResources) -> None:
    text = "Warga mendatangi Balai Kota pada Senin (30/1) pagi ini."
    assert _days(res.languages["id"].dates, text) == ["2023-01-30"]


def test_lower_case_minggu_is_a_week_not_sunday(res: EventResources) -> None:
    assert _days(res.languages["id"].dates, "Panen dua minggu terakhir.") == []


def test_utc_stamp_of_an_indonesian_article_counts_in_wib() -> None:
    # 20:30 UTC on 31 January is already 1 February in Jakarta
    assert article_day("2023-01-31T20:30:00Z", "+07:00") == date(2023, 2, 1)
    assert article_day("2023-01-31T20:30:00+02:00", "+07:00") == date(2023, 1, 31)
    assert article_day("2019-06-23", None) == date(2019, 6, 23)
    assert article_day("not a date", None) is None
