"""Name forms found in held-out news: middle initials, regions' short names, title words."""

from __future__ import annotations

import pytest

from .helpers import Run, by_name


def test_middle_initial_stays_inside_the_name(run_entities: Run) -> None:
    ents = run_entities("Film itu disutradarai David O. Russell. Russell mengaku puas.")
    russell = by_name(ents, "David O. Russell")
    assert [m.text for m in russell.mentions] == ["David O. Russell", "Russell"]


def test_special_region_is_named_without_its_status(run_entities: Run) -> None:
    ents = run_entities("Ribuan warga berunjuk rasa di pusat kota Hong Kong, Minggu.")
    hong_kong = by_name(ents, "Hong Kong")
    assert (hong_kong.type, hong_kong.actor) == ("LOC", "HKG")


def test_sentence_initial_speech_word_is_not_part_of_the_name(run_entities: Run) -> None:
    ents = run_entities("Budi Santoso tiba di Bandung. Kata Budi, perjalanan itu melelahkan.")
    budi = by_name(ents, "Budi Santoso")
    assert [m.text for m in budi.mentions] == ["Budi Santoso", "Budi"]


@pytest.mark.parametrize(
    "text",
    [
        "Antrean kendaraan mengular dari KM 33 hingga KM 39 pada Sabtu siang.",
        "Kepadatan terjadi di ruas KM 47 sejak pagi.",
    ],
)
def test_kilometre_markers_are_not_entities(run_entities: Run, text: str) -> None:
    assert run_entities(text) == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Menurut Direktur Pemasaran Rudi Hartanto, penjualan naik.", "Rudi Hartanto"),
        ("Co-Founder Agus Sasmito mengatakan produk itu laris.", "Agus Sasmito"),
        ("VP Sutrisno Wibowo menyebut target tercapai.", "Sutrisno Wibowo"),
    ],
)
def test_company_titles_are_not_part_of_the_name(run_entities: Run, text: str, name: str) -> None:
    assert by_name(run_entities(text), name).type == "PER"


@pytest.mark.parametrize(
    "text",
    [
        "The Sri Lankan players were ambushed on the way to the stadium.",
        "Two Kenyans and three Sri Lankans were among the passengers.",
    ],
)
def test_regular_english_demonyms_are_not_entities(run_entities: Run, text: str) -> None:
    assert run_entities(text, "en") == ()


def test_english_general_manager_is_a_business_title_not_a_general(run_entities: Run) -> None:
    text = "Stanley Myers, General Manager of Advanced Materials Inc., said sales would grow."
    ents = run_entities(text, "en")
    assert all(e.agent != "MIL" for e in ents)
    assert by_name(ents, "Stanley Myers").type == "PER"
