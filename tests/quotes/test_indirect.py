"""Reported speech: speech verbs with and without `bahwa`/`that`, `Menurut X`, inverted cues."""

from __future__ import annotations

import pytest

from warta.quotes import QuoteResources, find_quotes
from warta.records import Quote

from .build import article

AMRAN = ("Amran Sulaiman", "PER", ["Amran"])
CARTER = ("Ashton Carter", "PER", ["Carter"])
COURT = ("Supreme Court", "ORG", [])


def indirect(res: QuoteResources, text: str, lang: str = "id", ents=(AMRAN,)) -> list[Quote]:
    found = [q for q in find_quotes(article(text, lang, ents), res) if q.kind == "indirect"]
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "Amran mengatakan bahwa stok beras cukup sampai Lebaran.",
            "id",
            "stok beras cukup sampai Lebaran",
        ),
        (
            "Amran mengatakan, stok beras cukup sampai Lebaran.",
            "id",
            "stok beras cukup sampai Lebaran",
        ),
        (
            "Amran menegaskan stok beras cukup sampai Lebaran.",
            "id",
            "stok beras cukup sampai Lebaran",
        ),
        (
            "Amran mengatakan kepada wartawan bahwa stok beras cukup sampai Lebaran.",
            "id",
            "stok beras cukup sampai Lebaran",
        ),
        (
            "Carter said that the troops would stay in Syria.",
            "en",
            "the troops would stay in Syria",
        ),
        (
            "Carter told reporters the troops would stay in Syria.",
            "en",
            "the troops would stay in Syria",
        ),
    ],
)
def test_clause_after_speech_verb_is_indirect_quote(res, text, lang, said):
    (q,) = indirect(res, text, lang, [AMRAN, CARTER])
    assert q.text == said
    assert q.speaker.name in {"Amran Sulaiman", "Ashton Carter"}


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "Menurut Amran, stok daging sekitar 40 ribu ton.",
            "id",
            "stok daging sekitar 40 ribu ton",
        ),
        (
            "Stok daging, menurut Amran, sekitar 40 ribu ton di gudang.",
            "id",
            "sekitar 40 ribu ton di gudang",
        ),
        (
            "According to Carter, the troops would stay in Syria.",
            "en",
            "the troops would stay in Syria",
        ),
    ],
)
def test_content_after_according_to(res, text, lang, said):
    (q,) = indirect(res, text, lang, [AMRAN, CARTER])
    assert (q.text, q.speaker.entity) == (said, "e1" if lang == "id" else "e2")


def test_menurutnya_points_back_to_the_last_person(res):
    text = "Amran meninjau gudang Bulog. Menurutnya, stok beras aman sampai Lebaran."
    (q,) = indirect(res, text)
    assert (q.text, q.speaker.name) == ("stok beras aman sampai Lebaran", "Amran Sulaiman")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Untuk itu, kata Amran, harga cabai harus segera diturunkan.",
            "harga cabai harus segera diturunkan",
        ),
        ("Harga cabai harus segera diturunkan, kata Amran.", "Harga cabai harus segera diturunkan"),
        (
            "Amran meninjau pasar. Harga cabai harus segera diturunkan, katanya.",
            "Harga cabai harus segera diturunkan",
        ),
    ],
)
def test_inverted_cue_takes_the_clause_around_it(res, text, said):
    (q,) = indirect(res, text)
    assert (q.text, q.speaker.name) == (said, "Amran Sulaiman")


def test_speaker_before_final_verb_in_english(res):
    (q,) = indirect(res, "The prorogation was unlawful, the Supreme Court said.", "en", [COURT])
    assert (q.text, q.speaker.name) == ("The prorogation was unlawful", "Supreme Court")


def test_reported_clause_with_quoted_passage_gives_both(res):
    text = 'Amran mengatakan harga akan turun jika "pasokan dari petani lancar."'
    found = find_quotes(article(text, "id", [AMRAN]), res)
    kinds = sorted((q.kind, q.text) for q in found)
    assert kinds == [
        ("direct", "pasokan dari petani lancar"),
        ("indirect", 'harga akan turun jika "pasokan dari petani lancar."'),
    ]
    assert {q.speaker.name for q in found} == {"Amran Sulaiman"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Amran menyampaikan keluhannya kepada Presiden.", "id"),
        ("Amran belum bisa memastikan bagaimana kelanjutan program itu.", "id"),
        ("Warga mengatakan jalan itu rusak parah sejak bulan lalu.", "id"),
        ("Carter announced the winners of the prize in Stockholm.", "en"),
        ("Amran menemui para petani di sawah kemarin pagi.", "id"),
        ("Amran tidak mengatakan harga cabai akan turun lagi.", "id"),
        ("Carter did not say the troops would stay in Syria.", "en"),
    ],
)
def test_no_reported_speech_without_a_clause_or_a_speaker(res, text, lang):
    assert indirect(res, text, lang, [AMRAN, CARTER]) == []


def test_speech_verb_inside_a_direct_quote_is_not_reported_speech(res):
    text = '"Saya akan mengatakan bahwa kami siap berunding," kata Amran.'
    found = find_quotes(article(text, "id", [AMRAN]), res)
    assert [q.kind for q in found] == ["direct"]


def test_according_to_reads_an_appositive_name(res):
    text = (
        "According to a council member, David Franczyk, the police force is staging "
        "a sickout on Friday."
    )
    (q,) = indirect(res, text, "en", [("David Franczyk", "PER", ["Franczyk"])])
    assert q.text == "the police force is staging a sickout on Friday"
    assert q.speaker.name == "David Franczyk"


def test_later_verb_with_its_own_subject_reports_the_clause(res):
    text = "IRNA reported the head of the university, Abbas Hakimzadeh, said the ban was lifted."
    ents = [("IRNA", "ORG", []), ("Abbas Hakimzadeh", "PER", [])]
    (q,) = indirect(res, text, "en", ents)
    assert (q.text, q.speaker.name) == ("the ban was lifted", "Abbas Hakimzadeh")
