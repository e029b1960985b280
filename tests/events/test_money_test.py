"""The per-article currency test gives exactly what the full currency pattern gives."""

from __future__ import annotations

import re

import pytest

from warta.events import EventResources

_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Ýİ][\w.]*")


@pytest.mark.parametrize(
    "text",
    [
        "Nilai tukar dolar AS melemah terhadap rupiah, kata Bank Indonesia.",
        "Harga minyak naik 2 dolar Singapura per barel di Jakarta.",
        "Pemerintah AS membayar utang dalam DOLAR AS  \n\n Singapura menolak.",
        "Kurs Rupiah dan Ringgit Malaysia jatuh; Yen Jepang menguat.",
        "Realisasi anggaran Peru naik, sementara Wonosobo dan Euro 2020 ramai.",
        "Investor dari Dınar Turki dan ſen Korea, Won Korea Selatan turun.",
        "İstanbul menerima bantuan 5 juta dolar dari AS pada Senin.",
        "AS",
    ],
)
def test_money_test_agrees_with_is_money_for_every_name(res: EventResources, text: str) -> None:
    words = res.languages["id"].words
    test = words.money_test(text)
    for m in _CAPITALISED.finditer(text):
        assert test(m.start(), m.end()) == words.is_money(text, m.start(), m.end()), m.group()


def test_money_test_finds_currency_before_a_name(res: EventResources) -> None:
    words = res.languages["id"].words
    text = "Harganya 5 dolar Singapura."
    at = text.index("Singapura")
    assert words.money_test(text)(at, at + len("Singapura"))


def test_money_test_without_currency_words_is_never_money(res: EventResources) -> None:
    words = res.languages["id"].words
    text = "Presiden AS bertemu Perdana Menteri Jepang di Tokyo."
    at = text.index("AS")
    assert not words.money_test(text)(at, at + 2)
