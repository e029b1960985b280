"""Precision patterns from the third held-out audit: ministers and directors general named by
their office's short form, currency codes before a dollar sign, football clubs named by
nickname and venues named after a club."""

from __future__ import annotations

import pytest

from .helpers import Run, by_name


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Menkumham Yasonna Laoly menolak usulan itu di Jakarta.", "Yasonna Laoly"),
        ("Menag Lukman Hakim Saifuddin meninjau asrama haji di Bekasi.", "Lukman Hakim Saifuddin"),
        ("Menperin Airlangga Hartarto membuka pameran mobil itu.", "Airlangga Hartarto"),
    ],
)
def test_minister_short_form_is_a_title_not_part_of_the_name(
    run_entities: Run, text: str, person: str
) -> None:
    ents = run_entities(text)
    found = by_name(ents, person)
    assert found.type == "PER"
    assert found.actor == "IDN"
    assert all(not e.name.startswith("Men") for e in ents)


@pytest.mark.parametrize(
    ("text", "person", "unit"),
    [
        (
            "Dirjen Pemasyarakatan Ahmad Yunus diminta mundur oleh anggota dewan.",
            "Ahmad Yunus",
            "Pemasyarakatan",
        ),
        (
            "Situs itu diblokir, kata Dirjen Aptika Samuel Abrijani, Rabu (8/11).",
            "Samuel Abrijani",
            "Aptika",
        ),
        (
            "Direktur Jenderal Pajak Budi Santoso menyebut target itu berat.",
            "Budi Santoso",
            "Pajak",
        ),
    ],
)
def test_director_general_with_unit_is_a_title(
    run_entities: Run, text: str, person: str, unit: str
) -> None:
    ents = run_entities(text)
    assert by_name(ents, person).type == "PER"
    assert all(unit not in e.name for e in ents)


def test_surname_that_resembles_a_ministry_short_form_stays_a_name(run_entities: Run) -> None:
    ents = run_entities("Agen pemain itu adalah Jorge Mendes. Mendes pun menolak berkomentar.")
    assert by_name(ents, "Jorge Mendes").type == "PER"


@pytest.mark.parametrize(
    "text",
    [
        "The government will spend AUD $120 million on repairs, Peter Walsh said.",
        "The ministry announced CAN$200 million in aid, Peter Walsh said.",
        "The deal is worth NZ $40 million, Peter Walsh said.",
    ],
)
def test_currency_code_before_dollar_sign_is_no_entity(run_entities: Run, text: str) -> None:
    ents = run_entities(text, language="en")
    assert {e.name for e in ents} == {"Peter Walsh"}
    assert by_name(ents, "Peter Walsh").type == "PER"


@pytest.mark.parametrize(
    ("text", "club", "nickname"),
    [
        (
            "Manchester United resmi merekrut Budi Santoso. Setan Merah membayar mahal.",
            "Manchester United",
            "Setan Merah",
        ),
        (
            "Pelatih Arsenal memuji timnya. The Gunners kini memimpin klasemen.",
            "Arsenal",
            "The Gunners",
        ),
        (
            "AC Milan aktif di bursa transfer. Rossoneri sudah membeli tujuh pemain.",
            "AC Milan",
            "Rossoneri",
        ),
    ],
)
def test_club_nickname_is_an_alias_of_the_club(
    run_entities: Run, text: str, club: str, nickname: str
) -> None:
    ents = run_entities(text)
    clubs = [e for e in ents if club in {m.text for m in e.mentions}]
    assert len(clubs) == 1
    assert clubs[0].type == "ORG"
    assert nickname in {m.text for m in clubs[0].mentions}


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Ribuan suporter berkumpul di Graha Persib sejak pagi.", "Graha Persib"),
        ("Laga itu digelar di Stadion Juventus, Turin, Minggu malam.", "Stadion Juventus"),
    ],
)
def test_venue_named_after_a_club_is_one_place(run_entities: Run, text: str, venue: str) -> None:
    ents = run_entities(text)
    assert by_name(ents, venue).type == "LOC"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The Sydney Mayor said the plan would go ahead on Monday.", "Sydney"),
        ("On Sunday the Jakarta Governor announced a new budget for schools.", "DKI Jakarta"),
    ],
)
def test_title_after_a_city_is_no_part_of_a_name(run_entities: Run, text: str, place: str) -> None:
    ents = run_entities(text, language="en")
    assert [(e.name, e.type) for e in ents] == [(place, "LOC")]


def test_place_ending_a_longer_name_before_a_title_stays_in_it(run_entities: Run) -> None:
    text = "Operasi itu melibatkan Kelurahan Dukuh Kupang Bripka Taufik Ismail dan warga."
    ents = run_entities(text)
    assert by_name(ents, "Kelurahan Dukuh Kupang").type == "LOC"
    assert by_name(ents, "Taufik Ismail").type == "PER"


def test_auditor_general_is_a_title(run_entities: Run) -> None:
    ents = run_entities("In 2005 the Auditor-General released a report on the schools.", "en")
    assert ents == ()


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The suit was filed against the retail giant Northmart on Monday.", "Northmart"),
        ("Shares in the carrier Skyward rose after the deal was signed.", "Skyward"),
        ("The British retailer Tesvale said its profits fell.", "Tesvale"),
    ],
)
def test_company_word_before_a_name_makes_it_an_organisation(
    run_entities: Run, text: str, org: str
) -> None:
    assert by_name(run_entities(text, language="en"), org).type == "ORG"
