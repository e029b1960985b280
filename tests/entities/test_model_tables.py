"""The NER model's load-time form table and batched Viterbi agree with the slow paths."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from warta.entities.model import NerModel, _Extra, viterbi


@pytest.fixture(scope="module")
def model() -> NerModel:
    return NerModel.load()


@pytest.mark.parametrize("cased", [False, True])
def test_known_form_table_matches_per_form_scoring(model: NerModel, cased: bool) -> None:
    table = model.known[cased]
    sample = list(itertools.islice(table.items(), 0, len(table), max(1, len(table) // 500)))
    extra = _Extra([], [], {}, {})
    assert sample
    assert all(model._form_ids(form, cased, extra) == ids for form, ids in sample)
    assert not extra.lex and not extra.shape


def test_known_form_table_covers_capitalised_words(model: NerModel) -> None:
    assert "Jakarta" in model.known[True] and "jakarta" in model.known[False]


def _brute_force(emit: np.ndarray, trans: np.ndarray, n: int) -> list[int]:
    labels = range(trans.shape[0])
    best: tuple[float, list[int]] = (-np.inf, [])
    for path in itertools.product(labels, repeat=n):
        score = trans[0, path[0]] + trans[path[-1], 0]
        score += sum(emit[t, p] for t, p in enumerate(path))
        score += sum(trans[a, b] for a, b in itertools.pairwise(path))
        best = max(best, (float(score), list(path)), key=lambda x: x[0])
    return best[1]


@pytest.mark.parametrize("seed", range(5))
def test_viterbi_batch_of_mixed_lengths_finds_best_paths(seed: int) -> None:
    rng = np.random.default_rng(seed)
    lengths = [1, 4, 2, 3]
    emit = rng.normal(size=(len(lengths), max(lengths), 3)).astype(np.float32)
    trans = rng.normal(size=(3, 3)).astype(np.float32)
    paths = viterbi(emit, trans, lengths)
    assert [len(p) for p in paths] == lengths
    assert paths == [_brute_force(emit[b], trans, n) for b, n in enumerate(lengths)]
