"""The Indonesian NER tagger: behaviours on sentences written for these tests."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from warta.entities.clusters import case_class, case_ratios
from warta.entities.conll import (
    ConllError,
    TaggedSentence,
    map_tags,
    read_conll,
    repair_bio,
    spans_of,
    to_bio,
    to_bioes,
)
from warta.entities.crf import CrfData, objective
from warta.entities.model import WIDTH, NerModel, viterbi
from warta.entities.train import (
    FORBIDDEN,
    TrainConfig,
    labels_for,
    load_word_vectors,
    train_model,
    transition_bias,
)
from warta.text import tokens


@pytest.fixture(scope="session")
def model() -> NerModel:
    return NerModel.load()


def _tag(model: NerModel, sentence: str) -> list[tuple[str, str]]:
    toks = tokens(sentence)
    return [
        (" ".join(t.text for t in toks[a:b]), kind)
        for a, b, kind in model.tag_spans(sentence, toks)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Presiden Joko Widodo meresmikan jalan tol itu pada Senin.", ("Joko Widodo", "PER")),
        ("Gubernur Anies Baswedan meninjau banjir di Jakarta Utara.", ("Anies Baswedan", "PER")),
        ("Banjir merendam ratusan rumah di Kota Semarang sejak Kamis.", ("Semarang", "LOC")),
        ("Bank Indonesia menahan suku bunga acuan bulan ini.", ("Bank Indonesia", "ORG")),
        ("Universitas Gadjah Mada membuka jalur masuk baru.", ("Universitas Gadjah Mada", "ORG")),
    ],
)
def test_names_in_cased_sentences_are_tagged(
    model: NerModel, sentence: str, expected: tuple[str, str]
) -> None:
    found = _tag(model, sentence)
    assert any(expected[0] in text and kind == expected[1] for text, kind in found), found


def test_lowercased_sentence_is_still_tagged(model: NerModel) -> None:
    found = _tag(model, "presiden joko widodo meresmikan jalan tol di semarang pada senin.")
    assert any("joko widodo" in text and kind == "PER" for text, kind in found), found


def test_common_words_are_not_entities(model: NerModel) -> None:
    assert _tag(model, "Harga beras naik lagi karena musim hujan datang lebih awal.") == []


def test_unknown_forms_and_odd_tokens_do_not_crash(model: NerModel) -> None:
    sentence = "Zxqvork Blimtaz-Ąęł mengunjungi 123.456 ### https://contoh.id 😀 ."
    spans = model.tag_spans(sentence, tokens(sentence))
    assert all(0 <= a < b <= len(tokens(sentence)) for a, b, _ in spans)


def test_empty_sentences_get_no_spans(model: NerModel) -> None:
    assert model.tag_spans("", []) == []
    assert model.tag_sentences([[], ["Jakarta"], []])[0] == []


def test_batched_and_single_sentences_agree(model: NerModel) -> None:
    sents = [
        "Menteri Luar Negeri Retno Marsudi bertemu Menlu Jepang di Tokyo.",
        "Ia juga menemui Sekretaris Jenderal NATO Jens Stoltenberg.",
        "bank indonesia menahan suku bunga acuan.",
    ]
    forms = [[t.text for t in tokens(s)] for s in sents]
    batched = model.tag_sentences(forms)
    single = [model.tag_spans(s, tokens(s)) for s in sents]
    assert batched == single


def test_model_pickles_and_tags_the_same(model: NerModel) -> None:
    sentence = "Wali Kota Surabaya Tri Rismaharini meninjau Pasar Turi."
    again = pickle.loads(pickle.dumps(model))
    assert again.tag_spans(sentence, tokens(sentence)) == model.tag_spans(
        sentence, tokens(sentence)
    )


def test_saved_model_loads_with_the_same_scores(model: NerModel, tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    model.save(path)
    again = NerModel.load(path)
    forms = [["Polda", "Metro", "Jaya", "menangkap", "Budi", "."]]
    emit_a, _ = model.emissions(forms)
    emit_b, _ = again.emissions(forms)
    assert np.allclose(emit_a, emit_b, atol=1e-2)


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot load NER model"):
        NerModel.load(tmp_path / "absent.npz")


def test_viterbi_follows_strong_transitions() -> None:
    # label 2 (I-X) may only follow 1 (B-X); emissions alone would pick O, 2, 2
    emit = np.array([[[1.0, 0.9, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]], dtype=np.float32)
    trans = np.array([[0, 0, -9], [0, 0, 0], [0, 0, 0]], dtype=np.float32)
    assert viterbi(emit, trans, [3]) == [[1, 2, 2]]


def test_training_fits_a_tiny_corpus() -> None:
    sents = [
        TaggedSentence(
            ("Budi", "tinggal", "di", "Bandung", "."), ("B-PER", "O", "O", "B-LOC", "O")
        ),
        TaggedSentence(("Ani", "pergi", "ke", "Medan", "."), ("B-PER", "O", "O", "B-LOC", "O")),
    ] * 3
    fitted = train_model(sents, ("LOC", "PER"), TrainConfig(l2=0.1, max_iter=60))
    assert fitted.tag_tags([["Budi", "pergi", "ke", "Bandung", "."]]) == [
        ["B-PER", "O", "O", "B-LOC", "O"]
    ]


@pytest.fixture(scope="module")
def pair_model() -> NerModel:
    # "goreng" alone is a verb here; only the pair "nasi goreng" names a dish
    sents = [
        TaggedSentence(
            ("saya", "makan", "nasi", "goreng", "di", "bandung", "."),
            ("O", "O", "B-FNB", "I-FNB", "O", "B-LOC", "O"),
        ),
        TaggedSentence(("ibu", "goreng", "ikan", "."), ("O", "O", "O", "O")),
    ] * 3
    config = TrainConfig(l2=0.1, max_iter=60, pair_min_count=2)
    return train_model(sents, ("FNB", "LOC"), config)


def test_word_pair_features_are_learned(pair_model: NerModel) -> None:
    assert "nasi goreng" in pair_model.pairs
    assert pair_model.tag_tags([["kami", "makan", "nasi", "goreng", "."]]) == [
        ["O", "O", "B-FNB", "I-FNB", "O"]
    ]


@pytest.mark.parametrize("quantize", [False, True])
def test_pair_model_saves_and_loads_with_close_scores(
    pair_model: NerModel, tmp_path: Path, quantize: bool
) -> None:
    path = tmp_path / "pairs.npz"
    pair_model.save(path, quantize=quantize)
    again = NerModel.load(path)
    forms = [["kami", "makan", "nasi", "goreng", "di", "medan", "."]]
    assert again.pairs == pair_model.pairs
    assert np.allclose(again.emissions(forms)[0], pair_model.emissions(forms)[0], atol=0.05)


def test_wider_context_model_tags_with_its_own_width() -> None:
    sents = [
        TaggedSentence(
            ("Budi", "tinggal", "di", "kota", "Bandung"), ("B-PER", "O", "O", "O", "B-LOC")
        )
    ] * 4
    fitted = train_model(sents, ("LOC", "PER"), TrainConfig(l2=0.1, max_iter=40, context=3))
    assert fitted.context == 3
    assert fitted.tag_tags([["Budi", "tinggal", "di", "kota", "Bandung"]]) == [
        ["B-PER", "O", "O", "O", "B-LOC"]
    ]


def test_crf_gradient_matches_finite_differences() -> None:
    data = CrfData.build(
        type_features=[[0, 1], [1, 2], [0, 3], [4]],
        n_features=5,
        flat_types=[(3, 3)] * 2 + [(0, 2), (1, 0), (2, 1)] + [(3, 3)] * 2,
        sentence_starts=[2],
        gold=[[1, 2, 0]],
        n_labels=3,
    )
    fn = objective(data, l2=0.5)
    theta = np.random.default_rng(1).normal(0, 0.5, 5 * WIDTH * 3 + 9)
    _, grad = fn(theta)
    for i in (0, 7, 20, 44, len(theta) - 5):
        step = np.zeros_like(theta)
        step[i] = 1e-3
        numeric = (fn(theta + step)[0] - fn(theta - step)[0]) / 2e-3
        assert numeric == pytest.approx(grad[i], abs=2e-3)


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "B-ORG"], [(0, 2, "ORG"), (2, 3, "ORG")]),
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
        (["O", "O"], []),
    ],
)
def test_spans_of_bio_sequences(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert spans_of(tags) == spans


def test_map_tags_renames_and_drops_types() -> None:
    mapping = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}
    tags = ["B-PPL", "I-PPL", "B-EVT", "I-EVT", "B-IND"]
    assert map_tags(tags, mapping) == ("B-PER", "I-PER", "O", "O", "B-ORG")


def test_repair_bio_turns_orphan_inside_into_begin() -> None:
    assert repair_bio(["O", "I-LOC", "I-LOC", "I-PER"]) == ("O", "B-LOC", "I-LOC", "B-PER")


@pytest.mark.parametrize(
    "content",
    ["Jakarta\tB-LOC\nhujan\tO\n\nIa\tO\n", "Jakarta PROPN B-LOC\nhujan NOUN O\n\nIa PRON O\n"],
)
def test_read_conll_takes_first_and_last_columns(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(content, encoding="utf-8")
    assert read_conll(path) == [
        TaggedSentence(("Jakarta", "hujan"), ("B-LOC", "O")),
        TaggedSentence(("Ia",), ("O",)),
    ]


def test_read_conll_names_file_and_line_of_a_bad_tag(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("Jakarta\tB-LOC\nhujan\tLOC\n", encoding="utf-8")
    with pytest.raises(ConllError, match=r"bad\.txt:2"):
        read_conll(path)


@pytest.mark.parametrize(
    ("bio", "bioes"),
    [
        (["B-PER", "I-PER", "I-PER", "O"], ("B-PER", "I-PER", "E-PER", "O")),
        (["B-LOC", "B-LOC", "O", "B-ORG"], ("S-LOC", "S-LOC", "O", "S-ORG")),
        (["B-EVT", "I-EVT", "B-EVT"], ("B-EVT", "E-EVT", "S-EVT")),
        (["O"], ("O",)),
    ],
)
def test_bioes_marks_last_and_single_tokens_and_maps_back(
    bio: list[str], bioes: tuple[str, ...]
) -> None:
    assert to_bioes(bio) == bioes
    assert [to_bio(label) for label in bioes] == bio


def test_bioes_transitions_forbid_broken_spans() -> None:
    labels = labels_for(("LOC", "PER"), "bioes")
    bias = transition_bias(labels)
    index = {name: i for i, name in enumerate(labels)}

    def allowed(a: str, b: str) -> bool:
        return bool(bias[index[a], index[b]] == 0)

    assert allowed("O", "B-PER") and allowed("B-PER", "E-PER") and allowed("E-PER", "S-LOC")
    assert not allowed("O", "I-PER")  # a span cannot start inside (O also stands for the edge)
    assert not allowed("B-PER", "O")  # nor end on its first token of several
    assert not allowed("B-PER", "E-LOC")  # nor change type
    assert bias.min() == FORBIDDEN
    assert not transition_bias(labels_for(("LOC", "PER"))).any()


def test_bioes_model_tags_multiword_and_single_names() -> None:
    sents = [
        TaggedSentence(
            ("Festival", "Film", "Bandung", "digelar", "di", "Bandung", "."),
            ("B-EVT", "I-EVT", "I-EVT", "O", "O", "B-LOC", "O"),
        ),
        TaggedSentence(("Ani", "pergi", "ke", "Medan", "."), ("B-PER", "O", "O", "B-LOC", "O")),
    ] * 3
    fitted = train_model(
        sents, ("EVT", "LOC", "PER"), TrainConfig(l2=0.1, max_iter=80, scheme="bioes")
    )
    assert "E-EVT" in fitted.labels
    tags = fitted.tag_tags([["Festival", "Film", "Bandung", "digelar", "di", "Medan", "."]])
    assert tags == [["B-EVT", "I-EVT", "I-EVT", "O", "O", "B-LOC", "O"]]


def test_ngram_features_score_unseen_words_and_survive_saving(tmp_path: Path) -> None:
    sents = [
        TaggedSentence(("Warga", "Kotabaru", "datang", "."), ("O", "B-LOC", "O", "O")),
        TaggedSentence(("Warga", "Kotamobagu", "pulang", "."), ("O", "B-LOC", "O", "O")),
    ] * 3
    config = TrainConfig(l2=0.1, max_iter=60, ngram_buckets=512)
    fitted = train_model(sents, ("LOC",), config)
    path = tmp_path / "ngrams.npz"
    fitted.save(path, quantize=True)
    again = NerModel.load(path)
    assert again.ngram_buckets == 512
    forms = [["Warga", "Kotagede", "datang", "."]]  # an unseen word sharing inner grams
    assert np.allclose(again.emissions(forms)[0], fitted.emissions(forms)[0], atol=0.05)


def test_class_pair_model_saves_and_loads_with_close_scores(tmp_path: Path) -> None:
    words = load_word_vectors()
    assert words is not None
    sents = [
        TaggedSentence(
            ("saya", "makan", "nasi", "goreng", "di", "bandung", "."),
            ("O", "O", "B-FNB", "E-FNB", "O", "S-LOC", "O"),
        ),
        TaggedSentence(("ibu", "goreng", "ikan", "."), ("O", "O", "O", "O")),
    ] * 3
    sents = [TaggedSentence(s.tokens, tuple(to_bio(t) for t in s.tags)) for s in sents]
    config = TrainConfig(
        l2=0.1, max_iter=40, pair_min_count=2, class_pair_level=1, words=words, scheme="bioes"
    )
    fitted = train_model(sents, ("FNB", "LOC"), config)
    assert fitted.word_class and any(key.startswith("#") for key in fitted.pairs)
    path = tmp_path / "classes.npz"
    fitted.save(path, quantize=True)
    again = NerModel.load(path)
    assert again.word_class == fitted.word_class
    forms = [["kami", "makan", "nasi", "goreng", "di", "medan", "."], ["Ia", "pulang", "."]]
    assert np.allclose(again.emissions(forms)[0], fitted.emissions(forms)[0], atol=0.05)
    assert fitted.tag_tags(forms[:1]) == [["O", "O", "B-FNB", "I-FNB", "O", "B-LOC", "O"]]


def test_case_ratios_skip_sentence_starts_and_rare_words() -> None:
    sents = [
        ["Warga", "Jakarta", "makan", "di", "Jakarta"],
        ["Makan", "siang", "di", "KPK", "dan", "di", "KPK"],
        ["Hari", "ini", "jakarta", "makan"],
    ]
    ratios = case_ratios(sents, ["jakarta", "makan", "kpk", "siang"])
    assert ratios[0, 0] == pytest.approx(2 / 3)  # two of three non-initial uses capitalised
    assert ratios[1].tolist() == [0.0, 0.0]  # "Makan" opening a sentence is not counted
    assert ratios[2, 1] == 1.0 and case_class(*ratios[2]) == "A"
    assert ratios[3].tolist() == [-1.0, -1.0]  # seen once: no figure
    assert case_class(0.0, 0.0) == "0" and case_class(0.99, 0.0) == "5"
