"""Actor coding: which state or organisation each entity stands for, and its agent type."""

from __future__ import annotations

import pytest

from .helpers import Run, by_name


@pytest.mark.parametrize(
    ("text", "name", "actor", "agent"),
    [
        ("Menteri Luar Negeri Brasil Mauro Vieira tiba di Jakarta.", "Mauro Vieira", "BRA", "GOV"),
        (
            "Kapolres Sleman AKBP Rudi Hartono menjelaskan kronologinya.",
            "Rudi Hartono",
            "IDN",
            "COP",
        ),
        (
            "Bupati Wonosobo Afif Nurhidayat meninjau lokasi longsor.",
            "Afif Nurhidayat",
            "IDN",
            "GOV",
        ),
        ("Panglima TNI Jenderal Andi Wirawan memimpin upacara.", "Andi Wirawan", "IDN", "MIL"),
        (
            "Juru bicara Kementerian Luar Negeri Jepang Hiroshi Tanaka menolak.",
            "Hiroshi Tanaka",
            "JPN",
            "GOV",
        ),
    ],
)
def test_person_takes_actor_and_agent_from_the_title(
    run_entities: Run, text: str, name: str, actor: str, agent: str
) -> None:
    person = by_name(run_entities(text), name)
    assert (person.actor, person.agent) == (actor, agent)


def test_english_demonym_before_a_title_gives_the_actor(run_entities: Run) -> None:
    ents = run_entities(
        "Brazilian Foreign Minister Mauro Vieira said talks went well.", language="en"
    )
    assert by_name(ents, "Mauro Vieira").actor == "BRA"


def test_known_officeholder_is_coded_by_term(run_entities: Run) -> None:
    during = by_name(
        run_entities("Stoltenberg tiba di Seoul.", published="2023-01-30"), "Jens Stoltenberg"
    )
    assert (during.actor, during.agent) == ("NATO", "IGO")


def test_officeholder_outside_any_term_keeps_the_standing_actor(run_entities: Run) -> None:
    ents = run_entities("Barack Obama berlibur di Bali.", published="2017-06-24")
    assert (by_name(ents, "Barack Obama").actor, by_name(ents, "Barack Obama").agent) == (
        "USA",
        None,
    )


def test_capital_acting_stands_for_its_state(run_entities: Run) -> None:
    ents = run_entities("Tiongkok bukan musuh NATO. Beijing menolak tuduhan itu.")
    china = by_name(ents, "Tiongkok")
    assert "Beijing" in {m.text for m in china.mentions}
    assert china.actor == "CHN"


def test_capital_as_a_place_stays_a_place(run_entities: Run) -> None:
    ents = run_entities("Ia berbicara di Seoul tentang Korea Selatan.")
    assert by_name(ents, "Seoul").actor is None


def test_ministry_named_with_a_foreign_country_acts_for_that_country(run_entities: Run) -> None:
    ents = run_entities("Kementerian Luar Negeri Suriah membantah laporan itu.")
    ministry = by_name(ents, "Kementerian Luar Negeri Suriah")
    assert (ministry.type, ministry.actor) == ("ORG", "SYR")


def test_indonesian_state_body_is_domestic(run_entities: Run) -> None:
    ents = run_entities("Penyidik Polres Labuhan Batu memeriksa tiga saksi.")
    unit = by_name(ents, "Polres Labuhan Batu")
    assert (unit.actor, unit.agent) == ("IDN", "COP")


def test_countries_carry_iso_codes_in_both_languages(run_entities: Run) -> None:
    for text, language, name in [
        ("Delegasi Jerman tiba.", "id", "Jerman"),
        ("Germany agreed.", "en", "Germany"),
    ]:
        ent = by_name(run_entities(text, language=language), name)
        assert (ent.type, ent.actor, ent.kb) == ("LOC", "DEU", "DEU")


def test_country_word_before_a_longer_title_gives_the_actor(run_entities: Run) -> None:
    text = "Chinese Foreign Ministry spokesperson Liu Fang said the talks would go on."
    assert by_name(run_entities(text, language="en"), "Liu Fang").actor == "CHN"
