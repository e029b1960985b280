"""Round 4 audit: territories code as their state, a story of Indonesians abroad keeps its
home country, and coordinated passives share their agent."""

from __future__ import annotations

import dataclasses

import pytest

from tests.events.conftest import MakeArticle
from warta.events import EventResources, find_events
from warta.events.actors import domestic_country, people_country
from warta.records import Entity, Mention


def _sides(article: object, res: EventResources) -> list[tuple[str, str | None, str | None]]:
    events = find_events(article, res)  # type: ignore[arg-type]
    return [(e.code, e.source.actor, e.target.actor if e.target else None) for e in events]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Korea Utara mengancam akan menyerang Guam.", "id"),
        ("North Korea threatened to strike Guam.", "en"),
    ],
)
def test_territory_is_coded_as_its_state(
    make_article: MakeArticle, res: EventResources, text: str, lang: str
) -> None:
    north = "Korea Utara" if lang == "id" else "North Korea"
    art = make_article(text, [(north, "LOC", "PRK", ()), ("Guam", "LOC", "GUM", ())], language=lang)
    targets = {tgt for _, _, tgt in _sides(art, res)}
    assert targets == {"USA"}


def test_indonesian_deported_abroad_stays_indonesian(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = (
        "Ustaz Budi Santoso dideportasi oleh petugas imigrasi setibanya di Hong Kong. Ia hendak "
        "berceramah bagi pekerja di Hong Kong. Budi tiba di Hong Kong pukul 15.00 waktu "
        "Hong Kong.\n\nPetugas mengatakan Hong Kong tidak dapat menerima Budi. Budi lalu "
        "dipulangkan ke Indonesia."
    )
    art = make_article(
        text,
        [
            ("Budi Santoso", "PER", None, ("Budi",)),
            ("Hong Kong", "LOC", "HKG", ()),
            ("Indonesia", "LOC", "IDN", ()),
        ],
    )
    deported = [e for e in find_events(art, res) if e.code == "174"]
    assert deported and deported[0].target is not None
    assert deported[0].target.actor == "IDN"  # the preacher is Indonesian
    assert deported[0].source.actor == "HKG"  # the immigration officers are Hong Kong's


def _entity(text: str, name: str, actor: str) -> Entity:
    start = 0
    mentions = []
    while (i := text.find(name, start)) >= 0:
        mentions.append(Mention(name, i, i + len(name)))
        start = i + 1
    return Entity("e0" + actor, name, "LOC", actor=actor, mentions=tuple(mentions))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hong Kong acts: a Hong Kong story
        ("Polisi Hong Kong menangkap aktivis. Hong Kong menolak tuntutan. Hong Kong diam.", "HKG"),
        # Hong Kong is where an Indonesian was, and Indonesia is named: an Indonesian story
        (
            "Budi tiba di Hong Kong. Ia mengajar di Hong Kong. Ia pulang dari Hong Kong "
            "ke Indonesia.",
            "IDN",
        ),
        # set in Hong Kong, with nothing of Indonesia in it: still Hong Kong's
        ("Festival digelar di Hong Kong. Pengunjung datang ke Hong Kong dari Hong Kong.", "HKG"),
    ],
)
def test_home_country_kept_when_foreign_country_is_only_the_setting(
    res: EventResources, text: str, expected: str
) -> None:
    names = (("Hong Kong", "HKG"), ("Indonesia", "IDN"))
    ents = tuple(_entity(text, name, code) for name, code in names if name in text)
    words = dataclasses.replace(res.languages["id"].words, place_preps=frozenset({"di", "ke"}))
    domestic = domestic_country(ents, "IDN")
    assert domestic == "HKG"  # generic actors ("polisi", "petugas") stay Hong Kong's
    assert people_country(ents, words, domestic, (), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Budi dipukul dan dianiaya warga di Bekasi.",
        "Budi dipukul, ditendang dan dianiaya warga di Bekasi.",
        "Budi dianiaya dan dipukuli warga di Bekasi.",
    ],
)
def test_coordinated_passives_share_agent_and_subject(
    make_article: MakeArticle, res: EventResources, text: str
) -> None:
    art = make_article(text, [("Budi", "PER", None, ())])
    assert ("182", "IDN", "IDN") in _sides(art, res)
    assert all(e.target and e.target.name == "Budi" for e in find_events(art, res))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Former First Lady Nancy Reagan, widow of the late President Ronald Reagan, "
            "endorsed Senator John McCain on Tuesday.",
            "en",
            "Nancy Reagan",
        ),
        (
            "Budi Santoso, anak Presiden Joko Widodo, mengkritik Partai Golkar.",
            "id",
            "Budi Santoso",
        ),
        ("Ketua Partai Demokrat, Joko Widodo, mengkritik Partai Golkar.", "id", "Joko Widodo"),
    ],
)
def test_name_in_apposition_is_not_the_subject(
    make_article: MakeArticle, res: EventResources, text: str, lang: str, expected: str
) -> None:
    specs = [
        (name, typ, actor, ())
        for name, typ, actor in (
            ("Nancy Reagan", "PER", "USA"),
            ("Ronald Reagan", "PER", "USA"),
            ("John McCain", "PER", "USA"),
            ("Budi Santoso", "PER", "IDN"),
            ("Joko Widodo", "PER", "IDN"),
            ("Partai Demokrat", "ORG", "IDN"),
            ("Partai Golkar", "ORG", "IDN"),
        )
        if name in text
    ]
    events = find_events(make_article(text, specs, language=lang), res)
    assert [e.source.name for e in events] == [expected]


@pytest.mark.parametrize(
    ("text", "appeal"),
    [
        ("Barack Obama called on Israel to halt the settlements.", True),
        ("Barack Obama calls on Israel for restraint.", True),
        ("Barack Obama called on John Smith, a reporter from CNN.", False),
        ("Barack Obama called on the family of John Smith in Chicago.", False),
    ],
)
def test_called_on_is_an_appeal_only_when_it_asks_something(
    make_article: MakeArticle, res: EventResources, text: str, appeal: bool
) -> None:
    specs = [
        ("Barack Obama", "PER", "USA", ()),
        ("Israel", "LOC", "ISR", ()),
        ("John Smith", "PER", "USA", ()),
    ]
    art = make_article(text, [s for s in specs if s[0] in text], language="en")
    assert any(code == "020" for code, _, _ in _sides(art, res)) is appeal


def test_negation_covers_a_run_of_coordinated_passives(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Polisi menjamin Budi tidak akan dipukul dan ditangkap atau dideportasi petugas."
    art = make_article(text, [("Budi", "PER", None, ())])
    assert not [e for e in find_events(art, res) if e.code.startswith(("17", "18"))]
