"""The Indonesian NER tagger: a linear-chain CRF whose features decompose per word type.

Every feature belongs either to a token's lower-cased form (the word, its affixes, its
distributional cluster, gazetteer classes) or to its shape (case pattern; a separate "uncased"
shape family for sentences written without capitals). Each feature has one weight vector per
relative position (-2..+2), so at load time every known form has a precomputed row of
``5 * n_labels`` scores and every shape another. Tagging a sentence is two dictionary lookups
per token, two numpy gathers, five slice additions and a batched Viterbi; unknown forms are
scored once per call from their sub-word features.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from warta.entities.conll import spans_of
from warta.lang import load_language_data
from warta.text import Token

__all__ = [
    "CONTEXT",
    "PAD",
    "FeatureSpace",
    "NerModel",
    "default_model_path",
    "lexical_features",
    "load_gazetteer",
    "pruned_viterbi",
    "shape_features",
    "viterbi",
]

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

CONTEXT = 2  # neighbours on each side whose features score a token
WIDTH = 2 * CONTEXT + 1
PAD = "\x00"  # the form of the padding token around each sentence
DEFAULT_PRUNE_MARGIN = 8.0
_MAX_AFFIX_WORD = 30  # longer "words" (URLs, hashes) get no affix features


def default_model_path() -> Path:
    """The committed pipeline model (PER/ORG/LOC, trained on all three corpora)."""
    return Path(str(resources.files("warta").joinpath("models", "ner-id.npz")))


def load_gazetteer(language: str = "id") -> dict[str, tuple[str, ...]]:
    """Lower-cased word -> gazetteer classes, from ``lang/<language>/ner_gazetteer.yaml``."""
    data = load_language_data(language, "ner_gazetteer") or {}
    classes: dict[str, set[str]] = {}
    for name, words in data.items():
        for phrase in words or ():
            for word in str(phrase).lower().split():
                classes.setdefault(word, set()).add(str(name))
    return {w: tuple(sorted(c)) for w, c in classes.items()}


def lexical_features(
    lower: str,
    gazetteer: Mapping[str, tuple[str, ...]],
    clusters: Mapping[str, tuple[int, ...]] | None = None,
    *,
    with_word: bool = True,
) -> list[str]:
    """Features of a lower-cased form; ``with_word=False`` leaves out the word itself."""
    feats = ["bias"]
    if with_word:
        feats.append("w=" + lower)
    for level, cid in enumerate((clusters or {}).get(lower, ())):
        feats.append(f"k{level}={cid}")
    n = len(lower)
    if n <= _MAX_AFFIX_WORD:
        feats.extend(f"p{k}={lower[:k]}" for k in (2, 3) if n > k)
        feats.extend(f"s{k}={lower[-k:]}" for k in (2, 3, 4) if n > k)
    feats.extend("g=" + c for c in gazetteer.get(lower, ()))
    feats.append(f"len={min(n, 12)}")
    return feats


def _char_class(ch: str) -> str:
    if ch.isupper():
        return "X"
    if ch.isalpha():
        return "x"
    if ch.isdigit():
        return "d"
    return ch


def shape_features(form: str, cased: bool) -> list[str]:
    """Case/shape features; in an uncased sentence only the case-free pattern is used."""
    if form == PAD:
        return ["shape=PAD"]
    text = form if cased else form.lower()
    short: list[str] = []
    for ch in text[:16]:
        c = _char_class(ch)
        if not short or short[-1] != c:
            short.append(c)
    mode = "C" if cased else "U"
    head = "".join(_char_class(ch) for ch in text[:3])
    return [f"{mode}shape={''.join(short)}", f"{mode}head={head}"]


@dataclass
class FeatureSpace:
    """Feature names -> rows of a weight matrix; grows while training, fixed after."""

    index: dict[str, int] = field(default_factory=dict)

    def ids(self, feats: Iterable[str], grow: bool) -> list[int]:
        out: list[int] = []
        for f in feats:
            i = self.index.get(f)
            if i is None and grow:
                i = self.index[f] = len(self.index)
            if i is not None:
                out.append(i)
        return out


def viterbi(emit: FloatArray, trans: FloatArray, lengths: Sequence[int]) -> list[list[int]]:
    """Best label paths for a padded batch ``emit[B, T, L]``; both ends behave as label O (0)."""
    batch, steps, _ = emit.shape
    score = trans[0][None, :] + emit[:, 0]
    back = np.zeros((batch, steps, emit.shape[2]), dtype=np.int64)
    lens = np.asarray(lengths)
    for t in range(1, steps):
        cand = score[:, :, None] + trans[None]
        best = cand.argmax(axis=1)
        new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + emit[:, t]
        live = (t < lens)[:, None]
        score = np.where(live, new, score)
        back[:, t] = best
    last = (score + trans[:, 0][None, :]).argmax(axis=1)
    paths: list[list[int]] = []
    for b in range(batch):
        n = int(lens[b])
        label = int(last[b])
        path = [label]
        row = back[b]
        for t in range(n - 1, 0, -1):
            label = int(row[t, label])
            path.append(label)
        paths.append(path[::-1])
    return paths


def pruned_viterbi(
    emit: FloatArray, trans: FloatArray, lengths: Sequence[int], margin: float
) -> list[list[int]]:
    """Viterbi over only the stretches where some label comes within ``margin`` of O.

    Most tokens of news text are plainly outside any name: fixing them as O splits each
    sentence into short candidate stretches bounded by O, decoded together in one small
    batch. With a margin above the transition scores' spread the result equals full Viterbi.
    """
    lens = np.asarray(lengths)
    live = np.arange(emit.shape[1])[None, :] < lens[:, None]
    cand = (emit[:, :, 0] - emit[:, :, 1:].max(axis=2) < margin) & live
    paths = [[0] * int(n) for n in lens]
    if not cand.any():
        return paths
    # runs of candidates: (sentence, start, end) from the edges of the boolean mask
    edges = np.diff(np.pad(cand, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    seg_len = ends - starts
    width = int(seg_len.max())
    offs = np.minimum(np.arange(width)[None, :], seg_len[:, None] - 1)
    seg_emit = emit[rows[:, None], starts[:, None] + offs]
    for r, a, path in zip(rows, starts, viterbi(seg_emit, trans, seg_len.tolist()), strict=True):
        paths[r][a : a + len(path)] = path
    return paths


@dataclass
class NerModel:
    """A trained tagger: label names, per-form and per-shape score rows, transitions."""

    labels: tuple[str, ...]
    vocab: dict[str, int]
    lex: FloatArray  # [n_forms, WIDTH * n_labels]
    shapes: dict[str, int]
    shape_rows: FloatArray  # [n_shapes, WIDTH * n_labels]
    subword: dict[str, int]  # sub-word and shape feature -> row of ``subword_rows``
    subword_rows: FloatArray
    trans: FloatArray  # [n_labels, n_labels]; label 0 is O
    gazetteer: dict[str, tuple[str, ...]]
    meta: dict[str, str] = field(default_factory=dict)

    # ----------------------------------------------------------------- persistence
    @classmethod
    def load(cls, path: Path | None = None) -> NerModel:
        """Load a model file (default: the committed pipeline model)."""
        path = path or default_model_path()
        try:
            with np.load(path, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: cannot load NER model ({exc})") from exc
        strings = {k[2:]: _unpack(v) for k, v in arrays.items() if k.startswith("s_")}
        meta = dict(line.split("\t", 1) for line in strings.get("meta", ()) if "\t" in line)
        return cls(
            labels=tuple(strings["labels"]),
            vocab={w: i for i, w in enumerate(strings["vocab"])},
            lex=arrays["lex"].astype(np.float32),
            shapes={s: i for i, s in enumerate(strings["shapes"])},
            shape_rows=arrays["shape_rows"].astype(np.float32),
            subword={s: i for i, s in enumerate(strings["subword"])},
            subword_rows=arrays["subword_rows"].astype(np.float32),
            trans=arrays["trans"].astype(np.float32),
            gazetteer=load_gazetteer(meta.get("language", "id")),
            meta=meta,
        )

    def save(self, path: Path) -> None:
        """Write the model as compressed numpy arrays (float16 score rows)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            s_labels=_pack(self.labels),
            s_vocab=_pack(_ordered(self.vocab)),
            s_shapes=_pack(_ordered(self.shapes)),
            s_subword=_pack(_ordered(self.subword)),
            s_meta=_pack([f"{k}\t{v}" for k, v in self.meta.items()]),
            lex=self.lex.astype(np.float16),
            shape_rows=self.shape_rows.astype(np.float16),
            subword_rows=self.subword_rows.astype(np.float16),
            trans=self.trans.astype(np.float32),
        )

    # ----------------------------------------------------------------- tagging
    def tag_spans(self, text: str, toks: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Entity spans ``(first_token, end_token_exclusive, type)`` of one sentence."""
        return self.tag_sentences([[t.text for t in toks]])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Spans for many sentences at once (cheaper per sentence than one call each)."""
        return [spans_of([self.labels[i] for i in p]) for p in self.label_ids(sentences)]

    def tag_tags(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for many sentences at once."""
        return [[self.labels[i] for i in path] for path in self.label_ids(sentences)]

    def label_ids(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        """Best label index paths for token-form sentences."""
        sents = [s for s in sentences if s]
        if not sents:
            return [[] for _ in sentences]
        emit, lengths = self.emissions(sents)
        paths = iter(pruned_viterbi(emit, self.trans, lengths, self.prune_margin))
        return [next(paths) if s else [] for s in sentences]

    @property
    def prune_margin(self) -> float:
        """How far O must lead every other label for a token to be fixed as O before Viterbi."""
        return float(self.meta.get("prune_margin", DEFAULT_PRUNE_MARGIN))

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, list[int]]:
        """Padded emission scores ``[B, T, L]`` and the sentence lengths."""
        lex_ids, shape_ids, extra_lex, extra_shape = self._encode(sentences)
        lex = self.lex if not extra_lex else np.vstack([self.lex, *extra_lex])
        shp = self.shape_rows if not extra_shape else np.vstack([self.shape_rows, *extra_shape])
        rows = lex[lex_ids] + shp[shape_ids]
        n_labels = len(self.labels)
        lengths = [len(s) for s in sentences]
        starts = np.cumsum([0] + [n + 2 * CONTEXT for n in lengths[:-1]]) + CONTEXT
        steps = max(lengths)
        # positions[b, t] indexes the flat sequence; padded slots repeat the last token
        offs = np.minimum(np.arange(steps)[None, :], np.asarray(lengths)[:, None] - 1)
        positions = starts[:, None] + offs
        emit = np.zeros((len(sentences), steps, n_labels), dtype=np.float32)
        for k in range(WIDTH):
            emit += rows[positions + (k - CONTEXT), k * n_labels : (k + 1) * n_labels]
        return emit, lengths

    def _encode(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[IntArray, IntArray, list[FloatArray], list[FloatArray]]:
        """Flat lex/shape row ids for padded sentences; unknown forms get rows made here."""
        lex_ids: list[int] = []
        shape_ids: list[int] = []
        extra_lex: list[FloatArray] = []
        extra_shape: list[FloatArray] = []
        new_lex: dict[str, int] = {}
        new_shape: dict[str, int] = {}
        pad_lex = self.vocab[PAD]
        pad_shape = self.shapes[_shape_key(shape_features(PAD, True))]
        vocab_get = self.vocab.get
        for sent in sentences:
            cased = any(w != w.lower() for w in sent)
            lex_ids.extend([pad_lex] * CONTEXT)
            shape_ids.extend([pad_shape] * CONTEXT)
            for form in sent:
                lower = form.lower()
                li = vocab_get(lower)
                if li is None:
                    li = new_lex.get(lower)
                    if li is None:
                        li = new_lex[lower] = len(self.vocab) + len(extra_lex)
                        feats = lexical_features(lower, self.gazetteer, with_word=False)
                        extra_lex.append(self._compose(feats))
                lex_ids.append(li)
                key = _shape_key(shape_features(form, cased))
                si = self.shapes.get(key)
                if si is None:
                    si = new_shape.get(key)
                    if si is None:
                        si = new_shape[key] = len(self.shapes) + len(extra_shape)
                        extra_shape.append(self._compose(key.split("\t")))
                shape_ids.append(si)
            lex_ids.extend([pad_lex] * CONTEXT)
            shape_ids.extend([pad_shape] * CONTEXT)
        return np.asarray(lex_ids), np.asarray(shape_ids), extra_lex, extra_shape

    def _compose(self, feats: Iterable[str]) -> FloatArray:
        """The score row of an unseen form or shape: the sum of its known features' rows."""
        ids = [self.subword[f] for f in feats if f in self.subword]
        row: FloatArray = self.subword_rows[ids].sum(axis=0, keepdims=True)
        return row


def _shape_key(feats: Sequence[str]) -> str:
    return "\t".join(feats)


def _ordered(index: Mapping[str, int]) -> list[str]:
    return [k for k, _ in sorted(index.items(), key=lambda kv: kv[1])]


def _pack(strings: Iterable[str]) -> npt.NDArray[np.uint8]:
    """Strings as one UTF-8 byte array (newline-separated), so no pickling is needed."""
    data = "\n".join(s.replace("\n", " ") for s in strings).encode("utf-8")
    return np.frombuffer(data, dtype=np.uint8)


def _unpack(arr: npt.NDArray[Any]) -> list[str]:
    text = io.BytesIO(arr.tobytes()).getvalue().decode("utf-8")
    return text.split("\n") if text else []
