"""The Indonesian NER tagger: a linear-chain CRF whose features decompose per word type.

Every feature belongs either to a token's lower-cased form (the word, its affixes, its
distributional clusters and word vector, gazetteer classes) or to its shape (case pattern;
a separate "uncased" shape family for sentences written without capitals). Each feature has
one weight vector per relative position (-2..+2), so at load time every known form has a
precomputed row of ``5 * n_labels`` scores and every shape another; ``load`` also tabulates the
(lex row, shape row) pair of every known word as written lower, Capitalised and UPPER. Tagging
a sentence is a dictionary lookup per token, two numpy gathers, five slice additions and a
batched Viterbi; only forms outside the table are scored per call, from sub-word features.
Optional features (word and class pairs, BIOES labels, character n-grams, case classes) are
recorded in a model's metadata, so an older file tags exactly as before.
"""

from __future__ import annotations

import io
import re
import string
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from warta.entities.conll import spans_of, to_bio
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
    "shape_features",
    "viterbi",
]

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

CONTEXT = 2  # default neighbours on each side whose features score a token (per model)
WIDTH = 2 * CONTEXT + 1
PAD = "\x00"  # the form of the padding token around each sentence
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
    ngram_buckets: int = 0,
    case: str | None = None,
) -> list[str]:
    """Features of a lower-cased form; ``with_word=False`` leaves out the word itself.

    ``ngram_buckets`` > 0 adds the word's inner character 3- and 4-grams, hashed into that
    many buckets (what a word is made of, beyond its first and last letters). ``case`` is
    the word's case class in cased text ("?" unknown), which lower-cased text lacks.
    """
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
    if case is not None:
        feats.append("case=" + case)
    if ngram_buckets and 4 < n <= _MAX_AFFIX_WORD:
        feats.extend(sorted(set(_ngram_features(lower, ngram_buckets))))
    return feats


def _ngram_features(lower: str, buckets: int) -> Iterable[str]:
    for k in (3, 4):
        for i in range(1, len(lower) - k):  # inner grams: the affix features hold the edges
            yield f"n={zlib.crc32(lower[i : i + k].encode('utf-8')) % buckets}"


def _char_class(ch: str) -> str:
    if ch.isupper():
        return "X"
    if ch.isalpha():
        return "x"
    if ch.isdigit():
        return "d"
    return ch


# ASCII letters and digits map to their class in one C-level pass; other text takes the loop
_ASCII_CLASSES = str.maketrans(
    string.ascii_uppercase + string.ascii_lowercase + string.digits, "X" * 26 + "x" * 26 + "d" * 10
)
_RUNS = re.compile(r"(.)\1+")


def _classes(text: str) -> str:
    if text.isascii():
        return text.translate(_ASCII_CLASSES)
    return "".join(_char_class(ch) for ch in text)


def shape_features(form: str, cased: bool) -> list[str]:
    """Case/shape features; in an uncased sentence only the case-free pattern is used."""
    if form == PAD:
        return ["shape=PAD"]
    return _class_features(_classes((form if cased else form.lower())[:16]), cased)


def _class_features(classes: str, cased: bool) -> list[str]:
    mode = "C" if cased else "U"
    short = _RUNS.sub(r"\1", classes)
    return [f"{mode}shape={short}", f"{mode}head={classes[:3]}"]


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
    batch, steps, n_labels = emit.shape
    # candidates laid out [from, batch, to]: max/argmax then reduce the outer axis, which
    # numpy does far faster than a short inner one; every step writes into fixed buffers
    # (the batch is small, so the number of numpy calls per step is what costs)
    emit_t = np.ascontiguousarray(emit.transpose(1, 0, 2))
    score = trans[0][None, :] + emit_t[0]
    final = score.copy()
    back = np.zeros((steps, batch, n_labels), dtype=np.int64)  # time-major: contiguous rows
    cand = np.empty((n_labels, batch, n_labels), dtype=np.float32)
    score_from = score.T[:, :, None]  # a view: follows the in-place updates of ``score``
    trans_from = trans[:, None, :]
    ends: dict[int, list[int]] = {}
    for b, n in enumerate(lengths):
        ends.setdefault(int(n) - 1, []).append(b)
    for t in range(1, steps):
        np.add(score_from, trans_from, out=cand)
        cand.argmax(axis=0, out=back[t])
        cand.max(axis=0, out=score)
        score += emit_t[t]
        done = ends.get(t)
        if done:
            final[done] = score[done]
    last = (final + trans[:, 0][None, :]).argmax(axis=1)
    return _backtrack(back, last, ends, lengths)


