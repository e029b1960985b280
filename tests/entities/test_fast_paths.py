"""Shortcuts taken for speed decide exactly as the slower forms they stand in for."""

from __future__ import annotations

import pytest

from warta.entities import EntityResources
from warta.entities.code import _group_entry
from warta.entities.lexicon import Lexicon, load_lexicon
from warta.entities.recognize import Candidate, head_vote, type_votes


def _lexicon(language: str) -> Lexicon:
    lex = load_lexicon(language)
    assert lex is not None
    return lex


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("id", "Menteri Luar Negeri"),
        ("id", "menteri  luar\nnegeri"),
        ("id", "Presiden."),
        ("id", "Presiden Joko"),
        ("id", "Joko Widodo"),
        ("id", "Kapolres"),
        ("en", "Dr."),
        ("en", "Dr"),
        ("en", "Dr.."),
        ("en", "Foreign Minister"),
        ("en", "Foreign Ministers"),
        ("en", "Mr. Smith"),
        ("id", "Menterİ"),  # not ASCII: the regex decides
    ],
)
def test_is_title_agrees_with_the_title_regex(language: str, name: str) -> None:
    lex = _lexicon(language)
    assert lex.is_title(name) == (lex.title_re.fullmatch(name) is not None)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("id", "seperti dilansir dari Reuters"),
        ("id", "dikutip dari  Kompas"),
        ("id", "dilansir Antara"),
        ("id", "kata Ketua DPR Puan"),
        ("id", "laporan harian Kompas"),
        ("id", "Kandari Antara"),  # a cue inside a word still ends like one
        ("id", "ia berkata kepada stasiun TV CNN"),
        ("id", "dari sebuah kota yang jauh sekali dan lama, Reuters"),
        ("en", "according to Reuters"),
        ("en", "she told Reuters"),
        ("en", "the minister said Reuters"),
        ("en", "reported by Ünal"),
    ],
)
def test_media_cue_shortcut_agrees_with_the_cue_regex(language: str, text: str) -> None:
    lex = _lexicon(language)
    start = text.rfind(" ") + 1  # the name is the last word
    expected = lex.media_cue.search(text, max(0, start - 30), start) is not None
    assert lex.media_cue_before(text, start) == expected


@pytest.mark.parametrize(
    ("name", "vote"),
    [
        ("Kementerian Luar Negeri", ("ORG", 1.5)),
        ("Kabupaten Wajo", ("LOC", 1.5)),
        ("BNPB", ("ORG", 1.0)),
        ("Rudi Hartono", ("PER", 0.75)),
        ("Rudi", None),
    ],
)
def test_head_vote_reads_the_names_own_words(name: str, vote: tuple[str, float] | None) -> None:
    assert head_vote(name, _lexicon("id")) == vote


def test_type_votes_with_a_memo_votes_as_without() -> None:
    lex = _lexicon("id")
    text = "kata Kabupaten Wajo dan Kabupaten Wajo"
    memo: dict[str, tuple[str, float] | None] = {}
    plain, first, second = (Candidate(5, 19, "Kabupaten Wajo") for _ in range(3))
    type_votes(plain, text, "kata", "dan", lex)
    type_votes(first, text, "kata", "dan", lex, memo)
    type_votes(second, text, "kata", "dan", lex, memo)
    assert plain.votes == first.votes == second.votes
    assert memo == {"Kabupaten Wajo": ("LOC", 1.5)}


def _cand(kb: int, weak: bool = False, text: str = "X") -> Candidate:
    return Candidate(0, 1, text, kb=kb, weak=weak)


@pytest.mark.parametrize(
    ("group", "entry"),
    [
        ([_cand(-1), _cand(-1)], -1),
        ([_cand(3), _cand(5), _cand(5)], 5),
        ([_cand(3), _cand(5)], 3),  # a tie goes to the first mentioned
        ([_cand(7, weak=True), _cand(7, weak=True), _cand(2)], 2),  # strong beats weak
        ([_cand(7, weak=True), _cand(8, weak=True), _cand(8, weak=True)], 8),
        # a surname match does not decide a group whose full name is someone else's
        ([_cand(-1, text="Dustin Xyz"), _cand(7, weak=True)], -1),
    ],
)
def test_group_entry_is_the_most_matched_kb_entry(
    group: list[Candidate], entry: int, entity_res: EntityResources
) -> None:
    assert _group_entry(group, entity_res.kb) == entry
