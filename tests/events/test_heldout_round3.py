"""Fixes from the third held-out audit: verbs and phrases that were missing, spaced hyphens,
the maker of a policy, an attack's victim, a country named in a title, and advice that is
not an act."""

from __future__ import annotations

import pytest

from tests.events.conftest import EntitySpec, MakeArticle
from warta.events import EventResources, find_events

PRK = ("Korea Utara", "LOC", "PRK", ("Korut",))
USA = ("Amerika Serikat", "LOC", "USA", ("AS",))
TRUMP = ("Donald Trump", "PER", "USA", ("Trump",))
MACRON = ("Emmanuel Macron", "PER", "FRA", ())
DENSUS = ("Densus 88", "ORG", "IDN", ())
BUDI = ("Budi Santoso", "PER", None, ("Budi",))
SATYA = ("Satya Widya Yudha", "PER", "IDN", ("Satya",))
JOKOWI = ("Joko Widodo", "PER", "IDN", ("Jokowi",))
SAUDI = ("Arab Saudi", "LOC", "SAU", ())
KPK = ("Komisi Pemberantasan Korupsi", "ORG", "IDN", ("KPK",))


def _coded(
    make_article: MakeArticle,
    res: EventResources,
    text: str,
    entities: list[EntitySpec],
    language: str = "id",
) -> list[tuple[str, str | None, str | None]]:
    art = make_article(text, entities, language=language)
    return [(e.code[:2], e.source.actor, e.target.actor) for e in find_events(art, res)]


@pytest.mark.parametrize(
    "text",
    [
        "Dia dijerat Pasal 22 Undang - undang Nomor 31 Tahun 1999 tentang korupsi.",
        "Budi menyebut Peraturan Pemerintah Pengganti Undang - undang itu memicu persekusi.",
    ],
)
def test_spaced_hyphen_reduplication_is_not_a_verb(
    make_article: MakeArticle, res: EventResources, text: str
) -> None:
    assert find_events(make_article(text, [BUDI]), res) == ()


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "Presiden AS Donald Trump bertelepon dengan Presiden Prancis Emmanuel Macron.",
            [TRUMP, MACRON],
            ("04", "USA", "FRA"),
        ),
        (
            "Korea Utara menggertak Amerika Serikat dengan uji coba rudal.",
            [PRK, USA],
            ("13", "PRK", "USA"),
        ),
        ("Korut melayangkan ancaman kepada Amerika Serikat.", [PRK, USA], ("13", "PRK", "USA")),
        ("Korea Utara menggelar demonstrasi besar menentang AS.", [PRK, USA], ("14", "PRK", "USA")),
        (
            "Korea Utara mempersiapkan 3,5 juta tentara untuk berperang melawan Amerika Serikat.",
            [PRK, USA],
            ("15", "PRK", "USA"),
        ),
        (
            "Densus 88 menjemput paksa Budi Santoso dari Lapas Nusakambangan.",
            [DENSUS, BUDI],
            ("17", "IDN", "IDN"),
        ),
        ("Arab Saudi mengizinkan warga perempuan mengemudi.", [SAUDI], ("08", "SAU", "SAU")),
        ("Budi Santoso dipukuli oleh sejumlah warga di Bekasi.", [BUDI], ("18", "IDN", "IDN")),
        ("Budi Santoso dikecam oleh pihak KPK.", [BUDI, KPK], ("11", "IDN", "IDN")),
    ],
)
def test_verbs_and_phrases_found_missing_in_the_audit(
    make_article: MakeArticle,
    res: EventResources,
    text: str,
    entities: list[EntitySpec],
    expected: tuple[str, str, str],
) -> None:
    assert _coded(make_article, res, text, entities)[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Satya mendukung penuh kebijakan energi untuk rakyat, yang kini dilaksanakan Presiden "
        "Joko Widodo.",
        "Satya mengapresiasi program listrik desa yang akan digeber oleh Jokowi.",
    ],
)
def test_praise_of_a_policy_goes_to_its_maker(
    make_article: MakeArticle, res: EventResources, text: str
) -> None:
    (event,) = find_events(make_article(text, [SATYA, JOKOWI]), res)
    assert (event.code[:2], event.source.name, event.target.name) == (
        "05",
        "Satya Widya Yudha",
        "Joko Widodo",
    )


def test_praise_of_a_thing_without_a_maker_codes_nothing(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Satya mengapresiasi program listrik desa yang akan rampung tahun depan."
    assert find_events(make_article(text, [SATYA, JOKOWI]), res) == ()


def test_attack_noun_targets_its_victim_not_the_place(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Sejumlah petinggi ISIS tewas dalam serangan udara Amerika Serikat di Afghanistan."
    ents = [("ISIS", "ORG", "ISIS", ()), USA, ("Afghanistan", "LOC", "AFG", ())]
    assert _coded(make_article, res, text, ents) == [("19", "USA", "ISIS")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Menteri Luar Negeri Australia Julie Bishop mengecam Korea Utara.", "id"),
        ("Julie Bishop, Menteri Luar Negeri Australia, mengecam Korea Utara.", "id"),
        ("Australian Foreign Minister Julie Bishop condemned North Korea.", "en"),
    ],
)
def test_country_in_a_title_codes_an_uncoded_person(
    make_article: MakeArticle, res: EventResources, text: str, language: str
) -> None:
    ents = [
        ("Julie Bishop", "PER", None, ()),
        ("Australia", "LOC", "AUS", ()),
        ("Korea Utara", "LOC", "PRK", ("North Korea",)),
    ]
    assert _coded(make_article, res, text, ents, language) == [("11", "AUS", "PRK")]


def test_a_country_at_the_end_of_the_previous_sentence_is_no_title(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Rombongan itu terbang ke Australia. Budi Santoso mengecam Korea Utara."
    ents = [BUDI, ("Australia", "LOC", "AUS", ()), ("Korea Utara", "LOC", "PRK", ())]
    assert all(e.source.actor != "AUS" for e in find_events(make_article(text, ents), res))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Menurut Satya, pemerintah perlu menindak tegas Budi Santoso.", "id"),
        ("Satya said the government should arrest Budi Santoso.", "en"),
    ],
)
def test_advice_to_act_is_not_the_act(
    make_article: MakeArticle, res: EventResources, text: str, language: str
) -> None:
    events = find_events(make_article(text, [SATYA, BUDI], language=language), res)
    assert all(e.code[:2] != "17" for e in events)


def test_meeting_named_first_takes_the_subject_after_the_comma(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Dalam pertemuan dengan Presiden Prancis Emmanuel Macron, Trump membahas Suriah."
    assert ("04", "USA", "FRA") in _coded(make_article, res, text, [TRUMP, MACRON])


def test_decimal_comma_does_not_end_an_opening_clause(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Mengerahkan 3,5 juta tentara ke perbatasan, Korea Utara mengancam Amerika Serikat."
    assert all(e.source.actor != "USA" for e in find_events(make_article(text, [PRK, USA]), res))


def test_defending_oneself_is_not_a_verbal_defence(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Pyongyang needs nuclear weapons to defend itself against the United States."
    ents = [("Pyongyang", "LOC", "PRK", ()), ("United States", "LOC", "USA", ())]
    assert _coded(make_article, res, text, ents, "en") == []
