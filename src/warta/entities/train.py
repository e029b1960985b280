"""Train the NER models from ../shared/data/ner: ``python -m warta.entities.train --shared ..``.

The pipeline model merges NERP (lower-cased), NERGRIT and idner-news-2k onto PER/ORG/LOC; the
cased corpora are added a second time lower-cased, so that the "uncased" shape family learns
from them too. Per-corpus models (same architecture, the corpus's own tag set, its train split
only) are what ``warta eval ner`` scores against published figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from warta.entities.clusters import WordVectors, build_word_vectors
from warta.entities.conll import (
    CORPUS_TAG_MAPS,
    TaggedSentence,
    map_tags,
    read_conll,
    repair_bio,
)
from warta.entities.crf import CrfData, lbfgs, objective
from warta.entities.model import (
    CONTEXT,
    PAD,
    FeatureSpace,
    NerModel,
    default_model_path,
    lexical_features,
    load_gazetteer,
    shape_features,
)
from warta.text import sentences, tokens

__all__ = [
    "CORPUS_FILES",
    "WORDS_FILE",
    "TrainConfig",
    "corpus_sentences",
    "file_digest",
    "load_word_vectors",
    "main",
    "pipeline_sentences",
    "train_model",
]

# The files of each corpus's splits under ``<shared>/data/ner/<corpus>/``.
CORPUS_FILES: dict[str, dict[str, str]] = {
    "nerp": {"train": "train_preprocess.txt", "valid": "valid_preprocess.txt"},
    "nergrit": {"train": "train_preprocess.txt", "valid": "valid_preprocess.txt"},
    "idner-news-2k": {"train": "train.txt", "valid": "dev.txt"},
}
PIPELINE_TYPES = ("PER", "ORG", "LOC")
WORDS_FILE = "ner-words.npz"


@dataclass(frozen=True)
class TrainConfig:
    l2: float = 1.0
    max_iter: int = 200
    # a word seen fewer times keeps no weight of its own, so that affixes, shape, clusters
    # and vectors learn to carry words never seen in training (most names at test time)
    min_word_count: int = 2
    # adjacent lower-cased word pairs seen at least this often get a feature of their own
    # ("nasi goreng", "piala dunia"); 0 turns pair features off (the pipeline model: speed)
    pair_min_count: int = 0
    context: int = CONTEXT  # neighbours on each side whose features score a token
    words: WordVectors | None = None
    gazetteer: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    language: str = "id"


def file_digest(path: Path) -> str:
    """A short content hash of a training file, kept in the model's metadata."""
    return hashlib.sha1(path.read_bytes()).hexdigest()[:16]


def corpus_sentences(shared: Path, corpus: str, split: str) -> list[TaggedSentence]:
    """One split of one corpus, with its own tag set (BIO repaired)."""
    path = shared / "data" / "ner" / corpus / CORPUS_FILES[corpus][split]
    return [TaggedSentence(s.tokens, repair_bio(s.tags)) for s in read_conll(path)]


def pipeline_sentences(shared: Path, split: str = "train") -> list[TaggedSentence]:
    """All three corpora on PER/ORG/LOC; cased corpora twice (as written and lower-cased)."""
    out: list[TaggedSentence] = []
    for corpus, mapping in CORPUS_TAG_MAPS.items():
        for sent in corpus_sentences(shared, corpus, split):
            mapped = TaggedSentence(sent.tokens, map_tags(sent.tags, mapping))
            out.append(mapped)
            lowered = tuple(t.lower() for t in sent.tokens)
            if lowered != sent.tokens:
                out.append(TaggedSentence(lowered, mapped.tags))
    return out


def labels_for(types: Sequence[str]) -> tuple[str, ...]:
    """BIO label names with O first (the models treat label 0 as outside)."""
    return ("O", *(f"{p}-{t}" for t in types for p in ("B", "I")))


def types_of(sentences: Sequence[TaggedSentence]) -> tuple[str, ...]:
    return tuple(sorted({t[2:] for s in sentences for t in s.tags if t != "O"}))


