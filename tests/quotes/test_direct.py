"""Direct quotations: marks, cues before and after, interruptions, paragraphs, false friends."""

from __future__ import annotations

import pytest

from warta.quotes import QuoteResources, find_quotes
from warta.records import Quote

from .build import article

MAO = ("Mao Ning", "PER", ["Mao"])
SUSI = ("Susi Pudjiastuti", "PER", ["Susi"])
KIP = ("Eliud Kipchoge", "PER", ["Kipchoge"])


def quotes_of(res: QuoteResources, text: str, lang: str = "id", ents=()) -> list[Quote]:
    found = list(find_quotes(article(text, lang, ents), res))
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def direct(found: list[Quote]) -> list[Quote]:
    return [q for q in found if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "lang", "ents", "said", "speaker", "cue"),
    [
        (
            '"Kami berharap NATO berubah," kata Mao dalam jumpa pers.',
            "id",
            [MAO],
            "Kami berharap NATO berubah",
            "Mao Ning",
            "kata",
        ),
        (
            "“Stok beras cukup untuk delapan bulan,” ujar Susi di Jakarta.",
            "id",
            [SUSI],
            "Stok beras cukup untuk delapan bulan",
            "Susi Pudjiastuti",
            "ujar",
        ),
        (
            "«Kami tidak akan mundur», tegas Susi.",
            "id",
            [SUSI],
            "Kami tidak akan mundur",
            "Susi Pudjiastuti",
            "tegas",
        ),
        (
            '"We did this one together," said Kipchoge after the run.',
            "en",
            [KIP],
            "We did this one together",
            "Eliud Kipchoge",
            "said",
        ),
        (
            '"We did this one together," Kipchoge said.',
            "en",
            [KIP],
            "We did this one together",
            "Eliud Kipchoge",
            "said",
        ),
    ],
)
def test_direct_quote_with_cue_after_it(res, text, lang, ents, said, speaker, cue):
    (q,) = quotes_of(res, text, lang, ents)
    assert (q.kind, q.text, q.speaker.name, q.cue) == ("direct", said, speaker, cue)
    assert q.speaker.entity == "e1"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('Susi mengatakan, "Pari manta wajib dilindungi di seluruh perairan."', "id"),
        ('Susi menegaskan: "Pari manta wajib dilindungi di seluruh perairan."', "id"),
        ('Susi told reporters, "Manta rays must be protected in all our waters."', "en"),
    ],
)
def test_direct_quote_with_cue_before_it(res, text, lang):
    (q,) = direct(quotes_of(res, text, lang, [SUSI]))
    assert q.speaker.name == "Susi Pudjiastuti"
    assert q.text.startswith(("Pari", "Manta")) and not q.text.endswith(".")


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            '"Kami siap," kata Mao. "Kami juga berharap dunia lebih damai."',
            "id",
            ["Kami siap", "Kami juga berharap dunia lebih damai"],
        ),
        (
            '"We are ready," Mao said. "We also hope for a calmer world."',
            "en",
            ["We are ready", "We also hope for a calmer world"],
        ),
    ],
)
def test_quote_interrupted_by_cue_is_two_quotes(res, text, lang, said):
    found = direct(quotes_of(res, text, lang, [MAO]))
    assert [q.text for q in found] == said
    assert [q.speaker.name for q in found] == ["Mao Ning", "Mao Ning"]


def test_several_sentences_in_one_pair_of_marks_are_one_quote(res):
    text = '"Stok cukup. Harga turun. Kami siap menghadapi Lebaran," kata Susi.'
    (q,) = quotes_of(res, text, "id", [SUSI])
    assert q.text == "Stok cukup. Harga turun. Kami siap menghadapi Lebaran"


def test_quote_over_paragraphs_is_one_quote_per_paragraph(res):
    text = (
        "Susi berbicara di depan nelayan.\n\n"
        '"Laut kita harus dijaga bersama oleh semua nelayan.\n\n'
        '"Kami akan menindak kapal asing yang mencuri ikan," kata Susi.'
    )
    found = direct(quotes_of(res, text, "id", [SUSI]))
    assert [q.text for q in found] == [
        "Laut kita harus dijaga bersama oleh semua nelayan",
        "Kami akan menindak kapal asing yang mencuri ikan",
    ]
    assert {q.speaker.name for q in found} == {"Susi Pudjiastuti"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('"Kami keluar dari kesepakatan itu," katanya.', "id"),
        ('"Kami keluar dari kesepakatan itu," kata dia.', "id"),
        ('"We are leaving the deal," he said.', "en"),
    ],
)
def test_pronoun_cue_goes_to_the_last_person(res, text, lang):
    lead = (
        "Presiden Donald Trump berpidato di Gedung Putih. "
        if lang == "id"
        else ("President Donald Trump spoke at the White House. ")
    )
    trump = ("Donald Trump", "PER", ["Trump"])
    white_house = ("Gedung Putih", "LOC", ["White House"])
    (q,) = quotes_of(res, lead + text, lang, [trump, white_house])
    assert q.speaker.name == "Donald Trump"


def test_quote_opening_a_sentence_without_cue_continues_the_last_speaker(res):
    text = (
        '"They are among the best athletes in the world," said Kipchoge. '
        '"I appreciate them for accepting this job."'
    )
    found = quotes_of(res, text, "en", [KIP])
    assert [q.speaker.name for q in found] == ["Eliud Kipchoge", "Eliud Kipchoge"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('Daerah ini menjadi fokus program "Yes I Do" di Jawa Tengah.', "id"),
        ('Warga menonton film "Ada Apa Dengan Cinta" di bioskop.', "id"),
        ('Kebijakan "ganjil-genap" berlaku mulai Senin.', "id"),
        ('BMKG menegaskan berita itu hanya "hoax" belaka.', "id"),
        ('The campaign was called "America First" by its backers.', "en"),
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(res, text, lang):
    assert direct(quotes_of(res, text, lang, [("BMKG", "ORG", [])])) == []


def test_quote_marks_and_trailing_comma_are_not_in_the_text(res):
    text = '"Kita enggak mau pilkada nanti, kita akan menggugat," ucap Ratna.'
    (q,) = quotes_of(res, text, "id", [("Ratna Sarumpaet", "PER", ["Ratna"])])
    assert q.text == "Kita enggak mau pilkada nanti, kita akan menggugat"
    assert text[q.start - 1] == '"'


def test_unclosed_quote_runs_to_the_end_of_its_paragraph(res):
    text = '"Kami akan terus bekerja untuk rakyat dan negara.\n\nSusi lalu pergi.'
    found = direct(quotes_of(res, text, "id", [SUSI]))
    assert [q.text for q in found] == ["Kami akan terus bekerja untuk rakyat dan negara"]


def test_unclosed_quote_ends_at_its_cue(res):
    text = '"Kami akan terus bekerja untuk rakyat, kata Susi di Jakarta.\n\nSusi lalu pergi.'
    (q,) = direct(quotes_of(res, text, "id", [SUSI]))
    assert (q.text, q.cue, q.speaker.name) == (
        "Kami akan terus bekerja untuk rakyat",
        "kata",
        "Susi Pudjiastuti",
    )
