"""Score the NER tagger on a CoNLL test file: conlleval span F1 per type, macro and micro.

Published Indonesian NER figures (IndoNLU) are the macro average over entity types of
span-level F1, for a model trained on the corpus's own train split and own tag set. So for a
file of a known corpus (its folder is named nerp, nergrit or idner-news-2k), the model scored
is one of Warta's architecture trained on the ``train`` file beside it: the committed
``models/ner-<corpus>.npz`` (``python -m warta.entities.train --corpus <corpus>``) when it was
trained on that very file (its hash is in the model's metadata), otherwise one trained on
first use and cached. Any other file is scored with the
pipeline model (PER/ORG/LOC).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from warta.entities.conll import TaggedSentence, corpus_name, read_conll, repair_bio, spans_of
from warta.entities.model import NerModel, default_model_path
from warta.entities.train import (
    CORPUS_FILES,
    WORDS_FILE,
    corpus_config,
    file_digest,
    load_word_vectors,
    train_model,
    types_of,
)

__all__ = ["corpus_model", "evaluate_file", "span_scores"]

# Bump when the features or training change, so cached per-corpus models are retrained.
MODEL_VERSION = "crf-type-decomposed-2-pairs"


def span_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Exact-match span precision/recall/F1 per type, their macro average and the micro one."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g_spans = set(spans_of(g_tags))
        p_spans = set(spans_of(p_tags))
        n_gold.update(s[2] for s in g_spans)
        n_pred.update(s[2] for s in p_spans)
        tp.update(s[2] for s in g_spans & p_spans)
    per_type = {
        t: _prf(tp[t], n_pred[t], n_gold[t]) | {"support": n_gold[t]}
        for t in sorted(n_gold | n_pred)
    }
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    f1s = [v["f1"] for v in per_type.values()]
    return {
        "per_type": per_type,
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "micro_f1": micro["f1"],
        "micro_precision": micro["precision"],
        "micro_recall": micro["recall"],
    }


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warta" / "ner"


def corpus_model(
    corpus: str,
    folder: Path,
    cache: Path | None = None,
    log: Callable[[str], None] | None = None,
    models: Path | None = None,
) -> NerModel:
    """The per-corpus model for ``corpus``: the committed one, else trained and cached."""
    train_path = folder / CORPUS_FILES[corpus]["train"]
    committed = (models or default_model_path().parent) / f"ner-{corpus}.npz"
    if committed.is_file():
        model = NerModel.load(committed)
        if model.meta.get("train_sha1") == file_digest(train_path):
            return model
    words_path = default_model_path().parent / WORDS_FILE
    digest = hashlib.sha1(MODEL_VERSION.encode())
    for part in (train_path, words_path):
        if part.is_file():
            digest.update(part.read_bytes())
    cached = (cache or _cache_dir()) / f"ner-{corpus}-{digest.hexdigest()[:12]}.npz"
    if cached.is_file():
        return NerModel.load(cached)
    sents = [TaggedSentence(s.tokens, repair_bio(s.tags)) for s in read_conll(train_path)]
    base = NerModel.load()
    config = corpus_config(load_word_vectors(words_path), base.gazetteer)
    if log:
        log(f"training the {corpus} model on {train_path} (cached as {cached})")
    model = train_model(sents, types_of(sents), config)
    model.save(cached, quantize=True)
    return model


def evaluate_file(
    path: Path,
    model: NerModel | None = None,
    cache: Path | None = None,
    log: Callable[[str], None] | None = None,
    models: Path | None = None,
) -> dict[str, Any]:
    """Scores of a model on one CoNLL file (per-corpus model when the corpus is known)."""
    sents = [TaggedSentence(s.tokens, repair_bio(s.tags)) for s in read_conll(path)]
    corpus = corpus_name(path)
    name = "given"
    if model is None:
        train_file = corpus and path.parent / CORPUS_FILES[corpus]["train"]
        if corpus and train_file and train_file.is_file() and train_file != path:
            model, name = corpus_model(corpus, path.parent, cache, log, models), f"{corpus}-train"
        else:
            model, name = NerModel.load(), "pipeline"
    pred = model.tag_tags([s.tokens for s in sents])
    result = span_scores([s.tags for s in sents], pred)
    result.update(
        file=str(path),
        model=name,
        types=list(types_of(sents)),
        sentences=len(sents),
        tokens=sum(len(s.tokens) for s in sents),
    )
    return result
