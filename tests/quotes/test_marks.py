"""Pairing quotation marks into spans, whatever the marks and however broken."""

from __future__ import annotations

import pytest

from warta.quotes.marks import marked_spans, trim_content


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in marked_spans(text)]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('Ia berkata "ya" lalu pergi.', ["ya"]),
        ("Ia berkata “ya” lalu pergi.", ["ya"]),
        ("Ia berkata «ya» lalu pergi.", ["ya"]),
        ("Er sagte „ja“ und ging.", ["ja"]),
        ("He said ‘yes’ and left.", ["yes"]),
        ("He said 'yes' and left.", ["yes"]),
    ],
)
def test_every_kind_of_mark_pairs(text, inside):
    assert quoted(text) == inside


@pytest.mark.parametrize(
    "text",
    ["It's Johnson's plan.", "O'Brien and the Smiths' dog.", "Music of the 60's, isn’t it?"],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert quoted(text) == []


def test_single_marks_nested_in_double_marks_stay_inside():
    text = "\"Are we alone? 'Is there life?' asked the scientist,\" she said."
    assert quoted(text) == ["Are we alone? 'Is there life?' asked the scientist,"]


def test_unclosed_mark_runs_to_the_end_of_its_paragraph():
    text = 'Ia berkata "kami akan datang besok pagi.\n\nParagraf lain.'
    (span,) = marked_spans(text)
    assert text[span.start : span.end] == "kami akan datang besok pagi."
    assert span.close_at is None


def test_stray_closing_mark_is_ignored():
    assert quoted("Harga naik” tajam.") == []


def test_second_opener_ends_an_unclosed_quotation():
    text = "“Satu dua. “Tiga empat.”"
    assert quoted(text) == ["Satu dua. ", "Tiga empat."]


def test_paragraphs_of_one_running_quotation_share_a_chain():
    text = '"Paragraf pertama.\n\n"Paragraf kedua," katanya.\n\n"Kutipan lain," katanya.'
    spans = marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Paragraf pertama.",
        "Paragraf kedua,",
        "Kutipan lain,",
    ]
    assert spans[0].chain == spans[1].chain != spans[2].chain


@pytest.mark.parametrize(
    ("inside", "kept"),
    [(" Kami siap, ", "Kami siap"), ("Kami siap.", "Kami siap"), ("Siapa?", "Siapa?")],
)
def test_trim_drops_outer_space_and_trailing_comma_or_stop(inside, kept):
    start, end = trim_content(inside, 0, len(inside))
    assert inside[start:end] == kept
