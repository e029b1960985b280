"""The search stemmers: Indonesian affixes and English suffixes, read from language data."""

from __future__ import annotations

import pytest

from warta.store.normalize import Normalizer
from warta.store.stem import load_stemmer


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer.load()


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("menulis", "tulis"),
        ("penulis", "tulis"),
        ("meminta", "minta"),
        ("menyebut", "sebut"),
        ("mengambil", "ambil"),
        ("dikatakan", "kata"),
        ("mengatakannya", "kata"),
        ("pertandingan", "tanding"),
        ("bertanding", "tanding"),
        ("keberhasilan", "hasil"),
        ("memperoleh", "oleh"),
        ("pendidikan", "didik"),
        ("menangani", "tangan"),
        ("terjadi", "jadi"),
        ("meskipun", "meski"),
    ],
)
def test_stem_indonesian_affixes_reach_the_root(word: str, root: str) -> None:
    stemmer = load_stemmer("id")
    assert stemmer is not None
    assert root in stemmer.candidates(word)


@pytest.mark.parametrize("word", ["jalan", "polisi", "menteri", "makan", "bukan", "presiden"])
def test_stem_indonesian_short_or_bare_words_stay_whole(word: str) -> None:
    stemmer = load_stemmer("id")
    assert stemmer is not None
    assert stemmer.candidates(word) == (word,)


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("talks", "talk"),
        ("talked", "talk"),
        ("running", "run"),
        ("falling", "fall"),
        ("studies", "study"),
        ("widodo's", "widodo"),
        ("class", "class"),
        ("virus", "virus"),
    ],
)
def test_stem_english_suffixes(word: str, root: str) -> None:
    stemmer = load_stemmer("en")
    assert stemmer is not None
    assert stemmer.candidates(word) == (root,)


def test_normalize_index_keeps_alternative_roots_apart(normalizer: Normalizer) -> None:
    indexed = normalizer.index("Dia meminta maaf.", "id")
    assert indexed.tokens == ("dia", "pinta", "maaf")
    assert indexed.alternatives == ("minta",)


def test_normalize_folds_case_and_diacritics(normalizer: Normalizer) -> None:
    assert normalizer.index("CAFÉ Müller", None).tokens == ("cafe", "muller")


def test_normalize_query_expands_a_word_in_every_language(normalizer: Normalizer) -> None:
    (term,) = normalizer.query("talks").terms
    assert {"talk", "talks"} <= set(term.candidates)


def test_normalize_query_reads_phrases_and_prefixes(normalizer: Normalizer) -> None:
    phrase, prefix = normalizer.query('"batas laut" presid*').terms
    assert ("batas", "laut") in phrase.phrases
    assert prefix.prefix and prefix.candidates[0] == "presid"


def test_normalize_snippet_marks_every_hit_near_the_first(normalizer: Normalizer) -> None:
    text = "Awal berita. Polisi menangkap pelaku; penangkapan itu sah."
    snippet = normalizer.snippet(text, normalizer.query("tangkap"), "id")
    assert snippet is not None
    marked = [snippet.text[s:e] for s, e in snippet.highlights]
    assert marked == ["menangkap", "penangkapan"]
    assert text[snippet.start :].startswith(snippet.text)


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("kemenangan", "menang"),  # not men+ang
        ("memenangkan", "menang"),
        ("tangannya", "tangan"),  # not tang+an
        ("perusahaannya", "perusahaan"),  # a company is not an effort (usaha)
        ("tersebut", "tersebut"),
    ],
)
def test_stem_indonesian_kept_words_stop_stripping(word: str, root: str) -> None:
    stemmer = load_stemmer("id")
    assert stemmer is not None
    assert stemmer.candidates(word)[0] == root