@dataclass
class _Encoder:
    """Assigns type ids to forms and shapes and feature ids to their features."""

    config: TrainConfig
    counts: Mapping[str, int]
    space: FeatureSpace = field(default_factory=FeatureSpace)
    forms: dict[str, int] = field(default_factory=dict)
    shapes: dict[str, int] = field(default_factory=dict)
    form_feats: list[list[int]] = field(default_factory=list)
    shape_feats: list[list[int]] = field(default_factory=list)
    form_vector: list[int] = field(default_factory=list)  # row in the word vectors, or -1
    pair_counts: Mapping[str, int] = field(default_factory=dict)
    pairs: dict[str, int] = field(default_factory=lambda: {"": 0})  # "" = any other pair
    pair_feats: list[list[int]] = field(default_factory=lambda: [[]])
    clusters: dict[str, tuple[int, ...]] = field(init=False)
    vector_row: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        words = self.config.words
        self.clusters = words.cluster_map() if words else {}
        self.vector_row = {w: i for i, w in enumerate(words.words)} if words else {}

    def form(self, lower: str, grow: bool = True) -> int:
        i = self.forms.get(lower)
        if i is None:
            i = self.forms[lower] = len(self.forms)
            known = self.counts.get(lower, 0) >= self.config.min_word_count or lower == PAD
            feats = lexical_features(lower, self.config.gazetteer, self.clusters, with_word=known)
            self.form_feats.append(self.space.ids(feats, grow=grow))
            self.form_vector.append(self.vector_row.get(lower, -1))
        return i

    def dense(self, n_types: int) -> np.ndarray:
        """Word vectors of the form types (zero rows for other types and unknown words)."""
        words = self.config.words
        dim = words.vectors.shape[1] if words else 0
        out = np.zeros((n_types, dim), dtype=np.float32)
        rows = np.asarray(self.form_vector)
        if words and len(rows):
            has = rows >= 0
            out[: len(rows)][has] = words.vectors[rows[has]]
        return out

    def pair(self, key: str) -> int:
        """Pair type of two adjacent lower-cased forms (0 when too rare to have a feature)."""
        if self.pair_counts.get(key, 0) < max(self.config.pair_min_count, 1):
            return 0
        i = self.pairs.get(key)
        if i is None:
            i = self.pairs[key] = len(self.pairs)
            self.pair_feats.append(self.space.ids(["b=" + key], grow=True))
        return i

    def shape(self, form: str, cased: bool) -> int:
        feats = shape_features(form, cased)
        key = "\t".join(feats)
        i = self.shapes.get(key)
        if i is None:
            i = self.shapes[key] = len(self.shapes)
            self.shape_feats.append(self.space.ids(feats, grow=True))
        return i


def padded_pairs(lowers: Sequence[str]) -> list[str]:
    """The pair key of every slot of a padded sentence: its form and the next slot's."""
    return [f"{a} {b}" for a, b in zip(lowers, [*lowers[1:], PAD], strict=True)]


def _pair_counts(sentences: Sequence[TaggedSentence], context: int) -> Counter[str]:
    edge = [PAD] * context
    return Counter(
        key
        for s in sentences
        for key in padded_pairs([*edge, *(t.lower() for t in s.tokens), *edge])
    )


def _encode(
    sentences: Sequence[TaggedSentence], labels: Sequence[str], enc: _Encoder
) -> tuple[list[tuple[int, int, int]], list[int], list[list[int]]]:
    """Flat (form, shape, pair) type ids of padded sentences, starts and gold label ids."""
    label_id = {name: i for i, name in enumerate(labels)}
    flat: list[tuple[int, int, int]] = []
    starts: list[int] = []
    gold: list[list[int]] = []
    edge = [PAD] * enc.config.context
    for sent in sentences:
        cased = any(t != t.lower() for t in sent.tokens)
        forms = [*edge, *sent.tokens, *edge]
        lowers = [t.lower() for t in forms]
        starts.append(len(flat) + len(edge))
        flat.extend(
            (enc.form(low), enc.shape(form, cased), enc.pair(key))
            for form, low, key in zip(forms, lowers, padded_pairs(lowers), strict=True)
        )
        gold.append([label_id.get(t, 0) for t in sent.tags])
    return flat, starts, gold


def train_model(
    sentences: Sequence[TaggedSentence],
    types: Sequence[str],
    config: TrainConfig,
    log: Callable[[str], None] | None = None,
) -> NerModel:
    """Fit a CRF on tagged sentences and fold its weights into per-form and per-shape rows."""
    labels = labels_for(types)
    sents = [s for s in sentences if s.tokens]
    pair_counts = (
        _pair_counts(sents, config.context) if config.pair_min_count > 0 else Counter[str]()
    )
    enc = _Encoder(
        config, Counter(t.lower() for s in sents for t in s.tokens), pair_counts=pair_counts
    )
    flat, starts, gold = _encode(sents, labels, enc)
    n_forms = len(enc.forms)
    n_shapes = len(enc.shapes)
    n_types = n_forms + n_shapes + len(enc.pairs)
    data = CrfData.build(
        [*enc.form_feats, *enc.shape_feats, *enc.pair_feats],
        len(enc.space.index),
        [(f, n_forms + s, n_forms + n_shapes + p) for f, s, p in flat],
        starts,
        gold,
        len(labels),
        dense=enc.dense(n_types),
        width=2 * config.context + 1,
    )
    theta = lbfgs(
        objective(data, config.l2), np.zeros(data.n_params), max_iter=config.max_iter, log=log
    )
    width = (2 * config.context + 1) * len(labels)
    n_w = data.n_features * width
    n_d = data.dense.shape[1] * width
    weights = theta[:n_w].reshape(data.n_features, width)
    dense_w = theta[n_w : n_w + n_d].reshape(-1, width)
    trans = theta[n_w + n_d :].reshape(len(labels), len(labels))
    return _fold(enc, weights, dense_w, trans, labels)


