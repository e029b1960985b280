"""Recognition: which spans are names, where they start and end, and their types."""

from __future__ import annotations

import pytest

from .helpers import Run, by_name


def test_title_is_not_part_of_the_name(run_entities: Run) -> None:
    ents = run_entities("Presiden Joko Widodo meresmikan jembatan itu di Bogor, Senin (30/1).")
    jokowi = by_name(ents, "Joko Widodo")
    assert jokowi.type == "PER"
    assert [m.text for m in jokowi.mentions] == ["Joko Widodo"]


@pytest.mark.parametrize(
    "text",
    [
        "Warga mengeluhkan banjir. Pemerintah berjanji memperbaiki tanggul pada Senin pagi.",
        "Polisi menangkap dua orang pada Januari lalu. Mereka kini ditahan.",
        "Namun, hal itu dibantah. Menurut dia, semua berjalan lancar.",
    ],
)
def test_generic_groups_days_and_sentence_openers_are_not_entities(
    run_entities: Run, text: str
) -> None:
    assert run_entities(text) == ()


def test_derived_word_opening_a_sentence_is_not_a_name(run_entities: Run) -> None:
    ents = run_entities("Berbicara di Surabaya, Sutrisno Wibowo mengaku lelah.")
    assert {e.name for e in ents} == {"Surabaya", "Sutrisno Wibowo"}


def test_mention_offsets_match_the_text_and_are_sorted(run_entities: Run) -> None:
    text = (
        "Kapolres Sleman AKBP Rudi Hartono mengatakan, Rudi akan memeriksa saksi. "
        "Kata Rudi, kasus itu rumit."
    )
    for ent in run_entities(text):
        assert all(text[m.start : m.end] == m.text for m in ent.mentions)
        assert [m.start for m in ent.mentions] == sorted(m.start for m in ent.mentions)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Banjir merendam Desa Sukamaju, Kecamatan Cibadak.", "Desa Sukamaju", "LOC"),
        (
            "Ia bekerja di Kementerian Kelautan dan Perikanan sejak 2015.",
            "Kementerian Kelautan dan Perikanan",
            "ORG",
        ),
        ("Rombongan tiba di Torgamba pada malam hari.", "Torgamba", "LOC"),
        ('"Kami siap," kata Sumiati kepada wartawan.', "Sumiati", "PER"),
        ("Yayasan Pelita Harapan membagikan beras kepada warga.", "Yayasan Pelita Harapan", "ORG"),
    ],
)
def test_type_from_head_words_and_context(
    run_entities: Run, text: str, name: str, etype: str
) -> None:
    assert by_name(run_entities(text), name).type == etype


def test_laws_and_events_are_not_entities(run_entities: Run) -> None:
    text = "Ia dijerat UU Nomor 31 Tahun 1999 dan Pasal 55 KUHP saat Pilkada DKI berlangsung."
    assert {e.name for e in run_entities(text)} == {"DKI Jakarta"}


def test_headline_case_line_needs_backing(run_entities: Run) -> None:
    text = "Dekati Asia, NATO Mendesak Korea Selatan Kirim Bantuan\n\nNATO mendesak Korea Selatan."
    names = {e.name for e in run_entities(text)}
    assert names == {"Asia", "NATO", "Korea Selatan"}


def test_english_possessive_is_not_part_of_the_name(run_entities: Run) -> None:
    text = (
        "The ruling followed Taiwan's Constitutional Court decision. "
        "Legislative Yuan's vote was 66-27."
    )
    ents = run_entities(text, language="en")
    assert "Legislative Yuan" in {e.name for e in ents}


def test_place_after_of_stays_inside_an_organisation_name(run_entities: Run) -> None:
    ents = run_entities("She studied at the University of Geneva before moving.", language="en")
    assert by_name(ents, "University of Geneva").type == "ORG"
    assert "Switzerland" not in {e.name for e in ents}


def test_empty_text_gives_no_entities(run_entities: Run) -> None:
    assert run_entities("   ") == ()


def test_hyphenated_adjective_from_a_name_is_not_a_name(run_entities: Run) -> None:
    ents = run_entities("They found a Jupiter-like planet near a US-led mission.", language="en")
    assert ents == ()
