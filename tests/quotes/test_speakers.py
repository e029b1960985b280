"""Speakers: pronouns, surnames, organisations, appositives, and no guess when unknown."""

from __future__ import annotations

import pytest

from warta.quotes import find_quotes

from .build import article

STOLTENBERG = ("Jens Stoltenberg", "PER", ["Stoltenberg"])
YOON = ("Yoon Suk-yeol", "PER", ["Yoon"])
KEMLU = ("Kementerian Luar Negeri", "ORG", ["Kemlu"])


def speakers(res, text, lang="id", ents=()):
    return [(q.speaker.name, q.speaker.entity) for q in find_quotes(article(text, lang, ents), res)]


def test_surname_cue_resolves_to_the_full_entity(res):
    text = '"Saya mendesak Korea untuk berbuat lebih," kata Stoltenberg.'
    assert speakers(res, text, ents=[STOLTENBERG]) == [("Jens Stoltenberg", "e1")]


def test_lowercase_surname_still_finds_the_entity(res):
    text = 'Stoltenberg tiba di Seoul. "Ini keputusan Anda sendiri," kata stoltenberg.'
    assert speakers(res, text, ents=[STOLTENBERG]) == [("Jens Stoltenberg", "e1")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Yoon menerima Stoltenberg di Seoul. Stoltenberg berbicara lama. "
            '"Kami siap," kata dia.',
            "id",
        ),
        (
            'Yoon met Stoltenberg in Seoul. Stoltenberg spoke at length. "We are ready," he said.',
            "en",
        ),
    ],
)
def test_pronoun_resolves_to_the_last_subject(res, text, lang):
    assert speakers(res, text, lang, [STOLTENBERG, YOON]) == [("Jens Stoltenberg", "e1")]


def test_he_skips_organisations_for_a_person(res):
    text = 'Stoltenberg visited Seoul. The Kemlu issued a note on Monday. "We are ready," he said.'
    assert speakers(res, text, "en", [STOLTENBERG, KEMLU]) == [("Jens Stoltenberg", "e1")]


def test_organisation_as_speaker(res):
    text = '"Kami menolak tuduhan itu," kata pihak Kemlu.'
    assert speakers(res, text, ents=[KEMLU]) == [("Kementerian Luar Negeri", "e1")]


def test_appositive_name_after_a_role_is_the_speaker(res):
    text = '"Tidak ada aliran dana," kata kuasa hukum Siti, Kholidin Achmad, di pengadilan.'
    ents = [("Siti Fadilah", "PER", ["Siti"]), ("Kholidin Achmad", "PER", [])]
    assert speakers(res, text, ents=ents) == [("Kholidin Achmad", "e2")]


def test_relative_of_a_named_person_is_not_that_person(res):
    text = (
        "Ratna menggugat KPK. Menurut ibunda artis Atiqah tersebut, "
        "pemimpin daerah tidak boleh punya masalah hukum."
    )
    ents = [("Ratna Sarumpaet", "PER", ["Ratna"]), ("Atiqah Hasiholan", "PER", ["Atiqah"])]
    assert speakers(res, text, ents=ents) == [("Ratna Sarumpaet", "e1")]


def test_role_pointing_back_is_the_last_speaker(res):
    text = (
        '"Kami akan menambah petugas," ujar Argo. '
        "Mantan Kabid Humas Polda Jawa Timur itu menyatakan polisi siap mengamankan sidang."
    )
    ents = [("Argo Yuwono", "PER", ["Argo"]), ("Polda Jawa Timur", "ORG", [])]
    assert speakers(res, text, ents=ents) == [("Argo Yuwono", "e1"), ("Argo Yuwono", "e1")]


def test_named_person_missed_by_entities_keeps_the_name_as_written(res):
    text = '"Saya melihat darah di lantai," kata Kompol Afiuddin di Makassar.'
    assert speakers(res, text) == [("Afiuddin", None)]


def test_unknown_speaker_stays_null(res):
    text = '"Pukul lima sudah ada yang datang," kata seorang satpam.'
    assert speakers(res, text) == [(None, None)]


def test_clitic_cue_continues_the_last_one_quoted_not_the_last_subject(res):
    text = (
        '"Mutasi itu penghargaan," kata Rikwanto. '
        "Sehingga Iriawan dirasa mampu mengemban tugas itu. "
        '"Itu keputusan pimpinan," ujarnya.'
    )
    ents = [("Rikwanto", "PER", []), ("Mochamad Iriawan", "PER", ["Iriawan"])]
    assert speakers(res, text, ents=ents)[-1] == ("Rikwanto", "e1")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ('"Harga turun," kata Amran. "Stok juga cukup."', ("Amran Sulaiman", "e1")),
        (
            '"Harga turun," kata Amran.\n\nSusi meninjau pelabuhan.\n\n"Laut harus dijaga."',
            ("Susi Pudjiastuti", "e2"),
        ),
    ],
)
def test_quote_without_cue_goes_to_the_paragraph_speaker_or_the_person_before(res, text, who):
    ents = [("Amran Sulaiman", "PER", ["Amran"]), ("Susi Pudjiastuti", "PER", ["Susi"])]
    assert speakers(res, text, ents=ents)[-1] == who


def test_explicit_pronoun_follows_a_new_subject(res):
    text = (
        '"Mutasi itu penghargaan," kata Rikwanto. '
        "Iriawan kemudian berbicara kepada wartawan. "
        '"Saya siap bertugas," kata dia.'
    )
    ents = [("Rikwanto", "PER", []), ("Mochamad Iriawan", "PER", ["Iriawan"])]
    assert speakers(res, text, ents=ents)[-1] == ("Mochamad Iriawan", "e2")


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "Kapolri Jenderal Tito Karnavian meninjau lokasi ledakan. "
            '"Kami sudah mengantongi identitas pelaku," kata Kapolri.',
            "id",
            "Tito Karnavian",
        ),
        (
            "Prime Minister Boris Johnson met the Queen. "
            '"We will leave on time," the prime minister said.',
            "en",
            "Boris Johnson",
        ),
    ],
)
def test_title_alone_points_to_the_person_introduced_with_it(res, text, lang, who):
    ents = [("Tito Karnavian", "PER", []), ("Boris Johnson", "PER", [])]
    assert speakers(res, text, lang, ents)[-1][0] == who


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kata Presiden Joko Widodo, menteri harus bekerja.", ["presiden"]),
        ("KAPOLRI dan kapolri", ["kapolri", "kapolri"]),
    ],
)
def test_title_spans_find_titles_in_any_case(res, text, expected):
    titles = res.cues("id").strong_titles
    assert titles is not None
    spans = titles.spans(text)
    assert spans is not None
    assert [text[a:b].lower() for a, b in spans if text[a:b].lower() in expected] == expected


def test_title_spans_give_up_when_lower_casing_moves_offsets(res):
    titles = res.cues("id").strong_titles
    assert titles is not None
    assert titles.spans("İstanbul: Presiden tiba.") is None