def _fold(
    enc: _Encoder,
    weights: np.ndarray,
    dense_w: np.ndarray,
    trans: np.ndarray,
    labels: tuple[str, ...],
) -> NerModel:
    """Precompute the score row of every known form (training words + vector words)."""
    config = enc.config
    for word in config.words.words if config.words else ():
        enc.form(word, grow=False)
    # a form's row is the sum of its features' rows plus its vector times the dense weights
    n_feat = weights.shape[0]
    lex = np.stack([weights[fs].sum(axis=0) for fs in enc.form_feats])
    lex += enc.dense(len(enc.forms)) @ dense_w
    shp = np.stack([weights[fs].sum(axis=0) for fs in enc.shape_feats])
    pair_rows = np.stack([weights[fs].sum(axis=0) for fs in enc.pair_feats])
    subword = {
        f: i
        for f, i in enc.space.index.items()
        if not f.startswith(("w=", "k", "b=")) and i < n_feat
    }
    keep = sorted(subword.values())
    position = {i: n for n, i in enumerate(keep)}
    remap = {f: position[i] for f, i in subword.items()}
    return NerModel(
        labels=labels,
        vocab=dict(enc.forms),
        lex=lex.astype(np.float32),
        shapes=dict(enc.shapes),
        shape_rows=shp.astype(np.float32),
        subword=remap,
        subword_rows=weights[keep].astype(np.float32),
        trans=trans.astype(np.float32),
        gazetteer=dict(config.gazetteer),
        pairs=dict(enc.pairs) if len(enc.pairs) > 1 else {},
        pair_rows=pair_rows.astype(np.float32) if len(enc.pairs) > 1 else None,
        meta={"language": config.language, "labels": " ".join(labels), "l2": str(config.l2)},
    )


def load_word_vectors(path: Path | None = None) -> WordVectors | None:
    """The committed word vectors and clusters (None when the file is absent)."""
    path = path or default_model_path().parent / WORDS_FILE
    return WordVectors.load(path) if path.is_file() else None


def cluster_sentences(shared: Path) -> list[list[str]]:
    """Unlabelled text for the clusters: IndoSum articles plus the corpora's train splits."""
    out: list[list[str]] = []
    with (shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            out.extend([t.text for t in tokens(text, s.start, s.end)] for s in sentences(text))
    for corpus in CORPUS_FILES:
        out.extend(list(s.tokens) for s in corpus_sentences(shared, corpus, "train"))
    return out


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Retrain the pipeline model (or one per-corpus model) from the shared corpora."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--corpus", default="pipeline", choices=["pipeline", *CORPUS_FILES])
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=TrainConfig.l2)
    ap.add_argument("--max-iter", type=int, default=TrainConfig.max_iter)
    ap.add_argument("--context", type=int, default=TrainConfig.context)
    ap.add_argument(
        "--pairs",
        type=int,
        default=None,
        help="Minimum count of a word pair feature (0: none; default: 2 per corpus, 0 pipeline).",
    )
    ap.add_argument(
        "--keep-words", action="store_true", help=f"Reuse {WORDS_FILE} instead of rebuilding it."
    )
    args = ap.parse_args(argv)
    models = default_model_path().parent
    if not args.keep_words:
        _log("building word vectors and clusters from IndoSum and the train splits")
        build_word_vectors(cluster_sentences(args.shared)).save(models / WORDS_FILE)
    pairs = args.pairs if args.pairs is not None else (0 if args.corpus == "pipeline" else 2)
    config = TrainConfig(
        l2=args.l2,
        max_iter=args.max_iter,
        pair_min_count=pairs,
        context=args.context,
        words=load_word_vectors(models / WORDS_FILE),
        gazetteer=load_gazetteer("id"),
    )
    if args.corpus == "pipeline":
        sents = pipeline_sentences(args.shared)
        types: Sequence[str] = PIPELINE_TYPES
    else:
        sents = corpus_sentences(args.shared, args.corpus, "train")
        types = types_of(sents)
    _log(f"training {args.corpus}: {len(sents)} sentences, types {' '.join(types)}")
    model = train_model(sents, types, config, log=_log)
    if args.corpus != "pipeline":
        # ``warta eval ner`` uses a committed per-corpus model only for this very train file
        train_file = args.shared / "data" / "ner" / args.corpus / CORPUS_FILES[args.corpus]["train"]
        model.meta["train_sha1"] = file_digest(train_file)
    out = args.out or (
        models / ("ner-id.npz" if args.corpus == "pipeline" else f"ner-{args.corpus}.npz")
    )
    # per-corpus models are committed for ``warta eval ner``: int8 rows keep them small
    model.save(out, quantize=args.corpus != "pipeline")
    _log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
