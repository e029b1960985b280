"""Cities and regions from the shared place list, and names that open with a place."""

from __future__ import annotations

import pytest

from warta.entities import EntityResources

from .helpers import Run, by_name


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Hujan deras merendam Mumbai sejak Senin malam.", "id", "Mumbai"),
        ("Heavy rain flooded Karachi on Monday, officials said.", "en", "Karachi"),
        ("Warga Aleppo mengungsi ke perbatasan.", "id", "Aleppo"),
    ],
)
def test_listed_city_is_a_place_without_actor(
    run_entities: Run, text: str, language: str, name: str
) -> None:
    city = by_name(run_entities(text, language), name)
    assert (city.type, city.actor) == ("LOC", None)


def test_listed_city_acting_stands_for_its_state(run_entities: Run) -> None:
    state = by_name(run_entities("Ankara menolak tuduhan itu.", "id"), "Turki")
    assert [m.text for m in state.mentions] == ["Ankara"]


def test_other_name_of_a_state_joins_the_state(entity_res: EntityResources) -> None:
    kb = entity_res.kb
    assert "Ivory Coast" in kb.entries[kb.by_key["CIV"]].names


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Menurut harian Korea Times, pertemuan itu batal.", "id", "Korea Times"),
        ("Pemain Real Madrid itu cedera lutut.", "id", "Real Madrid"),
        ("Menurut laporan Bangkok Post, proyek itu ditunda.", "id", "Bangkok Post"),
    ],
)
def test_name_continuing_past_a_place_is_one_name(
    run_entities: Run, text: str, language: str, name: str
) -> None:
    entities = run_entities(text, language)
    assert by_name(entities, name).mentions[0].text == name
    assert not [e for e in entities if e.type == "LOC"]


def test_country_before_an_athlete_stays_a_country(run_entities: Run) -> None:
    entities = run_entities("Pebulu tangkis Jepang Kento Momota menang mudah.")
    assert by_name(entities, "Jepang").type == "LOC"


@pytest.mark.parametrize(
    ("text", "language", "state"),
    [
        ("Tokyo has rejected the offer.", "en", "Japan"),
        ("Beijing akan menolak usulan itu.", "id", "Tiongkok"),
    ],
)
def test_capital_acting_past_an_auxiliary_stands_for_its_state(
    run_entities: Run, text: str, language: str, state: str
) -> None:
    assert by_name(run_entities(text, language), state).type == "LOC"


@pytest.mark.parametrize(
    ("text", "language", "city"),
    [
        ("Officials in Tokyo said the plan was ready.", "en", "Tokyo"),
        ("Pejabat di Beijing mengatakan rencana itu siap.", "id", "Beijing"),
    ],
)
def test_capital_after_a_preposition_is_where_not_who(
    run_entities: Run, text: str, language: str, city: str
) -> None:
    assert by_name(run_entities(text, language), city).actor is None