def _backtrack(
    back: IntArray, last: IntArray, ends: Mapping[int, list[int]], lengths: Sequence[int]
) -> list[list[int]]:
    """Follow the back pointers of the whole batch at once, one time step at a time."""
    steps, batch, _ = back.shape
    rows = np.arange(batch)
    path = np.empty((batch, steps), dtype=np.int64)
    cur = last.copy()
    # a sentence's path starts at its own last step; earlier values in its row are dropped
    for t in range(steps - 1, -1, -1):
        done = ends.get(t)
        if done:
            cur[done] = last[done]
        path[:, t] = cur
        if t:
            cur = back[t][rows, cur]
    return [row[:n] for row, n in zip(path.tolist(), lengths, strict=True)]


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
    # optional word-pair features: "left right" (lower-cased) -> row of ``pair_rows``,
    # row 0 being every other pair; a model without them (the pipeline one) skips this
    pairs: dict[str, int] = field(default_factory=dict)
    pair_rows: FloatArray | None = None
    # optional class pairs: lower-cased form -> cluster id; "#<class> <class>" keys of
    # adjacent words' clusters ("-" unknown, "^" padding) are looked up in ``pairs`` too
    word_class: dict[str, str] = field(default_factory=dict)
    # (uncased, cased) form -> (lex row, shape row) for every known form in its usual
    # spellings, made once by ``load``; only forms outside it go through ``_form_ids``
    known: tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]] = field(
        default_factory=lambda: ({}, {}), repr=False, compare=False
    )
    # the BIO name of each label: a BIOES model's E-/S- labels read as I-/B-
    bio: tuple[str, ...] = field(default=(), repr=False, compare=False)
    ngram_buckets: int = field(default=0, repr=False, compare=False)  # from ``meta``
    case_features: bool = field(default=False, repr=False, compare=False)  # from ``meta``

    def __post_init__(self) -> None:
        self.bio = tuple(to_bio(label) for label in self.labels)
        self.ngram_buckets = int(self.meta.get("ngram_buckets", "0"))
        self.case_features = self.meta.get("case_features") == "1"

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
        model = cls(
            labels=tuple(strings["labels"]),
            vocab={w: i for i, w in enumerate(strings["vocab"])},
            lex=_rows(arrays, "lex"),
            shapes={s: i for i, s in enumerate(strings["shapes"])},
            shape_rows=_rows(arrays, "shape_rows"),
            subword={s: i for i, s in enumerate(strings["subword"])},
            subword_rows=_rows(arrays, "subword_rows"),
            trans=arrays["trans"].astype(np.float32),
            gazetteer=load_gazetteer(meta.get("language", "id")),
            meta=meta,
            pairs={s: i for i, s in enumerate(strings.get("pairs", ()))},
            pair_rows=_rows(arrays, "pair_rows") if "pair_rows" in arrays else None,
            word_class=dict(line.split("\t", 1) for line in strings.get("classes", ())),
        )
        model.known = model.known_forms()
        return model

    def known_forms(self) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
        """Row ids of every vocabulary word as written lower, Capitalised and UPPER.

        Each entry is exactly what ``_form_ids`` would give; forms whose shape is unknown
        are left out, so the table never refers to rows made per call.
        """
        shape_of: tuple[dict[str, int], dict[str, int]] = ({}, {})  # classes -> shape row
        tables: tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]] = ({}, {})
        for word, li in self.vocab.items():
            if word == PAD:
                continue
            for form in {word, word.capitalize(), word.upper()}:
                if form.lower() != word:
                    continue
                for cased in (False, True) if form == word else (True,):
                    si = self._known_shape(form, cased, shape_of[cased])
                    if si is not None:
                        tables[cased][form] = (li, si)
        return tables

    def _known_shape(self, form: str, cased: bool, memo: dict[str, int]) -> int | None:
        """The shape row of a form when the model knows its shape, else None."""
        classes = _classes((form if cased else form.lower())[:16])
        si = memo.get(classes)
        if si is None:
            si = self.shapes.get(_shape_key(_class_features(classes, cased)), -1)
            memo[classes] = si
        return si if si >= 0 else None

    def save(self, path: Path, quantize: bool = False) -> None:
        """Write the model as compressed numpy arrays (score rows float16, or int8 + scale)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tables = {"lex": self.lex, "shape_rows": self.shape_rows, "subword_rows": self.subword_rows}
        optional: dict[str, Any] = {}
        if self.pairs and self.pair_rows is not None:
            optional["s_pairs"] = _pack(_ordered(self.pairs))
            tables["pair_rows"] = self.pair_rows
        if self.word_class:
            optional["s_classes"] = _pack(f"{w}\t{c}" for w, c in self.word_class.items())
        for name, table in tables.items():
            optional.update(_store_rows(name, table, quantize))
        np.savez_compressed(
            path,
            **optional,
            s_labels=_pack(self.labels),
            s_vocab=_pack(_ordered(self.vocab)),
            s_shapes=_pack(_ordered(self.shapes)),
            s_subword=_pack(_ordered(self.subword)),
            s_meta=_pack([f"{k}\t{v}" for k, v in self.meta.items()]),
            trans=self.trans.astype(np.float32),
        )

    # ----------------------------------------------------------------- tagging
    @property
    def context(self) -> int:
        """Neighbours on each side that score a token (from the width of the score rows)."""
        width = int(self.lex.shape[1]) // len(self.labels)
        return (width - 1) // 2

    def tag_spans(self, text: str, toks: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Entity spans ``(first_token, end_token_exclusive, type)`` of one sentence."""
        return self.tag_sentences([[t.text for t in toks]])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Spans for many sentences at once (cheaper per sentence than one call each)."""
        labels = self.bio
        # most sentences name nothing: skip building their tag strings
        return [
            spans_of([labels[i] for i in p]) if any(p) else [] for p in self.label_ids(sentences)
        ]

    def tag_tags(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for many sentences at once (a BIOES model's labels mapped to BIO)."""
        return [[self.bio[i] for i in path] for path in self.label_ids(sentences)]

    def label_ids(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        """Best label index paths for token-form sentences."""
        sents = [s for s in sentences if s]
        if not sents:
            return [[] for _ in sentences]
        emit, lengths = self.emissions(sents)
        paths = iter(viterbi(emit, self.trans, lengths))
        return [next(paths) if s else [] for s in sentences]

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, list[int]]:
        """Padded emission scores ``[B, T, L]`` and the sentence lengths."""
        lex_ids, shape_ids, extra_lex, extra_shape, pair_ids = self._encode(sentences)
        rows = _gather(self.lex, lex_ids, extra_lex) + _gather(
            self.shape_rows, shape_ids, extra_shape
        )
        if pair_ids is not None and self.pair_rows is not None:
            for ids in pair_ids:
                rows += self.pair_rows[ids]
        n_labels = len(self.labels)
        lengths = [len(s) for s in sentences]
        context = self.context
        starts = np.cumsum([0] + [n + 2 * context for n in lengths[:-1]]) + context
        steps = max(lengths)
        # positions[b, t] indexes the flat sequence; padded slots repeat the last token
        offs = np.minimum(np.arange(steps)[None, :], np.asarray(lengths)[:, None] - 1)
        positions = starts[:, None] + offs
        # each flat slot's score (the same additions, in the same order, as per padded slot),
        # then one gather into the padded batch
        n_flat = len(rows)
        flat = np.zeros((n_flat, n_labels), dtype=np.float32)
        for k in range(2 * context + 1):
            shift = k - context  # slot p takes row p + shift's k-th block
            lo, hi = max(0, -shift), n_flat - max(0, shift)
            flat[lo:hi] += rows[lo + shift : hi + shift, k * n_labels : (k + 1) * n_labels]
        emit: FloatArray = flat[positions]
        return emit, lengths

    def _encode(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[IntArray, IntArray, list[FloatArray], list[FloatArray], list[IntArray] | None]:
        """Flat lex/shape row ids for padded sentences; unknown forms get rows made here."""
        extra = _Extra([], [], {}, {})
        pad = self._form_ids(PAD, True, extra)
        pairs: list[tuple[int, int]] = [pad]
        # one memo per case mode: an article repeats most of its word forms
        memo: tuple[dict[str, int], dict[str, int]] = ({}, {})
        flat: list[int] = []
        edge = [0] * self.context
        for sent in sentences:
            joined = " ".join(sent)
            cased = joined != joined.lower()
            seen = memo[cased]
            known = self.known[cased]
            flat += edge
            for form in sent:
                k = seen.get(form)
                if k is None:
                    k = seen[form] = len(pairs)
                    ids = known.get(form)
                    pairs.append(ids if ids is not None else self._form_ids(form, cased, extra))
                flat.append(k)
            flat += edge
        ids = np.asarray(pairs)[np.asarray(flat)]
        pair_ids = self._pair_ids(flat, memo) if self.pairs else None
        return ids[:, 0], ids[:, 1], extra.lex, extra.shape, pair_ids

    def _pair_ids(self, flat: Sequence[int], memo: Sequence[Mapping[str, int]]) -> list[IntArray]:
        """Word-pair rows of every flat slot (its form and the next one's), then class-pair rows.

        The second array exists only for a model with class pairs.
        """
        lower = [PAD] * (1 + sum(len(m) for m in memo))
        for seen in memo:
            for form, k in seen.items():
                lower[k] = form.lower()
        forms = [lower[k] for k in flat]
        out = [self._pair_rows_of(forms)]
        if self.word_class:
            get = self.word_class.get
            out.append(self._pair_rows_of([get(f, "-") for f in forms], "#"))
        return out

    def _pair_rows_of(self, keys: Sequence[str], prefix: str = "") -> IntArray:
        get = self.pairs.get
        # after the last slot comes padding: PAD for words, "^" for classes (as in training)
        pairs = zip(keys, [*keys[1:], "^" if prefix else PAD], strict=True)
        return np.fromiter(
            (get(f"{prefix}{a} {b}", 0) for a, b in pairs), dtype=np.int64, count=len(keys)
        )

    def _form_ids(self, form: str, cased: bool, extra: _Extra) -> tuple[int, int]:
        """Lex and shape row ids of one form; unknown ones get rows in ``extra``."""
        lower = form.lower()
        li = self.vocab.get(lower)
        if li is None:
            li = extra.lex_index.get(lower)
            if li is None:
                li = extra.lex_index[lower] = len(self.vocab) + len(extra.lex)
                extra.lex.append(
                    self._compose(
                        lexical_features(
                            lower,
                            self.gazetteer,
                            None,
                            with_word=False,
                            ngram_buckets=self.ngram_buckets,
                            case="?" if self.case_features else None,
                        )
                    )
                )
        if form == PAD:
            return li, self.shapes[_shape_key(shape_features(PAD, cased))]
        classes = _classes((form if cased else lower)[:16])
        si = extra.class_index.get((classes, cased))
        if si is None:
            feats = _class_features(classes, cased)
            si = self.shapes.get(_shape_key(feats))
            if si is None:
                si = len(self.shapes) + len(extra.shape)
                extra.shape.append(self._compose(feats))
            extra.class_index[classes, cased] = si
        return li, si

    def _compose(self, feats: Iterable[str]) -> FloatArray:
        """The score row of an unseen form or shape: the sum of its known features' rows."""
        ids = [self.subword[f] for f in feats if f in self.subword]
        row: FloatArray = self.subword_rows[ids].sum(axis=0, keepdims=True)
        return row


@dataclass
class _Extra:
    """Rows made during one call for forms and shapes the model does not know."""

    lex: list[FloatArray]
    shape: list[FloatArray]
    lex_index: dict[str, int]
    class_index: dict[tuple[str, bool], int]


def _gather(table: FloatArray, ids: IntArray, extra: list[FloatArray]) -> FloatArray:
    """``table[ids]``, where ids from ``len(table)`` on index the rows in ``extra``."""
    if not extra:
        rows: FloatArray = table[ids]
        return rows
    known = len(table)
    rows = table[np.minimum(ids, known - 1)]
    new = ids >= known
    rows[new] = np.vstack(extra)[ids[new] - known]
    return rows


def _store_rows(name: str, table: FloatArray, quantize: bool) -> dict[str, Any]:
    """A score table as float16, or as int8 with one float32 scale per row (half the size)."""
    if not quantize:
        return {name: table.astype(np.float16)}
    scale = np.abs(table).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    return {
        name: np.rint(table / scale).astype(np.int8),
        name + "_scale": scale.astype(np.float32),
    }


def _rows(arrays: Mapping[str, npt.NDArray[Any]], name: str) -> FloatArray:
    """A score table as float32, undoing int8 quantisation where the file has a scale."""
    rows: FloatArray = arrays[name].astype(np.float32)
    scale = arrays.get(name + "_scale")
    if scale is not None:
        rows *= scale
    return rows


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
