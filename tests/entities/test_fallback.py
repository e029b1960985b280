"""The actor of people and bodies the knowledge base and titles say nothing about."""

from __future__ import annotations

import pytest

from .helpers import Run, by_name

_BRIBE = (
    "Penyidik KPK menyita uang 200.000 dolar Singapura dari rumah Bambang Sutrisno. "
    "Uang dalam pecahan dolar Singapura itu disimpan di lemari. "
    "Bambang Sutrisno diduga menerima suap dari kontraktor. "
    "Penyidik juga menemukan 50.000 dolar Singapura di mobilnya."
)


def test_currency_phrase_gives_no_foreign_country(run_entities: Run) -> None:
    person = by_name(run_entities(_BRIBE), "Bambang Sutrisno")
    assert person.actor == "IDN"


def test_person_in_foreign_dominated_article_stays_uncoded(run_entities: Run) -> None:
    text = (
        "Jepang dan Amerika Serikat menandatangani perjanjian dagang. "
        "Jepang juga membuka pasar beras. "
        "Pedagang Rahmat Hidayat mengaku senang mendengar kabar itu. "
        "Ekspor ke Jepang naik tahun ini."
    )
    assert by_name(run_entities(text), "Rahmat Hidayat").actor is None


def test_foreign_country_in_sentence_blocks_home_fallback(run_entities: Run) -> None:
    text = (
        "Film garapan Harvey Morton diputar perdana di Amerika Serikat. "
        "Film itu diputar di 20 bioskop di Jakarta pekan depan."
    )
    assert by_name(run_entities(text), "Harvey Morton").actor is None


def test_domestic_person_gets_home_country(run_entities: Run) -> None:
    text = "Petani Slamet Riyadi memanen padi di sawahnya di Klaten, Jawa Tengah."
    assert by_name(run_entities(text), "Slamet Riyadi").actor == "IDN"


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("Polisi menangkap warga negara Jepang Kenji Watanabe di Bali.", "Kenji Watanabe", "JPN"),
        ("Pengusaha asal Australia Mark Dalton membeli hotel itu.", "Mark Dalton", "AUS"),
        ("Kenji Watanabe, warga negara Jepang, ditahan di Bali.", "Kenji Watanabe", "JPN"),
    ],
)
def test_nationality_phrase_gives_country(
    run_entities: Run, text: str, name: str, actor: str
) -> None:
    assert by_name(run_entities(text), name).actor == actor


def test_domestic_body_is_home_even_in_foreign_story(run_entities: Run) -> None:
    text = (
        "Amerika Serikat memperketat visa. Amerika Serikat juga menutup konsulat. "
        "Penyidik Polresta Denpasar memeriksa dua turis yang ditangkap."
    )
    assert by_name(run_entities(text), "Polresta Denpasar").actor == "IDN"


def test_person_in_article_naming_nothing_domestic_stays_uncoded(run_entities: Run) -> None:
    text = (
        "Aktor Michael Brandt membela produser Harold Stein di pengadilan. "
        "Brandt mengaku tidak tahu apa-apa soal kasus itu."
    )
    assert by_name(run_entities(text), "Harold Stein").actor is None


def test_official_in_foreign_dominated_story_is_not_coded_foreign(run_entities: Run) -> None:
    text = (
        "Jepang memprotes kerusuhan itu. Jepang juga menunda bantuan. "
        "Menurut sejarawan, Jenderal Darmawan Prakoso memimpin pengamanan."
    )
    assert by_name(run_entities(text), "Darmawan Prakoso").actor is None
