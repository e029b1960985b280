"""Fixes from the held-out audit: money is not an actor, foreigners are not the home country."""

from __future__ import annotations

import pytest

from tests.events.conftest import MakeArticle
from warta.events import EventResources, find_events

KPK = ("Komisi Pemberantasan Korupsi", "ORG", "IDN", ("KPK",))
SINGAPURA = ("Singapura", "LOC", "SGP", ())
BUDI = ("Budi Santoso", "PER", None, ("Budi",))


@pytest.mark.parametrize(
    "text",
    [
        "KPK menahan Budi Santoso, Senin (27/3). Budi menyuap pejabat 100 ribu dolar Singapura, "
        "40 ribu dolar Singapura, 30 ribu dolar Singapura dan 20 ribu dolar Singapura.",
    ],
)
def test_country_in_a_currency_does_not_make_the_story_foreign(
    make_article: MakeArticle, res: EventResources, text: str
) -> None:
    events = find_events(make_article(text, [KPK, SINGAPURA, BUDI]), res)
    assert [(e.code, e.source.actor, e.target.actor) for e in events][:1] == [("173", "IDN", "IDN")]


def test_english_currency_name_is_not_an_actor(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("The company paid 50,000 Singapore dollars to Malaysia.", language="en")
    assert all(e.source.actor != "SGP" for e in find_events(art, res))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Polisi menangkap dua warga negara asing di Bali, Senin (27/3).", "id"),
        ("Kantor Imigrasi Palu mendeportasi tiga WNA karena melanggar izin tinggal.", "id"),
        ("Police arrested two foreign nationals in Bali on Monday.", "en"),
    ],
)
def test_foreigners_are_not_coded_as_the_home_country(
    make_article: MakeArticle, res: EventResources, text: str, language: str
) -> None:
    events = find_events(make_article(text, language=language), res)
    assert all(e.target.actor != "IDN" for e in events)


def test_citizens_without_a_foreign_mark_stay_domestic(
    make_article: MakeArticle, res: EventResources
) -> None:
    (event,) = find_events(make_article("Polisi menangkap dua warga di Bali."), res)
    assert (event.code, event.source.actor, event.target.actor) == ("173", "IDN", "IDN")


GOLKAR = ("Partai Golkar", "ORG", "IDN", ("DPP Golkar",))
PDIP = ("PDI Perjuangan", "ORG", "IDN", ())


def test_name_after_a_locative_place_noun_is_where_not_whom(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Ketua DPP Golkar mengecam keputusan itu di kantor PDI Perjuangan, Jakarta."
    assert find_events(make_article(text, [GOLKAR, PDIP]), res) == ()


def test_name_after_a_directional_place_noun_is_the_target(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("Presiden Joko Widodo mengunjungi kantor KPK, Senin (27/3).", [
        ("Joko Widodo", "PER", "IDN", ()), ("KPK", "ORG", "IDN", ())
    ])  # fmt: skip
    (event,) = find_events(art, res)
    assert (event.code, event.target.name) == ("042", "KPK")


@pytest.mark.parametrize(
    ("text", "language", "entities"),
    [
        (
            "Dahnil meragukan polisi mengusut Novel Baswedan.",
            "id",
            [("Dahnil", "PER", "IDN", ()), ("Novel Baswedan", "PER", "IDN", ())],
        ),
        (
            "Analysts doubted Russia would attack Ukraine.",
            "en",
            [("Russia", "LOC", "RUS", ()), ("Ukraine", "LOC", "UKR", ())],
        ),
    ],
)
def test_doubted_act_is_no_event(
    make_article: MakeArticle,
    res: EventResources,
    text: str,
    language: str,
    entities: list[tuple[str, str, str, tuple[str, ...]]],
) -> None:
    assert find_events(make_article(text, entities, language), res) == ()
