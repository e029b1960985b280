"""Text primitives: tokens, paragraphs and sentences as offsets into the text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.text import _TOKEN, TextLayout, paragraph_spans, sentences, token_columns, tokens


def sentence_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def test_tokens_keep_inner_hyphens_numbers_and_offsets():
    text = "Yoon Suk-yeol membeli 1.000 ton, kata A.S. kemarin."
    found = tokens(text)
    assert [t.text for t in found][:4] == ["Yoon", "Suk-yeol", "membeli", "1.000"]
    assert all(text[t.start : t.end] == t.text for t in found)


def test_paragraphs_split_on_blank_lines_even_with_spaces():
    text = "  Satu baris.\nmasih satu.\n \t\nDua.\n\n\n  Tiga.  "
    assert [text[p.start : p.end] for p in paragraph_spans(text)] == [
        "Satu baris.\nmasih satu.",
        "Dua.",
        "Tiga.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harga naik. Stok aman.", ["Harga naik.", "Stok aman."]),
        ("Dr. Livermore said so. He left.", ["Dr. Livermore said so.", "He left."]),
        (
            "Ia tinggal di Jl. Sudirman. Rumahnya besar.",
            ["Ia tinggal di Jl. Sudirman.", "Rumahnya besar."],
        ),
        ('"Kami siap." Ia pergi.', ['"Kami siap."', "Ia pergi."]),
        ('Ia berkata. "[...] Rather, no."', ["Ia berkata.", '"[...] Rather, no."']),
        ("Satu?! Dua... Tiga.", ["Satu?!", "Dua...", "Tiga."]),
        ("harga 3.5 persen naik. Ok.", ["harga 3.5 persen naik.", "Ok."]),
        ("Satu.\n\nDua", ["Satu.", "Dua"]),
    ],
)
def test_sentences_split_where_a_sentence_ends(text, expected):
    assert sentence_texts(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('aB .!?\n"”(')), max_size=200))
def test_sentences_are_ordered_stripped_and_inside_paragraphs(text):
    paras = paragraph_spans(text)
    spans = sentences(text)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for s in spans:
        chunk = text[s.start : s.end]
        assert chunk and chunk == chunk.strip()
        assert any(p.start <= s.start and s.end <= p.end for p in paras)
    assert "".join(text[p.start : p.end] for p in paras).replace("\n", "").replace(
        " ", ""
    ) == "".join(text.split())


def _reference_tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Tokens the obvious way: one match object per token."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aZ9é_.,-'’ \n\t\u00a0\u2003(A.")), max_size=80),
    st.integers(0, 90),
    st.integers(0, 90),
)
def test_tokens_tile_the_text_like_one_match_per_token(text, start, end):
    lo, hi = sorted((min(start, len(text)), min(end, len(text))))
    found = tokens(text, lo, hi)
    assert [(t.text, t.start, t.end) for t in found] == _reference_tokens(text, lo, hi)


@pytest.mark.parametrize("text", ["Satu dua.   \n\n  ", "  \t", "", "A.S. naik 3,5 persen"])
def test_token_columns_are_the_tokens_fields(text):
    texts, starts, ends = token_columns(text)
    assert list(zip(texts, starts, ends, strict=True)) == [
        (t.text, t.start, t.end) for t in tokens(text)
    ]
    assert all(text[s:e] == w for w, s, e in zip(texts, starts, ends, strict=True))


def test_text_layout_gives_the_same_spans_as_the_functions():
    text = "Harga naik. Stok aman.\n\nDr. Livermore pergi. Ia kembali."
    layout = TextLayout(text)
    assert layout.sentences == sentences(text)
    assert layout.paragraphs == paragraph_spans(text)
    assert layout.sentences is layout.sentences  # computed once


def test_a_layout_is_reused_only_for_the_text_it_describes() -> None:
    body = "Menlu tiba di Jakarta. Ia langsung bertemu Presiden."
    shared = TextLayout(body)
    assert TextLayout.of(body, shared) is shared
    other = TextLayout.of("Satu kalimat saja.", shared)
    assert other is not shared
    assert [(s.start, s.end) for s in other.sentences] == [(0, 18)]
