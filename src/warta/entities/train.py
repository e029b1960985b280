"""Train the NER models from ../shared/data/ner: ``python -m warta.entities.train --shared ..``.

The pipeline model merges NERP (lower-cased), NERGRIT and idner-news-2k onto PER/ORG/LOC; the
cased corpora are added a second time lower-cased, so that the "uncased" shape family learns
from them too. Per-corpus models (same architecture, the corpus's own tag set, its train split
only) are what ``warta eval ner`` scores against published figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from warta.entities.clusters import WordVectors, build_word_vectors, case_ratios
from warta.entities.conll import (
    CORPUS_TAG_MAPS,
    TaggedSentence,
    map_tags,
    read_conll,
    repair_bio,
    to_bioes,
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
    "corpus_config",
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
    # "bio", or "bioes": spans' last and single tokens get labels of their own (E-, S-),
    # which lets the per-token scores see where a multi-word name ends
    scheme: str = "bio"
    ngram_buckets: int = 0  # hashed inner character n-grams of each word (0: none)
    # with pairs on: the pair of two adjacent words' clusters at this level (0 coarsest)
    # is a pair feature too, so "festival <unseen name>" shares weights; -1: none
    class_pair_level: int = -1
    # each word's case class in cased text (from the word vectors file) as a feature
    case_features: bool = False
    words: WordVectors | None = None
    gazetteer: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    language: str = "id"


# Per-corpus models (``--corpus``, and those ``warta eval ner`` trains on first use): word
# pairs seen twice or more, BIO labels. BIOES labels, character n-grams, case classes and
# class pairs are options (``--scheme``, ``--ngrams``, ``--case``, ``--class-pairs``) that
# did not raise NERP valid macro F1 (model card, round 3).
CORPUS_PAIR_MIN_COUNT = 2
CORPUS_SCHEME = "bio"
CORPUS_NGRAM_BUCKETS = 0


def corpus_config(
    words: WordVectors | None, gazetteer: Mapping[str, tuple[str, ...]], **overrides: Any
) -> TrainConfig:
    """The training settings of a per-corpus model (``overrides`` replace any of them)."""
    settings: dict[str, Any] = {
        "pair_min_count": CORPUS_PAIR_MIN_COUNT,
        "scheme": CORPUS_SCHEME,
        "ngram_buckets": CORPUS_NGRAM_BUCKETS,
    }
    settings.update({k: v for k, v in overrides.items() if v is not None})
    return TrainConfig(words=words, gazetteer=gazetteer, **settings)


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


def labels_for(types: Sequence[str], scheme: str = "bio") -> tuple[str, ...]:
    """BIO or BIOES label names with O first (the models treat label 0 as outside)."""
    prefixes = ("B", "I", "E", "S") if scheme == "bioes" else ("B", "I")
    return ("O", *(f"{p}-{t}" for t in types for p in prefixes))


FORBIDDEN = -1e4  # transition weight of a label pair that cannot occur


def transition_bias(labels: Sequence[str]) -> np.ndarray:
    """0 where one label may follow another, ``FORBIDDEN`` elsewhere (BIOES only; O = ends)."""
    if not any(label[:2] in ("E-", "S-") for label in labels):
        return np.zeros((len(labels), len(labels)))
    bias = np.full((len(labels), len(labels)), FORBIDDEN)
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            if a == "O" or a[0] in "ES":
                ok = b == "O" or b[0] in "BS"
            else:
                ok = b != "O" and b[0] in "IE" and b[2:] == a[2:]
            if ok:
                bias[i, j] = 0.0
    return bias


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
    case: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        words = self.config.words
        self.clusters = words.cluster_map() if words else {}
        self.case = words.case_map() if words and self.config.case_features else {}
        self.vector_row = {w: i for i, w in enumerate(words.words)} if words else {}

    def form(self, lower: str, grow: bool = True) -> int:
        i = self.forms.get(lower)
        if i is None:
            i = self.forms[lower] = len(self.forms)
            known = self.counts.get(lower, 0) >= self.config.min_word_count or lower == PAD
            feats = lexical_features(
                lower,
                self.config.gazetteer,
                self.clusters,
                with_word=known,
                ngram_buckets=self.config.ngram_buckets,
                case=self.case.get(lower, "?") if self.config.case_features else None,
            )
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

    def class_of(self, lower: str) -> str:
        """The word's cluster at ``class_pair_level`` ("-" unknown, "^" padding)."""
        if lower == PAD:
            return "^"
        found = self.clusters.get(lower)
        return str(found[self.config.class_pair_level]) if found else "-"

    def class_pairs(self, lowers: Sequence[str]) -> list[str]:
        """The class pair key of every slot (``#`` keeps them apart from word pairs)."""
        classes = [self.class_of(w) for w in lowers]
        return [f"#{a} {b}" for a, b in zip(classes, [*classes[1:], "^"], strict=True)]

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


