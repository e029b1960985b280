"""Patterns found by reading unseen articles: false clauses, glued marks, pointing-back nouns."""

from __future__ import annotations

import pytest

from warta.quotes import QuoteResources, find_quotes
from warta.records import Quote

from .build import article

RINI = ("Rini Kusuma", "PER", ["Rini"])
DARMA = ("Darma Wijaya", "PER", ["Darma"])
HALE = ("Tom Hale", "PER", ["Hale"])
TEAM = ("Garuda Muda", "ORG", [])
RUSIA = ("Rusia", "ORG", [])


def quotes(res: QuoteResources, text: str, lang: str, ents: tuple) -> list[Quote]:
    found = list(find_quotes(article(text, lang, ents), res))
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


@pytest.mark.parametrize(
    ("text", "lang", "ents"),
    [
        ("Kapolsek Rini saat dikonfirmasi membenarkan atas kejadian di pasar itu.", "id", (RINI,)),
        ("Tim Merah, demikian julukan Darma dan kawan-kawan, kalah dua gol.", "id", (DARMA,)),
        ("Namun klaim Rusia diragukan banyak pengamat di Eropa.", "id", (RUSIA,)),
        ("The ferry, which Hale said was built in 1990, sank on Sunday.", "en", (HALE,)),
        ("The bridge was unsafe, engineers have said, and should have been closed.", "en", ()),
        ("Hale was said to be suffering from a mild cold last week.", "en", (HALE,)),
        ("Hale asked the mayor to publish the full report on the website.", "en", (HALE,)),
        ("Hale toured such states as Ohio, Iowa and Texas in his final week.", "en", (HALE,)),
    ],
)
def test_clause_without_reported_content_is_no_quote(res, text, lang, ents):
    assert quotes(res, text, lang, ents) == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Hale said that as prices rise, families will buy less rice.", "as prices rise"),
        ("Hale said the plant would close before the end of the year.", "the plant would"),
    ],
)
def test_clause_after_that_may_open_with_any_word(res, text, said):
    found = quotes(res, text, "en", (HALE,))
    assert len(found) == 1 and found[0].text.startswith(said)


def test_demikian_with_an_outlet_still_reports(res):
    text = "Harga cabai naik dua kali lipat di pasar induk pekan ini, demikian Antara."
    found = quotes(res, text, "id", (("Antara", "ORG", []),))
    assert [q.speaker.name for q in found] == ["Antara"]


@pytest.mark.parametrize(
    "text",
    [
        "Investasi itu besar.”Kami ingin pabrik ini dibangun tahun depan,” ujar Darma.",
        "kepada wartawan Darma”Kami ingin pabrik ini dibangun tahun depan,” ujar Darma.",
    ],
)
def test_closing_mark_glued_before_a_capital_opens_a_quotation(res, text):
    found = quotes(res, text, "id", (DARMA,))
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "Kami ingin pabrik ini dibangun tahun depan")
    ]
    assert found[0].speaker.name == "Darma Wijaya"


def test_role_noun_pointing_back_names_the_last_speaker(res):
    text = (
        '"Kami kalah secara fisik," kata pelatih Darma Wijaya.\n\n'
        '"Kami juga membuat kesalahan di lini belakang," tutur pria berusia 54 tahun itu.'
    )
    found = quotes(res, text, "id", (DARMA,))
    assert [q.speaker.name for q in found] == ["Darma Wijaya", "Darma Wijaya"]


@pytest.mark.parametrize(
    "after",
    [
        "Hal itu disampaikan Darma Wijaya di Bandung, Senin.",
        "Hal tersebut dikatakan oleh Darma Wijaya kepada wartawan.",
        "Begitu kata Darma Wijaya.",
        "\n\nHal itu diungkapkan Darma Wijaya seusai rapat.",
    ],
)
def test_sentence_after_a_quotation_can_name_its_speaker(res, after):
    text = f'Rapat berjalan lancar. "Pabrik baru akan dibuka pada bulan Mei." {after}'
    found = quotes(res, text, "id", (DARMA, RINI))
    assert [(q.text, q.speaker.name) for q in found] == [
        ("Pabrik baru akan dibuka pada bulan Mei", "Darma Wijaya")
    ]


def test_named_subject_before_a_cue_is_not_its_content(res):
    text = "Tom Hale, head of the port authority, said the statement was a plan of the year."
    found = quotes(res, text, "en", (HALE,))
    assert [(q.text, q.speaker.name) for q in found] == [
        ("the statement was a plan of the year", "Tom Hale")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dia memberi contoh kasus pajak yang menurutnya tidak diperiksa dengan teliti.", "id"),
        ("Hale saw the ship that according to Hale was sailing without a licence.", "en"),
    ],
)
def test_according_to_inside_a_relative_clause_is_no_quote(res, text, lang):
    assert [
        q
        for q in quotes(res, text, lang, (HALE,))
        if q.cue.lower().startswith(("menurut", "according"))
    ] == []


def test_passive_cue_after_a_quoted_term_gives_no_speaker(res):
    text = 'Hale was reported to have "mild symptoms", and was admitted to hospital on Friday.'
    assert quotes(res, text, "en", (HALE,)) == []


@pytest.mark.parametrize(
    "tail",
    ["demikian dikutip Antara dari laman resmi kementerian.", "demikian dilaporkan oleh Antara."],
)
def test_demikian_with_a_passive_verb_names_the_outlet(res, tail):
    text = f"Harga gula turun tiga persen pada Senin, {tail}"
    found = quotes(res, text, "id", (("Antara", "ORG", []),))
    assert [(q.text, q.speaker.name) for q in found] == [
        ("Harga gula turun tiga persen pada Senin", "Antara")
    ]