def _pair_counts(sentences: Sequence[TaggedSentence], enc: _Encoder) -> Counter[str]:
    edge = [PAD] * enc.config.context
    counts: Counter[str] = Counter()
    for s in sentences:
        lowers = [*edge, *(t.lower() for t in s.tokens), *edge]
        counts.update(padded_pairs(lowers))
        if enc.config.class_pair_level >= 0:
            counts.update(enc.class_pairs(lowers))
    return counts


def _encode(
    sentences: Sequence[TaggedSentence], labels: Sequence[str], enc: _Encoder
) -> tuple[list[tuple[int, ...]], list[int], list[list[int]]]:
    """Flat (form, shape, pair[, class pair]) type ids of padded sentences, starts, gold ids."""
    label_id = {name: i for i, name in enumerate(labels)}
    flat: list[tuple[int, ...]] = []
    starts: list[int] = []
    gold: list[list[int]] = []
    edge = [PAD] * enc.config.context
    for sent in sentences:
        cased = any(t != t.lower() for t in sent.tokens)
        forms = [*edge, *sent.tokens, *edge]
        lowers = [t.lower() for t in forms]
        starts.append(len(flat) + len(edge))
        slots: list[tuple[int, ...]] = [
            (enc.form(low), enc.shape(form, cased), enc.pair(key))
            for form, low, key in zip(forms, lowers, padded_pairs(lowers), strict=True)
        ]
        if enc.config.class_pair_level >= 0:
            classes = enc.class_pairs(lowers)
            slots = [(*slot, enc.pair(key)) for slot, key in zip(slots, classes, strict=True)]
        flat.extend(slots)
        tags = to_bioes(sent.tags) if enc.config.scheme == "bioes" else sent.tags
        gold.append([label_id.get(t, 0) for t in tags])
    return flat, starts, gold


def train_model(
    sentences: Sequence[TaggedSentence],
    types: Sequence[str],
    config: TrainConfig,
    log: Callable[[str], None] | None = None,
) -> NerModel:
    """Fit a CRF on tagged sentences and fold its weights into per-form and per-shape rows."""
    labels = labels_for(types, config.scheme)
    bias = transition_bias(labels)
    sents = [s for s in sentences if s.tokens]
    enc = _Encoder(config, Counter(t.lower() for s in sents for t in s.tokens))
    if config.pair_min_count > 0:
        enc.pair_counts = _pair_counts(sents, enc)
    flat, starts, gold = _encode(sents, labels, enc)
    n_forms = len(enc.forms)
    n_shapes = len(enc.shapes)
    n_types = n_forms + n_shapes + len(enc.pairs)
    data = CrfData.build(
        [*enc.form_feats, *enc.shape_feats, *enc.pair_feats],
        len(enc.space.index),
        [(f, n_forms + s, *(n_forms + n_shapes + p for p in pairs)) for f, s, *pairs in flat],
        starts,
        gold,
        len(labels),
        dense=enc.dense(n_types),
        width=2 * config.context + 1,
        trans_bias=bias if bias.any() else None,
    )
    theta = lbfgs(
        objective(data, config.l2), np.zeros(data.n_params), max_iter=config.max_iter, log=log
    )
    width = (2 * config.context + 1) * len(labels)
    n_w = data.n_features * width
    n_d = data.dense.shape[1] * width
    weights = theta[:n_w].reshape(data.n_features, width)
    dense_w = theta[n_w : n_w + n_d].reshape(-1, width)
    trans = theta[n_w + n_d :].reshape(len(labels), len(labels)) + bias
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
        word_class=_word_classes(enc) if config.class_pair_level >= 0 else {},
        meta={
            "language": config.language,
            "labels": " ".join(labels),
            "l2": str(config.l2),
            "scheme": config.scheme,
            "ngram_buckets": str(config.ngram_buckets),
            "class_pair_level": str(config.class_pair_level),
            "case_features": "1" if config.case_features else "0",
        },
    )


def _word_classes(enc: _Encoder) -> dict[str, str]:
    """Form -> cluster id at the class-pair level, for every form that has one."""
    classes = {form: enc.class_of(form) for form in enc.forms}
    return {form: c for form, c in classes.items() if c != "-"}


def load_word_vectors(path: Path | None = None) -> WordVectors | None:
    """The committed word vectors and clusters (None when the file is absent)."""
    path = path or default_model_path().parent / WORDS_FILE
    return WordVectors.load(path) if path.is_file() else None


def cluster_sentences(shared: Path, cased_only: bool = False) -> list[list[str]]:
    """Unlabelled text for the clusters: IndoSum articles plus the corpora's train splits.

    ``cased_only`` leaves out NERP, which is all lower case (for the case figures).
    """
    out: list[list[str]] = []
    with (shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            out.extend([t.text for t in tokens(text, s.start, s.end)] for s in sentences(text))
    for corpus in CORPUS_FILES:
        if not (cased_only and corpus == "nerp"):
            out.extend(list(s.tokens) for s in corpus_sentences(shared, corpus, "train"))
    return out


def build_words(shared: Path) -> WordVectors:
    """Word vectors, clusters and case figures from IndoSum and the train splits."""
    words = build_word_vectors(cluster_sentences(shared))
    case = case_ratios(cluster_sentences(shared, cased_only=True), words.words)
    return dataclasses.replace(words, case=case)


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--corpus", default="pipeline", choices=["pipeline", *CORPUS_FILES])
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=None, help=f"default {TrainConfig.l2}")
    ap.add_argument("--max-iter", type=int, default=None, help=f"default {TrainConfig.max_iter}")
    ap.add_argument("--context", type=int, default=None, help=f"default {TrainConfig.context}")
    ap.add_argument(
        "--scheme", choices=["bio", "bioes"], default=None, help="Label scheme (default: bio)."
    )
    ap.add_argument(
        "--ngrams", type=int, default=None, help="Hashed character n-gram buckets (0: none)."
    )
    ap.add_argument(
        "--pairs",
        type=int,
        default=None,
        help="Minimum count of a word pair feature (0: none; default: 2 per corpus, 0 pipeline).",
    )
    ap.add_argument(
        "--keep-words", action="store_true", help=f"Reuse {WORDS_FILE} instead of rebuilding it."
    )
    ap.add_argument(
        "--words", type=Path, default=None, help=f"Word vectors file (default models/{WORDS_FILE})"
    )
    ap.add_argument("--case", type=int, default=None, help="Case-class features (1 on, 0 off).")
    ap.add_argument("--class-pairs", type=int, default=None, help="Cluster level of class pairs.")
    return ap.parse_args(argv)


def _config(args: argparse.Namespace, words: WordVectors | None) -> TrainConfig:
    """Per-corpus settings, or the pipeline model's (BIO, no pairs or n-grams: its speed)."""
    tuning = {
        "l2": args.l2,
        "max_iter": args.max_iter,
        "context": args.context,
        "pair_min_count": args.pairs,
        "scheme": args.scheme,
        "ngram_buckets": args.ngrams,
        "case_features": None if args.case is None else bool(args.case),
        "class_pair_level": args.class_pairs,
    }
    if args.corpus != "pipeline":
        return corpus_config(words, load_gazetteer("id"), **tuning)
    settings = {k: v for k, v in tuning.items() if v is not None}
    return TrainConfig(words=words, gazetteer=load_gazetteer("id"), **settings)


def main(argv: Sequence[str] | None = None) -> int:
    """Retrain the pipeline model (or one per-corpus model) from the shared corpora."""
    args = _arguments(argv)
    models = default_model_path().parent
    words_file = args.words or models / WORDS_FILE
    if not args.keep_words:
        _log("building word vectors and clusters from IndoSum and the train splits")
        build_words(args.shared).save(words_file)
    config = _config(args, load_word_vectors(words_file))
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
